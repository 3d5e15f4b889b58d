/**
 * A policy question: retrieval + answer with citations, logged (masked) for
 * quality review, and remembered for follow-ups such as 「那淄博呢？」.
 */
import { performance } from "node:perf_hooks";
import type { Reply } from "./message.types.ts";
import { HISTORY_TURNS, MAX_REMEMBERED_CITATIONS, type SessionState } from "./session-state.schema.ts";
import type { TurnContext } from "./assistant-deps.types.ts";

export async function answerPolicyQuestion(ctx: TurnContext, session: SessionState, question: string): Promise<Reply[]> {
  const t0 = performance.now();
  const result = await ctx.deps.answerer.answer(question, { history: session.history });
  const latencyMs = performance.now() - t0;
  // Logged in the turn's commit; the row's id is kept for 「有用」/「没用」 on the next message.
  ctx.writes.push({
    kind: "question",
    question: { channel: ctx.channel, userId: ctx.user.id, question, retrievedIds: result.retrieved, refused: result.refused, latencyMs },
    logged: (id) => {
      session.lastQuestionLogId = id;
    },
  });
  if (!result.refused) {
    const citations = result.citations.slice(0, MAX_REMEMBERED_CITATIONS);
    const turn = { question: result.resolvedQuestion, jurisdictions: result.jurisdictions, citations, ...(result.asked && { asked: result.asked }) };
    session.history = [...session.history, turn].slice(-HISTORY_TURNS);
  }
  ctx.deps.logger.info({ user: ctx.actor, refused: result.refused, mode: result.mode, ms: Math.round(latencyMs) }, "answered policy question");
  return [{ kind: "text", text: result.text }];
}
