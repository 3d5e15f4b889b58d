/**
 * The Telegram channel's one error handler (used by `bot.catch` and the
 * `errorBoundary` around the features): log with the update id, tell the
 * user one polite sentence. The logger masks phone numbers and credit codes.
 */
import type { BotError, Context } from "grammy";
import type { Logger } from "../../src/logging/logger.ts";
import { userNotices } from "../shared/user-notices.ts";

export function createTelegramErrorReporter(log: Logger) {
  return async (error: BotError<Context>): Promise<void> => {
    const ctx = error.ctx;
    log.error({ updateId: ctx.update.update_id, err: error.error }, "telegram: update failed");
    const chatId = ctx.chat?.id;
    if (chatId === undefined) return;
    try {
      await ctx.api.sendMessage(chatId, userNotices.failure);
    } catch (err) {
      log.warn({ updateId: ctx.update.update_id, err }, "telegram: could not send the failure notice");
    }
  };
}
