/**
 * The inbox worker's promises, on the in-memory inbox with a recording
 * platform: a turn is answered once, its messages are delivered once each
 * across retries and restarts, a chat stays in order behind a re-queued
 * update, and an unreachable user is given up without retries.
 */
import { describe, expect, it } from "vitest";
import type { Reply } from "../src/assistant/message.types.ts";
import { createInMemoryInbox } from "../bot/shared/in-memory-inbox.ts";
import { createInboxWorker, type DeliveryFailure, type InboxHandler } from "../bot/shared/inbox-worker.ts";
import { captureLogger } from "./support/capture-logger.ts";
import { waitFor } from "./support/telegram-emulator.ts";

class WaitPlease extends Error {
  constructor(public readonly seconds: number) {
    super(`429: retry after ${seconds}`);
  }
}
class Blocked extends Error {}

const classify = (err: unknown): DeliveryFailure =>
  err instanceof WaitPlease ? { kind: "retry-after", seconds: err.seconds } : err instanceof Blocked ? { kind: "undeliverable" } : { kind: "error" };

/** A platform that records what reached each chat, and a core that answers every update with three messages. */
function setup(options: { failOnce?: { update: string; step: number; error: Error }; hangAt?: { update: string; step: number } } = {}) {
  const delivered: { chat: string; text: string }[] = [];
  const answered: string[] = [];
  let failed = false;
  const handle: InboxHandler = async (row, progress) => {
    let replies = progress.replies;
    if (!replies) {
      answered.push(row.externalId);
      replies = [1, 2, 3].map((n): Reply => ({ kind: "text", text: `${row.externalId}/${n}` }));
      await progress.saveReplies(replies);
    }
    for (const [i, reply] of replies.entries()) {
      if (i < progress.sentSteps) continue;
      if (options.hangAt?.update === row.externalId && options.hangAt.step === i) await new Promise(() => {});
      if (options.failOnce?.update === row.externalId && options.failOnce.step === i && !failed) {
        failed = true;
        throw options.failOnce.error;
      }
      delivered.push({ chat: row.chatKey, text: (reply as { text: string }).text });
      await progress.stepDone();
    }
  };
  return { delivered, answered, handle };
}

const input = (id: string, chat = "c1") => ({ channel: "test", externalId: id, chatKey: chat, payload: "{}" });

describe("inbox worker", () => {
  it("a platform's 429 in the middle of a turn re-queues it: the rest arrives once, the core is asked once, and the chat's next update waits its turn", async () => {
    const inbox = createInMemoryInbox();
    const platform = setup({ failOnce: { update: "u1", step: 1, error: new WaitPlease(0.3) } });
    const log = captureLogger();
    const worker = createInboxWorker({ channel: "test", inbox, handle: platform.handle, classify, log: log.logger });
    worker.submit((await inbox.accept(input("u1")))!);
    worker.submit((await inbox.accept(input("u2")))!);
    await waitFor(() => inbox.rows().every((r) => r.status === "done"), 10_000, "both updates done");
    expect(platform.delivered.map((d) => d.text)).toEqual(["u1/1", "u1/2", "u1/3", "u2/1", "u2/2", "u2/3"]);
    expect(platform.answered).toEqual(["u1", "u2"]);
    expect(log.find("inbox: the platform asked to wait; the reply is queued again")).toHaveLength(1);
    expect(inbox.rows().every((r) => r.payload === null && r.replies === null)).toBe(true);
    await worker.stop(1_000);
  });

  it("a process stopped mid-delivery leaves the row answered; the next start delivers only what is missing, without asking the core again", async () => {
    const inbox = createInMemoryInbox();
    const first = setup({ hangAt: { update: "u1", step: 2 } });
    const log = captureLogger();
    const before = createInboxWorker({ channel: "test", inbox, handle: first.handle, classify, log: log.logger });
    before.submit((await inbox.accept(input("u1")))!);
    await waitFor(() => first.delivered.length === 2, 5_000, "two messages out");
    await before.stop(200);
    expect(inbox.rows()[0]).toMatchObject({ status: "answered", sentSteps: 2 });

    const second = setup();
    const after = createInboxWorker({ channel: "test", inbox, handle: second.handle, classify, log: log.logger });
    expect(await after.recover()).toBe(1);
    await waitFor(() => inbox.rows()[0]!.status === "done", 5_000, "the row done");
    expect([...first.delivered, ...second.delivered].map((d) => d.text)).toEqual(["u1/1", "u1/2", "u1/3"]);
    expect([...first.answered, ...second.answered]).toEqual(["u1"]);
    await after.stop(1_000);
  });

  it("a user who cannot be reached is logged once and not retried; other chats go on", async () => {
    const inbox = createInMemoryInbox();
    const platform = setup({ failOnce: { update: "gone", step: 0, error: new Blocked("403: bot was blocked by the user") } });
    const log = captureLogger();
    const worker = createInboxWorker({ channel: "test", inbox, handle: platform.handle, classify, log: log.logger });
    worker.submit((await inbox.accept(input("gone", "c9")))!);
    worker.submit((await inbox.accept(input("other", "c10")))!);
    await waitFor(() => inbox.rows().every((r) => r.status === "done" || r.status === "failed"), 5_000, "both finished");
    expect(inbox.rows().map((r) => [r.externalId, r.status])).toEqual([["gone", "failed"], ["other", "done"]]);
    expect(log.find("inbox: the user cannot be reached; reply dropped")).toHaveLength(1);
    expect(platform.delivered.map((d) => d.text)).toEqual(["other/1", "other/2", "other/3"]);
    await worker.stop(1_000);
  });
});
