/**
 * One command of the command line (`npm run -s cli -- <name> …`).
 * Each lives in `commands/<name>.command.ts` and default-exports a `CliCommand`.
 */
export interface CliCommand {
  name: string;
  /** one line in Chinese for `help` */
  summary: string;
  usage: string;
  /** returns the process exit code */
  run(args: string[]): Promise<number>;
}

/** Bad input on the command line: printed in Chinese without a stack trace, exit 2. */
export class CliUsageError extends Error {
  constructor(message: string, public readonly exitCode = 2) {
    super(message);
    this.name = "CliUsageError";
  }
}
