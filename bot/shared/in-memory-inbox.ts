/**
 * The inbox in memory, for channel tests on the scripted assistant and the
 * adapters' own benchmark: the same contract as the database-backed
 * repository (src/store/inbox.repository.ts), gone when the process ends.
 */
import type { InboxRecord, InboxRepository } from "../../src/store/index.ts";

export function createInMemoryInbox(now: () => Date = () => new Date()): InboxRepository & { rows(): InboxRecord[] } {
  const rows = new Map<number, InboxRecord & { updatedAt: Date }>();
  const keys = new Set<string>();
  let nextId = 1;
  const change = (id: number, patch: Partial<InboxRecord>) => {
    const row = rows.get(id);
    if (row) rows.set(id, { ...row, ...patch, updatedAt: now() });
  };
  const copy = (row: InboxRecord): InboxRecord => ({ ...row });
  const inbox: InboxRepository & { rows(): InboxRecord[] } = {
    async accept(input) {
      const key = `${input.channel}\u0000${input.externalId}`;
      if (keys.has(key)) return undefined;
      keys.add(key);
      const row = {
        ...input,
        id: nextId++,
        status: "pending" as const,
        replies: null,
        sentSteps: 0,
        stepInFlight: false,
        resentSteps: 0,
        attempts: 0,
        notBefore: null,
        lastError: null,
        createdAt: now(),
        updatedAt: now(),
      };
      rows.set(row.id, row);
      return copy(row);
    },
    async acceptMany(inputs) {
      const fresh: InboxRecord[] = [];
      for (const input of inputs) {
        const row = await inbox.accept(input);
        if (row) fresh.push(row);
      }
      return fresh;
    },
    async unfinished(channel) {
      return [...rows.values()].filter((r) => r.channel === channel && (r.status === "pending" || r.status === "answered")).map(copy);
    },
    async get(id) {
      const row = rows.get(id);
      return row && copy(row);
    },
    async saveReplies(id, replies) {
      change(id, { status: "answered", replies, sentSteps: 0 });
    },
    async stepStarted(id, resend) {
      const row = rows.get(id);
      if (row) change(id, { stepInFlight: true, resentSteps: row.resentSteps + (resend ? 1 : 0) });
    },
    async stepsSent(id, sentSteps) {
      change(id, { sentSteps, stepInFlight: false });
    },
    async stepNotSent(id) {
      change(id, { stepInFlight: false });
    },
    async retryLater(id, { notBefore, error, countAttempt }) {
      const row = rows.get(id);
      if (row) change(id, { notBefore, lastError: error, attempts: row.attempts + (countAttempt ? 1 : 0) });
    },
    async finish(id, status, error) {
      change(id, { status, payload: null, replies: null, notBefore: null, lastError: error ?? null });
    },
    async recentSends(channel, since) {
      return [...rows.values()]
        .filter((r) => r.channel === channel && r.updatedAt >= since && (r.sentSteps > 0 || r.stepInFlight))
        .map((r) => ({ chatKey: r.chatKey, count: r.sentSteps + (r.stepInFlight ? 1 : 0), at: r.updatedAt }));
    },
    async prune(before) {
      let count = 0;
      for (const [id, row] of rows) {
        if ((row.status === "done" || row.status === "failed") && row.updatedAt < before) {
          rows.delete(id);
          count++;
        }
      }
      return count;
    },
    rows: () => [...rows.values()].map(copy),
  };
  return inbox;
}
