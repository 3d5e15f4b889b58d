/**
 * What a finished intake leaves behind — the application (or the Zibo
 * estimate), its audit entry and the conversation that moved past the intake
 * — written in ONE transaction, so a failure anywhere keeps none of it and
 * the turn can simply run again.
 *
 * Keyed by the intake (`intakeKey`, unique in the table): a second call with
 * the key of an intake already saved creates nothing and returns the first
 * record, so however often the completing turn is retried — a redelivered
 * update, a crash before the reply, two processes on one user — one intake
 * makes one application and one `application.create` entry. The
 * conversation save is compare-and-set on its version like every save: of
 * two processes completing the same intake at once, the second rolls back
 * with `ConcurrentUpdateError` and redoes its turn on the saved state.
 *
 * On SQLite the same transaction runs as plain SQL (sqlite-direct.ts): through
 * Prisma's interactive transaction it cost 8–13 ms of CPU at every 「确认」,
 * a quarter of the assistant bench's main-thread time, for six statements.
 * BEGIN IMMEDIATE takes the write lock first, so no other writer can draw a
 * number or save the intake's key in between: no retry is needed.
 */
import type { Application, Estimate } from "../generated/sqlite/client.ts";
import { auditRow, type AuditInput } from "./audit.repository.ts";
import {
  applicationData,
  insertNumbered,
  MAX_ATTEMPTS,
  toRecord as applicationRecord,
  type ApplicationRecord,
  type CreateApplicationInput,
} from "./application.repository.ts";
import { findByIntakeKeySqlite, insertNumberedSqlite, replaceFromIntakeSqlite } from "./application.repository.ts";
import { insertAuditSqlite } from "./audit.repository.ts";
import { savePrisma, saveSqlite, toRecord as conversationRecord, type ConversationRecord, type SaveConversationInput } from "./conversation.repository.ts";
import { toRecord as estimateRecord, type EstimateRecord } from "./estimate.repository.ts";
import { jsonInput, toJson } from "./json-value.ts";
import { isUniqueViolation, type Tx } from "./prisma-client.ts";
import type { RepositoryContext } from "./repository-context.ts";
import { ConcurrentUpdateError } from "./store-errors.ts";
import type { SqliteDirect } from "./sqlite-direct.ts";
import { ESTIMATE_TABLE } from "./sqlite-table.ts";
import { recordTurnStart, recordTurnStartSqlite, type TurnStart } from "./turn-journal.repository.ts";

/** The conversation as it is to be saved, once the record's id is known. */
export type ConversationAfter = (saved: { id: number }) => SaveConversationInput;

export interface SaveApplicationOutcome extends CreateApplicationInput {
  /** The intake this application comes from (null for a state saved before intakes had keys). */
  intakeKey: string | null;
  /** A returned or draft application being corrected: updated in place (compare-and-set on its version). */
  replaces?: { id: number; expectedVersion: number };
  audit: Omit<AuditInput, "subject">;
  conversation: ConversationAfter;
  turn?: TurnStart;
}

export interface SaveEstimateOutcome {
  userId: number;
  intakeKey: string | null;
  input: unknown;
  result: unknown;
  audit: Omit<AuditInput, "subject">;
  conversation: ConversationAfter;
  turn?: TurnStart;
}

export interface IntakeOutcome<T> {
  record: T;
  /** false when the intake's record already existed (a retried turn): nothing new was written but the conversation */
  created: boolean;
  conversation: ConversationRecord;
}

export interface IntakeOutcomeRepository {
  saveApplication(input: SaveApplicationOutcome): Promise<IntakeOutcome<ApplicationRecord>>;
  saveEstimate(input: SaveEstimateOutcome): Promise<IntakeOutcome<EstimateRecord>>;
}

const TX_OPTIONS = { maxWait: 10_000, timeout: 10_000 };

export function createIntakeOutcomeRepository(context: RepositoryContext): IntakeOutcomeRepository {
  return context.sqlite ? sqliteOutcomes(context, context.sqlite) : prismaOutcomes(context);
}

