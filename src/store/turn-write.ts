/**
 * The writes a turn makes that nothing later in the turn reads back — log
 * and audit rows, intake answers, feedback, a sign-in link. The turn holds
 * them while it routes and the turn's commit (turn-journal.repository.ts)
 * writes them in its transaction, with the conversation save and the journal
 * row. A turn cut before its commit therefore leaves none of them, and its
 * replay writes each once: no idempotency key is needed, because the rows
 * and the record that the turn is done commit or roll back together.
 *
 * What a turn must read back is not here: an intake's outcome (the
 * application's number goes into the reply) and an application's status
 * change (compare-and-set decides the reply) commit mid-turn, keyed by the
 * intake or by the turn (intake-outcome.repository.ts, application.repository.ts).
 */
import { clearAnswersPrisma, clearAnswersSqlite, recordAnswerPrisma, recordAnswerSqlite, type ClearAnswersInput, type RecordAnswerInput } from "./answer.repository.ts";
import { auditRow, insertAuditSqlite, type AuditInput } from "./audit.repository.ts";
import type { Tx } from "./prisma-client.ts";
import { feedbackText, insertQuestionSqlite, questionRow, type RecordQuestionInput } from "./question-log.repository.ts";
import type { SqliteDirect } from "./sqlite-direct.ts";

export type TurnWrite =
  | { kind: "audit"; entry: AuditInput }
  | { kind: "answer"; answer: RecordAnswerInput }
  | { kind: "clear-answers"; which: ClearAnswersInput }
  /** `logged` gets the row's id before the conversation is saved (the state keeps it for 「有用」/「没用」). */
  | { kind: "question"; question: RecordQuestionInput; logged?: (id: number) => void }
  | { kind: "feedback"; questionId: number; feedback: string }
  | { kind: "sign-in-link"; link: { tokenHash: string; staffKey: string; expiresAt: Date } };

/** The writes in order, as plain SQL; the caller holds the gate and has begun the transaction. */
export async function applyTurnWritesSqlite(sqlite: SqliteDirect, writes: readonly TurnWrite[], at: Date): Promise<void> {
  for (const write of writes) {
    switch (write.kind) {
      case "audit":
        await insertAuditSqlite(sqlite, write.entry, at);
        break;
      case "answer":
        await recordAnswerSqlite(sqlite, write.answer, at);
        break;
      case "clear-answers":
        await clearAnswersSqlite(sqlite, write.which, at);
        break;
      case "question":
        write.logged?.(await insertQuestionSqlite(sqlite, questionRow(write.question, at)));
        break;
      case "feedback":
        await sqlite.execute(`UPDATE "QuestionLog" SET "feedback" = ? WHERE "id" = ?`, [feedbackText(write.feedback), write.questionId]);
        break;
      case "sign-in-link":
        await sqlite.execute(`INSERT INTO "SignInLink" ("tokenHash", "staffKey", "createdAt", "expiresAt") VALUES (?, ?, ?, ?)`, [
          write.link.tokenHash,
          write.link.staffKey,
          at,
          write.link.expiresAt,
        ]);
        break;
    }
  }
}

/** The writes in order, on the transaction's client. */
export async function applyTurnWritesPrisma(tx: Tx, writes: readonly TurnWrite[], at: Date): Promise<void> {
  for (const write of writes) {
    switch (write.kind) {
      case "audit":
        await tx.auditEvent.create({ data: auditRow(write.entry, at) });
        break;
      case "answer":
        await recordAnswerPrisma(tx, write.answer, at);
        break;
      case "clear-answers":
        await clearAnswersPrisma(tx, write.which, at);
        break;
      case "question": {
        const row = await tx.questionLog.create({ data: questionRow(write.question, at), select: { id: true } });
        write.logged?.(row.id);
        break;
      }
      case "feedback":
        await tx.questionLog.updateMany({ where: { id: write.questionId }, data: { feedback: feedbackText(write.feedback) } });
        break;
      case "sign-in-link":
        await tx.signInLink.create({ data: { ...write.link, createdAt: at } });
        break;
    }
  }
}
