/**
 * The command line (`npm run -s cli -- <command>`). JSON goes to stdout only
 * with --json; logs go to stderr. Commands are looked up by name in ./commands
 * so that each stays one file. The process entry (bot/cli.ts) hands in what
 * lives outside src/ — the console channel for `chat`.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { EnvFileError, loadEnvFile } from "../load-env-file.ts";
import { CliUsageError, type CliCommand, type CliDeps } from "./command.types.ts";

const COMMANDS = ["chat", "ask", "check", "estimate", "draft", "eval", "staff"] as const;

/** The command files sit beside this one: .ts under tsx, .js once compiled into dist/. */
const COMMAND_EXTENSION = import.meta.url.endsWith(".ts") ? ".ts" : ".js";

async function loadCommand(name: string): Promise<CliCommand | undefined> {
  // A command the build bundled into one file (scripts/bundle-entries.mjs: `ask`) loads from that file.
  const bundle = COMMAND_EXTENSION === ".js" ? new URL(`./commands/${name}.command.bundle.js`, import.meta.url) : undefined;
  const file = bundle && existsSync(fileURLToPath(bundle)) ? bundle : new URL(`./commands/${name}.command${COMMAND_EXTENSION}`, import.meta.url);
  if (!existsSync(fileURLToPath(file))) return undefined;
  const mod = (await import(file.href)) as { default: CliCommand };
  return mod.default;
}

async function printHelp(): Promise<void> {
  const lines = ["用法：npm run -s cli -- <命令> [参数]", "", "命令："];
  for (const name of COMMANDS) {
    const cmd = await loadCommand(name);
    if (cmd) lines.push(`  ${cmd.usage.padEnd(48)} ${cmd.summary}`);
  }
  lines.push("", "加 --json 时只向标准输出打印 JSON；日志写到标准错误。");
  process.stdout.write(lines.join("\n") + "\n");
}

/** Runs one command; returns the process exit code. */
export async function runCli(argv: string[], deps: CliDeps): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    await printHelp();
    return name ? 0 : 2;
  }
  const cmd = await loadCommand(name);
  if (!cmd) {
    process.stderr.write(`未知命令「${name}」。可用命令：${COMMANDS.join("、")}。运行 npm run -s cli -- help 查看说明。\n`);
    return 2;
  }
  try {
    // Commands read their settings from the environment; `.env` fills in what is not set there.
    loadEnvFile();
    return await cmd.run(rest, deps);
  } catch (err) {
    if (err instanceof EnvFileError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    if (err instanceof CliUsageError) {
      process.stderr.write(err.message.endsWith("\n") ? err.message : err.message + "\n");
      return err.exitCode;
    }
    throw err;
  }
}
