/**
 * The inbox: every channel update, stored before the platform is told "got
 * it" (the webhook's 200, the next getUpdates offset) and worked afterwards.
 * A row goes pending → answered (the turn's replies are stored) → done, or
 * failed; `sentSteps` counts the platform calls of the replies already made,
 * so a restart resumes delivery where it stopped instead of answering again;
 * `stepInFlight` marks the one call whose outcome a crash can leave unknown.
 * The primary key (channel, externalId) makes a redelivered update a no-op.
 */
import { isUniqueViolation } from "./prisma-client.ts";
import type { RepositoryContext } from "./repository-context.ts";
import type { SqlArg, SqlRow } from "./sqlite-direct.ts";
import { sqlDate, sqlDateOrNull, sqlInt, sqlText, sqlTextOrNull } from "./sqlite-table.ts";

export type InboxStatus = "pending" | "answered" | "done" | "failed";

export interface InboxRecord {
  id: number;
  channel: string;
  externalId: string;
  /** the updates of one chat are worked in order, one at a time */
  chatKey: string;
  status: InboxStatus;
  /** the update as the platform sent it (JSON); null once finished */
  payload: string | null;
  /** the turn's replies (JSON), once answered; null once finished */
  replies: string | null;
  sentSteps: number;
  /** a platform call of the replies was started and its outcome is unknown (a crash or a network error in between) */
  stepInFlight: boolean;
  /** calls sent again because their first outcome was unknown: each may have reached the user twice */
  resentSteps: number;
  attempts: number;
  /** not to be worked before this time (a retry's back-off, a 429's retry_after) */
  notBefore: Date | null;
  lastError: string | null;
  createdAt: Date;
}

export interface AcceptInboxInput {
  channel: string;
  externalId: string;
  chatKey: string;
  payload: string;
}

export interface InboxRepository {
  /** Stores the update; `undefined` when (channel, externalId) is already there (a redelivery). */
  accept(input: AcceptInboxInput): Promise<InboxRecord | undefined>;
  /** Stores a batch in one transaction (a getUpdates answer); returns the rows that were new. */
  acceptMany(inputs: readonly AcceptInboxInput[]): Promise<InboxRecord[]>;
  /** Pending and answered rows of a channel, oldest first: the work a restart resumes. */
  unfinished(channel: string): Promise<InboxRecord[]>;
  get(id: number): Promise<InboxRecord | undefined>;
  /** The turn is answered: its replies are kept until they are delivered. */
  saveReplies(id: number, replies: string): Promise<void>;
  /**
   * A platform call is about to be made; `resend` when it is the call whose
   * earlier outcome was unknown (counted in `resentSteps`).
   */
  stepStarted(id: number, resend: boolean): Promise<void>;
  /** `sentSteps` platform calls of the replies are made (none in flight). */
  stepsSent(id: number, sentSteps: number): Promise<void>;
  /** The platform refused the call in flight: it was not sent. */
  stepNotSent(id: number): Promise<void>;
  /** Work again after `notBefore`; `countAttempt` false for waits the platform asked for (429). */
  retryLater(id: number, input: { notBefore: Date; error: string; countAttempt: boolean }): Promise<void>;
  /** done or failed; payload and replies are cleared (they may hold personal data). */
  finish(id: number, status: "done" | "failed", error?: string): Promise<void>;
  /**
   * Per chat, the platform calls made by rows changed since `since` (a call
   * in flight counts): what a per-member send budget must remember across a restart.
   */
  recentSends(channel: string, since: Date): Promise<{ chatKey: string; count: number; at: Date }[]>;
  /** Deletes finished rows last changed before `before`; returns how many. */
  prune(before: Date): Promise<number>;
}

const COLUMNS = `"id", "channel", "externalId", "chatKey", "status", "payload", "replies", "sentSteps", "stepInFlight", "resentSteps", "attempts", "notBefore", "lastError", "createdAt"`;
/** Errors are stored for the operator; a long one (a stack) is cut. */
const ERROR_LIMIT = 500;

