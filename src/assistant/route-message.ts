/**
 * Deciding what one message means and answering it: a pending staff comment,
 * feedback on the last answer, a command in the middle of an intake, an
 * intake answer, a command or a policy question. Loading and saving the
 * state around it is turn-persistence.ts's job; `session` is changed in place.
 */
import { isIntakeOpen, repeatPrompt } from "../intake/index.ts";
import { JURISDICTION_LABELS } from "../rules/index.ts";
import { answerPolicyQuestion } from "./answer-policy-question.ts";
import { editApplication, sendDrafts, showStatus, submitApplication } from "./application-workflow.ts";
import type { TurnContext } from "./assistant-deps.types.ts";
import { issueDeskLink } from "./desk-sign-in.ts";
import { detectCommand, intakeTopic, isStaffCommand, type Command, type StaffCommand } from "./detect-command.ts";
import { offerIntake, startOrOfferResume, takeUpResumeOffer, takeUpStartOffer } from "./intake-offers.ts";
import { helpText, welcomeText } from "./help-text.ts";
import type { IncomingMessage, Reply } from "./message.types.ts";
import { beginIntake, continueIntake } from "./run-intake.ts";
import type { SessionState } from "./session-state.schema.ts";
import { decide, openApplication, showQueue } from "./staff-review.ts";

const PENDING_DECISIONS = [
  { key: "pendingReturn", decision: "returned", cancelled: "已取消退回操作。" },
  { key: "pendingAccept", decision: "accepted", cancelled: "已取消受理操作，申报仍在待审列表中。" },
] as const;

export async function routeMessage(ctx: TurnContext, session: SessionState, msg: IncomingMessage, isNew: boolean): Promise<Reply[]> {
  const text = msg.text?.trim() ?? "";
  const command = detectCommand(text, msg.choice);

  // A staff member who pressed 「退回」 types the comment next; one accepting a 不符合 application,
  // the reason. Anything else — a button, a command such as 「待审」 — drops the pending decision.
  for (const pending of PENDING_DECISIONS) {
    const appId = session[pending.key];
    if (appId === null) continue;
    session[pending.key] = null;
    if (command?.kind === "cancel") return [{ kind: "text", text: pending.cancelled }];
    const app = !command && !msg.choice && text ? await ctx.deps.store.applications.findById(appId) : undefined;
    if (app) return decide(ctx, session, app.number, pending.decision, text);
  }

  // An offer made by the last reply (start an intake, continue a left one) is taken up by this message or dropped.
  const offer = session.pendingOffer;
  session.pendingOffer = null;
  if (offer === "resume") {
    const resumed = await takeUpResumeOffer(ctx, session, msg.choice, text, command);
    if (resumed) return resumed;
  }

  // 「有用」/「没用」 rate the answer just given, and only that one.
  const answered = session.lastQuestionLogId;
  session.lastQuestionLogId = null;
  const inIntake = isIntakeOpen(session.intake);
  if (command?.kind === "feedback" && answered !== null) {
    ctx.writes.push({ kind: "feedback", questionId: answered, feedback: command.helpful ? "helpful" : "unhelpful" });
    const thanks: Reply = {
      kind: "text",
      text: command.helpful ? "谢谢反馈！" : "抱歉没有帮上忙，已记录您的反馈。可以换个说法再问，或回复「帮助」查看我能做什么。",
    };
    return [thanks, ...(inIntake ? repeatPrompt(session.intake!) : [])];
  }

  if (inIntake) {
    const during = await duringIntake(ctx, session, command);
    if (during) return during;
    const result = await continueIntake(ctx, session, msg);
    if (result !== "closed") return result;
  }

  if ((offer === "application" || offer === "agency-estimate") && !command && !msg.choice) {
    const started = await takeUpStartOffer(ctx, session, offer, text);
    if (started) return started;
  }

  const replies = await idle(ctx, session, command, text);
  // A first-time user's question is answered first; the short welcome follows once (「帮助」 has the full list).
  return isNew && !command ? [...replies, { kind: "text", text: welcomeText(ctx.isStaff) }] : replies;
}

/** Commands that work in the middle of an intake; the pending question is asked again after them. */
async function duringIntake(ctx: TurnContext, session: SessionState, command: Command | undefined): Promise<Reply[] | undefined> {
  const again = () => repeatPrompt(session.intake!);
  if (isStaffCommand(command)) return [...(await staffCommand(ctx, session, command)), ...again()];
  switch (command?.kind) {
    case "help":
      return [{ kind: "text", text: helpText(ctx.isStaff) }, ...again()];
    case "status":
      return [...(await showStatus(ctx)), ...again()];
    case "restart":
      return beginIntake(ctx, session, session.intake!.flow);
    case "start-application":
    case "start-estimate":
      return switchIntake(ctx, session, command);
    case "draft":
    case "submit":
    case "edit-application":
      // Drafts and submission work on a confirmed intake; half-entered facts are not sent anywhere.
      return [{ kind: "text", text: "当前的填报还没有完成：核对并回复「确认」后，才能生成申报材料或提交。不做了请回复「退出」。" }, ...again()];
    default:
      return undefined;
  }
}

