/**
 * The turn journal: what the core answered to each keyed message, committed
 * in ONE transaction with what the turn changed — the conversation save
 * (compare-and-set) and the outbox notices its reply shows. A channel that
 * works a message again (a restart between the commit and storing the reply
 * in its inbox, a retry) therefore finds the turn committed and gets the same
 * replies back instead of a second answer on the state the first one left.
 *
 * The same transaction writes the turn's log and audit rows, intake answers
 * and the like (turn-write.ts), held back while the turn routed: a turn cut
 * before its commit leaves none of them, and its replay writes them once.
 *
 * An intake's outcome (intake-outcome.repository.ts) or an application's
 * status change (application.repository.ts) commits in the middle of a turn;
 * its transaction writes the turn's row first, with `before` — the state the
 * turn started from — so an unfinished turn is replayed on that state, where
 * the keyed outcome is found instead of written again.
 *
 * On SQLite the turns of several users that are ready at the same moment
 * share one transaction, each in its own savepoint (group-commit.ts): the
 * commit resolves only after that transaction's COMMIT, and a turn that
 * fails there fails alone.
 */
import { saveSqlite, savePrisma, toRecord as conversationRecord, type ConversationRecord, type SaveConversationInput } from "./conversation.repository.ts";
import type { RepositoryContext } from "./repository-context.ts";
import type { Tx } from "./prisma-client.ts";
import type { SqliteDirect } from "./sqlite-direct.ts";
import { sqlTextOrNull } from "./sqlite-table.ts";
import { applyTurnWritesPrisma, applyTurnWritesSqlite, type TurnWrite } from "./turn-write.ts";
import { ConcurrentUpdateError } from "./store-errors.ts";

export interface TurnJournalEntry {
  /** the turn's replies as stored (src/assistant/reply-codec.ts); null while the turn is unfinished */
  replies: string | null;
  /** the state the turn started from (JSON), when an outcome was committed mid-turn */
  before: string | null;
}

export interface TurnCommit {
  /** the message's key; omitted for a turn nothing redelivers (a console line): its writes commit, no journal row */
  key?: string;
  /** the turn's replies as stored (required with `key`) */
  replies?: string;
  /** written first, in order */
  writes?: readonly TurnWrite[];
  /** the conversation as the turn leaves it, built after `writes` (a question log's id goes into the state); undefined when the turn changed nothing */
  conversation?: () => SaveConversationInput | undefined;
  /** outbox notices shown with this reply */
  deliveredNotificationIds?: readonly number[];
}

/**
 * The turn this outcome is committed in: its key and the state it started
 * from, recorded in the outcome's transaction so an unfinished turn is
 * replayed on that state rather than on the saved one.
 */
export interface TurnStart {
  key: string;
  before: () => string;
}

/** Inside an outcome's transaction: the turn's row with its start (kept if a replay of the same turn comes here again). */
export async function recordTurnStart(tx: Tx, turn: TurnStart | undefined, at: Date): Promise<void> {
  if (!turn) return;
  await tx.turnRecord.upsert({ where: { key: turn.key }, create: { key: turn.key, before: turn.before(), createdAt: at }, update: {} });
}

/** The same as plain SQL on SQLite, for a caller that holds the gate and has begun the transaction. */
export async function recordTurnStartSqlite(sqlite: SqliteDirect, turn: TurnStart | undefined, at: Date): Promise<void> {
  if (!turn) return;
  await sqlite.execute(`INSERT INTO "TurnRecord" ("key", "replies", "before", "createdAt") VALUES (?, NULL, ?, ?) ON CONFLICT ("key") DO NOTHING`, [
    turn.key,
    turn.before(),
    at,
  ]);
}

export interface TurnJournalRepository {
  find(key: string): Promise<TurnJournalEntry | undefined>;
  /**
   * The turn's writes, the conversation save, the notices marked delivered
   * and the replies, in one transaction; returns the saved conversation (undefined when none was
   * given). Throws `ConcurrentUpdateError` when another save came first.
   */
  commit(input: TurnCommit): Promise<ConversationRecord | undefined>;
  /** Deletes turns recorded before `before`; returns how many. */
  prune(before: Date): Promise<number>;
}

export function createTurnJournalRepository({ db, exclusive, now, sqlite, group }: RepositoryContext): TurnJournalRepository {
  const conflict = (input: SaveConversationInput) =>
    new ConcurrentUpdateError("conversation", String(input.userId), input.expectedVersion, undefined);

  return {
    async find(key) {
      if (sqlite) {
        const [row] = await exclusive(() => sqlite.query(`SELECT "replies", "before" FROM "TurnRecord" WHERE "key" = ?`, [key]));
        return row ? { replies: sqlTextOrNull(row.replies), before: sqlTextOrNull(row.before) } : undefined;
      }
      const row = await exclusive(() => db.turnRecord.findUnique({ where: { key }, select: { replies: true, before: true } }));
      return row ?? undefined;
    },

    async commit(input) {
      const ids = [...(input.deliveredNotificationIds ?? [])];
      const writes = input.writes ?? [];
      const key = input.key;
      if (key !== undefined && input.replies === undefined) throw new TypeError("a keyed turn is committed with its replies");
      if (sqlite && group) {
        // With the turns of other users that are ready now, in one transaction; settles after its COMMIT.
        return group.submit(async () => {
          const at = now();
          await applyTurnWritesSqlite(sqlite, writes, at);
          let saved: ConversationRecord | undefined;
          const conversation = input.conversation?.();
          if (conversation) {
            saved = await saveSqlite(sqlite, conversation);
            // Thrown inside the turn's savepoint: nothing of this turn is kept, the other turns are.
            if (!saved) throw conflict(conversation);
          }
          if (ids.length > 0) {
            await sqlite.execute(
              `UPDATE "Notification" SET "deliveredAt" = ? WHERE "deliveredAt" IS NULL AND "id" IN (${ids.map(() => "?").join(", ")})`,
              [at, ...ids],
            );
          }
          if (key !== undefined) {
            await sqlite.execute(
              `INSERT INTO "TurnRecord" ("key", "replies", "before", "createdAt") VALUES (?, ?, NULL, ?)
               ON CONFLICT ("key") DO UPDATE SET "replies" = excluded."replies", "before" = NULL`,
              [key, input.replies!, at],
            );
          }
          return saved;
        });
      }
      return exclusive(() =>
        db.$transaction(async (tx) => {
          const at = now();
          await applyTurnWritesPrisma(tx, writes, at);
          let saved: ConversationRecord | undefined;
          const conversation = input.conversation?.();
          if (conversation) {
            const row = await savePrisma(tx, conversation);
            if (!row) throw conflict(conversation);
            saved = conversationRecord(row);
          }
          if (ids.length > 0) await tx.notification.updateMany({ where: { id: { in: ids }, deliveredAt: null }, data: { deliveredAt: at } });
          if (key !== undefined) {
            await tx.turnRecord.upsert({
              where: { key },
              create: { key, replies: input.replies!, createdAt: at },
              update: { replies: input.replies!, before: null },
            });
          }
          return saved;
        }),
      );
    },

    async prune(before) {
      if (sqlite) return exclusive(() => sqlite.execute(`DELETE FROM "TurnRecord" WHERE "createdAt" < ?`, [before]));
      const { count } = await exclusive(() => db.turnRecord.deleteMany({ where: { createdAt: { lt: before } } }));
      return count;
    },
  };
}
