/**
 * Channel throughput and latency on loopback, through the wiring of
 * `npm start`: `createRuntime` (the real core: SQLite migrated in a temp
 * DATA_DIR, the offline answerer, the database-backed update de-duplication)
 * and `startChannels`.
 *
 * Telegram: updates POSTed to our webhook endpoint (grammY's webhookCallback,
 * secret checked), handled by the core, replies sent to the telegram-test-api
 * emulator. WeCom: signed and encrypted callbacks POSTed to our callback
 * server, replies sent to the fake WeCom API (gettoken once, message/send per
 * reply). The fake platform and the load generator run in a child process
 * (bench/channel-load.process.ts), as the real platforms run elsewhere; this
 * process holds only our adapter and core.
 *
 * Two phases per channel, after a warm-up that is not measured:
 * - load: `updates` updates, `concurrency` requests in flight. Reports updates
 *   per second from the first POST to the last first-reply (target ≥ 300/s for
 *   Telegram) and the p95 of the HTTP answer and of the first reply under load;
 * - latency: `latencyUpdates` updates one at a time. Reports p50/p95 time from
 *   the POST to the first reply arriving at the fake platform.
 * Each update comes from a different user, so per-user ordering and the rate
 * limit do not throttle the run; each is a new user asking a policy question,
 * so every turn does the core's full work (user upsert, conversation load and
 * save, retrieval and answer, question log) and sends the help text and the
 * answer.
 *
 * `npm run bench -- channels` prints the table; `npx tsx bench/channels.bench.ts
 * [--scripted]` prints JSON (`--scripted`: the echoing test assistant instead of
 * the core, i.e. the adapters' own ceiling).
 */
import { fork, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Config } from "../src/config.ts";
import { createLogger } from "../src/logging/logger.ts";
import { createInMemoryInbox } from "../bot/shared/in-memory-inbox.ts";
import type { RunningChannel } from "../bot/shared/channel-deps.ts";
import { startTelegram } from "../bot/telegram/index.ts";
import { startWecom } from "../bot/wecom/index.ts";
import { telegramTestConfig, wecomTestConfig } from "../test/support/channel-test-config.ts";
import { makeTempDataDir, startE2eApp } from "../test/support/e2e-runtime.ts";
import { createScriptedAssistant } from "../test/support/scripted-assistant.ts";
import { BENCH_WEBHOOK_SECRET, type AckResult, type LoadCommand, type LoadReport, type PhaseResult } from "./channel-load.process.ts";
import { percentile } from "../src/metrics/percentile.ts";

/** Telegram throughput target from the issue: updates per second through the webhook to the core. */
export const TELEGRAM_TARGET_UPDATES_PER_SECOND = 300;

export interface ChannelBenchNumbers {
  updates: number;
  concurrency: number;
  updatesPerSecond: number;
  /** under load */
  httpAnswerMsP95: number;
  /** under load */
  loadedFirstReplyMsP95: number;
  /** one update at a time */
  firstReplyMsP50: number;
  firstReplyMsP95: number;
  /**
   * Issue 13's acknowledgement rows: 2,000 questions from 200 chats, 50 in
   * flight; updates accepted per second (first POST to last 200) and the p99
   * and max of the HTTP answer, beside the same load of 「帮助」 (no retrieval).
   */
  ackAcceptedPerSecond: number;
  ackHttpMsP99: number;
  ackHttpMsMax: number;
  helpAckAcceptedPerSecond: number;
  helpAckHttpMsP99: number;
  helpAckHttpMsMax: number;
}

export interface ChannelsBenchResult {
  telegram: ChannelBenchNumbers;
  wecom: ChannelBenchNumbers;
}

export interface ChannelsBenchOptions {
  /** what answers: the real core (default) or the scripted test assistant (the adapters alone) */
  core?: "real" | "scripted";
  /** updates in the load phase (default 1,000) */
  updates?: number;
  /** requests in flight in the load phase (default 32) */
  concurrency?: number;
  /** updates in the one-at-a-time latency phase (default 200) */
  latencyUpdates?: number;
  /** updates sent first and not measured, so JIT warm-up does not count (default 200) */
  warmup?: number;
  /** what each user sends */
  text?: string;
}

type Platform = "telegram" | "wecom";

/** Issue 13's acknowledgement load. */
const ACK_UPDATES = 2_000;
const ACK_CHATS = 200;
const ACK_CONCURRENCY = 50;

/** Milliseconds to one decimal. */
const p = (values: number[], rank: number): number => Math.round(percentile(values, rank) * 10) / 10;

/** The fake platform and load generator in a child process, driven over IPC. */
interface LoadProcess {
  ready: Extract<LoadReport, { type: "ready" }>;
  target(url: string): void;
  run(prefix: string, count: number, concurrency: number, text: string): Promise<PhaseResult>;
  ack(prefix: string, count: number, chats: number, concurrency: number, text: string): Promise<AckResult>;
  stop(): Promise<void>;
}

