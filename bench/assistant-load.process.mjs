// The measured half of bench/assistant.bench.ts, in its own process: plain
// Node running the compiled runtime from dist/, exactly as `npm start` does.
// Any TypeScript loader in the process (tsx, which runs the benches) holds
// ~40–50 MB of its own — a loader thread, transform caches, and a second
// copy in the answering thread, which inherits `--import tsx` — that no
// deployed process carries, and would be counted in the resident memory.
//
// Gets { dist, dataDir, warmUp, scripts, sequential, keyedScripts } by IPC, runs them and sends back
// the raw measurements; assistant.bench.ts turns them into figures.
import { createRequire } from "node:module";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const FAILED = "抱歉，处理您的消息时出了点问题";

/**
 * Counts the SQL statements the store runs (every execution of a
 * better-sqlite3 statement, through Prisma's adapter or prepared once and
 * reused by src/store/sqlite-direct.ts): a figure that, unlike time, does not
 * depend on what else the machine does.
 */
function countStatements() {
  const Database = createRequire(import.meta.url)("better-sqlite3");
  const probe = new Database(":memory:");
  const Statement = Object.getPrototypeOf(probe.prepare("SELECT 1"));
  probe.close();
  const methods = ["run", "get", "all", "iterate"];
  const originals = methods.map((name) => Statement[name]);
  let n = 0;
  methods.forEach((name, i) => {
    Statement[name] = function (...args) {
      n++;
      return originals[i].apply(this, args);
    };
  });
  return { count: () => n, restore: () => methods.forEach((name, i) => void (Statement[name] = originals[i])) };
}

async function run(job) {
  const load = (path) => import(pathToFileURL(join(job.dist, path)).href);
  const [{ loadConfig }, { createRuntime }, { createLogger }] = await Promise.all([
    load("src/config.js"),
    load("src/assistant/create-runtime.js"),
    load("src/logging/logger.js"),
  ]);
  const runtime = await createRuntime(loadConfig({ DATA_DIR: job.dataDir }), { logger: createLogger("silent") });
  try {
    const { assistant } = runtime;
    const turn = async (message) => {
      const replies = await assistant.handle(message);
      if (replies.some((r) => r.kind === "text" && r.text.startsWith(FAILED))) throw new Error(`turn failed: ${message.text}`);
    };
    const rssAtStart = process.memoryUsage().rss;
    for (const text of job.warmUp) await turn({ channel: "console", userId: "warm-up", text });

    const latencies = [];
    const statements = countStatements();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    // Every user sends their next message as soon as the previous reply is in: all conversations at once.
    await Promise.all(
      job.scripts.map(async (lines, i) => {
        for (const text of lines) {
          const t = performance.now();
          await turn({ channel: "console", userId: `bench-${i}`, text });
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    statements.restore();

    const ts = performance.now();
    for (const text of job.sequential) await turn({ channel: "console", userId: "sequential", text });
    const sequentialSeconds = (performance.now() - ts) / 1000;

    // Channel messages carry ids: each turn is journaled, its log rows and answers written in the turn's commit.
    const keyed = countStatements();
    await Promise.all(
      job.keyedScripts.map(async (lines, i) => {
        for (const [k, text] of lines.entries()) await turn({ channel: "telegram", userId: `bench-keyed-${i}`, messageId: String(k + 1), text });
      }),
    );
    keyed.restore();
    const mem = process.memoryUsage();
    return {
      latencies,
      seconds,
      cpuMs: (cpu.user + cpu.system) / 1000,
      statements: statements.count(),
      sequentialSeconds,
      keyedStatements: keyed.count(),
      rssAtStart,
      rss: mem.rss,
      heapUsed: mem.heapUsed,
    };
  } finally {
    await runtime.close();
  }
}

process.once("message", (job) => {
  run(job).then(
    (result) => process.send({ ok: true, result }, () => process.exit(0)),
    (err) => process.send({ ok: false, error: String(err?.stack ?? err) }, () => process.exit(1)),
  );
});
