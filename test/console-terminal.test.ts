/**
 * `npm start` in a real terminal, as a person starts the quick start: a
 * pseudo-terminal with a terminal emulator reading the screen. The prompt is
 * shown, typing is echoed, settings come from `.env`, and leaving (Ctrl+D or
 * Ctrl+C) ends with 「再见！」 and nothing else on the screen — no npm spinner
 * left behind.
 *
 * The piped runs are in console-process.test.ts; this file spawns `npm start`
 * twice (a few seconds each).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPty, startTerminal, type TerminalSession } from "./support/terminal-session.ts";

const ROOT = process.cwd();
const available = loadPty() !== undefined;
if (!available) {
  const message = "console-terminal: @lydell/node-pty has no binary for this platform — the pseudo-terminal tests are SKIPPED";
  if (process.env.CI) throw new Error(message);
  console.warn(message);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ipzone-terminal-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A fresh console run: no channel tokens, nothing inherited that `.env` should provide. */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(TELEGRAM_|WECOM_|OPENAI_|LLM_|EMBEDDING_|LOG_LEVEL|DATABASE_URL|STAFF_IDS|CONSOLE_USER|ENV_FILE|NODE_OPTIONS|VITEST|npm_)/u.test(k),
    ),
  );
  return { ...clean, ...extra };
}

/** Lines of the screen that are nothing but the prompt with what was typed after it. */
const promptLines = (screen: string) => screen.split("\n").filter((l) => l.startsWith("你> "));

const SPINNER = /[\u2800-\u28FF]/u;

async function finish(session: TerminalSession): Promise<number> {
  const code = await Promise.race([session.exited, new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`did not exit:\n${session.screen()}`)), 30_000))]);
  return code;
}

describe.runIf(available)("npm start in a terminal", () => {
  // Each test starts `npm start` (migration, index load): generous on a loaded 2-core machine.
  const SLOW = 180_000;

  it("shows the 「你>」 prompt, echoes typing, reads .env (staff console), and leaves cleanly on Ctrl+D", async () => {
    // What the README tells a reviewer to put in .env to review from the console.
    const envFile = join(dir, "staff.env");
    await writeFile(envFile, "# console review\nCONSOLE_USER=staff\nSTAFF_IDS=console:staff\n");
    const session = await startTerminal("npm", ["start"], { cwd: ROOT, env: env({ DATA_DIR: join(dir, "staff"), ENV_FILE: envFile }) });
    try {
      await session.waitFor("政策助手已就绪");
      await session.waitFor(/^你> $/mu);

      await session.type("待审");
      // Echoed while typing, before Enter: the person sees what they type.
      await session.waitFor(/^你> 待审$/mu);
      session.press("enter");
      // Staff rights from .env: the review queue, not a refusal.
      await session.waitFor("目前没有待审核的申报。");
      await session.waitFor(/助手> 目前没有待审核的申报。\n(?:.*\n)*你> $/u);

      await session.type("浙江省示范区要求多少家服务机构？");
      session.press("enter");
      await session.waitFor("第六条");
      await session.waitFor(/第六条(?:.*\n)*你> $/u);
      expect(promptLines(session.screen())).toEqual(["你> 待审", "你> 浙江省示范区要求多少家服务机构？", "你> "]);

      session.press("ctrl-d");
      expect(await finish(session)).toBe(0);
      const screen = session.screen();
      // The last thing on the screen is the goodbye: no spinner frame, no npm noise after it.
      expect(screen.split("\n").at(-1)).toBe("再见！");
      expect(session.raw()).not.toMatch(SPINNER);
      expect(screen).not.toMatch(/npm (ERR|error)/u);
    } finally {
      session.kill();
    }
  }, SLOW);

  it("Ctrl+C in the middle of typing leaves the chat the same clean way", async () => {
    const session = await startTerminal("npm", ["start"], { cwd: ROOT, env: env({ DATA_DIR: join(dir, "ctrl-c"), ENV_FILE: "/dev/null" }) });
    try {
      await session.waitFor(/^你> $/mu);
      await session.type("我想问");
      await session.waitFor(/^你> 我想问$/mu);
      session.press("ctrl-c");
      expect(await finish(session)).toBe(0);
      expect(session.screen().split("\n").at(-1)).toBe("再见！");
      expect(session.raw()).not.toMatch(SPINNER);
    } finally {
      session.kill();
    }
  }, SLOW);
});
