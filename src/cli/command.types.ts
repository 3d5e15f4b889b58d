/**
 * One command of the command line (`npm run -s cli -- <name> …`).
 * Each lives in `commands/<name>.command.ts` and default-exports a `CliCommand`.
 */
import type { Assistant } from "../assistant/message.types.ts";

/** Runs a conversation on a pair of streams until the input ends (bot/console provides it). */
export type ConsoleChatRunner = (options: {
  assistant: Assistant;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  userId: string;
  /** where documents are written */
  outboxDir: string;
}) => Promise<void>;

/** What the process entry hands the commands: the parts that live outside src/. */
export interface CliDeps {
  runConsoleChat: ConsoleChatRunner;
}

export interface CliCommand {
  name: string;
  /** one line in Chinese for `help` */
  summary: string;
  usage: string;
  /** returns the process exit code */
  run(args: string[], deps: CliDeps): Promise<number>;
}

/** Bad input on the command line: printed in Chinese without a stack trace, exit 2. */
export class CliUsageError extends Error {
  constructor(message: string, public readonly exitCode = 2) {
    super(message);
    this.name = "CliUsageError";
  }
}
