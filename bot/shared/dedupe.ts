/**
 * One effect per platform update. Telegram re-sends an update when our
 * webhook answer is slow or lost, and WeCom retries a callback up to three
 * times when it gets no answer within 5 s; both carry an id (`update_id`,
 * `MsgId`) that we record before acting.
 *
 * The port is one method so any store fits behind it; the lead wires the
 * Prisma-backed implementation from src/store, tests use the in-memory one.
 */
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