export function createInboxRepository({ db, exclusive, now, sqlite }: RepositoryContext): InboxRepository {
  const insertSqlite = async (input: AcceptInboxInput): Promise<InboxRecord | undefined> => {
    const at = now();
    const [row] = await sqlite!.query(
      `INSERT INTO "InboxUpdate" ("channel", "externalId", "chatKey", "status", "payload", "sentSteps", "attempts", "createdAt", "updatedAt")
       VALUES (?, ?, ?, 'pending', ?, 0, 0, ?, ?) ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [input.channel, input.externalId, input.chatKey, input.payload, at, at],
    );
    return row ? fromSqlite(row) : undefined;
  };
  const update = async (id: number, sql: string, args: SqlArg[], data: Record<string, unknown>) => {
    if (sqlite) {
      await exclusive(() => sqlite.execute(`UPDATE "InboxUpdate" SET ${sql}, "updatedAt" = ? WHERE "id" = ?`, [...args, now(), id]));
      return;
    }
    await exclusive(() => db.inboxUpdate.update({ where: { id }, data: { ...data, updatedAt: now() } }));
  };

  return {
    async accept(input) {
      if (sqlite) return exclusive(() => insertSqlite(input));
      try {
        const row = await exclusive(() => db.inboxUpdate.create({ data: { ...input, createdAt: now() } }));
        return toRecord(row);
      } catch (error) {
        if (isUniqueViolation(error)) return undefined;
        throw error;
      }
    },
    async acceptMany(inputs) {
      if (inputs.length === 0) return [];
      if (sqlite) {
        return exclusive(() =>
          sqlite.transaction(async () => {
            const fresh: InboxRecord[] = [];
            for (const input of inputs) {
              const row = await insertSqlite(input);
              if (row) fresh.push(row);
            }
            return fresh;
          }),
        );
      }
      return exclusive(() =>
        db.$transaction(async (tx) => {
          const fresh: InboxRecord[] = [];
          for (const input of inputs) {
            const existing = await tx.inboxUpdate.findUnique({ where: { channel_externalId: { channel: input.channel, externalId: input.externalId } } });
            if (existing) continue;
            fresh.push(toRecord(await tx.inboxUpdate.create({ data: { ...input, createdAt: now() } })));
          }
          return fresh;
        }),
      );
    },
    async unfinished(channel) {
      if (sqlite) {
        const rows = await exclusive(() =>
          sqlite.query(`SELECT ${COLUMNS} FROM "InboxUpdate" WHERE "channel" = ? AND "status" IN ('pending', 'answered') ORDER BY "id" ASC`, [channel]),
        );
        return rows.map(fromSqlite);
      }
      const rows = await exclusive(() =>
        db.inboxUpdate.findMany({ where: { channel, status: { in: ["pending", "answered"] } }, orderBy: { id: "asc" } }),
      );
      return rows.map(toRecord);
    },
    async get(id) {
      if (sqlite) {
        const [row] = await exclusive(() => sqlite.query(`SELECT ${COLUMNS} FROM "InboxUpdate" WHERE "id" = ?`, [id]));
        return row ? fromSqlite(row) : undefined;
      }
      const row = await exclusive(() => db.inboxUpdate.findUnique({ where: { id } }));
      return row ? toRecord(row) : undefined;
    },
    saveReplies: (id, replies) =>
      update(id, `"status" = 'answered', "replies" = ?, "sentSteps" = 0`, [replies], { status: "answered", replies, sentSteps: 0 }),
    stepStarted: (id, resend) =>
      update(id, `"stepInFlight" = ?, "resentSteps" = "resentSteps" + ?`, [true, resend ? 1 : 0], {
        stepInFlight: true,
        resentSteps: { increment: resend ? 1 : 0 },
      }),
    stepsSent: (id, sentSteps) => update(id, `"sentSteps" = ?, "stepInFlight" = ?`, [sentSteps, false], { sentSteps, stepInFlight: false }),
    stepNotSent: (id) => update(id, `"stepInFlight" = ?`, [false], { stepInFlight: false }),
    async retryLater(id, { notBefore, error, countAttempt }) {
      const lastError = error.slice(0, ERROR_LIMIT);
      const bump = countAttempt ? 1 : 0;
      await update(id, `"notBefore" = ?, "lastError" = ?, "attempts" = "attempts" + ?`, [notBefore, lastError, bump], {
        notBefore,
        lastError,
        attempts: { increment: bump },
      });
    },
    async finish(id, status, error) {
      const lastError = error?.slice(0, ERROR_LIMIT) ?? null;
      await update(id, `"status" = ?, "payload" = NULL, "replies" = NULL, "notBefore" = NULL, "lastError" = ?`, [status, lastError], {
        status,
        payload: null,
        replies: null,
        notBefore: null,
        lastError,
      });
    },
    async recentSends(channel, since) {
      if (sqlite) {
        const rows = await exclusive(() =>
          sqlite.query(
            `SELECT "chatKey", "sentSteps", "stepInFlight", "updatedAt" FROM "InboxUpdate"
             WHERE "channel" = ? AND "updatedAt" >= ? AND ("sentSteps" > 0 OR "stepInFlight" = 1)`,
            [channel, since],
          ),
        );
        return rows.map((r) => ({ chatKey: sqlText(r.chatKey), count: sqlInt(r.sentSteps) + (sqlInt(r.stepInFlight) === 1 ? 1 : 0), at: sqlDate(r.updatedAt) }));
      }
      const rows = await exclusive(() =>
        db.inboxUpdate.findMany({
          where: { channel, updatedAt: { gte: since }, OR: [{ sentSteps: { gt: 0 } }, { stepInFlight: true }] },
          select: { chatKey: true, sentSteps: true, stepInFlight: true, updatedAt: true },
        }),
      );
      return rows.map((r) => ({ chatKey: r.chatKey, count: r.sentSteps + (r.stepInFlight ? 1 : 0), at: r.updatedAt }));
    },
    async prune(before) {
      if (sqlite) return exclusive(() => sqlite.execute(`DELETE FROM "InboxUpdate" WHERE "status" IN ('done', 'failed') AND "updatedAt" < ?`, [before]));
      const { count } = await exclusive(() =>
        db.inboxUpdate.deleteMany({ where: { status: { in: ["done", "failed"] }, updatedAt: { lt: before } } }),
      );
      return count;
    },
  };
}

/** Only the record's fields (a Prisma row also has updatedAt). */
function toRecord(row: InboxRecord): InboxRecord {
  const { id, channel, externalId, chatKey, status, payload, replies, sentSteps, stepInFlight, resentSteps, attempts, notBefore, lastError, createdAt } = row;
  return { id, channel, externalId, chatKey, status, payload, replies, sentSteps, stepInFlight, resentSteps, attempts, notBefore, lastError, createdAt };
}

function fromSqlite(r: SqlRow): InboxRecord {
  return {
    id: sqlInt(r.id),
    channel: sqlText(r.channel),
    externalId: sqlText(r.externalId),
    chatKey: sqlText(r.chatKey),
    status: sqlText(r.status) as InboxStatus,
    payload: sqlTextOrNull(r.payload),
    replies: sqlTextOrNull(r.replies),
    sentSteps: sqlInt(r.sentSteps),
    stepInFlight: sqlInt(r.stepInFlight) === 1,
    resentSteps: sqlInt(r.resentSteps),
    attempts: sqlInt(r.attempts),
    notBefore: sqlDateOrNull(r.notBefore),
    lastError: sqlTextOrNull(r.lastError),
    createdAt: sqlDate(r.createdAt),
  };
}
