/**
 * Starts the Telegram channel in the mode the settings choose:
 * - polling: `@grammyjs/runner` (concurrent across chats, ordered per chat);
 * - webhook: our own HTTP endpoint; grammY's `webhookCallback` checks
 *   `X-Telegram-Bot-Api-Secret-Token` (401 otherwise) and the update is
 *   answered with an empty 200 at once, then handled per chat.
 */
import { run } from "@grammyjs/runner";
import { Api, GrammyError, HttpError, webhookCallback } from "grammy";
import type { Assistant } from "../../src/assistant/message.types.ts";
import type { Config } from "../../src/config.ts";
import { logger as processLogger } from "../../src/logging/logger.ts";
import type { RunningChannel } from "../shared/channel-deps.ts";
import { listenHttp } from "../shared/http-server.ts";
import { publishCommandMenu } from "./command-menu.ts";
import { createTelegramBot, type TelegramDeps } from "./create-telegram-bot.ts";

const ALLOWED_UPDATES = ["message", "callback_query"] as const;
export const DEFAULT_WEBHOOK_PATH = "/telegram/webhook";
const STARTUP_TIMEOUT_MS = 15_000;

/**
 * The bot's own identity (getMe), asked once with a deadline and without
 * retries: `bot.init()` and auto-retry retry network errors forever, so an
 * unreachable API (no route to api.telegram.org, a wrong TELEGRAM_API_ROOT)
 * or a refused token would leave `npm start` hanging silently. Here it is one
 * clear sentence and the process exits.
 */
async function fetchBotInfo(token: string, apiRoot: string | undefined) {
  const root = apiRoot ?? "https://api.telegram.org";
  try {
    // grammY types its signal with the abort-controller polyfill; Node's own is what it gets at run time.
    const signal = AbortSignal.timeout(STARTUP_TIMEOUT_MS) as unknown as Parameters<Api["getMe"]>[0];
    return await new Api(token, { apiRoot: root }).getMe(signal);
  } catch (err) {
    if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
      throw new Error(`Telegram 不接受 TELEGRAM_BOT_TOKEN（${err.error_code} ${err.description}），请向 @BotFather 核对令牌。`, { cause: err });
    }
    const cause = err instanceof HttpError ? err.error : err;
    // The cause's message may hold the request URL, and with it the token.
    const detail = (cause instanceof Error ? cause.message : String(cause)).replaceAll(token, "<TELEGRAM_BOT_TOKEN>");
    throw new Error(`无法连接 Telegram Bot API（${root}）：${detail}。请检查网络或代理，或用 TELEGRAM_API_ROOT 指向可用的 Bot API 服务器。`);
  }
}

/**
 * @example const telegram = await startTelegram(config, assistant, { processedUpdates });
 *          process.once("SIGTERM", () => telegram.stop());
 */
export async function startTelegram(config: Config, assistant: Assistant, deps: TelegramDeps): Promise<RunningChannel> {
  const settings = config.telegram;
  if (!settings) throw new Error("未配置 Telegram：请设置 TELEGRAM_BOT_TOKEN");
  const log = (deps.logger ?? processLogger()).child({ channel: "telegram" });
  const { bot, drain, push } = createTelegramBot(config, assistant, deps);
  if (!bot.isInited()) bot.botInfo = await fetchBotInfo(settings.token, settings.apiRoot);
  await publishCommandMenu(bot.api, config.staff).catch((err: unknown) =>
    log.warn({ err }, "telegram: could not set the command menu"),
  );

  if (settings.mode === "polling") {
    await bot.api.deleteWebhook();
    const runner = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES } } });
    log.info({ username: bot.botInfo.username }, "telegram: polling");
    return {
      push,
      async stop() {
        if (runner.isRunning()) await runner.stop();
      },
    };
  }

  const webhook = settings.webhook!;
  const path = webhook.url ? new URL(webhook.url).pathname : DEFAULT_WEBHOOK_PATH;
  const handle = webhookCallback(bot, "http", { secretToken: webhook.secret, onTimeout: "return", timeoutMilliseconds: 5_000 });
  const server = await listenHttp(
    (req, res) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (req.method === "GET" && url.pathname === "/healthz") return void res.writeHead(200).end("ok");
      if (req.method !== "POST" || url.pathname !== path) return void res.writeHead(404).end();
      handle(req, res).catch((err: unknown) => {
        // Unreadable JSON and the like: nothing to retry, so no 5xx.
        log.warn({ err }, "telegram: bad webhook request");
        if (!res.headersSent) res.writeHead(400).end();
      });
    },
    { host: webhook.host, port: webhook.port },
  );
  if (webhook.url) {
    await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: ALLOWED_UPDATES });
  }
  log.info({ address: server.address, path }, "telegram: webhook listening");
  return {
    address: `${server.address}${path}`,
    push,
    async stop() {
      await server.close();
      await drain();
    },
  };
}
