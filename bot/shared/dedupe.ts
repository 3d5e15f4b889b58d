/**
 * One effect per platform update. Telegram re-sends an update when our
 * webhook answer is slow or lost, and WeCom retries a callback up to three
 * times when it gets no answer within 5 s; both carry an id (`update_id`,
 * `MsgId`) that we record before acting.
 *
 * The port is one method so any store fits behind it: bot/start-channels.ts
 * passes the database-backed one from src/store, tests the in-memory one.
 */
import type { Logger } from "../../src/logging/logger.ts";
import type { ChannelId } from "../../src/assistant/message.types.ts";

export interface ProcessedUpdates {
  /**
   * Records `id` for `channel` and says whether it was new. Must be atomic:
   * of two concurrent calls with the same id exactly one gets `true`.
   *
   * @example if (!(await processed.markIfNew("telegram", String(update.update_id)))) return;
   */
  markIfNew(channel: ChannelId, id: string): Promise<boolean>;
}

/**
 * In-memory `ProcessedUpdates` for tests and single-process runs. Keeps the
 * most recent `capacity` ids per process; older ones are forgotten first
 * (platforms redeliver within minutes, not after thousands of updates).
 */
export function createInMemoryProcessedUpdates(options: { capacity?: number } = {}): ProcessedUpdates {
  const capacity = options.capacity ?? 50_000;
  const seen = new Set<string>();
  return {
    async markIfNew(channel, id) {
      const key = `${channel}:${id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      if (seen.size > capacity) {
        // A Set iterates in insertion order, so the first entry is the oldest.
        const oldest = seen.values().next().value;
        if (oldest !== undefined) seen.delete(oldest);
      }
      return true;
    },
  };
}

/**
 * Whether to handle this update: false only when the store says it was seen.
 * When the store itself fails, answering twice is better than not answering,
 * so the update is handled and the failure logged.
 */
export async function isFirstDelivery(processed: ProcessedUpdates, channel: ChannelId, id: string, log: Logger): Promise<boolean> {
  try {
    return await processed.markIfNew(channel, id);
  } catch (err) {
    log.warn({ channel, updateId: id, err }, "processed-updates store failed; handling the update anyway");
    return true;
  }
}
