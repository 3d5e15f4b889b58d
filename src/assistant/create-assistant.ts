/**
 * The channel-agnostic assistant: `handle(incoming) → replies`.
 *
 *   const assistant = createAssistant({ store, answerer, staff, logger });
 *   const replies = await assistant.handle({ channel: "console", userId: "local", text: "我想申报示范区" });
 *
 * Each message is handled under the user's lock (two messages from one user
 * run in arrival order) against state loaded from and saved to the database,
 * so a restarted process continues at the same question.
 */
import { repeatPrompt } from "../intake/index.ts";
import { ConcurrentUpdateError } from "../store/index.ts";
import { answerPolicyQuestion } from "./answer-policy-question.ts";
import { editApplication, sendDrafts, showStatus, submitApplication } from "./application-workflow.ts";
import type { AssistantDeps, TurnContext } from "./assistant-deps.types.ts";
import { detectCommand, type Command } from "./detect-command.ts";
import { helpText } from "./help-text.ts";
import type { Assistant, IncomingMessage, Reply } from "./message.types.ts";
import { takeNotifications } from "./notify.ts";
import { beginIntake, continueIntake } from "./run-intake.ts";
import { parseSessionState, type SessionState } from "./session-state.schema.ts";
import { decide, openApplication, showQueue } from "./staff-review.ts";

const SORRY: Reply = { kind: "text", text: "抱歉，处理您的消息时出了点问题，已记录。请稍后再试，或回复「帮助」。" };
const MAX_TEXT = 2000;

export function createAssistant(deps: AssistantDeps): Assistant {
  const clock = deps.now ?? (() => new Date());
  const staffKeys = new Set(deps.staff.map((s) => `${s.channel}:${s.userId}`));

  async function turn(msg: IncomingMessage, attempt = 0): Promise<Reply[]> {
    const { store } = deps;
    const user = await store.users.upsert({ channel: msg.channel, externalId: msg.userId, displayName: msg.displayName });
    const actor = `${msg.channel}:${msg.userId}`;
    const ctx: TurnContext = { deps, user, channel: msg.channel, isStaff: staffKeys.has(actor), actor, now: clock() };
    const stored = await store.conversations.load(user.id);
    const session = parseSessionState(stored?.state);
    const isNew = !stored;

    const replies = await route(ctx, session, msg, isNew);
    try {
      await store.conversations.save({
        userId: user.id,
        flow: session.intake?.flow ?? null,
        step: session.intake?.pending ?? null,
        state: session as unknown as Record<string, never>,
        expectedVersion: stored?.version ?? null,
      });
    } catch (err) {
      // Another instance handled a message of this user in between: redo the turn on fresh state once.
      if (err instanceof ConcurrentUpdateError && attempt === 0) return turn(msg, 1);
      throw err;
    }
    return [...(await takeNotifications(ctx)), ...replies];
  }

  return {
    async handle(msg) {
      if (msg.text && msg.text.length > MAX_TEXT) msg = { ...msg, text: msg.text.slice(0, MAX_TEXT) };
      try {
        return await deps.store.withUserLock(`${msg.channel}:${msg.userId}`, () => turn(msg));
      } catch (err) {
        deps.logger.error({ err, channel: msg.channel, user: msg.userId, messageId: msg.messageId }, "assistant turn failed");
        return [SORRY];
      }
    },
  };
}

async function route(ctx: TurnContext, session: SessionState, msg: IncomingMessage, isNew: boolean): Promise<Reply[]> {
  const text = msg.text?.trim() ?? "";
  const command = detectCommand(text, msg.choice);

  // A staff member who pressed 「退回」 types the comment next.
  if (session.pendingReturn !== null && !msg.choice) {
    const appId = session.pendingReturn;
    session.pendingReturn = null;
    if (command?.kind === "cancel") return [{ kind: "text", text: "已取消退回操作。" }];
    const app = await ctx.deps.store.applications.findById(appId);
    if (app && text) return decide(ctx, session, app.number, "returned", text);
  }

  if (session.intake && (session.intake.status === "asking" || session.intake.status === "confirming")) {
    const during = await duringIntake(ctx, session, command);
    if (during) return during;
    const result = await continueIntake(ctx, session, msg);
    if (result !== "closed") return result;
  }

  const replies: Reply[] = isNew && !command ? [{ kind: "text", text: helpText(ctx.isStaff) }] : [];
  return [...replies, ...(await idle(ctx, session, command, text))];
}

/** Commands that work in the middle of an intake; the pending question is asked again after them. */
async function duringIntake(ctx: TurnContext, session: SessionState, command: Command | undefined): Promise<Reply[] | undefined> {
  const again = () => repeatPrompt(session.intake!);
  switch (command?.kind) {
    case "help":
      return [{ kind: "text", text: helpText(ctx.isStaff) }, ...again()];
    case "status":
      return [...(await showStatus(ctx)), ...again()];
    case "restart":
      return beginIntake(ctx, session, session.intake!.flow);
    case "staff-queue":
    case "staff-open":
    case "staff-accept":
    case "staff-return":
      return [...(await staffCommand(ctx, session, command)), ...again()];
    default:
      return undefined;
  }
}

async function staffCommand(ctx: TurnContext, session: SessionState, command: Command): Promise<Reply[]> {
  switch (command.kind) {
    case "staff-queue":
      return showQueue(ctx);
    case "staff-open":
      return openApplication(ctx, command.number);
    case "staff-accept":
      return decide(ctx, session, command.number, "accepted", "");
    case "staff-return":
      return decide(ctx, session, command.number, "returned", command.comment);
    default:
      return [];
  }
}

async function idle(ctx: TurnContext, session: SessionState, command: Command | undefined, text: string): Promise<Reply[]> {
  switch (command?.kind) {
    case "help":
      return [{ kind: "text", text: helpText(ctx.isStaff) }];
    case "start-application":
      return beginIntake(ctx, session, "application", { jurisdiction: command.jurisdiction });
    case "start-estimate":
      return beginIntake(ctx, session, "agency-estimate");
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
      if (session.lastQuestionLogId !== null) {
        await ctx.deps.store.questions.setFeedback(session.lastQuestionLogId, command.helpful ? "helpful" : "unhelpful");
        session.lastQuestionLogId = null;
        return [{ kind: "text", text: command.helpful ? "谢谢反馈！" : "抱歉没有帮上忙，已记录您的反馈。可以换个说法再问，或回复「帮助」查看我能做什么。" }];
      }
      break;
    case "staff-queue":
    case "staff-open":
    case "staff-accept":
    case "staff-return":
      return staffCommand(ctx, session, command);
    default:
      break;
  }
  if (!text) return [{ kind: "text", text: "请直接输入您的问题，或回复「帮助」查看我能做什么。" }];
  return answerPolicyQuestion(ctx, session, text);
}
