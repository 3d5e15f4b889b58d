/**
 * `npm start`: reads the settings (the environment, then `.env`), migrates the
 * database, loads the policy index, then runs the Telegram and/or WeCom bots when configured — or the
 * console chat when neither is. Ctrl+C (SIGINT) or SIGTERM stops cleanly.
 */
import { ConfigError, loadConfig } from "../src/config.ts";
import { consoleLogLevel, createRuntime } from "../src/assistant/create-runtime.ts";
import { createLogger } from "../src/logging/logger.ts";
import { EnvFileError, loadEnvFile } from "../src/load-env-file.ts";

const STOP_DEADLINE_MS = 9_000;

async function main(): Promise<number> {
  let config;
  try {
    loadEnvFile();
    config = loadConfig();
  } catch (err) {
    if (err instanceof EnvFileError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n请对照 .env.example 和 README 的「设置」一节修改后重试。\n`);
      return 2;
    }
    throw err;
  }
  const consoleOnly = !config.telegram && !config.wecom;
  const logger = createLogger(consoleOnly ? consoleLogLevel(config) : config.env.LOG_LEVEL);
  // The channels' modules load while the runtime prepares (the answering thread starts first).
  const channelsModule = import("./start-channels.ts");
  const runtime = await createRuntime(config, { logger, onProgress: (m) => process.stderr.write(`${m}\n`) });
  const { runConsole, startChannels } = await channelsModule;
  const channels = await startChannels(config, runtime, logger);

  const desk = config.web ? channels.at(-1) : undefined;
  if (desk) process.stderr.write(`审核台：${desk.address}\n`);
  if (!config.telegram && !config.wecom) {
    await runConsole(config, runtime, config.consoleUser);
    for (const channel of channels) await channel.stop();
    await runtime.close();
    return 0;
  }
  process.stderr.write(`已启动：${channels.length} 个渠道。按 Ctrl+C 停止。\n`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  process.stderr.write("正在停止…\n");
  // Whatever the platforms do, the process ends within 10 s: unfinished
  // updates are in the inbox and resume at the next start.
  setTimeout(() => {
    process.stderr.write("停止超时：未完成的消息已保存，下次启动时继续处理。\n");
    process.exit(0);
  }, STOP_DEADLINE_MS).unref();
  await Promise.all(channels.map((channel) => channel.stop()));
  await runtime.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`启动失败：${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.DEBUG) console.error(err);
    process.exit(1);
  },
);
