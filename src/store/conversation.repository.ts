/**
 * Where each user is in a guided flow. Saves are compare-and-set on `version`:
 * a message handled with a stale copy gets `ConcurrentUpdateError` instead of
 * silently overwriting what another message just saved.
 */
import type { Conversation } from "../generated/sqlite/client.ts";
import { asJsonObject, jsonInput, jsonObjectText, toJsonObject, type JsonObject } from "./json-value.ts";
import { isUniqueViolation, type Db, type Tx } from "./prisma-client.ts";
import type { RepositoryContext } from "./repository-context.ts";
import type { SqliteDirect, SqlRow } from "./sqlite-direct.ts";
import { CONVERSATION_TABLE, sqlDate, sqlInt } from "./sqlite-table.ts";
import { ConcurrentUpdateError } from "./store-errors.ts";

export interface ConversationRecord {
  userId: number;
  flow: string | null;
  step: string | null;
  state: JsonObject;
  /** 1 after the first save, +1 on every save. */
  version: number;
  updatedAt: Date;
}

export interface SaveConversationInput {
  userId: number;
  flow: string | null;
  step: string | null;
  state: JsonObject;
  /** The version you loaded, or null when `load` returned nothing. */
  expectedVersion: number | null;
  /** `state` as JSON text, when the caller has it already (SQLite stores it as is instead of serialising `state` again) */
  stateText?: string;
}

export interface ConversationRepository {
  load(userId: number): Promise<ConversationRecord | undefined>;
  /** Throws `ConcurrentUpdateError` if the stored version is not `expectedVersion`. */
  save(input: SaveConversationInput): Promise<ConversationRecord>;
  remove(userId: number): Promise<void>;
}

export function createConversationRepository({ db, exclusive, sqlite }: RepositoryContext): ConversationRepository {
  return {
    async load(userId) {
      if (sqlite) {
        const [row] = await exclusive(() => sqlite.query(`SELECT ${CONVERSATION_TABLE.columns} FROM "Conversation" WHERE "userId" = ?`, [userId]));
        return row ? fromSqlite(row) : undefined;
      }
      const row = await exclusive(() => db.conversation.findUnique({ where: { userId } }));
      return row ? toRecord(row) : undefined;
    },
    async save(input) {
      const conflict = async () => {
        const current = await exclusive(() => db.conversation.findUnique({ where: { userId: input.userId }, select: { version: true } }));
        return new ConcurrentUpdateError("conversation", String(input.userId), input.expectedVersion, current ?? undefined);
      };
      if (sqlite) {
        const saved = await exclusive(() => saveSqlite(sqlite, input));
        if (!saved) throw await conflict();
        return saved;
      }
      const row = await exclusive(() => savePrisma(db, input));
      if (!row) throw await conflict();
      return toRecord(row);
    },
    async remove(userId) {
      await exclusive(() => db.conversation.deleteMany({ where: { userId } }));
    },
  };
}

/**
 * The compare-and-set save as plain SQL, for a caller that holds the gate
 * (the turn journal runs it inside its transaction); undefined when the
 * stored version is not the expected one.
 */
export async function saveSqlite(sqlite: SqliteDirect, input: SaveConversationInput): Promise<ConversationRecord | undefined> {
  const text = input.stateText ?? jsonObjectText(input.state, "对话状态");
  const [row] =
    input.expectedVersion === null
      ? // The unique userId makes a second first save insert nothing: someone else saved first.
        await sqlite.query(
          `INSERT INTO "Conversation" ("userId", "flow", "step", "state", "version", "updatedAt") VALUES (?, ?, ?, ?, 1, ?)
           ON CONFLICT ("userId") DO NOTHING RETURNING "version", "updatedAt"`,
          [input.userId, input.flow, input.step, text, new Date()],
        )
      : await sqlite.query(
          `UPDATE "Conversation" SET "flow" = ?, "step" = ?, "state" = ?, "version" = "version" + 1, "updatedAt" = ?
           WHERE "userId" = ? AND "version" = ? RETURNING "version", "updatedAt"`,
          [input.flow, input.step, text, new Date(), input.userId, input.expectedVersion],
        );
  if (!row) return undefined;
  // The state as stored, parsed from the text just written when it is first read: a copy the caller's later
  // changes do not reach. The assistant's next turn starts from the text itself (turn-persistence.ts), so
  // most saved records are never parsed back.
  let state: JsonObject | undefined;
  return {
    userId: input.userId,
    flow: input.flow,
    step: input.step,
    get state() {
      return (state ??= JSON.parse(text) as JsonObject);
    },
    version: sqlInt(row.version),
    updatedAt: sqlDate(row.updatedAt),
  };
}

/**
 * The compare-and-set save through Prisma, on the client or inside a
 * transaction (intake-outcome.repository.ts); undefined when the stored
 * version is not the expected one (someone else saved first).
 */
export async function savePrisma(client: Db | Tx, input: SaveConversationInput): Promise<Conversation | undefined> {
  const state = jsonInput(toJsonObject(input.state, "对话状态"));
  if (input.expectedVersion === null) {
    try {
      return await client.conversation.create({ data: { userId: input.userId, flow: input.flow, step: input.step, state, version: 1 } });
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
  }
  // One UPDATE … WHERE version = expected … RETURNING: atomic on both providers.
  const [row] = await client.conversation.updateManyAndReturn({
    where: { userId: input.userId, version: input.expectedVersion },
    data: { flow: input.flow, step: input.step, state, version: { increment: 1 } },
  });
  return row;
}

function fromSqlite(row: SqlRow): ConversationRecord {
  const { userId, flow, step, state, version, updatedAt } = CONVERSATION_TABLE.read(row);
  return { userId, flow, step, state: asJsonObject(state, "对话状态"), version, updatedAt };
}

export function toRecord(row: Conversation): ConversationRecord {
  return {
    userId: row.userId,
    flow: row.flow,
    step: row.step,
    state: toJsonObject(row.state, "对话状态"),
    version: row.version,
    updatedAt: row.updatedAt,
  };
}
