/**
 * The other side of the channel bench, in its own process: the fake platform
 * (telegram-test-api emulator or the fake WeCom API) and the load generator.
 * In production Telegram and WeCom run on other machines; here they get the
 * second core, so the bench process measures our adapter and core rather
 * than the emulator sharing their event loop.
 *
 * Started by bench/channels.bench.ts with `fork(…, ["telegram" | "wecom"])`.
 * Protocol (IPC messages):
 *   → { type: "ready", telegram: { apiRoot, token } } or { type: "ready", wecom: WecomCorp & { apiBase } }
 *   ← { type: "target", url }                                   where our channel listens
 *   ← { type: "run", id, prefix, count, concurrency, text }    one phase
 *   ← { type: "ack", id, prefix, count, chats, concurrency, text }   the acknowledgement phase:
 *        `count` updates from `chats` chats (round robin); times only the HTTP answers, then
 *        waits until the replies stop coming (so the next phase starts on a quiet channel)
 *   → { type: "acked", id, started, lastAck, httpMs, replies }
 *   → { type: "result", id, started, lastReply, latencies, httpMs } or { type: "error", id, message }
 *   ← { type: "stop" }
 * Times are `Date.now()` of this process; every duration is measured here.
 */
import { pathToFileURL } from "node:url";
import { startTelegramEmulator, waitFor, type TelegramEmulator } from "../test/support/telegram-emulator.ts";
import { createWecomFake, type WecomFake } from "../test/support/wecom-fake.ts";

export const BENCH_WEBHOOK_SECRET = "bench-webhook-secret";

export type LoadCommand =
  | { type: "target"; url: string }
  | { type: "run"; id: number; prefix: string; count: number; concurrency: number; text: string }
  | { type: "ack"; id: number; prefix: string; count: number; chats: number; concurrency: number; text: string }
  | { type: "stop" };

export interface PhaseResult {
  started: number;
  lastReply: number;
  /** per update: from its POST to its first reply reaching the platform */
  latencies: number[];
  /** per update: how long our HTTP answer took */
  httpMs: number[];
}

export interface AckResult {
  started: number;
  /** when the last HTTP 200 arrived */
  lastAck: number;
  /** per update: how long our HTTP answer took */
  httpMs: number[];
  /** replies that reached the platform for this phase */
  replies: number;
}

export type LoadReport =
  | { type: "ready"; telegram?: { apiRoot: string; token: string }; wecom?: WecomFake["corp"] & { apiBase: string } }
  | ({ type: "result"; id: number } & PhaseResult)
  | ({ type: "acked"; id: number } & AckResult)
  | { type: "error"; id: number; message: string };

/** Posts as user `key`; reads the replies that arrived since the last read (incremental, so polling stays cheap). */
interface PlatformDriver {
  post(url: string, key: string, text: string): Promise<{ status: number; ms: number }>;
  newReplies(): { key: string; at: number }[];
  stop(): Promise<void>;
}

function telegramDriver(tg: TelegramEmulator): PlatformDriver {
  const keys = new Map<number, string>();
  const chats = new Map<string, number>();
  let seen = 0;
  return {
    post(url, key, text) {
      let chatId = chats.get(key);
      if (chatId === undefined) {
        chatId = 500_000 + keys.size;
        keys.set(chatId, key);
        chats.set(key, chatId);
      }
      const updateId = tg.nextUpdateId();
      const from = { id: chatId, is_bot: false, first_name: "压测" };
      const chat = { id: chatId, type: "private", first_name: "压测" };
      const update = { update_id: updateId, message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat, from, text } };
      return tg.postUpdate(url, update, BENCH_WEBHOOK_SECRET);
    },
    newReplies() {
      const stored = tg.emulator.storage.botMessages;
      if (stored.length < seen) seen = 0; // the emulator dropped old messages
      const fresh = stored.slice(seen).map((m) => ({ key: keys.get(Number((m.message as { chat_id: number | string }).chat_id)) ?? "", at: m.time }));
      seen = stored.length;
      return fresh;
    },
    stop: () => tg.stop(),
  };
}

