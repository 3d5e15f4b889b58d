/**
 * Deletes finished inbox rows, processed-update ids and journaled turns by
 * age, at start and then every hour. They are kept 48 h: longer than Telegram keeps an
 * undelivered update (24 h) and far longer than WeCom retries a callback
 * (three times within about 15 s), so a redelivery always still finds its
 * row, and a message retried within Telegram's day still finds its turn.
 * Unfinished inbox rows are never pruned: they are work.
 */
import type { Logger } from "../../src/logging/logger.ts";
import type { Store } from "../../src/store/index.ts";

export const KEEP_FINISHED_MS = 48 * 3_600_000;
const EVERY_MS = 3_600_000;

/** Prunes now and then every hour; `stop()` ends the schedule. */
export function schedulePruning(store: Pick<Store, "inbox" | "processedUpdates" | "turns">, log: Logger, now: () => number = Date.now): { stop(): void } {
  const prune = async () => {
    const before = new Date(now() - KEEP_FINISHED_MS);
    try {
      const inbox = await store.inbox.prune(before);
      const processed = await store.processedUpdates.prune(before);
      const turns = await store.turns.prune(before);
      if (inbox + processed + turns > 0) log.info({ inbox, processed, turns, before }, "pruned finished updates older than 48 h");
    } catch (err) {
      log.warn({ err }, "could not prune old updates; will try again in an hour");
    }
  };
  void prune();
  const timer = setInterval(() => void prune(), EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
