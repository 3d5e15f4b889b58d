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
 * Runnable alone: `npx tsx bench/assistant.bench.ts`.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { loadConfig } from "../src/config.ts";
import { createRuntime } from "../src/assistant/create-runtime.ts";
import { createLogger } from "../src/logging/logger.ts";
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
 * Counts the SQL statements the store runs (every execution of a
 * better-sqlite3 statement, through Prisma's adapter or prepared once and
 * reused by src/store/sqlite-direct.ts): a figure that, unlike time, does not
 * depend on what else the machine does.
 */
function countStatements(): { count(): number; restore(): void } {
  type Run = (this: unknown, ...args: unknown[]) => unknown;
  const Database = createRequire(import.meta.url)("better-sqlite3") as new (file: string) => { prepare(sql: string): object; close(): void };
  const probe = new Database(":memory:");
  const Statement = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<string, Run>;
  probe.close();
  const methods = ["run", "get", "all", "iterate"] as const;
  const originals = methods.map((name) => Statement[name]!);
  let n = 0;
  methods.forEach((name, i) => {
    Statement[name] = function (this: unknown, ...args: unknown[]) {
      n++;
      return originals[i]!.apply(this, args);
    };
  });
  return { count: () => n, restore: () => methods.forEach((name, i) => void (Statement[name] = originals[i]!)) };
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

export async function benchAssistant(): Promise<Record<string, number | string>> {
  const dir = await mkdtemp(join(tmpdir(), "ipzone-bench-assistant-"));
  const referenceCommitsPerSecond = sqliteCommitsPerSecond(dir);
  const runtime = await createRuntime(loadConfig({ DATA_DIR: dir }), { logger: createLogger("silent") });
  try {
    const { assistant } = runtime;
    // Warm-up: Prisma query plans, jieba, the answerer's caches.
    for (const line of script(999)) await assistant.handle({ channel: "console", userId: "warm-up", text: line });

    const scripts = Array.from({ length: USERS }, (_, i) => script(i));
    const total = scripts.reduce((n, s) => n + s.length, 0);
    const questions = scripts.reduce((n, s) => n + s.filter((l) => QUESTIONS.includes(l)).length, 0);
    const latencies: number[] = [];
    const statements = countStatements();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    // Every user sends their next message as soon as the previous reply is in: USERS conversations at once.
    await Promise.all(
      scripts.map(async (lines, i) => {
        for (const text of lines) {
          const t = performance.now();
          const replies = await assistant.handle({ channel: "console", userId: `bench-${i}`, text });
          latencies.push(performance.now() - t);
          if (replies.some((r) => r.kind === "text" && r.text.startsWith("抱歉，处理您的消息时出了点问题"))) throw new Error(`turn failed: ${text}`);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    statements.restore();
    const sqlStatementsPerMessage = statements.count() / total;
    // CPU time per message is steadier than wall time on a shared machine.
    const cpuMsPerMessage = (cpu.user + cpu.system) / 1000 / total;
    const pct = (p: number) => percentile(latencies, p * 100);

    // Sequential single-user turns: the cost of one message without queueing behind others.
    const seqLines = script(7);
    const ts = performance.now();
    for (const text of seqLines) await assistant.handle({ channel: "console", userId: "sequential", text });
    const seqMsPerMessage = (performance.now() - ts) / seqLines.length;

    // Channel messages carry ids: each turn is journaled, its log rows and answers written in the turn's commit.
    const keyedScripts = scripts.slice(0, KEYED_USERS);
    const keyedStatements = countStatements();
    await Promise.all(
      keyedScripts.map(async (lines, i) => {
        for (const [k, text] of lines.entries()) await assistant.handle({ channel: "telegram", userId: `bench-keyed-${i}`, messageId: String(k + 1), text });
      }),
    );
    keyedStatements.restore();
    const sqlStatementsPerKeyedMessage = keyedStatements.count() / keyedScripts.reduce((n, lines) => n + lines.length, 0);

    const mem = process.memoryUsage();
    return {
      users: USERS,
      messages: total,
      policyQuestions: questions,
      messagesPerSecond: total / seconds,
      referenceSqliteCommitsPerSecond: referenceCommitsPerSecond,
      messagesPerSecondPerCommitRate: total / seconds / referenceCommitsPerSecond,
      cpuMsPerMessage,
      sqlStatementsPerMessage,
      sqlStatementsPerKeyedMessage,
      latencyMsP50: pct(0.5),
      latencyMsP95: pct(0.95),
      sequentialMsPerMessage: seqMsPerMessage,
      rssMB: mem.rss / 2 ** 20,
      heapUsedMB: mem.heapUsed / 2 ** 20,
    };
  } finally {
    await runtime.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.table(await benchAssistant());
}
