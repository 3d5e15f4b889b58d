/**
 * What a running bot deletes on its own: finished inbox rows, processed
 * update ids and journaled turns older than 48 h (longer than Telegram keeps
 * an update and WeCom retries a callback), at start and every hour after.
 * Unfinished inbox rows are work and stay whatever their age.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { KEEP_FINISHED_MS, schedulePruning } from "../bot/shared/prune-schedule.ts";
import { loadConfig } from "../src/config.ts";
import { createStore, migrateDatabase, type Store } from "../src/store/index.ts";
import { captureLogger } from "./support/capture-logger.ts";

let dataDir: string | undefined;
let store: Store | undefined;
afterAll(async () => {
  await store?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("the pruning schedule", () => {
  it("at start and then every hour deletes finished rows and turns older than 48 h, and keeps unfinished work", async () => {
    dataDir = await mkdtemp(join(tmpdir(), "ipzone-prune-"));
    const config = loadConfig({ NODE_ENV: "test", DATA_DIR: dataDir });
    await migrateDatabase(config);
    // The store's clock writes the rows; the schedule's clock decides what is old.
    let storeNow = new Date("2026-01-01T00:00:00Z");
    store = await createStore(config, { now: () => storeNow });
    const accept = (id: string) => store!.inbox.accept({ channel: "telegram", externalId: id, chatKey: "1", payload: "{}" });

    const oldDone = (await accept("old-done"))!;
    await store.inbox.finish(oldDone.id, "done");
    const oldPending = (await accept("old-pending"))!;
    await store.turns.commit({ key: "telegram:1:old", replies: "[]" });
    storeNow = new Date("2026-01-02T12:00:00Z");
    const recentDone = (await accept("recent-done"))!;
    await store.inbox.finish(recentDone.id, "done");
    await store.turns.commit({ key: "telegram:1:recent", replies: "[]" });

    const logged = captureLogger();
    let now = new Date("2026-01-03T01:00:00Z").getTime(); // 49 h after the first rows
    const timers: (() => void)[] = [];
    const realSetInterval = globalThis.setInterval;
    // The hourly tick, taken in hand so the test need not wait an hour.
    globalThis.setInterval = ((fn: () => void) => {
      timers.push(fn);
      return { unref() {} } as unknown as ReturnType<typeof setInterval>;
    }) as typeof setInterval;
    let schedule: { stop(): void };
    try {
      schedule = schedulePruning(store, logged.logger, () => now);
    } finally {
      globalThis.setInterval = realSetInterval;
    }
    const waitForLog = async (n: number) => {
      for (let i = 0; i < 100 && logged.find("pruned").length < n; i++) await new Promise((r) => setTimeout(r, 20));
    };
    await waitForLog(1);
    expect(await store.inbox.get(oldDone.id)).toBeUndefined();
    expect(await store.inbox.get(oldPending.id)).toMatchObject({ status: "pending" });
    expect(await store.inbox.get(recentDone.id)).toMatchObject({ status: "done" });
    expect(await store.turns.find("telegram:1:old")).toBeUndefined();
    expect(await store.turns.find("telegram:1:recent")).toMatchObject({ replies: "[]" });

    // An hour later the recent ones are past 48 h too.
    now += 3_600_000 + KEEP_FINISHED_MS;
    expect(timers).toHaveLength(1);
    timers[0]!();
    await waitForLog(2);
    expect(await store.inbox.get(recentDone.id)).toBeUndefined();
    expect(await store.turns.find("telegram:1:recent")).toBeUndefined();
    expect(await store.inbox.get(oldPending.id)).toMatchObject({ status: "pending" });
    schedule.stop();
  }, 60_000);
});
