/**
 * Starts every channel whose settings are present — Telegram, WeCom — or the
 * console chat when there are none. Used by `npm start` (bot/main.ts).
 */
import { join } from "node:path";
import type { Config } from "../src/config.ts";
import type { Runtime } from "../src/assistant/create-runtime.ts";
import type { Logger } from "../src/logging/logger.ts";
import type { RunningChannel } from "./shared/channel-deps.ts";
import { runConsoleChat } from "./console/console-channel.ts";
import { schedulePruning } from "./shared/prune-schedule.ts";

export async function startChannels(config: Config, runtime: Runtime, logger: Logger): Promise<RunningChannel[]> {
  const running: RunningChannel[] = [];
  const deps = { inbox: runtime.store.inbox, logger };
  if (config.telegram) {
    const { startTelegram } = await import("./telegram/index.ts");
    const channel = await startTelegram(config, runtime.assistant, deps);
    if (channel.push) runtime.registerPusher("telegram", channel.push);
    running.push(channel);
    logger.info({ mode: config.telegram.mode, address: channel.address }, "Telegram channel started");
  }
  if (config.wecom) {
    const { startWecom } = await import("./wecom/index.ts");
    const channel = await startWecom(config, runtime.assistant, deps);
    if (channel.push) runtime.registerPusher("wecom", channel.push);
    running.push(channel);
    logger.info({ address: channel.address }, "WeCom channel started");
  }
  if (running.length > 0) {
    const pruning = schedulePruning(runtime.store, logger);
    running.push({ stop: async () => pruning.stop() });
  }
  if (config.web) {
    const { startWebDesk } = await import("./web/start-web.ts");
    const desk = await startWebDesk(config, runtime, logger);
    running.push(desk);
    logger.info({ address: desk.address }, "review desk started");
  }
  return running;
}

export async function runConsole(config: Config, runtime: Runtime, userId: string): Promise<void> {
  await runConsoleChat({
    assistant: runtime.assistant,
    input: process.stdin,
    output: process.stdout,
    userId,
    outboxDir: join(config.dataDir, "outbox"),
  });
}
