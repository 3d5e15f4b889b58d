/**
 * The console as people start it, in a child process with a temp DATA_DIR:
 * `npm start` and `cli chat` with piped input, compared with `check --json`
 * and `estimate --json` on the same facts; and a process killed in the middle
 * of an intake, started again, continuing at the same question.
 *
 * Kept to a few spawns (each costs a couple of seconds); the conversations
 * themselves are covered in-process (console-chat, assistant-*.test.ts).
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { createStore, type Store } from "../src/store/index.ts";
import { AGENCY_LINES, agencyInput, CREDIT_CODE, PHONE, ZHEJIANG_LINES, ZHEJIANG_PROFILE } from "./support/assistant-harness.ts";

const ROOT = process.cwd();
const TSX = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ipzone-console-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The environment of a fresh console run: no channel tokens, default log level. */
function env(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(TELEGRAM_|WECOM_|OPENAI_|LLM_|EMBEDDING_|LOG_LEVEL|DATABASE_URL|STAFF_IDS|CONSOLE_USER|NODE_OPTIONS|VITEST)/u.test(k)),
  );
  return { ...clean, DATA_DIR: dataDir, ...extra };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command with `input` piped to stdin and waits for it to exit. */
function run(command: string, args: string[], input: string, environment: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: environment, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const lines = (...l: string[]) => l.map((x) => `${x}\n`).join("");

async function withStore<T>(dataDir: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await createStore(loadConfig({ DATA_DIR: dataDir }));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function cliJson(args: string[], dataDir: string): Promise<Record<string, unknown>> {
  const r = await run(process.execPath, [TSX, "bot/cli.ts", ...args, "--json"], "", env(dataDir));
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/u);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

// Each test starts two or three Node processes that migrate and load the index:
// on a loaded 2-core machine that alone can take longer than the default 30 s.
const SLOW = { timeout: 120_000 };

describe("npm start with piped input", SLOW, () => {
  it("a new Zhejiang applicant gets the same result as `check --json` on the same profile", async () => {
    const dataDir = join(dir, "zj");
    const r = await run("npm", ["run", "-s", "start"], lines("我想申报浙江的示范区", ...ZHEJIANG_LINES, "确认"), env(dataDir));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("正在准备数据库");
    expect(r.stdout).toContain("你> 我想申报浙江的示范区");
    expect(r.stdout).toContain("结论：符合申报条件");
    expect(r.stdout).toMatch(/申报编号：ZJ-\d{4}-\d{4}（草稿）/u);
    expect(r.stdout.trimEnd().endsWith("再见！")).toBe(true);
    // Warnings and errors only on a console run: no log lines, certainly no personal data.
    expect(r.stderr).not.toContain(PHONE);
    expect(r.stderr).not.toContain(CREDIT_CODE);

    const app = await withStore(dataDir, async (store) => {
      const user = await store.users.findByChannelId("console", "local");
      return (await store.applications.listByUser(user!.id))[0]!;
    });
    const asOf = (app.profile as { asOf: string }).asOf;
    const profile = { ...ZHEJIANG_PROFILE, asOf };
    expect(app.profile).toEqual(profile);
    const file = join(dir, "zj-profile.json");
    await writeFile(file, JSON.stringify(profile));
    const cli = await cliJson(["check", "--input", file], join(dir, "cli"));
    const chat = app.checkResult as Record<string, unknown>;
    expect(chat.verdict).toBe("eligible");
    expect(cli.verdict).toBe(chat.verdict);
    expect(cli.conditions).toEqual(chat.conditions);
    expect(cli.warnings).toEqual(chat.warnings);
  });

  it("`cli chat` runs a Zibo agency estimate that matches `estimate --json`", async () => {
    const dataDir = join(dir, "agency");
    const answers = [...AGENCY_LINES, "确认"];
    const r = await run(process.execPath, [TSX, "bot/cli.ts", "chat", "--user", "agency"], lines("测算一下我们能拿多少资助", ...answers), env(dataDir));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("第九条");

    const stored = await withStore(dataDir, async (store) => {
      const user = await store.users.findByChannelId("console", "agency");
      return (await store.estimates.listByUser(user!.id, 1))[0]!;
    });
    const input = stored.input as { asOf: string };
    const file = join(dir, "agency.json");
    await writeFile(file, JSON.stringify(agencyInput(input.asOf)));
    const cli = await cliJson(["estimate", "--input", file], join(dir, "cli"));
    const chat = stored.result as Record<string, unknown>;
    expect(chat.totalMax).toBe(450_000);
    expect(cli.totalMax).toBe(chat.totalMax);
    expect(cli.cashMax).toBe(chat.cashMax);
    expect(cli.voucherMax).toBe(chat.voucherMax);
    const amounts = (x: Record<string, unknown>) => (x.items as { clause: string; maxAmount: number }[]).map((i) => [i.clause, i.maxAmount]);
    expect(amounts(cli)).toEqual(amounts(chat));
    expect(r.stdout).toContain("450,000");
  });
});

describe("a process killed in the middle of an intake", SLOW, () => {
  it("is started again on the same DATA_DIR and the user continues at the same question", async () => {
    const dataDir = join(dir, "resume");
    const environment = env(dataDir, { CONSOLE_USER: "resume" });
    const child = spawn(process.execPath, [TSX, "bot/main.ts"], { cwd: ROOT, env: environment, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
    const waitFor = async (text: string) => {
      const deadline = Date.now() + 90_000;
      while (!out.includes(text)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`never saw 「${text}」 in:\n${out}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.stdin.write(lines("我想申报浙江的示范区", ...ZHEJIANG_LINES.slice(0, 3)));
    await waitFor("第 4/14 步 · 联系电话");
    child.kill("SIGKILL");
    await exited;

    const again = await run(process.execPath, [TSX, "bot/main.ts"], lines(PHONE, ZHEJIANG_LINES[4]), environment);
    expect(again.code).toBe(0);
    // Before typing anything, the user is shown where they left off.
    const greeting = again.stdout.slice(0, again.stdout.indexOf("你> "));
    expect(greeting).toContain("您上次的填报还没有完成");
    expect(greeting).toContain("第 4/14 步 · 联系电话");
    expect(again.stdout).toContain(`✓ 已记录：联系电话 ${PHONE}`);
    expect(again.stdout).toContain("✓ 已记录：通讯地址");
    expect(again.stdout).toContain("第 6/14 步 · 示范区名称");
    // No welcome-back help text in the way.
    expect(again.stdout).not.toContain("我可以：");
  });
});
