/**
 * One turn: the update becomes an `IncomingMessage`, the assistant answers
 * (with a typing indicator if it is slow), the replies go out.
 */
import type { Context } from "grammy";
import type { Assistant, IncomingMessage, Reply } from "../../src/assistant/message.types.ts";
import { withTypingIndicator } from "./typing-indicator.ts";

export type TelegramConverse = (ctx: Context, content: { text: string } | { choice: string }) => Promise<Reply[]>;

export function createConverse(assistant: Assistant, options: { typingDelayMs: number }): TelegramConverse {
  return async (ctx, content) => {
    const from = ctx.from!;
    const message: IncomingMessage = {
      channel: "telegram",
      userId: String(from.id),
      ...content,
      messageId: String(ctx.update.update_id),
      displayName: [from.first_name, from.last_name].filter(Boolean).join(" ") || undefined,
      sentAt: ctx.message ? new Date(ctx.message.date * 1000) : new Date(),
    };
    const chatId = ctx.chat!.id;
    return withTypingIndicator(() => ctx.api.sendChatAction(chatId, "typing"), assistant.handle(message), {
      delayMs: options.typingDelayMs,
    });
  };
}
