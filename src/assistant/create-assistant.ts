/**
 * The channel-agnostic assistant: `handle(incoming) → replies`.
 *
 *   const assistant = createAssistant({ store, answerer, staff, logger });
 *   const replies = await assistant.handle({ channel: "console", userId: "local", text: "我想申报示范区" });
 *
 * Each message is handled under the user's lock (two messages from one user
 * run in arrival order) against state loaded from and saved to the database,
 * so a restarted process continues at the same question. With SQLite the
 * state a turn saved is kept for the next one (turn-cache.ts), so a turn
 * reads the database only for what it cannot know.
 */
import { repeatPrompt } from "../intake/index.ts";
import { JURISDICTION_LABELS } from "../rules/index.ts";
import { ConcurrentUpdateError, type JsonObject, type UserRecord } from "../store/index.ts";
import { answerPolicyQuestion } from "./answer-policy-question.ts";
import { editApplication, sendDrafts, showStatus, submitApplication } from "./application-workflow.ts";
import type { AssistantDeps, TurnContext } from "./assistant-deps.types.ts";
import { issueDeskLink } from "./desk-sign-in.ts";
import { detectCommand, type Command } from "./detect-command.ts";
import { helpText, welcomeText } from "./help-text.ts";
import type { Assistant, IncomingMessage, Reply } from "./message.types.ts";
import { takeNotifications } from "./notify.ts";
import { ALWAYS_CHECK_OUTBOX, createOutboxHint } from "./outbox-hint.ts";
import { beginIntake, continueIntake } from "./run-intake.ts";
import { parseSessionState, type SessionState } from "./session-state.schema.ts";
import { decide, openApplication, showQueue } from "./staff-review.ts";
import { createTurnCache, NO_TURN_CACHE } from "./turn-cache.ts";

const SORRY: Reply = { kind: "text", text: "抱歉，处理您的消息时出了点问题，已记录。请稍后再试，或回复「帮助」。" };
const MAX_TEXT = 2000;

export function createAssistant(deps: AssistantDeps): Assistant {
  const clock = deps.now ?? (() => new Date());
  const staffKeys = new Set(deps.staff.map((s) => `${s.channel}:${s.userId}`));

  // One process owns a SQLite file (the supported setup): what it saved, it knows.
  const single = deps.store.provider === "sqlite";
  const cache = single ? createTurnCache() : NO_TURN_CACHE;
  const outbox = deps.outbox ?? (single ? createOutboxHint() : ALWAYS_CHECK_OUTBOX);

  async function turn(msg: IncomingMessage, attempt = 0): Promise<Reply[]> {
    const { store } = deps;
    const key = `${msg.channel}:${msg.userId}`;
    const cached = cache.get(key);
    const sameName = (u: UserRecord) => msg.displayName === undefined || msg.displayName === u.displayName;
    // One read at most on the hot path; the write only for a new user or a changed display name.
    const known = cached && sameName(cached.user) ? cached.user : await store.users.findByChannelId(msg.channel, msg.userId);
    const user =
      known && sameName(known) ? known : await store.users.upsert({ channel: msg.channel, externalId: msg.userId, displayName: msg.displayName });
    const ctx: TurnContext = { deps, user, channel: msg.channel, isStaff: staffKeys.has(key), actor: key, now: clock(), outbox };
    const stored = cached && cached.user.id === user.id ? cached.conversation : await store.conversations.load(user.id);
    const session = parseSessionState(stored?.state);
    const isNew = !stored;

    const replies = await route(ctx, session, msg, isNew);
    const state = session as unknown as JsonObject;
    try {
      // 「帮助」, 「我的申报」, 「待审」… change nothing: no write.
      if (!stored || JSON.stringify(state) !== JSON.stringify(stored.state)) {
        const saved = await store.conversations.save({
          userId: user.id,
          flow: session.intake?.flow ?? null,
          step: session.intake?.pending ?? null,
          state,
          expectedVersion: stored?.version ?? null,
        });
        cache.set(key, { user: ctx.user, conversation: saved });
      } else {
        cache.set(key, { user: ctx.user, conversation: stored });
      }
    } catch (err) {
      cache.delete(key);
      // Another process handled a message of this user in between: redo the turn on fresh state once.
      if (err instanceof ConcurrentUpdateError && attempt === 0) return turn(msg, 1);
      throw err;
    }
    return [...(await takeNotifications(ctx)), ...replies];
  }

  return {
    async handle(msg) {
      if (msg.text && msg.text.length > MAX_TEXT) msg = { ...msg, text: msg.text.slice(0, MAX_TEXT) };
      // The logger masks phone numbers and credit codes in every field (src/logging).
      deps.logger.debug({ channel: msg.channel, user: msg.userId, messageId: msg.messageId, text: msg.text, choice: msg.choice }, "message received");
      try {
        return await deps.store.withUserLock(`${msg.channel}:${msg.userId}`, () => turn(msg));
      } catch (err) {
        cache.delete(`${msg.channel}:${msg.userId}`);
        deps.logger.error({ err, channel: msg.channel, user: msg.userId, messageId: msg.messageId }, "assistant turn failed");
        return [SORRY];
      }
    },

    async resume(channel, userId) {
      const key = `${channel}:${userId}`;
      return deps.store.withUserLock(key, async () => {
        const user = await deps.store.users.findByChannelId(channel, userId);
        if (!user) return [];
        const ctx: TurnContext = { deps, user, channel, isStaff: staffKeys.has(key), actor: key, now: clock(), outbox: ALWAYS_CHECK_OUTBOX };
        const session = parseSessionState((await deps.store.conversations.load(user.id))?.state);
        const open = session.intake !== null && (session.intake.status === "asking" || session.intake.status === "confirming");
        const pending: Reply[] = open
          ? [{ kind: "text", text: "欢迎回来！您上次的填报还没有完成，已填写的内容都在，我们接着来：" }, ...repeatPrompt(session.intake!)]
          : [];
        return [...(await takeNotifications(ctx)), ...pending];
      });
    },
  };
}

