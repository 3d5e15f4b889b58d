/**
 * The Telegram channel (grammY). bot/main.ts calls `startTelegram`; tests and
 * benchmarks may build the bot alone with `createTelegramBot`.
 */
export { startTelegram, DEFAULT_WEBHOOK_PATH } from "./start-telegram.ts";
export { createTelegramBot, type TelegramBot, type TelegramDeps } from "./create-telegram-bot.ts";
export type { RunningChannel } from "../shared/channel-deps.ts";
