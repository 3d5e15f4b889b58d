/**
 * `chat [--user <id>]`: the console channel. Interactive in a terminal; with
 * piped input each line is one message. The same conversation store as the
 * bots, so a conversation can be continued later (or after a restart).
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import { loadConfig } from "../../config.ts";
import { consoleLogLevel, createRuntime } from "../../assistant/create-runtime.ts";
import { createLogger } from "../../logging/logger.ts";
import { CliUsageError, type CliCommand } from "../command.types.ts";

const command: CliCommand = {
  name: "chat",
  summary: "控制台对话（交互式，或从管道逐行读取）",
  usage: "chat [--user <用户ID>]",
  async run(args, deps) {
    let values;
    try {
      ({ values } = parseArgs({ args, options: { user: { type: "string" } }, allowPositionals: false }));
    } catch {
      throw new CliUsageError(`参数有误。用法：npm run -s cli -- ${this.usage}`);
    }
    const config = loadConfig();
    const logger = createLogger(consoleLogLevel(config));
    const runtime = await createRuntime(config, { logger, onProgress: (m) => process.stderr.write(`${m}\n`) });
    try {
      await deps.runConsoleChat({
        assistant: runtime.assistant,
        input: process.stdin,
        output: process.stdout,
        userId: values.user ?? config.consoleUser,
        outboxDir: join(config.dataDir, "outbox"),
      });
    } finally {
      await runtime.close();
    }
    return 0;
  },
};
export default command;
