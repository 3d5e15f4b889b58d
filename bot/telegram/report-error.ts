/**
 * The Telegram channel's one error handler (used by `bot.catch` and the
 * `errorBoundary` around the features). A failed Bot API call (network, 5xx,
 * 429, a blocked user) is passed on to the inbox worker, which retries or
 * re-queues the update and delivers what is missing; any other failure is
 * logged with the update id and the user is told one polite sentence. The
 * logger masks phone numbers and credit codes.
 */
import { GrammyError, HttpError, type BotError, type Context } from "grammy";
import type { Logger } from "../../src/logging/logger.ts";
import { userNotices } from "../shared/user-notices.ts";

export function createTelegramErrorReporter(log: Logger) {
  return async (error: BotError<Context>): Promise<void> => {
    if (error.error instanceof GrammyError || error.error instanceof HttpError) throw error.error;
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
