/**
 * `npm run -s cli -- <command>`: the command line's process entry. It hands
 * the console channel to src/cli (whose `chat` command runs it), so nothing
 * under src/ imports a channel.
 */
import { runCli } from "../src/cli/run-cli.ts";
import { runConsoleChat } from "./console/console-channel.ts";

runCli(process.argv.slice(2), { runConsoleChat }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`出错了：${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.DEBUG) console.error(err);
    process.exitCode = 1;
  },
);
