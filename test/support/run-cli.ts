/**
 * The real command line as a user runs it (the sources through tsx), with its
 * exit code and both streams, for tests that check what the CLI prints.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(...args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "bot/cli.ts", ...args], { cwd: process.cwd(), timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as CliRun;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
