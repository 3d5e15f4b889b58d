/**
 * Builds the grammY bot: bounded API retries, the delivery journal of the
 * stored update being worked, then — inside the one error boundary — the
 * per-user rate limit and the features (commands and text, button presses).
 * Updates reach the bot only from the inbox (`handleStored`), which keeps
 * each chat in order and each update to one effect.
 */
import { Bot, BotError, type Context, type MiddlewareFn } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import type { PushMessage } from "../../src/assistant/assistant-deps.types.ts";
import type { Assistant } from "../../src/assistant/message.types.ts";
import type { Config } from "../../src/config.ts";
import { logger as processLogger, type Logger } from "../../src/logging/logger.ts";
import type { InboxRecord } from "../../src/store/index.ts";
import type { ChannelDeps } from "../shared/channel-deps.ts";
import type { TurnProgress } from "../shared/inbox-worker.ts";
import { createRateLimiter, type RateLimiter } from "../shared/rate-limiter.ts";
import { userNotices } from "../shared/user-notices.ts";
import { choiceFeature } from "./choice-feature.ts";
import { createChoiceCallbackCodec } from "./choice-keyboard.ts";
import { boundedRetry, DEFAULT_RETRY_BOUNDS, type RetryBounds } from "./bounded-retry.ts";
import { createConverse } from "./converse.ts";
import { deliverReplies } from "./deliver-replies.ts";
import { journalTransformer } from "./delivery-journal.ts";
import { createTelegramErrorReporter } from "./report-error.ts";
import { textFeature } from "./text-feature.ts";

export interface TelegramDeps extends ChannelDeps {
  /** show "typing…" when an answer takes longer than this (default 700 ms) */
  typingDelayMs?: number;
  /** bounds of Bot API retries (network, 5xx, short 429s) */
  retry?: RetryBounds;
  /** skips the getMe call at start (benchmarks) */
  botInfo?: UserFromGetMe;
}

export interface TelegramBot {
  bot: Bot<Context>;
  /** works one stored update: answers it (or takes the stored answer) and delivers what is not yet delivered */
  handleStored(row: InboxRecord, progress: TurnProgress): Promise<void>;
  /** replies to a user who did not just write; a private chat's id is the user's id */
  push: PushMessage;
}

export function createTelegramBot(config: Config, assistant: Assistant, deps: TelegramDeps): TelegramBot {
  const telegram = config.telegram;
  if (!telegram) throw new Error("未配置 Telegram：请设置 TELEGRAM_BOT_TOKEN");
  const log = (deps.logger ?? processLogger()).child({ channel: "telegram" });

  const bot = new Bot<Context>(telegram.token, {
    botInfo: deps.botInfo,
    // A call is never left hanging longer than a long poll (30 s) plus a margin.
    client: { apiRoot: telegram.apiRoot ?? "https://api.telegram.org", timeoutSeconds: 40 },
  });
  bot.api.config.use(boundedRetry(deps.retry ?? DEFAULT_RETRY_BOUNDS, log));

  const report = createTelegramErrorReporter(log);
  bot.catch(report);

  // The stored update being worked, by update id: its replies and delivery progress.
  const turns = new Map<number, TurnProgress>();
  bot.use((ctx, next) => {
    const progress = turns.get(ctx.update.update_id);
    if (progress) ctx.api.config.use(journalTransformer(progress));
    return next();
  });

  const codec = createChoiceCallbackCodec();
  const converse = createConverse(assistant, {
    typingDelayMs: deps.typingDelayMs ?? 700,
    progressOf: (ctx) => turns.get(ctx.update.update_id),
  });
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

  async function handleStored(row: InboxRecord, progress: TurnProgress): Promise<void> {
    const update = JSON.parse(row.payload ?? "null") as Update;
    turns.set(update.update_id, progress);
    try {
      await bot.handleUpdate(update);
    } catch (err) {
      throw err instanceof BotError ? err.error : err;
    } finally {
      turns.delete(update.update_id);
    }
  }

  return { bot, handleStored, push };
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
