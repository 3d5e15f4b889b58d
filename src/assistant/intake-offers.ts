/**
 * Offers to start or continue an intake, and taking them up:
 *
 * - after a question about applying or estimating, the answer is followed by
 *   buttons to start (and a plain next message such as the company name
 *   starts it too, rather than being refused as a question);
 * - starting a flow the user left with 「退出」 shows what was saved and
 *   offers to continue with it or start afresh.
 */
import { isJurisdiction } from "../knowledge/jurisdictions.ts";
import {
  hasSavedAnswers,
  looksLikeQuestion,
  offerResume,
  parseAnswer,
  questionById,
  resolveQuestion,
  resumeIntake,
  RESUME_CHOICE,
  type FactValue,
  type IntakeFlow,
} from "../intake/index.ts";
import type { Jurisdiction } from "../rules/zone-profile.schema.ts";
import type { TurnContext } from "./assistant-deps.types.ts";
import { ACTION, type Command } from "./detect-command.ts";
import type { Reply } from "./message.types.ts";
import { beginIntake } from "./run-intake.ts";
import type { SessionState } from "./session-state.schema.ts";

export function offerIntake(topic: IntakeFlow): Reply {
  return topic === "application"
    ? {
        kind: "choices",
        text: "要准备申报的话，我可以一步步带您核对条件：只问所选政策需要的信息，最后给出自检结果和申报材料草稿。",
        options: [
          { id: ACTION.startApplication, label: "开始申报准备" },
          { id: ACTION.startEstimate, label: "测算服务机构资助" },
        ],
      }
    : {
        kind: "choices",
        text: "想知道贵机构具体能拿多少，我可以按第九条逐项问清情况，算出各项支持的上限。",
        options: [
          { id: ACTION.startEstimate, label: "开始资助测算" },
          { id: ACTION.startApplication, label: "示范区申报准备" },
        ],
      };
}

const ORG_SUFFIX = /(公司|集团|园|园区|中心|协会|研究院|研究所|孵化器|基地|管委会|大学|学院|事务所)$/u;

/**
 * The message after an offer to start: a plain answer (「好的」, the company's
 * name) takes it up; a question or a command does not (undefined). A company
 * name is kept as the first answer.
 */
export async function takeUpStartOffer(ctx: TurnContext, session: SessionState, flow: IntakeFlow, text: string): Promise<Reply[] | undefined> {
  if (!text || looksLikeQuestion(text)) return undefined;
  const nameDef = questionById("applicant.name");
  if (flow === "application" && nameDef && ORG_SUFFIX.test(text.trim())) {
    const parsed = parseAnswer(resolveQuestion(nameDef, undefined), text, ctx.now);
    if (parsed.ok) {
      const noted: Reply = { kind: "text", text: `好的，我们开始申报准备。已记下申报单位名称：${String(parsed.value)}。` };
      return [noted, ...(await startOrOfferResume(ctx, session, flow, { prefill: { [nameDef.id]: parsed.value } }))];
    }
  }
  return startOrOfferResume(ctx, session, flow, {});
}

/** Starting a flow: when the user left the same flow with answers saved, offer to continue it first. */
export async function startOrOfferResume(
  ctx: TurnContext,
  session: SessionState,
  flow: IntakeFlow,
  opts: { jurisdiction?: Jurisdiction; prefill?: Record<string, FactValue> },
): Promise<Reply[]> {
  const left = session.leftIntake;
  const sameJurisdiction = opts.jurisdiction === undefined || left?.facts.jurisdiction === undefined || left.facts.jurisdiction === opts.jurisdiction;
  if (left && left.flow === flow && hasSavedAnswers(left) && sameJurisdiction && !opts.prefill) {
    session.pendingOffer = "resume";
    return [offerResume(left)];
  }
  return beginIntake(ctx, session, flow, opts);
}

/** The answer to the offer to continue: continue, start afresh, or (anything else) undefined. */
export async function takeUpResumeOffer(ctx: TurnContext, session: SessionState, choice: string | undefined, text: string, command: Command | undefined): Promise<Reply[] | undefined> {
  const left = session.leftIntake;
  if (!left) return undefined;
  const typed = text.normalize("NFKC").replace(/[。！!]+$/u, "");
  if (choice === RESUME_CHOICE.resume || (!command && /^(继续|接着|接着填|继续填|继续上次的填报|继续上次|好|好的|是|可以|嗯|1)$/u.test(typed))) {
    const step = resumeIntake(left, ctx.now);
    session.intake = step.state;
    session.leftIntake = null;
    return step.replies;
  }
  if (choice === RESUME_CHOICE.fresh || command?.kind === "restart" || /^(重新开始|重来|2)$/u.test(typed)) {
    session.leftIntake = null;
    const jurisdiction = left.flow === "application" && isJurisdiction(left.facts.jurisdiction) ? left.facts.jurisdiction : undefined;
    return beginIntake(ctx, session, left.flow, { jurisdiction });
  }
  return undefined;
}
