/**
 * Whole processes, as a user starts them: wall time, CPU time (user + sys) and
 * peak resident memory of `cli ask` and of `npm start` answering one piped
 * question, each beside `node -e 0` measured in the same run (the ratio is what
 * compares across machines), and beside the same command run from the sources
 * through tsx (the development path, and the production path before dist/).
 *
 * Peak memory comes from GNU time (`/usr/bin/time -f`, Debian's `time`
 * package); without it only wall time is printed. Each row is the median of
 * RUNS runs after one warm-up run (the warm-up also builds the policy index).
 *
 * `npm run bench -- processes`
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { percentile } from "../src/metrics/percentile.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const RUNS = 5;
const QUESTION = "浙江省示范区要求多少家服务机构？";
const GNU_TIME = "/usr/bin/time";

interface ProcessRun {
  wallMs: number;
  cpuMs?: number;
  peakRssMb?: number;
}

interface Row {
  figure: string;
  command: string[];
  stdin?: string;
}

/** One run; with GNU time, its report goes to a file so the program's own stderr stays apart. */
async function runOnce(row: Row, env: NodeJS.ProcessEnv, timeFile: string | undefined): Promise<ProcessRun> {
  const [command, ...args] = timeFile ? [GNU_TIME, "-o", timeFile, "-f", "%e %U %S %M", ...row.command] : row.command;
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(command!, args, { cwd: ROOT, env, stdio: ["pipe", "ignore", "ignore"] });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${row.command.join(" ")} 退出码 ${code}`))));
    child.stdin.end(row.stdin ?? "");
  });
  const wallMs = performance.now() - started;
  if (!timeFile) return { wallMs };
  const [, user, sys, maxKb] = (await readFile(timeFile, "utf8")).trim().split(/\s+/).slice(-4).map(Number);
  return { wallMs, cpuMs: (user! + sys!) * 1000, peakRssMb: maxKb! / 1024 };
}

async function measure(row: Row, env: NodeJS.ProcessEnv, timeFile: string | undefined): Promise<ProcessRun> {
  await runOnce(row, env, timeFile);
  const runs: ProcessRun[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await runOnce(row, env, timeFile));
  const median = (pick: (r: ProcessRun) => number | undefined) => {
    const values = runs.map(pick).filter((v): v is number => v !== undefined);
    return values.length ? percentile(values, 50) : undefined;
  };
  return { wallMs: median((r) => r.wallMs)!, cpuMs: median((r) => r.cpuMs), peakRssMb: median((r) => r.peakRssMb) };
}

export async function benchProcesses(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), "ipzone-bench-processes-"));
  const timeFile = existsSync(GNU_TIME) ? join(dataDir, "time.txt") : undefined;
  // A private data folder and no channel settings: the console chat, offline.
  const env = { ...process.env, DATA_DIR: dataDir, TELEGRAM_BOT_TOKEN: "", WECOM_CORP_ID: "", LOG_LEVEL: "warn" };
  const tsx = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
  const rows: Row[] = [
    { figure: "参照：node -e 0", command: [process.execPath, "-e", "0"] },
    { figure: "cli ask（npm run -s cli，编译后）", command: ["npm", "run", "-s", "cli", "--", "ask", QUESTION] },
    { figure: "cli ask（node 直接运行编译后）", command: [process.execPath, "scripts/run.mjs", "bot/cli", "ask", QUESTION] },
    { figure: "cli ask（tsx 运行源码，改前的路径）", command: [process.execPath, tsx, "bot/cli.ts", "ask", QUESTION] },
    { figure: "npm start 控制台，一问即退（编译后）", command: ["npm", "start", "--silent"], stdin: `${QUESTION}\n` },
    { figure: "npm start 控制台，一问即退（tsx 运行源码）", command: [process.execPath, tsx, "bot/main.ts"], stdin: `${QUESTION}\n` },
  ];
  try {
    const results: Record<string, Record<string, number | string>> = {};
    let reference: ProcessRun | undefined;
    for (const row of rows) {
      const r = await measure(row, env, timeFile);
      reference ??= r;
      results[row.figure] = {
        "墙钟 ms": Math.round(r.wallMs),
        "÷ 参照": Number((r.wallMs / reference.wallMs).toFixed(1)),
        "CPU ms": r.cpuMs === undefined ? "—" : Math.round(r.cpuMs),
        "峰值内存 MB": r.peakRssMb === undefined ? "—" : Math.round(r.peakRssMb),
      };
    }
    console.log(`\n整进程（中位数，${RUNS} 次；目标：cli ask ≤ 600 ms，npm start 一问 ≤ 1000 ms）`);
    if (!timeFile) console.log("（没有 /usr/bin/time：只测墙钟。apt-get install time 可得 CPU 与峰值内存）");
    console.table(results);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
