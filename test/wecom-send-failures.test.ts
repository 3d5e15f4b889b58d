/**
 * What WeCom's message/send can answer besides "ok", read and acted on:
 * 45009 (the app's call frequency is over WeCom's limit) re-queues the reply
 * for the minute WeCom asks — nothing dropped, nothing failed — and
 * `invaliduser` naming the member (left the company, outside the app's range)
 * is logged once and the message finished as failed, not retried.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInMemoryInbox } from "../bot/shared/in-memory-inbox.ts";
import type { RunningChannel } from "../bot/shared/channel-deps.ts";
import { startWecom } from "../bot/wecom/index.ts";
import { captureLogger } from "./support/capture-logger.ts";
import { wecomTestConfig } from "./support/channel-test-config.ts";
import { createScriptedAssistant } from "./support/scripted-assistant.ts";
import { createWecomFake, waitFor, type WecomFake } from "./support/wecom-fake.ts";

let wecom: WecomFake;
let channel: RunningChannel;
const inbox = createInMemoryInbox();
const log = captureLogger();
const SEND = "/cgi-bin/message/send";

beforeAll(async () => {
  wecom = await createWecomFake();
  const config = { ...wecomTestConfig({ ...wecom.corp, apiBase: wecom.apiBase }), web: undefined };
  channel = await startWecom(config, createScriptedAssistant(), { inbox, logger: log.logger });
});
afterAll(async () => {
  await channel?.stop();
  await wecom?.stop();
});

const row = (externalId: string) => inbox.rows().find((r) => r.externalId === externalId);

describe("WeCom send results", () => {
  it("45009: the reply waits a minute in the inbox, answered and not failed, and nothing reaches the member yet", async () => {
    wecom.failNext(SEND, 45009);
    const before = Date.now();
    expect((await wecom.user(channel.address!, "busyapp").send("你好", { msgId: "freq-1" })).status).toBe(200);
    await waitFor(() => row("freq-1")?.notBefore ?? undefined, 10_000, "the re-queue");
    const waiting = row("freq-1")!;
    expect(waiting.status).toBe("answered");
    expect(waiting.notBefore!.getTime()).toBeGreaterThanOrEqual(before + 55_000);
    expect(waiting.lastError).toContain("45009");
    expect(wecom.sent("busyapp")).toEqual([]);
    expect(log.find("the platform asked to wait")).toHaveLength(1);
  });

  it("invaliduser: logged once, the message finished as failed, message/send not called again", async () => {
    wecom.markInvalid("gone");
    expect((await wecom.user(channel.address!, "gone").send("你好", { msgId: "gone-1" })).status).toBe(200);
    await waitFor(() => (row("gone-1")?.status === "failed" ? true : undefined), 10_000, "the message given up");
    await new Promise((r) => setTimeout(r, 1_500));
    expect(wecom.calls(SEND).filter((c) => c.errcode === 0).length).toBeGreaterThan(0);
    expect(row("gone-1")!.lastError).toContain("invaliduser");
    expect(log.find("the user cannot be reached")).toHaveLength(1);
    const sendsToGone = wecom.calls(SEND).length;
    await new Promise((r) => setTimeout(r, 1_500));
    expect(wecom.calls(SEND).length).toBe(sendsToGone);
  });
});
