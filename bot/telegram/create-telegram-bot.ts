/**
 * Builds the grammY bot: API retries, then one effect per update id, then
 * per-chat ordering, then — inside the one error boundary — the per-user
 * rate limit and the features (commands and text, button presses).
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type Context, type MiddlewareFn } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { PushMessage } from "../../src/assistant/assistant-deps.types.ts";
import type { Assistant } from "../../src/assistant/message.types.ts";
import type { Config } from "../../src/config.ts";
import { logger as processLogger, type Logger } from "../../src/logging/logger.ts";
import { isFirstDelivery } from "../shared/dedupe.ts";
import type { ChannelDeps } from "../shared/channel-deps.ts";
import { createKeyedQueue, type KeyedQueue } from "../shared/keyed-queue.ts";
import { createRateLimiter, type RateLimiter } from "../shared/rate-limiter.ts";
import { userNotices } from "../shared/user-notices.ts";
import { choiceFeature } from "./choice-feature.ts";
import { createChoiceCallbackCodec } from "./choice-keyboard.ts";
import { createConverse } from "./converse.ts";
import { deliverReplies } from "./deliver-replies.ts";
import { createTelegramErrorReporter } from "./report-error.ts";
import { textFeature } from "./text-feature.ts";

export interface TelegramDeps extends ChannelDeps {
  /** show "typing…" when an answer takes longer than this (default 700 ms) */
  typingDelayMs?: number;
  /** bounded retries of Bot API calls on 429 (after `retry_after`) and 5xx */
  retry?: { maxRetryAttempts: number; maxDelaySeconds: number };
  /** skips the getMe call at start (benchmarks) */
  botInfo?: UserFromGetMe;
}

export interface TelegramBot {
  bot: Bot<Context>;
  /** waits until updates accepted by the webhook have been answered */
  drain(): Promise<void>;
  /** replies to a user who did not just write; a private chat's id is the user's id */
  push: PushMessage;
}

export function createTelegramBot(config: Config, assistant: Assistant, deps: TelegramDeps): TelegramBot {
  const telegram = config.telegram;
  if (!telegram) throw new Error("未配置 Telegram：请设置 TELEGRAM_BOT_TOKEN");
  const log = (deps.logger ?? processLogger()).child({ channel: "telegram" });

  const bot = new Bot<Context>(telegram.token, {
    botInfo: deps.botInfo,
    client: { apiRoot: telegram.apiRoot ?? "https://api.telegram.org" },
  });
  bot.api.config.use(autoRetry(deps.retry ?? { maxRetryAttempts: 3, maxDelaySeconds: 30 }));

  const report = createTelegramErrorReporter(log);
  bot.catch(report);

  // Polling: the runner works on many updates at once, sequentialize keeps a
  // chat in order. Webhook: answer Telegram at once and work per chat later.
  // The update-id check comes after, so Telegram's 200 never waits on the
  // database; a redelivery queues behind the first and is dropped there.
  const queue = createKeyedQueue();
  bot.use(telegram.mode === "webhook" ? deferPerChat(queue, log) : sequentialize(chatKey));
  bot.use(onePerUpdateId(deps, log));

  const codec = createChoiceCallbackCodec();
  const converse = createConverse(assistant, { typingDelayMs: deps.typingDelayMs ?? 700 });
  const limiter = createRateLimiter({ perMinute: config.rateLimitPerMinute, now: deps.now });
  const features = bot.errorBoundary(report);
  features.use(limitPerUser(limiter, log));
  features.use(choiceFeature(converse, codec));
  features.use(textFeature(converse, codec, config.staff));

  const push: PushMessage = async (user, replies) => {
    const chatId = Number(user.externalId);
    if (user.channel !== "telegram" || !Number.isSafeInteger(chatId)) return false;
    await deliverReplies(bot.api, chatId, replies, codec);
    return true;
  };

  return { bot, drain: () => queue.drain(), push };
}

function chatKey(ctx: Context): string {
  return String(ctx.chat?.id ?? ctx.from?.id ?? "");
}

/** Per-user token bucket; a limited user hears it once (and a pressed button stops spinning). */
function limitPerUser(limiter: RateLimiter, log: Logger): MiddlewareFn<Context> {
  return async (ctx, next) => {
    if (!ctx.from) return;
    const decision = limiter.take(String(ctx.from.id));
    if (decision === "allow") return next();
    log.info({ updateId: ctx.update.update_id, userId: ctx.from.id }, "telegram: rate limited");
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: userNotices.rateLimited }).catch(() => undefined);
    if (decision === "notify" && ctx.chat) await ctx.api.sendMessage(ctx.chat.id, userNotices.rateLimited);
  };
}

function onePerUpdateId(deps: ChannelDeps, log: Logger): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const updateId = ctx.update.update_id;
    if (!(await isFirstDelivery(deps.processedUpdates, "telegram", String(updateId), log))) {
      log.info({ updateId }, "telegram: repeated update ignored");
      return;
    }
    await next();
  };
}

function deferPerChat(queue: KeyedQueue, log: Logger): MiddlewareFn<Context> {
  return (ctx, next) => {
    // The error boundary inside `next` handles failures; this catch only
    // guards against the boundary's own handler failing.
    queue.run(chatKey(ctx), () => next()).catch((err: unknown) => {
      log.error({ updateId: ctx.update.update_id, err }, "telegram: deferred update failed");
    });
  };
}