function prismaOutcomes({ db, exclusive, now }: RepositoryContext): IntakeOutcomeRepository {
  /** Runs `fn` in a transaction; a lost race on a unique key (counter row, intake key) runs it again. */
  async function transact<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await exclusive(() => db.$transaction(fn, TX_OPTIONS));
      } catch (error) {
        if (isUniqueViolation(error) && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  async function saveConversation(tx: Tx, input: SaveConversationInput): Promise<ConversationRecord> {
    const row = await savePrisma(tx, input);
    if (!row) {
      // Thrown inside the transaction: the application and audit entry roll back with it.
      throw new ConcurrentUpdateError("conversation", String(input.userId), input.expectedVersion, undefined);
    }
    return conversationRecord(row);
  }

  return {
    async saveApplication(input) {
      const data = applicationData(input, now, input.intakeKey);
      return transact(async (tx) => {
        const existing = input.intakeKey ? await tx.application.findUnique({ where: { intakeKey: input.intakeKey } }) : null;
        let row: Application;
        let created = false;
        if (existing) {
          row = existing;
        } else if (input.replaces) {
          const [updated] = await tx.application.updateManyAndReturn({
            where: { id: input.replaces.id, version: input.replaces.expectedVersion },
            data: { profile: data.profile, checkResult: data.checkResult, intakeKey: data.intakeKey, version: { increment: 1 } },
          });
          if (!updated) throw new ConcurrentUpdateError("application", String(input.replaces.id), input.replaces.expectedVersion, undefined);
          row = updated;
          created = true;
        } else {
          row = await insertNumbered(tx, data);
          created = true;
        }
        if (created) await tx.auditEvent.create({ data: auditRow({ ...input.audit, subject: `application:${row.number}` }, now()) });
        const conversation = await saveConversation(tx, input.conversation({ id: row.id }));
        await recordTurnStart(tx, input.turn, now());
        return { record: applicationRecord(row), created, conversation };
      });
    },

    async saveEstimate(input) {
      return transact(async (tx) => {
        const existing = input.intakeKey ? await tx.estimate.findUnique({ where: { intakeKey: input.intakeKey } }) : null;
        const row: Estimate =
          existing ??
          (await tx.estimate.create({
            data: {
              userId: input.userId,
              input: jsonInput(toJson(input.input, "测算输入")),
              result: jsonInput(toJson(input.result, "测算结果")),
              createdAt: now(),
              intakeKey: input.intakeKey,
            },
          }));
        if (!existing) await tx.auditEvent.create({ data: auditRow({ ...input.audit, subject: `user:${input.userId}` }, now()) });
        const conversation = await saveConversation(tx, input.conversation({ id: row.id }));
        await recordTurnStart(tx, input.turn, now());
        return { record: estimateRecord(row), created: !existing, conversation };
      });
    },
  };
}

function sqliteOutcomes({ exclusive, now }: RepositoryContext, sqlite: SqliteDirect): IntakeOutcomeRepository {
  const transact = <T>(fn: () => Promise<T>) => exclusive(() => sqlite.transaction(fn));

  async function saveConversation(input: SaveConversationInput): Promise<ConversationRecord> {
    const saved = await saveSqlite(sqlite, input);
    // Thrown inside the transaction: the record and audit entry roll back with it.
    if (!saved) throw new ConcurrentUpdateError("conversation", String(input.userId), input.expectedVersion, undefined);
    return saved;
  }

  return {
    async saveApplication(input) {
      const data = applicationData(input, now, input.intakeKey);
      return transact(async () => {
        const existing = input.intakeKey ? await findByIntakeKeySqlite(sqlite, input.intakeKey) : undefined;
        let record: ApplicationRecord;
        let created = false;
        if (existing) {
          record = existing;
        } else if (input.replaces) {
          const updated = await replaceFromIntakeSqlite(sqlite, input.replaces, data);
          if (!updated) throw new ConcurrentUpdateError("application", String(input.replaces.id), input.replaces.expectedVersion, undefined);
          record = updated;
          created = true;
        } else {
          record = await insertNumberedSqlite(sqlite, data);
          created = true;
        }
        if (created) await insertAuditSqlite(sqlite, { ...input.audit, subject: `application:${record.number}` }, now());
        const conversation = await saveConversation(input.conversation({ id: record.id }));
        await recordTurnStartSqlite(sqlite, input.turn, now());
        return { record, created, conversation };
      });
    },

    async saveEstimate(input) {
      return transact(async () => {
        const [found] = input.intakeKey ? await sqlite.query(`SELECT ${ESTIMATE_TABLE.columns} FROM "Estimate" WHERE "intakeKey" = ?`, [input.intakeKey]) : [];
        const row =
          found ??
          (await sqlite.query(
            `INSERT INTO "Estimate" ("userId", "input", "result", "createdAt", "intakeKey") VALUES (?, ?, ?, ?, ?) RETURNING ${ESTIMATE_TABLE.columns}`,
            [input.userId, JSON.stringify(toJson(input.input, "测算输入")), JSON.stringify(toJson(input.result, "测算结果")), now(), input.intakeKey],
          ))[0]!;
        const { intakeKey: _key, ...record } = ESTIMATE_TABLE.read(row);
        if (!found) await insertAuditSqlite(sqlite, { ...input.audit, subject: `user:${input.userId}` }, now());
        const conversation = await saveConversation(input.conversation({ id: record.id }));
        await recordTurnStartSqlite(sqlite, input.turn, now());
        return { record, created: !found, conversation };
      });
    },
  };
}