function wecomDriver(wecom: WecomFake): PlatformDriver {
  let seen = 0;
  return {
    post: (url, key, text) => wecom.user(url, key).send(text),
    newReplies() {
      const sent = wecom.sent();
      const fresh = sent.slice(seen).map((m) => ({ key: m.touser, at: m.at }));
      seen = sent.length;
      return fresh;
    },
    stop: () => wecom.stop(),
  };
}

async function inParallel(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** Sends `count` updates from fresh users, `concurrency` in flight, and waits for every first reply. */
async function runPhase(driver: PlatformDriver, url: string, phase: Extract<LoadCommand, { type: "run" }>): Promise<PhaseResult> {
  const sentAt = new Map<string, number>();
  const firstReply = new Map<string, number>();
  const httpMs: number[] = [];
  const collect = () => {
    for (const { key, at } of driver.newReplies()) if (sentAt.has(key) && !firstReply.has(key)) firstReply.set(key, at);
  };
  const started = Date.now();
  await inParallel(phase.count, phase.concurrency, async (i) => {
    const key = `${phase.prefix}${i}`;
    sentAt.set(key, Date.now());
    const { status, ms } = await driver.post(url, key, phase.text);
    if (status !== 200) throw new Error(`the channel answered HTTP ${status}`);
    httpMs.push(ms);
    if (phase.concurrency === 1) await waitFor(() => (collect(), firstReply.has(key)), 30_000, `reply to ${key}`);
  });
  await waitFor(() => (collect(), firstReply.size >= phase.count), 120_000, `${phase.count} replies`);
  const latencies = [...sentAt].map(([key, t]) => firstReply.get(key)! - t);
  return { started, lastReply: Math.max(...firstReply.values()), latencies, httpMs };
}

/** The acknowledgement rows: many updates per chat, only the HTTP answer timed. */
async function runAckPhase(driver: PlatformDriver, url: string, phase: Extract<LoadCommand, { type: "ack" }>): Promise<AckResult> {
  driver.newReplies();
  const httpMs: number[] = [];
  const started = Date.now();
  let lastAck = started;
  await inParallel(phase.count, phase.concurrency, async (i) => {
    const { status, ms } = await driver.post(url, `${phase.prefix}${i % phase.chats}`, phase.text);
    if (status !== 200) throw new Error(`the channel answered HTTP ${status}`);
    httpMs.push(ms);
    lastAck = Date.now();
  });
  // Let the answering finish before the next phase: until two quiet seconds, at most three minutes.
  let replies = 0;
  let quietSince = Date.now();
  const deadline = Date.now() + 180_000;
  while (Date.now() - quietSince < 2_000 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    const fresh = driver.newReplies().length;
    if (fresh > 0) quietSince = Date.now();
    replies += fresh;
  }
  return { started, lastAck, httpMs, replies };
}

async function main(): Promise<void> {
  const send = (report: LoadReport) => process.send!(report);
  const which = process.argv[2];
  let driver: PlatformDriver;
  if (which === "telegram") {
    const tg = await startTelegramEmulator();
    driver = telegramDriver(tg);
    send({ type: "ready", telegram: { apiRoot: tg.apiRoot, token: tg.token } });
  } else if (which === "wecom") {
    const wecom = await createWecomFake();
    driver = wecomDriver(wecom);
    send({ type: "ready", wecom: { ...wecom.corp, apiBase: wecom.apiBase } });
  } else {
    throw new Error(`unknown platform ${which}`);
  }

  let url = "";
  process.on("message", (command: LoadCommand) => {
    if (command.type === "target") url = command.url;
    else if (command.type === "run") {
      runPhase(driver, url, command).then(
        (result) => send({ type: "result", id: command.id, ...result }),
        (err: unknown) => send({ type: "error", id: command.id, message: err instanceof Error ? err.message : String(err) }),
      );
    } else if (command.type === "ack") {
      runAckPhase(driver, url, command).then(
        (result) => send({ type: "acked", id: command.id, ...result }),
        (err: unknown) => send({ type: "error", id: command.id, message: err instanceof Error ? err.message : String(err) }),
      );
    } else if (command.type === "stop") {
      void driver.stop().finally(() => process.exit(0));
    }
  });
  // The bench process went away without saying stop.
  process.once("disconnect", () => process.exit(0));
}

if (process.send && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
