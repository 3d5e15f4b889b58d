/**
 * The channel-agnostic assistant: `handle(incoming) → replies`.
 *
 *   const assistant = createAssistant({ store, answerer, staff, logger });
 *   const replies = await assistant.handle({ channel: "console", userId: "local", text: "我想申报示范区" });
 *
 * Each message is handled under the user's lock (two messages from one user
 * run in arrival order): turn-persistence.ts loads and saves the user's state
 * around it, route-message.ts decides what to answer, and notices waiting in
 * the outbox go first (committed with the turn).
 */
import { isIntakeOpen, repeatPrompt } from "../intake/index.ts";
import type { AssistantDeps } from "./assistant-deps.types.ts";
import type { Assistant, Reply } from "./message.types.ts";
import { takeNotifications } from "./notify.ts";
import { routeMessage } from "./route-message.ts";
import { createTurnPersistence, userKey } from "./turn-persistence.ts";

const SORRY: Reply = { kind: "text", text: "抱歉，处理您的消息时出了点问题，已记录。请稍后再试，或回复「帮助」。" };
const MAX_TEXT = 2000;

export function createAssistant(deps: AssistantDeps): Assistant {
  const turns = createTurnPersistence(deps);

  return {
    async handle(msg) {
      if (msg.text && msg.text.length > MAX_TEXT) msg = { ...msg, text: msg.text.slice(0, MAX_TEXT) };
      // The logger masks phone numbers and credit codes in every field (src/logging).
      deps.logger.debug({ channel: msg.channel, user: msg.userId, messageId: msg.messageId, text: msg.text, choice: msg.choice }, "message received");
      try {
        return await deps.store.withUserLock(userKey(msg.channel, msg.userId), async () => {
          const { replies } = await turns.run(msg, ({ ctx, session, isNew }) => routeMessage(ctx, session, msg, isNew));
          return replies;
        });
      } catch (err) {
        turns.forget(msg.channel, msg.userId);
        deps.logger.error({ err, channel: msg.channel, user: msg.userId, messageId: msg.messageId }, "assistant turn failed");
        return [SORRY];
      }
    },

    async resume(channel, userId) {
      return deps.store.withUserLock(userKey(channel, userId), async () => {
        const turn = await turns.peek(channel, userId);
        if (!turn) return [];
        const { ctx, session } = turn;
        const pending: Reply[] = isIntakeOpen(session.intake)
          ? [{ kind: "text", text: "欢迎回来！您上次的填报还没有完成，已填写的内容都在，我们接着来：" }, ...repeatPrompt(session.intake)]
          : [];
        return [...(await takeNotifications(ctx)), ...pending];
      });
    },
  };
}
