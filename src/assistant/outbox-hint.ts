/**
 * Whether a user may have undelivered notices, so that a turn reads the
 * outbox only when it may hold something. Notices are enqueued by this
 * process (`notify.ts` marks the user), so with SQLite — one bot process —
 * a user checked since their last mark has none. Another process writing to
 * the same file (a staff member's `chat`) is caught by re-checking each user
 * at least every `recheckMs`. With PostgreSQL, several instances enqueue:
 * every turn checks.
 */
export interface OutboxHint {
  /** a notice was just enqueued for this user */
  mark(userId: number): void;
  /** call before reading the outbox; pass the token to `checked` once read */
  begin(userId: number): { needed: boolean; token: number };
  checked(userId: number, token: number): void;
}

export function createOutboxHint(options: { recheckMs?: number; capacity?: number; clock?: () => number } = {}): OutboxHint {
  const recheckMs = options.recheckMs ?? 30_000;
  const capacity = options.capacity ?? 10_000;
  const clock = options.clock ?? Date.now;
  // A sequence, not the time, orders marks against checks: a mark made while
  // a check's query runs is newer than that check and is not lost.
  let seq = 0;
  const marked = new Map<number, number>();
  const checks = new Map<number, { token: number; at: number }>();
  const bounded = (map: Map<number, unknown>) => {
    if (map.size > capacity) map.delete(map.keys().next().value!);
  };
  return {
    mark(userId) {
      marked.delete(userId);
      marked.set(userId, ++seq);
      bounded(marked);
    },
    begin(userId) {
      const check = checks.get(userId);
      const needed = !check || (marked.get(userId) ?? 0) > check.token || clock() - check.at > recheckMs;
      return { needed, token: ++seq };
    },
    checked(userId, token) {
      checks.delete(userId);
      checks.set(userId, { token, at: clock() });
      bounded(checks);
    },
  };
}

/** Every turn reads the outbox. */
export const ALWAYS_CHECK_OUTBOX: OutboxHint = { mark() {}, begin: () => ({ needed: true, token: 0 }), checked() {} };
