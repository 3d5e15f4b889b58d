/**
 * Messages per second through the assistant core with SQLite persistence:
 * many console users at once, each going through a Zhejiang intake with
 * policy questions in between (answered offline on the answering thread, as
 * `npm start` does, and logged), then 「确认」
 * (rules + a draft application). Every message is a full turn: user lock,
 * state loaded from and saved to the database, answers recorded. The same
 * conversations are then run as channel messages (with update ids): keyed
 * turns, whose writes commit with the turn's journal row.
 *
 * The conversations run in their own plain Node process on the compiled
 * runtime `npm start` runs (assistant-load.process.mjs, compiled-runtime.ts),
 * restarted on a data directory a first start prepared, so the resident
 * memory is a deployed process's and not the bench runner's.
 *
 * Runnable alone: `npx tsx bench/assistant.bench.ts`.
 */
import { fork } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ensureCompiled, firstStart } from "./compiled-runtime.ts";
import { percentile } from "../src/metrics/percentile.ts";
import { ZHEJIANG_LINES } from "../test/support/assistant-harness.ts";

const USERS = 40;
/** users of the keyed pass (channel messages with ids) */
const KEYED_USERS = 10;
const QUESTIONS = [
  "浙江省示范区要求多少家服务机构？",
  "核心区面积最少要多少平方米？",
  "淄博对专利质押融资服务有什么支持？",
  "申报浙江省示范区需要提交哪些材料？",
];
/** A Zhejiang applicant's answers, the same lines the conversation tests type. */
const ANSWERS = ZHEJIANG_LINES;

/** One user's messages: start, answers with a policy question after every third, confirm. */
function script(i: number): string[] {
  const lines = ["我想申报浙江的示范区"];
  ANSWERS.forEach((a, k) => {
    lines.push(a);
    if (k % 3 === 2) lines.push(QUESTIONS[(i + k) % QUESTIONS.length]!);
  });
  lines.push("确认");
  return lines;
}

/**
 * The reference measured in the same run: plain SQLite commits per second on
 * the same disk, with the store's settings (WAL, synchronous=NORMAL), one small
 * row per transaction and nothing else. A turn commits at least once, so
 * messages/s ÷ commits/s says how close the assistant is to the disk's own
 * ceiling, a ratio that compares across machines where the raw figure does not.
 */
function sqliteCommitsPerSecond(dir: string, seconds = 1): number {
  const Database = createRequire(import.meta.url)("better-sqlite3") as new (file: string) => {
    pragma(sql: string): unknown;
    exec(sql: string): void;
    prepare(sql: string): { run(...args: unknown[]): unknown };
    close(): void;
  };
  const db = new Database(join(dir, "reference.db"));
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    const insert = db.prepare("INSERT INTO t (body) VALUES (?)");
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < seconds * 1000) {
      insert.run(`{"turn":${n}}`);
      n++;
    }
    return n / ((performance.now() - t0) / 1000);
  } finally {
    db.close();
  }
}

interface LoadResult {
  latencies: number[];
  seconds: number;
  cpuMs: number;
  statements: number;
  sequentialSeconds: number;
  keyedStatements: number;
  rssAtStart: number;
  rss: number;
  heapUsed: number;
}

/** Runs the conversations in a plain Node process on the compiled runtime (assistant-load.process.mjs says why). */
function runLoad(job: { dist: string; dataDir: string; warmUp: string[]; scripts: string[][]; sequential: string[]; keyedScripts: string[][] }): Promise<LoadResult> {
  // BENCH_CPU_PROF_DIR=<dir>: a CPU profile of each thread of the load process (node --cpu-prof) is written there.
  const profileDir = process.env.BENCH_CPU_PROF_DIR;
  const execArgv = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const child = fork(fileURLToPath(new URL("./assistant-load.process.mjs", import.meta.url)), [], { execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    child.once("message", (raw) => {
      const reply = raw as { ok: true; result: LoadResult } | { ok: false; error: string };
      if (reply.ok) resolve(reply.result);
      else reject(new Error(reply.error));
    });
    child.once("exit", (code) => reject(new Error(`the load process exited with ${code} before reporting`)));
    child.send(job);
  });
}

export async function benchAssistant(): Promise<Record<string, number | string>> {
  const dist = ensureCompiled();
  const dir = await mkdtemp(join(tmpdir(), "ipzone-bench-assistant-"));
  try {
    const referenceCommitsPerSecond = sqliteCommitsPerSecond(dir);
    // Measured as a restart: the database and the policy index are there already.
    firstStart(dir);
    const scripts = Array.from({ length: USERS }, (_, i) => script(i));
    const keyedScripts = scripts.slice(0, KEYED_USERS);
    const sequential = script(7);
    const total = scripts.reduce((n, s) => n + s.length, 0);
    const questions = scripts.reduce((n, s) => n + s.filter((l) => QUESTIONS.includes(l)).length, 0);
    // Warm-up (a conversation before the measured ones): the answerer's caches, the JIT.
    const load = await runLoad({ dist, dataDir: dir, warmUp: script(999), scripts, sequential, keyedScripts });
    const pct = (p: number) => percentile(load.latencies, p * 100);
    return {
      runtime: "compiled (dist/), plain node",
      users: USERS,
      messages: total,
      policyQuestions: questions,
      messagesPerSecond: total / load.seconds,
      referenceSqliteCommitsPerSecond: referenceCommitsPerSecond,
      messagesPerSecondPerCommitRate: total / load.seconds / referenceCommitsPerSecond,
      // CPU time per message (both threads) is steadier than wall time on a shared machine.
      cpuMsPerMessage: load.cpuMs / total,
      sqlStatementsPerMessage: load.statements / total,
      sqlStatementsPerKeyedMessage: load.keyedStatements / keyedScripts.reduce((n, lines) => n + lines.length, 0),
      latencyMsP50: pct(0.5),
      latencyMsP95: pct(0.95),
      // Sequential single-user turns: the cost of one message without queueing behind others.
      sequentialMsPerMessage: (load.sequentialSeconds * 1000) / sequential.length,
      // The whole process (main thread + answering thread): after start (database open, index loaded), and after every message.
      rssAtStartMB: load.rssAtStart / 2 ** 20,
      rssMB: load.rss / 2 ** 20,
      heapUsedMB: load.heapUsed / 2 ** 20,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.table(await benchAssistant());
}
