/**
 * The turn journal: what the core answered to each keyed message, committed
 * in ONE transaction with what the turn changed — the conversation save
 * (compare-and-set) and the outbox notices its reply shows. A channel that
 * works a message again (a restart between the commit and storing the reply
 * in its inbox, a retry) therefore finds the turn committed and gets the same
 * replies back instead of a second answer on the state the first one left.
 *
 * An intake's outcome transaction (intake-outcome.repository.ts) commits in
 * the middle of a turn; it writes the turn's row first, with `before` — the
 * state the turn started from — so an unfinished turn is replayed on that
 * state, where the keyed outcome is found instead of written again.
 */
import { saveSqlite, savePrisma, toRecord as conversationRecord, type ConversationRecord, type SaveConversationInput } from "./conversation.repository.ts";
import type { RepositoryContext } from "./repository-context.ts";
import { sqlTextOrNull } from "./sqlite-table.ts";
import { ConcurrentUpdateError } from "./store-errors.ts";

export interface TurnJournalEntry {
  /** the turn's replies as stored (src/assistant/reply-codec.ts); null while the turn is unfinished */
  replies: string | null;
  /** the state the turn started from (JSON), when an outcome was committed mid-turn */
  before: string | null;
}

export interface TurnCommit {
  key: string;
  replies: string;
  /** the conversation as the turn leaves it; omitted when the turn changed nothing */
  conversation?: SaveConversationInput;
  /** outbox notices shown with this reply */
  deliveredNotificationIds?: readonly number[];
}

export interface TurnJournalRepository {
  find(key: string): Promise<TurnJournalEntry | undefined>;
  /**
   * The conversation save, the notices marked delivered and the replies, in
   * one transaction; returns the saved conversation (undefined when none was
   * given). Throws `ConcurrentUpdateError` when another save came first.
   */
  commit(input: TurnCommit): Promise<ConversationRecord | undefined>;
  /** Deletes turns recorded before `before`; returns how many. */
  prune(before: Date): Promise<number>;
}

export function createTurnJournalRepository({ db, exclusive, now, sqlite }: RepositoryContext): TurnJournalRepository {
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
      if (sqlite) {
        return exclusive(() =>
          sqlite.transaction(async () => {
            let saved: ConversationRecord | undefined;
            if (input.conversation) {
              saved = await saveSqlite(sqlite, input.conversation);
              // Thrown inside the transaction: nothing of the turn is kept.
              if (!saved) throw conflict(input.conversation);
            }
            if (ids.length > 0) {
              await sqlite.execute(
                `UPDATE "Notification" SET "deliveredAt" = ? WHERE "deliveredAt" IS NULL AND "id" IN (${ids.map(() => "?").join(", ")})`,
                [now(), ...ids],
              );
            }
            await sqlite.execute(
              `INSERT INTO "TurnRecord" ("key", "replies", "before", "createdAt") VALUES (?, ?, NULL, ?)
               ON CONFLICT ("key") DO UPDATE SET "replies" = excluded."replies", "before" = NULL`,
              [input.key, input.replies, now()],
            );
            return saved;
          }),
        );
      }
      return exclusive(() =>
        db.$transaction(async (tx) => {
          let saved: ConversationRecord | undefined;
          if (input.conversation) {
            const row = await savePrisma(tx, input.conversation);
            if (!row) throw conflict(input.conversation);
            saved = conversationRecord(row);
          }
          if (ids.length > 0) await tx.notification.updateMany({ where: { id: { in: ids }, deliveredAt: null }, data: { deliveredAt: now() } });
          await tx.turnRecord.upsert({
            where: { key: input.key },
            create: { key: input.key, replies: input.replies, createdAt: now() },
            update: { replies: input.replies, before: null },
          });
          return saved;
        }),
      );
    },

    async prune(before) {
      const { count } = await exclusive(() => db.turnRecord.deleteMany({ where: { createdAt: { lt: before } } }));
      return count;
    },
  };
}
