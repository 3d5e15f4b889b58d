/**
 * A program run the way a person runs it: in a pseudo-terminal (node-pty),
 * its output drawn by a terminal emulator (xterm.js, headless) so that tests
 * read the screen a person would see — prompts, echoed typing, what is left
 * behind on exit — rather than the escape codes.
 */
import { createRequire } from "node:module";
import type { IPty } from "@lydell/node-pty";
import type { Terminal as XTerm } from "@xterm/headless";

const require = createRequire(import.meta.url);

export interface TerminalSession {
  /** types text key by key (as a person types, so readline echoes each) */
  type(text: string): Promise<void>;
  /** Enter, Ctrl+D, Ctrl+C */
  press(key: "enter" | "ctrl-d" | "ctrl-c"): void;
  /** waits until the screen shows `what` (after `from` screen characters, if given) */
  waitFor(what: string | RegExp, timeoutMs?: number): Promise<void>;
  /** the visible lines plus scrollback, trailing spaces trimmed */
  screen(): string;
  /** everything the program wrote, escape codes and all */
  raw(): string;
  /** resolves with the exit code */
  exited: Promise<number>;
  kill(): void;
}

/** Undefined when the pseudo-terminal library has no binary for this platform. */
export function loadPty(): typeof import("@lydell/node-pty") | undefined {
  try {
    return require("@lydell/node-pty") as typeof import("@lydell/node-pty");
  } catch {
    return undefined;
  }
}

const KEYS = { enter: "\r", "ctrl-d": "\u0004", "ctrl-c": "\u0003" } as const;

export async function startTerminal(
  command: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; cols?: number; rows?: number },
): Promise<TerminalSession> {
  const pty = loadPty();
  if (!pty) throw new Error("@lydell/node-pty is not available on this platform");
  const { Terminal } = (await import("@xterm/headless")) as unknown as { Terminal: typeof XTerm };
  const cols = opts.cols ?? 100;
  const rows = opts.rows ?? 40;
  const term = new Terminal({ cols, rows, scrollback: 2000, allowProposedApi: true });
  const env = Object.fromEntries(Object.entries({ ...opts.env, TERM: "xterm-256color" }).filter(([, v]) => v !== undefined)) as Record<string, string>;
  const child: IPty = pty.spawn(command, args, { name: "xterm-256color", cols, rows, cwd: opts.cwd, env });
  let raw = "";
  let pending = Promise.resolve();
  child.onData((data) => {
    raw += data;
    pending = pending.then(() => new Promise<void>((resolve) => term.write(data, resolve)));
  });
  const exited = new Promise<number>((resolve) => child.onExit(({ exitCode }) => resolve(exitCode)));
  let done = false;
  void exited.then(() => (done = true));

  const screen = () => {
    const buffer = term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? "");
    return lines.join("\n").replace(/\n+$/u, "");
  };

  return {
    async type(text) {
      for (const ch of text) {
        child.write(ch);
        await new Promise((r) => setTimeout(r, 15));
      }
    },
    press(key) {
      child.write(KEYS[key]);
    },
    async waitFor(what, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      const seen = () => (typeof what === "string" ? screen().includes(what) : what.test(screen()));
      for (;;) {
        await pending;
        if (seen()) return;
        if (done || Date.now() > deadline) {
          await pending;
          if (seen()) return;
          throw new Error(`${done ? "the program exited" : "timed out"} before the screen showed ${String(what)}:\n${screen()}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    screen,
    raw: () => raw,
    exited: exited.then(async (code) => {
      await pending;
      return code;
    }),
    kill: () => {
      if (!done) child.kill();
    },
  };
}
