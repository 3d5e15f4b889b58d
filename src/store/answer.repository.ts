/**
 * Answers collected in guided flows, one row per fact and answer. Correcting
 * a fact supersedes the earlier row (its `supersededAt` is set) and adds a new
 * one, so the history of what the user said is kept.
 *
 * Concurrent corrections of the SAME fact are expected to be serialised by the
 * caller (`withUserLock`); if two slipped through, `current` still returns one
 * answer per fact, the latest.
 */
import type { CollectedAnswer } from "../generated/sqlite/client.ts";
import { fromJson, jsonInput, toJson, type JsonValue } from "./json-value.ts";
import type { RepositoryContext } from "./repository-context.ts";
import type { Db, Tx } from "./prisma-client.ts";
import type { SqliteDirect } from "./sqlite-direct.ts";
import { sqlInt } from "./sqlite-table.ts";

export interface AnswerRecord {
  id: number;
  userId: number;
  flow: string;
  /** Fact path in the flow's input, e.g. "zone.coreAreaSqm". */
  path: string;
  value: JsonValue;
  /** What the user typed, if the value was parsed from text. */
  rawText: string | null;
  createdAt: Date;
  /** Set when a later answer (or `clear`) replaced this one. */
  supersededAt: Date | null;
}

export interface RecordAnswerInput {
  userId: number;
  flow: string;
  path: string;
  value: unknown;
  rawText?: string | null;
}

export interface AnswerRepository {
  /** Stores an answer, superseding the current answer to the same fact. */
  record(input: RecordAnswerInput): Promise<AnswerRecord>;
  /** The current answer to each fact of a flow, ordered by path. */
  current(userId: number, flow: string): Promise<AnswerRecord[]>;
  /** Every answer ever given (superseded ones included), oldest first; optionally one fact only. */
  history(userId: number, flow: string, path?: string): Promise<AnswerRecord[]>;
  /** Supersedes the current answers of a flow (or of one fact); returns how many. */
  clear(userId: number, flow: string, path?: string): Promise<number>;
}

export function createAnswerRepository({ db, exclusive, now, sqlite }: RepositoryContext): AnswerRepository {
  return {
    async record(input) {
      const at = now();
      if (sqlite) {
        const id = await exclusive(() => sqlite.transaction(() => recordAnswerSqlite(sqlite, input, at)));
        return { id, userId: input.userId, flow: input.flow, path: input.path, value: answerValue(input), rawText: input.rawText ?? null, createdAt: at, supersededAt: null };
      }
      return toRecord(await exclusive(() => db.$transaction((tx) => recordAnswerPrisma(tx, input, at))));
    },
    async current(userId, flow) {
      const rows = await exclusive(() =>
        db.collectedAnswer.findMany({ where: { userId, flow, supersededAt: null }, orderBy: [{ path: "asc" }, { id: "desc" }] }),
      );
      const latest = new Map<string, CollectedAnswer>();
      for (const row of rows) if (!latest.has(row.path)) latest.set(row.path, row);
      return [...latest.values()].map(toRecord);
    },
    async history(userId, flow, path) {
      const rows = await exclusive(() =>
        db.collectedAnswer.findMany({ where: { userId, flow, ...(path === undefined ? {} : { path }) }, orderBy: { id: "asc" } }),
      );
      return rows.map(toRecord);
    },
    async clear(userId, flow, path) {
      const at = now();
      if (sqlite) return exclusive(() => clearAnswersSqlite(sqlite, { userId, flow, path }, at));
      return exclusive(() => clearAnswersPrisma(db, { userId, flow, path }, at));
    },
  };
}

/** Which answers `clear` supersedes: a flow's, or one fact's. */
export interface ClearAnswersInput {
  userId: number;
  flow: string;
  path?: string;
}

const answerValue = (input: RecordAnswerInput) => toJson(input.value, `回答 ${input.path}`);

/*
 * The writes as plain SQL (SQLite) and on a transaction client (PostgreSQL),
 * for a caller inside a transaction: the repository's own, or the turn's
 * commit (turn-journal.repository.ts), which writes a turn's answers with it.
 */

/** Supersedes the fact's current answer and adds the new one; the new row's id. */
export async function recordAnswerSqlite(sqlite: SqliteDirect, input: RecordAnswerInput, at: Date): Promise<number> {
  const { userId, flow, path } = input;
  const json = answerValue(input);
  await sqlite.execute(
    `UPDATE "CollectedAnswer" SET "supersededAt" = ? WHERE "userId" = ? AND "flow" = ? AND "path" = ? AND "supersededAt" IS NULL`,
    [at, userId, flow, path],
  );
  const [row] = await sqlite.query(
    `INSERT INTO "CollectedAnswer" ("userId", "flow", "path", "value", "rawText", "createdAt") VALUES (?, ?, ?, ?, ?, ?) RETURNING "id"`,
    [userId, flow, path, JSON.stringify(json), input.rawText ?? null, at],
  );
  return sqlInt(row!.id);
}

export async function recordAnswerPrisma(tx: Tx, input: RecordAnswerInput, at: Date): Promise<CollectedAnswer> {
  await tx.collectedAnswer.updateMany({
    where: { userId: input.userId, flow: input.flow, path: input.path, supersededAt: null },
    data: { supersededAt: at },
  });
  return tx.collectedAnswer.create({
    data: { userId: input.userId, flow: input.flow, path: input.path, value: jsonInput(answerValue(input)), rawText: input.rawText ?? null, createdAt: at },
  });
}

export function clearAnswersSqlite(sqlite: SqliteDirect, { userId, flow, path }: ClearAnswersInput, at: Date): Promise<number> {
  return sqlite.execute(
    `UPDATE "CollectedAnswer" SET "supersededAt" = ? WHERE "userId" = ? AND "flow" = ? AND "supersededAt" IS NULL${path === undefined ? "" : ` AND "path" = ?`}`,
    [at, userId, flow, ...(path === undefined ? [] : [path])],
  );
}

export async function clearAnswersPrisma(tx: Tx | Db, { userId, flow, path }: ClearAnswersInput, at: Date): Promise<number> {
  const { count } = await tx.collectedAnswer.updateMany({
    where: { userId, flow, supersededAt: null, ...(path === undefined ? {} : { path }) },
    data: { supersededAt: at },
  });
  return count;
}

function toRecord(row: CollectedAnswer): AnswerRecord {
  return {
    id: row.id,
    userId: row.userId,
    flow: row.flow,
    path: row.path,
    value: fromJson(row.value),
    rawText: row.rawText,
    createdAt: row.createdAt,
    supersededAt: row.supersededAt,
  };
}
