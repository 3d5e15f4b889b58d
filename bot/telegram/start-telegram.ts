/**
 * Starts the Telegram channel in the mode the settings choose. Either way an
 * update is written to the inbox before Telegram is told it arrived, and the
 * inbox worker answers it (bot/shared/inbox-worker.ts):
 * - polling: getUpdates, the batch stored, then the next offset (poll-updates.ts);
 * - webhook: our own HTTP endpoint checks `X-Telegram-Bot-Api-Secret-Token`
 *   (401 otherwise), stores the update and answers an empty 200 — never
 *   waiting for the answer. If the update cannot be stored the answer is
 *   503, so Telegram delivers it again later.
 * Updates left unfinished by an earlier run are resumed first.
 */
import { timingSafeEqual } from "node:crypto";
import { Api, GrammyError, HttpError } from "grammy";
import type { Assistant } from "../../src/assistant/message.types.ts";
import type { Config } from "../../src/config.ts";
import { logger as processLogger } from "../../src/logging/logger.ts";
import type { RunningChannel } from "../shared/channel-deps.ts";
import { BodyTooLargeError, listenHttp, readBody } from "../shared/http-server.ts";
import { createInboxWorker } from "../shared/inbox-worker.ts";
import { publishCommandMenu } from "./command-menu.ts";
import { createTelegramBot, type TelegramDeps } from "./create-telegram-bot.ts";
import { classifyTelegramFailure } from "./delivery-journal.ts";
import { pollUpdates } from "./poll-updates.ts";
import { telegramUpdateSchema, toInboxInput } from "./telegram-update.ts";

const ALLOWED_UPDATES = ["message", "callback_query"] as const;
export const DEFAULT_WEBHOOK_PATH = "/telegram/webhook";
const STARTUP_TIMEOUT_MS = 15_000;
/** Telegram's updates are small; a document is a file id, not its bytes. */
const MAX_UPDATE_BYTES = 1024 * 1024;
/** how long stop() lets running updates finish before aborting their calls (the whole stop stays under 10 s) */
const STOP_GRACE_MS = 6_000;

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
 * @example const telegram = await startTelegram(config, assistant, { inbox: runtime.store.inbox });
 *          process.once("SIGTERM", () => telegram.stop());
 */
export async function startTelegram(config: Config, assistant: Assistant, deps: TelegramDeps): Promise<RunningChannel> {
  const settings = config.telegram;
  if (!settings) throw new Error("未配置 Telegram：请设置 TELEGRAM_BOT_TOKEN");
  const log = (deps.logger ?? processLogger()).child({ channel: "telegram" });
  const { bot, handleStored, push } = createTelegramBot(config, assistant, deps);
  if (!bot.isInited()) bot.botInfo = await fetchBotInfo(settings.token, settings.apiRoot);
  await publishCommandMenu(bot.api, config.staff).catch((err: unknown) =>
    log.warn({ err }, "telegram: could not set the command menu"),
  );
  const worker = createInboxWorker({
    channel: "telegram",
    inbox: deps.inbox,
    handle: handleStored,
    classify: classifyTelegramFailure,
    log,
    concurrency: deps.workerConcurrency,
  });
  await worker.recover();

  if (settings.mode === "polling") {
    await bot.api.deleteWebhook();
    const poller = pollUpdates(bot.api, { inbox: deps.inbox, allowedUpdates: ALLOWED_UPDATES, submit: worker.submit, log });
    log.info({ username: bot.botInfo.username }, "telegram: polling");
    return {
      push,
      async stop() {
        await poller.stop();
        await worker.stop(STOP_GRACE_MS);
      },
    };
  }

  const webhook = settings.webhook!;
  const path = webhook.url ? new URL(webhook.url).pathname : DEFAULT_WEBHOOK_PATH;
  const secret = Buffer.from(webhook.secret);
  const server = await listenHttp(
    (req, res) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (req.method === "GET" && url.pathname === "/healthz") return void res.writeHead(200).end("ok");
      if (req.method !== "POST" || url.pathname !== path) return void res.writeHead(404).end();
      const given = Buffer.from(String(req.headers["x-telegram-bot-api-secret-token"] ?? ""));
      if (given.length !== secret.length || !timingSafeEqual(given, secret)) return void res.writeHead(401).end("secret token is wrong");
      void accept(req)
        .then((status) => res.writeHead(status).end())
        .catch((err: unknown) => {
          // The inbox could not store it: Telegram keeps it and sends it again.
          log.error({ err }, "telegram: could not store the update; answered 503 so Telegram retries");
          if (!res.headersSent) res.writeHead(503).end();
        });
    },
    { host: webhook.host, port: webhook.port },
  );

  async function accept(req: import("node:http").IncomingMessage): Promise<number> {
    let update;
    try {
      update = telegramUpdateSchema.parse(JSON.parse((await readBody(req, MAX_UPDATE_BYTES)).toString("utf8")));
    } catch (err) {
      // Unreadable JSON and the like: nothing to retry, so no 5xx.
      log.warn({ err: err instanceof BodyTooLargeError ? err.message : err }, "telegram: bad webhook request");
      return err instanceof BodyTooLargeError ? 413 : 400;
    }
    const row = await deps.inbox.accept(toInboxInput(update));
    if (row) worker.submit(row);
    else log.info({ updateId: update.update_id }, "telegram: repeated update ignored");
    return 200;
  }

  if (webhook.url) {
    await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: ALLOWED_UPDATES });
  }
  log.info({ address: server.address, path }, "telegram: webhook listening");
  return {
    address: `${server.address}${path}`,
    push,
    async stop() {
      await server.close();
      await worker.stop(STOP_GRACE_MS);
    },
  };
}
