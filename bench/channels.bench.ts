/**
 * Channel throughput and latency on loopback.
 *
 * Telegram: updates POSTed to our webhook endpoint (grammY's webhookCallback,
 * secret checked), handled by the assistant, replies sent to the
 * telegram-test-api emulator. WeCom: signed and encrypted callbacks POSTed to
 * our callback server, replies sent to the fake WeCom API (gettoken once,
 * message/send per reply).
 *
 * Two phases per channel, after a warm-up that is not measured:
 * - load: `updates` updates, `concurrency` requests in flight. Reports updates
 *   per second from the first POST to the last first-reply (target ≥ 300/s for
 *   Telegram) and the p95 of the HTTP answer and of the first reply under load;
 * - latency: `latencyUpdates` updates one at a time. Reports p50/p95 time from
 *   the POST to the first reply arriving at the fake platform.
 * Each update comes from a different user, so per-user ordering and the rate
 * limit do not throttle the run. The fake platforms and the load generator
 * share the process (and its one event loop) with the adapter, so the
 * numbers are a lower bound for the adapter alone.
 *
 * `npx tsx bench/channels.bench.ts` prints the numbers; bench/main.ts passes a
 * factory for the real core.
 */
import { pathToFileURL } from "node:url";
import type { Assistant } from "../src/assistant/message.types.ts";
import { createLogger } from "../src/logging/logger.ts";
import { createInMemoryProcessedUpdates } from "../bot/shared/dedupe.ts";
import { startTelegram } from "../bot/telegram/index.ts";
import { startWecom } from "../bot/wecom/index.ts";
import { telegramTestConfig, wecomTestConfig } from "../test/support/channel-test-config.ts";
import { createScriptedAssistant } from "../test/support/scripted-assistant.ts";
import { startTelegramEmulator, waitFor } from "../test/support/telegram-emulator.ts";
import { createWecomFake } from "../test/support/wecom-fake.ts";

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
}

export interface ChannelsBenchResult {
  telegram: ChannelBenchNumbers;
  wecom: ChannelBenchNumbers;
}

export interface ChannelsBenchOptions {
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

/** How the bench drives one channel: send as user `key`, read when each user got a first reply. */
interface ChannelDriver {
  post(key: string): Promise<{ status: number; ms: number }>;
  firstReplies(): Iterable<{ key: string; at: number }>;
  stop(): Promise<void>;
}

const SECRET = "bench-webhook-secret";

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
}

async function inParallel(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** Sends `count` updates from fresh users and waits for every first reply. */
async function run(driver: ChannelDriver, prefix: string, count: number, concurrency: number) {
  const sentAt = new Map<string, number>();
  const httpMs: number[] = [];
  const started = Date.now();
  await inParallel(count, concurrency, async (i) => {
    const key = `${prefix}${i}`;
    sentAt.set(key, Date.now());
    const { status, ms } = await driver.post(key);
    if (status !== 200) throw new Error(`the channel answered HTTP ${status}`);
    httpMs.push(ms);
    if (concurrency === 1) await waitFor(() => [...driver.firstReplies()].some((r) => r.key === key), 30_000, `reply to ${key}`);
  });
  const firstReply = new Map<string, number>();
  await waitFor(
    () => {
      for (const { key, at } of driver.firstReplies()) if (sentAt.has(key) && !firstReply.has(key)) firstReply.set(key, at);
      return firstReply.size >= count;
    },
    120_000,
    `${count} replies`,
  );
  const latencies = [...sentAt].map(([key, t]) => firstReply.get(key)! - t);
  return { started, lastReply: Math.max(...firstReply.values()), latencies, httpMs };
}

async function measure(driver: ChannelDriver, options: Required<ChannelsBenchOptions>): Promise<ChannelBenchNumbers> {
  try {
    await run(driver, "warm", options.warmup, options.concurrency);
    const load = await run(driver, "load", options.updates, options.concurrency);
    const single = await run(driver, "single", options.latencyUpdates, 1);
    return {
      updates: options.updates,
      concurrency: options.concurrency,
      updatesPerSecond: Math.round(options.updates / ((load.lastReply - load.started) / 1000)),
      httpAnswerMsP95: percentile(load.httpMs, 95),
      loadedFirstReplyMsP95: percentile(load.latencies, 95),
      firstReplyMsP50: percentile(single.latencies, 50),
      firstReplyMsP95: percentile(single.latencies, 95),
    };
  } finally {
    await driver.stop();
  }
}

async function telegramDriver(assistant: Assistant, text: string): Promise<ChannelDriver> {
  const tg = await startTelegramEmulator();
  const config = telegramTestConfig({ apiRoot: tg.apiRoot, token: tg.token, mode: "webhook", secret: SECRET, rateLimitPerMinute: 1_000_000 });
  const channel = await startTelegram(config, assistant, { processedUpdates: createInMemoryProcessedUpdates(), logger: createLogger("silent") });
  const chatIds = new Map<string, number>();
  const keys = new Map<number, string>();
  return {
    post(key) {
      const chatId = 500_000 + chatIds.size;
      chatIds.set(key, chatId);
      keys.set(chatId, key);
      const updateId = tg.nextUpdateId();
      const from = { id: chatId, is_bot: false, first_name: "压测" };
      const update = { update_id: updateId, message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: "private", first_name: "压测" }, from, text } };
      return tg.postUpdate(channel.address!, update, SECRET);
    },
    *firstReplies() {
      for (const m of tg.botMessages()) yield { key: keys.get(m.chatId) ?? "", at: m.at };
    },
    async stop() {
      await channel.stop();
      await tg.stop();
    },
  };
}

async function wecomDriver(assistant: Assistant, text: string): Promise<ChannelDriver> {
  const wecom = await createWecomFake();
  const config = wecomTestConfig({ ...wecom.corp, apiBase: wecom.apiBase, rateLimitPerMinute: 1_000_000 });
  const channel = await startWecom(config, assistant, { processedUpdates: createInMemoryProcessedUpdates(), logger: createLogger("silent") });
  return {
    post: (key) => wecom.user(channel.address!, key).send(text),
    *firstReplies() {
      for (const m of wecom.sent()) yield { key: m.touser, at: m.at };
    },
    async stop() {
      await channel.stop();
      await wecom.stop();
    },
  };
}

/**
 * @param assistantFactory builds the assistant under load (default: the scripted test assistant, which echoes)
 */
export async function benchChannels(
  assistantFactory: () => Assistant | Promise<Assistant> = () => createScriptedAssistant(),
  options: ChannelsBenchOptions = {},
): Promise<ChannelsBenchResult> {
  const settings: Required<ChannelsBenchOptions> = {
    updates: options.updates ?? 1_000,
    concurrency: options.concurrency ?? 32,
    latencyUpdates: options.latencyUpdates ?? 200,
    warmup: options.warmup ?? 200,
    text: options.text ?? "申报浙江省示范区，核心区面积至少要多少平方米？",
  };
  const telegram = await measure(await telegramDriver(await assistantFactory(), settings.text), settings);
  const wecom = await measure(await wecomDriver(await assistantFactory(), settings.text), settings);
  return { telegram, wecom };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchChannels(), null, 2));
}