const FLOW_LABELS = { application: "申报准备", "agency-estimate": "资助测算" } as const;

/**
 * 「我想申报淄博的示范区」 or 「测算一下…」 in the middle of an intake: the same
 * flow goes on (it is not an answer to the pending question); another flow, or
 * another jurisdiction, starts afresh — keeping the applicant's own details
 * when only the jurisdiction changes.
 */
async function switchIntake(
  ctx: TurnContext,
  session: SessionState,
  command: Extract<Command, { kind: "start-application" | "start-estimate" }>,
): Promise<Reply[]> {
  const intake = session.intake!;
  const flow = command.kind === "start-estimate" ? "agency-estimate" : "application";
  const wanted = command.kind === "start-application" ? command.jurisdiction : undefined;
  const current = intake.facts.jurisdiction;
  if (flow === intake.flow && (wanted === undefined || wanted === current)) {
    return [
      { kind: "text", text: `您正在进行${FLOW_LABELS[flow]}，接着回答下面的问题即可；要从头开始请回复「重新开始」，不做了请回复「退出」。` },
      ...repeatPrompt(intake),
    ];
  }
  if (flow === "application" && intake.flow === "application" && wanted) {
    const applicant = Object.fromEntries(Object.entries(intake.facts).filter(([id]) => id.startsWith("applicant.")));
    const kept = Object.keys(applicant).length > 0 ? "，单位信息沿用刚才填写的" : "";
    const note: Reply = { kind: "text", text: `已改为申报${JURISDICTION_LABELS[wanted]}示范区${kept}。` };
    return [note, ...(await beginIntake(ctx, session, "application", { jurisdiction: wanted, prefill: applicant }))];
  }
  const note: Reply = { kind: "text", text: `已退出刚才的${FLOW_LABELS[intake.flow]}（已填写的内容保留在记录中），下面开始${FLOW_LABELS[flow]}。` };
  return [note, ...(await beginIntake(ctx, session, flow, { jurisdiction: wanted }))];
}

/** The staff commands, the same in and out of an intake (staff-review.ts checks the allow-list). */
function staffCommand(ctx: TurnContext, session: SessionState, command: StaffCommand): Promise<Reply[]> {
  switch (command.kind) {
    case "staff-queue":
      return showQueue(ctx);
    case "staff-open":
      return openApplication(ctx, command.number);
    case "staff-accept":
      return decide(ctx, session, command.number, "accepted", command.reason);
    case "staff-return":
      return decide(ctx, session, command.number, "returned", command.comment);
    case "staff-desk-link":
      return issueDeskLink(ctx);
  }
}

async function idle(ctx: TurnContext, session: SessionState, command: Command | undefined, text: string): Promise<Reply[]> {
  if (isStaffCommand(command)) return staffCommand(ctx, session, command);
  switch (command?.kind) {
    case "help":
      return [{ kind: "text", text: helpText(ctx.isStaff) }];
    case "start-application":
      return startOrOfferResume(ctx, session, "application", { jurisdiction: command.jurisdiction });
    case "start-estimate":
      return startOrOfferResume(ctx, session, "agency-estimate", {});
    case "restart":
      return [{ kind: "text", text: "当前没有进行中的填报。回复「我想申报示范区」或「测算一下我们能拿多少资助」开始。" }];
    case "cancel":
      return [{ kind: "text", text: "当前没有进行中的填报，无需取消。" }];
    case "status":
      return showStatus(ctx);
    case "draft":
      return sendDrafts(ctx, session);
    case "submit":
      return submitApplication(ctx, session);
    case "edit-application":
      return editApplication(ctx, session);
    case "feedback":
      // Nothing was just answered (rated answers are handled in `route`).
      return [{ kind: "text", text: command.helpful ? "不客气！还有问题可以直接问我。" : "抱歉没有帮上忙。可以换个说法再问，或回复「帮助」查看我能做什么。" }];
    default:
      break;
  }
  if (!text) return [{ kind: "text", text: "请直接输入您的问题，或回复「帮助」查看我能做什么。" }];
  const answer = await answerPolicyQuestion(ctx, session, text);
  // 「我们园区想申报那个示范区，怎么弄」: the answer, then the offer to walk them through it.
  const topic = intakeTopic(text);
  if (!topic) return answer;
  session.pendingOffer = topic;
  return [...answer, offerIntake(topic)];
}
