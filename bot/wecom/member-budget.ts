/**
 * WeCom's per-member send limit as a sliding window: at most `perMinute`
 * messages to one member in any 60 s. `take` either books a slot (returns 0)
 * or says how many ms until the next slot frees; nothing is dropped — the
 * caller re-queues the message for then. The window lives in memory; a
 * restart refills it from the inbox (`remember`: the sends the rows of the
 * last minute record), so a member does not get a second window's worth in
 * the minute of a restart — which WeCom would silently drop.
 */
export interface MemberBudget {
  /** 0 and a slot booked, or the ms to wait */
  take(member: string): number;
  /** `count` sends to `member` made at `at` (ms), by an earlier run of the process */
  remember(member: string, at: number, count: number): void;
}

const WINDOW_MS = 60_000;

export function createMemberBudget(options: { perMinute: number; now?: () => number }): MemberBudget {
  const now = options.now ?? Date.now;
  const sent = new Map<string, number[]>();
  return {
    take(member) {
      const t = now();
      const times = (sent.get(member) ?? []).filter((at) => at > t - WINDOW_MS);
      if (times.length >= options.perMinute) {
        sent.set(member, times);
        return times[0]! + WINDOW_MS - t;
      }
      times.push(t);
      sent.set(member, times);
      if (sent.size > 10_000) {
        for (const [key, list] of sent) if (list.every((at) => at <= t - WINDOW_MS)) sent.delete(key);
      }
      return 0;
    },
    remember(member, at, count) {
      if (at <= now() - WINDOW_MS || count <= 0) return;
      const times = [...(sent.get(member) ?? []), ...Array.from({ length: count }, () => at)].sort((a, b) => a - b);
      sent.set(member, times);
    },
  };
}