async function route(ctx: TurnContext, session: SessionState, msg: IncomingMessage, isNew: boolean): Promise<Reply[]> {
  const text = msg.text?.trim() ?? "";
  const command = detectCommand(text, msg.choice);

  // A staff member who pressed 「退回」 types the comment next. Anything else — a button, a
  // command such as 「待审」 — drops the pending return rather than becoming its comment.
  if (session.pendingReturn !== null) {
    const appId = session.pendingReturn;
    session.pendingReturn = null;
    if (command?.kind === "cancel") return [{ kind: "text", text: "已取消退回操作。" }];
    const app = !command && !msg.choice && text ? await ctx.deps.store.applications.findById(appId) : undefined;
    if (app) return decide(ctx, session, app.number, "returned", text);
  }

  // Accepting an application the pre-check found 不符合: the next message is the reason.
  if (session.pendingAccept !== null) {
    const appId = session.pendingAccept;
    session.pendingAccept = null;
    if (command?.kind === "cancel") return [{ kind: "text", text: "已取消受理操作，申报仍在待审列表中。" }];
    const app = !command && !msg.choice && text ? await ctx.deps.store.applications.findById(appId) : undefined;
    if (app) return decide(ctx, session, app.number, "accepted", text);
  }

  // 「有用」/「没用」 rate the answer just given, and only that one.
  const answered = session.lastQuestionLogId;
  session.lastQuestionLogId = null;
  const inIntake = session.intake !== null && (session.intake.status === "asking" || session.intake.status === "confirming");
  if (command?.kind === "feedback" && answered !== null) {
    await ctx.deps.store.questions.setFeedback(answered, command.helpful ? "helpful" : "unhelpful");
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

  const replies = await idle(ctx, session, command, text);
  // A first-time user's question is answered first; the short welcome follows once (「帮助」 has the full list).
  return isNew && !command ? [...replies, { kind: "text", text: welcomeText(ctx.isStaff) }] : replies;
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
    case "start-application":
    case "start-estimate":
      return switchIntake(ctx, session, command);
    case "draft":
    case "submit":
    case "edit-application":
      // Drafts and submission work on a confirmed intake; half-entered facts are not sent anywhere.
      return [{ kind: "text", text: "当前的填报还没有完成：核对并回复「确认」后，才能生成申报材料或提交。不做了请回复「退出」。" }, ...again()];
    case "staff-queue":
    case "staff-open":
    case "staff-accept":
    case "staff-return":
      return [...(await staffCommand(ctx, session, command)), ...again()];
    case "desk-link":
      return [...(await issueDeskLink(ctx)), ...again()];
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

async function staffCommand(ctx: TurnContext, session: SessionState, command: Command): Promise<Reply[]> {
  switch (command.kind) {
    case "staff-queue":
      return showQueue(ctx);
    case "staff-open":
      return openApplication(ctx, command.number);
    case "staff-accept":
      return decide(ctx, session, command.number, "accepted", command.reason);
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
      // Nothing was just answered (rated answers are handled in `route`).
      return [{ kind: "text", text: command.helpful ? "不客气！还有问题可以直接问我。" : "抱歉没有帮上忙。可以换个说法再问，或回复「帮助」查看我能做什么。" }];
    case "staff-queue":
    case "staff-open":
    case "staff-accept":
    case "staff-return":
      return staffCommand(ctx, session, command);
    case "desk-link":
      return issueDeskLink(ctx);
    default:
      break;
  }
  if (!text) return [{ kind: "text", text: "请直接输入您的问题，或回复「帮助」查看我能做什么。" }];
  return answerPolicyQuestion(ctx, session, text);
}
