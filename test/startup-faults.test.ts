/**
 * Faults at start that an operator must understand from one sentence: a
 * second process on the same SQLite file, a DATA_DIR that cannot be written,
 * and a database another process holds locked while migrating.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { DatabaseUnavailableError, migrateDatabase } from "../src/store/index.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSX = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "ipzone-startup-faults-"));
  dirs.push(dir);
  return dir;
}

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** `npm start` (bot/main.ts) in console mode with `env`; stdin stays open so the console keeps running. */
function start(env: Record<string, string>, options: { uid?: number } = {}): Run {
  const child = spawn(process.execPath, [TSX, "bot/main.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: tmpdir(), ...env },
    stdio: ["pipe", "pipe", "pipe"],
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  children.push(child);
  let out = "";
  let err = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString("utf8")));
  child.stderr!.on("data", (c: Buffer) => (err += c.toString("utf8")));
  const exit = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

function expectOneSentence(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/u);
  expect(stderr).not.toMatch(/panicked|RUST_BACKTRACE|stack backtrace/iu);
}

describe("a second process on the same SQLite file", () => {
  it("is refused at once, saying so and pointing to PostgreSQL; the first keeps running", async () => {
    const dataDir = await tempDir();
    const first = start({ DATA_DIR: dataDir });
    // The console greets once it is ready.
    await until(() => first.stdout().length > 0, 90_000);

    const startedAt = Date.now();
    const second = start({ DATA_DIR: dataDir });
    const code = await second.exit;
    const tookMs = Date.now() - startedAt;
    expect(code).toBe(1);
    expect(second.stderr()).toContain("另一个助手进程正在使用数据库");
    expect(second.stderr()).toContain("PostgreSQL");
    expectOneSentence(second.stderr());
    // Refused before the busy timeout (10 s) a lock wait would have taken.
    expect(tookMs).toBeLessThan(60_000);
    expect(second.stderr()).not.toContain("没有访问权限");

    expect(first.child.exitCode).toBeNull();
    first.child.stdin!.write("帮助\n");
    await until(() => first.stdout().includes("帮助") || first.stdout().includes("申报"), 30_000);
    first.child.stdin!.end();
    expect(await first.exit).toBe(0);

    // Once the first has stopped, the same data directory starts again.
    const third = start({ DATA_DIR: dataDir });
    await until(() => third.stdout().length > 0, 90_000);
    third.child.stdin!.end();
    expect(await third.exit).toBe(0);
  }, 240_000);
});

describe("a DATA_DIR that cannot be written", () => {
  it("gets one Chinese sentence naming the directory, exit 1, no backtrace", async () => {
    const parent = await tempDir();
    const dataDir = join(parent, "readonly");
    await mkdir(dataDir);
    await chmod(dataDir, 0o555);
    await chmod(parent, 0o755);
    // root writes anywhere: run as nobody then (the directory is read-only for everyone).
    const asRoot = process.getuid?.() === 0;
    const run = start({ DATA_DIR: dataDir }, asRoot ? { uid: 65534 } : {});
    run.child.stdin!.end();
    const code = await run.exit;
    expect(code).toBe(1);
    expect(run.stderr()).toContain(`数据目录 ${dataDir} 没有写权限`);
    expect(run.stderr()).toContain("请把 DATA_DIR 设为一个可写的目录");
    expectOneSentence(run.stderr());
    expect(run.stdout()).toBe("");
  }, 120_000);
});

describe("migrating while another process holds the database locked", () => {
  it("says the database is locked by another process, not 「没有访问权限」", async () => {
    const dataDir = await tempDir();
    const file = join(dataDir, "ipzone.db");
    const holder = new Database(file);
    holder.exec("CREATE TABLE held (x INTEGER)");
    holder.exec("BEGIN EXCLUSIVE");
    holder.exec("INSERT INTO held VALUES (1)");
    try {
      const error = await migrateDatabase(loadConfig({ NODE_ENV: "test", DATA_DIR: dataDir })).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DatabaseUnavailableError);
      expect((error as Error).message).toContain("另一个进程锁定");
      expect((error as Error).message).toContain("PostgreSQL");
      expect((error as Error).message).not.toContain("没有访问权限");
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
  }, 120_000);
});
