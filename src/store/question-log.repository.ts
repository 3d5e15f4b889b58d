/**
 * One row per question answered (or refused), for reviewing answer quality.
 * It is a log, so like the log lines (src/logging) it never keeps personal
 * data: phone numbers and credit codes in the question or feedback are
 * masked before they are stored.
 */
import type { QuestionLog } from "../generated/sqlite/client.ts";
import { maskPersonalData } from "../logging/mask-personal-data.ts";
import type { RepositoryContext } from "./repository-context.ts";
import type { SqliteDirect } from "./sqlite-direct.ts";
import { sqlInt } from "./sqlite-table.ts";

export interface QuestionLogRecord {
  id: number;
  channel: string;
  userId: number | null;
  /** Masked. */
  question: string;
  /** Citation ids retrieved, best first, e.g. ["zj2018:6.3", "zj2018:6"]. */
  retrievedIds: string[];
  refused: boolean;
  latencyMs: number;
  /** e.g. "helpful" / "unhelpful" or the user's words, masked. */
  feedback: string | null;
  createdAt: Date;
}

export interface RecordQuestionInput {
  channel: string;
  userId?: number | null;
  question: string;
  retrievedIds: string[];
  refused: boolean;
  latencyMs: number;
}

export interface QuestionLogRepository {
  record(input: RecordQuestionInput): Promise<QuestionLogRecord>;
  /** False if there is no such entry. */
  setFeedback(id: number, feedback: string): Promise<boolean>;
  /** Newest first. */
  recent(limit?: number): Promise<QuestionLogRecord[]>;
}

/** The row as stored: the question masked, the latency in whole milliseconds. */
export function questionRow(input: RecordQuestionInput, at: Date) {
  return {
    channel: input.channel,
    userId: input.userId ?? null,
    question: maskPersonalData(input.question),
    retrievedIds: input.retrievedIds.map(String),
    refused: input.refused,
    latencyMs: Math.max(0, Math.round(input.latencyMs)),
    createdAt: at,
  };
}

/** The row as plain SQL, for a caller that holds the gate (the turn's commit writes it in its transaction); its id. */
export async function insertQuestionSqlite(sqlite: SqliteDirect, data: ReturnType<typeof questionRow>): Promise<number> {
  const [row] = await sqlite.query(
    `INSERT INTO "QuestionLog" ("channel", "userId", "question", "retrievedIds", "refused", "latencyMs", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING "id"`,
    [data.channel, data.userId, data.question, JSON.stringify(data.retrievedIds), data.refused, data.latencyMs, data.createdAt],
  );
  return sqlInt(row!.id);
}

/** Feedback is masked like the question. */
export const feedbackText = (feedback: string) => maskPersonalData(feedback);

export function createQuestionLogRepository({ db, exclusive, now, sqlite }: RepositoryContext): QuestionLogRepository {
  return {
    async record(input) {
      const data = questionRow(input, now());
      if (sqlite) {
        const id = await exclusive(() => insertQuestionSqlite(sqlite, data));
        return { id, ...data, feedback: null };
      }
      return toRecord(await exclusive(() => db.questionLog.create({ data })));
    },
    async setFeedback(id, feedback) {
      const { count } = await exclusive(() => db.questionLog.updateMany({ where: { id }, data: { feedback: feedbackText(feedback) } }));
      return count === 1;
    },
    async recent(limit = 50) {
      const rows = await exclusive(() => db.questionLog.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit }));
      return rows.map(toRecord);
    },
  };
}

function toRecord(row: QuestionLog): QuestionLogRecord {
  return {
    id: row.id,
    channel: row.channel,
    userId: row.userId,
    question: row.question,
    retrievedIds: Array.isArray(row.retrievedIds) ? row.retrievedIds.map(String) : [],
    refused: row.refused,
    latencyMs: row.latencyMs,
    feedback: row.feedback,
    createdAt: row.createdAt,
  };
}
