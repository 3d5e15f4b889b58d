/**
 * One turn: the update becomes an `IncomingMessage`, the assistant answers
 * (with a typing indicator if it is slow) and the replies are stored in the
 * inbox before they go out. A turn worked again (a retry, a restart) takes
 * the stored replies instead of asking the assistant a second time.
 */
import type { Context } from "grammy";
import type { Assistant, IncomingMessage, Reply } from "../../src/assistant/message.types.ts";
import type { TurnProgress } from "../shared/inbox-worker.ts";
import { withTypingIndicator } from "./typing-indicator.ts";

export type TelegramConverse = (ctx: Context, content: { text: string } | { choice: string }) => Promise<Reply[]>;

export function createConverse(
  assistant: Assistant,
  options: { typingDelayMs: number; progressOf(ctx: Context): TurnProgress | undefined },
): TelegramConverse {
  return async (ctx, content) => {
    const progress = options.progressOf(ctx);
    if (progress?.replies) return progress.replies;
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
    const replies = await withTypingIndicator(() => ctx.api.sendChatAction(chatId, "typing"), assistant.handle(message), {
      delayMs: options.typingDelayMs,
    });
    await progress?.saveReplies(replies);
    return replies;
  };
}
