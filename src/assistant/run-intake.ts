/**
 * Starting and advancing the guided intake, and reacting to what the intake
 * engine reports: answers are recorded with their history (in the turn's
 * commit), a question in the middle is answered before the pending question
 * is asked again, and a finished intake runs the rules.
 */
import { randomUUID } from "node:crypto";
import { advanceOwnIntake, startIntake, type IntakeFlow, type IntakeStep } from "../intake/index.ts";
import type { Jurisdiction } from "../rules/zone-profile.schema.ts";
import type { FactValue } from "../intake/index.ts";
import { answerPolicyQuestion } from "./answer-policy-question.ts";
import { completeApplicationIntake, completeEstimateIntake } from "./complete-intake.ts";
import type { IncomingMessage, Reply } from "./message.types.ts";
import type { SessionState } from "./session-state.schema.ts";
import type { TurnContext } from "./assistant-deps.types.ts";

export async function beginIntake(
  ctx: TurnContext,
  session: SessionState,
  flow: IntakeFlow,
  opts: { jurisdiction?: Jurisdiction; prefill?: Record<string, FactValue>; keepApplication?: boolean } = {},
): Promise<Reply[]> {
  const step = startIntake(flow, { jurisdiction: opts.jurisdiction, prefill: opts.prefill, now: ctx.now });
  session.intake = step.state;
  // A fresh start replaces what was left earlier (continuing it was offered first).
  session.leftIntake = null;
  session.intakeKey = randomUUID();
  if (!opts.keepApplication) session.applicationId = null;
  const role = flow === "agency-estimate" ? "agency" : "applicant";
  // Setting a value: a replayed turn sets the same one, so this need not wait for the commit.
  if (!ctx.isStaff && ctx.user.role !== role) ctx.user = await ctx.deps.store.users.setRole(ctx.user.id, role);
  ctx.writes.push({ kind: "audit", entry: { actor: ctx.actor, action: "intake.start", subject: `user:${ctx.user.id}`, detail: { flow } } });
  return step.replies;
}

export async function continueIntake(ctx: TurnContext, session: SessionState, msg: IncomingMessage): Promise<Reply[] | "closed"> {
  // The session is this turn's own copy, parsed from the stored state for this message (turn-persistence.ts):
  // the engine takes its intake over instead of copying it again.
  const flow = session.intake!.flow;
  const step: IntakeStep = advanceOwnIntake(session.intake!, { text: msg.text, choice: msg.choice }, ctx.now);
  session.intake = step.state;
  const event = step.event;
  const clear = (path: string) => ctx.writes.push({ kind: "clear-answers", which: { userId: ctx.user.id, flow, path } });
  switch (event.type) {
    case "answered":
      ctx.writes.push({
        kind: "answer",
        answer: { userId: ctx.user.id, flow, path: event.questionId, value: event.value, rawText: msg.text ?? msg.choice ?? null },
      });
      for (const path of event.cleared) clear(path);
      return step.replies;
    case "skipped":
      clear(event.questionId);
      return step.replies;
    case "question":
      return [...(await answerPolicyQuestion(ctx, session, event.text)), ...step.replies];
    case "completed":
      session.intake = null;
      return event.action === "check"
        ? [...step.replies, ...(await completeApplicationIntake(ctx, session, event.profile))]
        : [...step.replies, ...(await completeEstimateIntake(ctx, session, event.input))];
    case "cancelled":
      session.intake = null;
      // Kept so that starting the same flow again can offer to continue with these answers.
      session.leftIntake = step.state;
      ctx.writes.push({ kind: "audit", entry: { actor: ctx.actor, action: "intake.cancel", subject: `user:${ctx.user.id}`, detail: { flow } } });
      // One message, in place of the engine's: what happens to the answers and how to come back.
      return [
        {
          kind: "text",
          text: "已退出填报。已填写的内容不会提交，但会保留；再次回复「我想申报示范区」或「测算一下我们能拿多少资助」时，可以接着上次的继续填。",
        },
      ];
    case "closed":
      session.intake = null;
      return "closed";
    default:
      return step.replies;
  }
}