async function startLoadProcess(platform: Platform): Promise<LoadProcess> {
  const child: ChildProcess = fork(fileURLToPath(new URL("./channel-load.process.ts", import.meta.url)), [platform], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const pending = new Map<number, { resolve(r: PhaseResult & AckResult): void; reject(e: Error): void }>();
  let nextId = 0;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = await new Promise<Extract<LoadReport, { type: "ready" }>>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the ${platform} load process exited (${code}) before it was ready`)));
    child.on("message", (report: LoadReport) => {
      if (report.type === "ready") resolve(report);
      else {
        const waiting = pending.get(report.id);
        pending.delete(report.id);
        if (report.type === "error") waiting?.reject(new Error(report.message));
        else waiting?.resolve(report as unknown as PhaseResult & AckResult);
      }
    });
  });
  const send = (command: LoadCommand) => child.send(command);
  return {
    ready,
    target: (url) => send({ type: "target", url }),
    run(prefix, count, concurrency, text) {
      const id = ++nextId;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        send({ type: "run", id, prefix, count, concurrency, text });
      });
    },
    ack(prefix, count, chats, concurrency, text) {
      const id = ++nextId;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        send({ type: "ack", id, prefix, count, chats, concurrency, text });
      });
    },
    async stop() {
      if (child.connected) send({ type: "stop" });
      await exited;
    },
  };
}

/** Our side, started as `npm start` does (real core) or on the scripted assistant. */
async function startOurChannel(core: "real" | "scripted", platform: Platform, config: Config): Promise<{ channel: RunningChannel; stop(): Promise<void> }> {
  const logger = createLogger("silent");
  if (core === "real") {
    const app = await startE2eApp(config, logger);
    return { channel: app.channels[0]!, stop: () => app.stop() };
  }
  const deps = { inbox: createInMemoryInbox(), logger };
  const assistant = createScriptedAssistant();
  const channel = platform === "telegram" ? await startTelegram(config, assistant, deps) : await startWecom(config, assistant, deps);
  return {
    channel,
    async stop() {
      await channel.stop();
      await rm(config.dataDir, { recursive: true, force: true });
    },
  };
}

function configFor(ready: LoadProcess["ready"], dataDir: string): Config {
  if (ready.telegram) {
    const { apiRoot, token } = ready.telegram;
    return telegramTestConfig({ apiRoot, token, mode: "webhook", secret: BENCH_WEBHOOK_SECRET, rateLimitPerMinute: 1_000_000, dataDir });
  }
  return wecomTestConfig({ ...ready.wecom!, rateLimitPerMinute: 1_000_000, dataDir });
}

async function measure(platform: Platform, options: Required<ChannelsBenchOptions>): Promise<ChannelBenchNumbers> {
  const load = await startLoadProcess(platform);
  try {
    const config = configFor(load.ready, await makeTempDataDir(`bench-${platform}`));
    const ours = await startOurChannel(options.core, platform, config);
    try {
      load.target(ours.channel.address!);
      await load.run("warm", options.warmup, options.concurrency, options.text);
      const loaded = await load.run("load", options.updates, options.concurrency, options.text);
      const single = await load.run("single", options.latencyUpdates, 1, options.text);
      const acked = await load.ack("ack", ACK_UPDATES, ACK_CHATS, ACK_CONCURRENCY, options.text);
      const help = await load.ack("help", ACK_UPDATES, ACK_CHATS, ACK_CONCURRENCY, "帮助");
      const perSecond = (r: AckResult) => Math.round(ACK_UPDATES / ((r.lastAck - r.started) / 1000));
      return {
        updates: options.updates,
        concurrency: options.concurrency,
        updatesPerSecond: Math.round(options.updates / ((loaded.lastReply - loaded.started) / 1000)),
        httpAnswerMsP95: p(loaded.httpMs, 95),
        loadedFirstReplyMsP95: p(loaded.latencies, 95),
        firstReplyMsP50: p(single.latencies, 50),
        firstReplyMsP95: p(single.latencies, 95),
        ackAcceptedPerSecond: perSecond(acked),
        ackHttpMsP99: p(acked.httpMs, 99),
        ackHttpMsMax: p(acked.httpMs, 100),
        helpAckAcceptedPerSecond: perSecond(help),
        helpAckHttpMsP99: p(help.httpMs, 99),
        helpAckHttpMsMax: p(help.httpMs, 100),
      };
    } finally {
      await ours.stop();
    }
  } finally {
    await load.stop();
  }
}

/** Both channels, measured one after the other, each on its own runtime and database. */
export async function measureChannels(options: ChannelsBenchOptions = {}): Promise<ChannelsBenchResult> {
  const settings: Required<ChannelsBenchOptions> = {
    core: options.core ?? "real",
    updates: options.updates ?? 1_000,
    concurrency: options.concurrency ?? 32,
    latencyUpdates: options.latencyUpdates ?? 200,
    warmup: options.warmup ?? 200,
    text: options.text ?? "申报浙江省示范区，核心区面积至少要多少平方米？",
  };
  const telegram = await measure("telegram", settings);
  const wecom = await measure("wecom", settings);
  return { telegram, wecom };
}

/** `npm run bench -- channels`: the figures as one flat table (`telegram.updatesPerSecond`, …). */
export async function benchChannels(options: ChannelsBenchOptions = {}): Promise<Record<string, number | string>> {
  const result = await measureChannels(options);
  const flat: Record<string, number | string> = { core: options.core ?? "real" };
  for (const [channel, numbers] of Object.entries(result)) {
    for (const [name, value] of Object.entries(numbers as ChannelBenchNumbers)) flat[`${channel}.${name}`] = value;
  }
  for (const channel of ["telegram", "wecom"] as const) {
    const n = result[channel];
    flat[`${channel}.ackAcceptedPerSecond÷help`] = Math.round((n.ackAcceptedPerSecond / n.helpAckAcceptedPerSecond) * 100) / 100;
    flat[`${channel}.ackHttpMsP99÷help`] = Math.round((n.ackHttpMsP99 / Math.max(0.1, n.helpAckHttpMsP99)) * 100) / 100;
  }
  flat["telegram.targetUpdatesPerSecond"] = TELEGRAM_TARGET_UPDATES_PER_SECOND;
  flat["telegram.meetsTarget"] = result.telegram.updatesPerSecond >= TELEGRAM_TARGET_UPDATES_PER_SECOND ? "yes" : "no";
  return flat;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const core = process.argv.includes("--scripted") ? "scripted" : "real";
  console.log(JSON.stringify(await measureChannels({ core }), null, 2));
}
