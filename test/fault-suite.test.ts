/**
 * The fault suite: `npm start` as a real process (the real core, SQLite in a
 * temp DATA_DIR) against the loopback fakes of Telegram and WeCom, with
 * faults injected from outside — kill -9 at a random point of a burst and a
 * restart, the Bot API down and back, a 429 storm, WeCom's access token
 * expired mid-burst and its per-member limit, the database locked by another
 * process. Every user asks one question per update; the replies each chat
 * should get are taken from a chat that ran without faults in the same run,
 * and each run prints: updates sent, replies expected and delivered, lost,
 * duplicated. Any loss fails the test, and so does any duplicate.
 *
 * A duplicate is a copy the bot made although it knew the first had gone
 * out, or a second, different answer to one message. What it cannot know is
 * the outcome of a send a kill -9 (or a network error) cut: the platform may
 * have taken it before the bot could record so, and no chat platform takes an
 * idempotency key for sending. The bot marks every send in flight in the
 * inbox before making it, and when it makes such a send again it counts it in
 * the row (`resentSteps`). The suite reads those counts from the database
 * after the run and prints them (`resentUnknownOutcome`, and how many of them
 * did reach the chat twice, `copiesOfResent`); a copy not covered by its
 * chat's count is a duplicate.
 *
 * The platforms are modelled as they behave: Telegram re-sends a webhook
 * update until it gets a 200 and keeps unconfirmed getUpdates batches; WeCom
 * re-sends a callback that got no 200 (here until it does, within 30 s).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDataDir } from "./support/e2e-runtime.ts";
import { startTelegramEmulator, waitFor, type TelegramEmulator } from "./support/telegram-emulator.ts";
import { createWecomFake, type WecomFake } from "./support/wecom-fake.ts";

const ROOT = resolve(import.meta.dirname, "..");
const QUESTION = "核心区面积有什么要求？";
const SECRET = "fault-suite-secret";

interface Figures {
  scenario: string;
  updatesSent: number;
  repliesExpected: number;
  repliesDelivered: number;
  lost: number;
  /** copies the bot made knowing the first had gone out, or second answers: must be 0 */
  duplicates: number;
  /** sends made again because a kill -9 or a network error left their outcome unknown (from the inbox rows) */
  resentUnknownOutcome: number;
  /** of those, how many reached the chat a second time */
  copiesOfResent: number;
  kills: number;
}
const report: Figures[] = [];

afterAll(() => {
  console.log(`\nfault suite figures:\n${report.map((f) => JSON.stringify(f)).join("\n")}`);
});

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** `npm start` (bot/main.ts) as its own process, killed with SIGKILL or stopped with SIGTERM. */
class BotProcess {
  private child: ChildProcess | undefined;
  stderr = "";
  kills = 0;
  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<void> {
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "bot/main.ts")], {
      cwd: ROOT,
      // WEB_PORT off: the review desk is not under test, and its fixed port may be taken on a shared machine.
      env: { ...process.env, LOG_LEVEL: "warn", WEB_PORT: "off", ...this.env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    this.child = child;
    let seen = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      seen += chunk.toString("utf8");
      this.stderr += chunk.toString("utf8");
    });
    await waitFor(() => seen.includes("已启动") || child.exitCode !== null, 90_000, "the bot process to start");
    if (child.exitCode !== null) throw new Error(`the bot exited at start:\n${this.stderr.slice(-3_000)}`);
  }

  kill9(): void {
    this.kills++;
    this.child?.kill("SIGKILL");
  }

  /** SIGTERM; resolves with how long the process took to exit. */
  async stop(): Promise<number> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return 0;
    const started = Date.now();
    const exited = new Promise<void>((r) => child.once("exit", () => r()));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    return Date.now() - started;
  }
}

interface Arrived {
  text: string;
  at: number;
}

/**
 * Lost and duplicated replies: per chat, what arrived against what a
 * fault-free chat got. An extra copy of an expected reply is allowed only as
 * far as the chat's inbox rows counted sends made again after an unknown
 * outcome (`resent`); anything beyond, or any reply not expected, is a duplicate.
 */
function count(expectedFor: (chat: string) => string[], byChat: Map<string, Arrived[]>, resent: Map<string, number>) {
  let delivered = 0;
  let lost = 0;
  let duplicates = 0;
  let copiesOfResent = 0;
  for (const [chat, got] of byChat) {
    delivered += got.length;
    const remaining = [...got];
    const matched: Arrived[] = [];
    for (const text of expectedFor(chat)) {
      const i = remaining.findIndex((m) => m.text === text);
      if (i >= 0) matched.push(...remaining.splice(i, 1));
      else lost++;
    }
    let allowance = resent.get(chat) ?? 0;
    for (const extra of remaining) {
      if (allowance > 0 && matched.some((m) => m.text === extra.text)) {
        allowance--;
        copiesOfResent++;
      } else {
        duplicates++;
      }
    }
  }
  return { delivered, lost, duplicates, copiesOfResent };
}

/** Per chat: sends the bot made again after an unknown outcome, as its inbox recorded them. */
function resentByChat(dataDir: string): Map<string, number> {
  const db = new Database(join(dataDir, "ipzone.db"), { readonly: true });
  try {
    const rows = db.prepare(`SELECT "chatKey", SUM("resentSteps") AS n FROM "InboxUpdate" GROUP BY "chatKey"`).all() as { chatKey: string; n: number }[];
    return new Map(rows.map((r) => [r.chatKey, Number(r.n)]));
  } finally {
    db.close();
  }
}

const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/** Runs `tasks` with at most `limit` at once. */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Holds SQLite's write lock from another process' point of view (another connection) for `ms`. */
async function lockDatabase(dataDir: string, ms: number): Promise<void> {
  const db = new Database(join(dataDir, "ipzone.db"), { timeout: 10_000 });
  db.exec("BEGIN IMMEDIATE");
  await sleep(ms);
  db.exec("COMMIT");
  db.close();
}

describe("fault suite (real processes, loopback fakes)", () => {
  it(
    "Telegram webhook: a burst with kill -9 and a restart, the Bot API down and back, a 429 storm, the database locked — nothing lost, nothing twice",
    async () => {
      const tg: TelegramEmulator = await startTelegramEmulator();
      const dataDir = await makeTempDataDir("fault-webhook");
      const port = await freePort();
      const url = `http://127.0.0.1:${port}/telegram/webhook`;
      const bot = new BotProcess({
        DATA_DIR: dataDir,
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_API_ROOT: tg.apiRoot,
        TELEGRAM_MODE: "webhook",
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        TELEGRAM_WEBHOOK_HOST: "127.0.0.1",
        TELEGRAM_WEBHOOK_PORT: String(port),
        RATE_LIMIT_PER_MINUTE: "1000",
      });
      try {
        await bot.start();
        const post = (chatId: number) => {
          const updateId = tg.nextUpdateId();
          const from = { id: chatId, is_bot: false, first_name: "故障" };
          const update = { update_id: updateId, message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: "private", first_name: "故障" }, from, text: QUESTION } };
          return async () => {
            // As Telegram: the same update again until it is answered with 200.
            const deadline = Date.now() + 120_000;
            while (Date.now() < deadline) {
              const result = await tg.postUpdate(url, update, SECRET).catch(() => undefined);
              if (result?.status === 200) return;
              await sleep(250);
            }
            throw new Error(`update ${updateId} never accepted`);
          };
        };

        // The reference: one chat, no faults.
        await post(700_000)();
        const expected = (await waitFor(() => {
          const got = tg.botMessages(700_000);
          return got.length >= 1 && Date.now() - got.at(-1)!.at > 1_500 ? got : undefined;
        }, 30_000, "the reference replies")).map((m) => m.text ?? "");
        const arrived = (chat: number) => tg.botMessages(chat).map((m) => ({ text: m.text ?? "", at: m.at }));

        const N = 120;
        const chats = Array.from({ length: N }, (_, i) => 710_000 + i);
        let accepted = 0;
        const killAt = 20 + Math.floor(Math.random() * 60);
        const faults = (async () => {
          await waitFor(() => accepted >= killAt, 60_000, "the kill point");
          bot.kill9();
          await sleep(300);
          // While it is down: a 429 storm waits for the first replies after the restart.
          tg.failNext("sendMessage", { errorCode: 429, retryAfter: 1 }, 15);
          await bot.start();
          tg.setDown(true);
          await sleep(2_500);
          tg.setDown(false);
          await lockDatabase(dataDir, 2_000);
        })();
        await pool(chats, 10, async (chat) => {
          await post(chat)();
          accepted++;
        });
        await faults;

        const byChat = () => new Map(chats.map((c) => [String(c), arrived(c)]));
        await waitFor(() => count(() => expected, byChat(), new Map()).lost === 0, 90_000, "every reply").catch(() => undefined);
        await sleep(1_500); // anything late (a duplicate) would arrive now
        const stopMs = await bot.stop();
        const resent = resentByChat(dataDir);
        const figures = count(() => expected, byChat(), resent);
        report.push({ scenario: "telegram-webhook", updatesSent: N, repliesExpected: N * expected.length, repliesDelivered: figures.delivered, lost: figures.lost, duplicates: figures.duplicates, resentUnknownOutcome: total(resent), copiesOfResent: figures.copiesOfResent, kills: bot.kills });
        console.log(`telegram webhook: ${JSON.stringify(report.at(-1))}, SIGTERM → exit ${stopMs} ms`);
        expect(figures).toMatchObject({ lost: 0, duplicates: 0 });
        expect(stopMs).toBeLessThan(10_000);
      } finally {
        await bot.stop();
        await tg.stop();
      }
    },
    300_000,
  );

  it(
    "Telegram polling: a burst with kill -9 while batches are in hand, and a restart — nothing lost, nothing twice",
    async () => {
      const tg: TelegramEmulator = await startTelegramEmulator();
      const dataDir = await makeTempDataDir("fault-polling");
      const bot = new BotProcess({ DATA_DIR: dataDir, TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, TELEGRAM_MODE: "polling", RATE_LIMIT_PER_MINUTE: "1000" });
      try {
        await bot.start();
        await tg.user({ id: 800_000 }).send(QUESTION);
        const expected = (await waitFor(() => {
          const got = tg.botMessages(800_000);
          return got.length >= 1 && Date.now() - got.at(-1)!.at > 1_500 ? got : undefined;
        }, 30_000, "the reference replies")).map((m) => m.text ?? "");

        const N = 100;
        const chats = Array.from({ length: N }, (_, i) => 810_000 + i);
        for (const chat of chats) await tg.user({ id: chat }).send(QUESTION);
        const killAfter = 10 + Math.floor(Math.random() * 40);
        await waitFor(() => chats.filter((c) => tg.botMessages(c).length > 0).length >= killAfter, 60_000, "the kill point");
        bot.kill9();
        await bot.start();

        const arrived = (chat: number) => tg.botMessages(chat).map((m) => ({ text: m.text ?? "", at: m.at }));
        const byChat = () => new Map(chats.map((c) => [String(c), arrived(c)]));
        await waitFor(() => count(() => expected, byChat(), new Map()).lost === 0, 90_000, "every reply").catch(() => undefined);
        await sleep(1_500);
        await bot.stop();
        const resent = resentByChat(dataDir);
        const figures = count(() => expected, byChat(), resent);
        report.push({ scenario: "telegram-polling", updatesSent: N, repliesExpected: N * expected.length, repliesDelivered: figures.delivered, lost: figures.lost, duplicates: figures.duplicates, resentUnknownOutcome: total(resent), copiesOfResent: figures.copiesOfResent, kills: bot.kills });
        console.log(`telegram polling: ${JSON.stringify(report.at(-1))}`);
        expect(figures).toMatchObject({ lost: 0, duplicates: 0 });
      } finally {
        await bot.stop();
        await tg.stop();
      }
    },
    300_000,
  );

  it(
    "WeCom: a burst with kill -9 and a restart, the access token expired mid-burst, one member over 30 messages a minute — nothing lost, nothing dropped, nothing twice",
    async () => {
      const wecom: WecomFake = await createWecomFake({}, { memberLimitPerMinute: 30 });
      const dataDir = await makeTempDataDir("fault-wecom");
      const port = await freePort();
      const callbackUrl = `http://127.0.0.1:${port}`;
      const bot = new BotProcess({
        DATA_DIR: dataDir,
        WECOM_CORP_ID: wecom.corp.corpId,
        WECOM_AGENT_ID: wecom.corp.agentId,
        WECOM_SECRET: wecom.corp.secret,
        WECOM_TOKEN: wecom.corp.token,
        WECOM_ENCODING_AES_KEY: wecom.corp.encodingAesKey,
        WECOM_API_BASE: wecom.apiBase,
        WECOM_HOST: "127.0.0.1",
        WECOM_PORT: String(port),
        RATE_LIMIT_PER_MINUTE: "1000",
      });
      try {
        await bot.start();
        const send = async (userId: string, text: string, msgId: string) => {
          // As WeCom: the callback again until it gets a 200.
          const deadline = Date.now() + 30_000;
          while (Date.now() < deadline) {
            const result = await wecom.user(callbackUrl, userId).send(text, { msgId }).catch(() => undefined);
            if (result?.status === 200) return;
            await sleep(500);
          }
          throw new Error(`message ${msgId} never accepted`);
        };
        await send("reference", QUESTION, "ref-1");
        await send("reference", QUESTION, "ref-2");
        const reference = await waitFor(() => {
          const got = wecom.sent("reference");
          return got.length >= 2 && Date.now() - got.at(-1)!.at > 1_500 ? got : undefined;
        }, 30_000, "the reference replies");
        // A member's first question also gets the welcome; later ones only the answer.
        const firstTexts = reference.slice(0, -1).map((m) => m.text ?? "");
        const laterText = reference.at(-1)!.text ?? "";

        const members = Array.from({ length: 20 }, (_, i) => `member${i}`);
        const heavy = "heavy"; // 34 questions in a few seconds: over WeCom's 30 a minute
        const work = [...members.flatMap((m) => [0, 1].map((k) => ({ user: m, id: `${m}-${k}` }))), ...Array.from({ length: 34 }, (_, k) => ({ user: heavy, id: `${heavy}-${k}` }))];
        let accepted = 0;
        const killAt = 10 + Math.floor(Math.random() * 30);
        const faults = (async () => {
          await waitFor(() => accepted >= 5, 60_000, "the first messages");
          wecom.expireToken();
          await waitFor(() => accepted >= killAt, 60_000, "the kill point");
          bot.kill9();
          await sleep(300);
          await bot.start();
        })();
        await pool(work, 8, async ({ user, id }) => {
          await send(user, QUESTION, id);
          accepted++;
        });
        await faults;

        const expectedFor = (user: string) => {
          const n = work.filter((w) => w.user === user).length;
          return [...firstTexts, ...Array.from({ length: n - 1 }, () => laterText)];
        };
        const users = [...members, heavy];
        const byChat = () => new Map(users.map((u) => [u, wecom.sent(u).map((m) => ({ text: m.text ?? "", at: m.at }))]));
        // The heavy member's last messages wait for WeCom's minute to turn.
        await waitFor(() => count(expectedFor, byChat(), new Map()).lost === 0, 150_000, "every reply").catch(() => undefined);
        await sleep(1_500);
        await bot.stop();
        const resent = resentByChat(dataDir);
        const figures = count(expectedFor, byChat(), resent);
        const expectedCount = users.reduce((sum, u) => sum + expectedFor(u).length, 0);
        report.push({ scenario: "wecom", updatesSent: work.length, repliesExpected: expectedCount, repliesDelivered: figures.delivered, lost: figures.lost, duplicates: figures.duplicates, resentUnknownOutcome: total(resent), copiesOfResent: figures.copiesOfResent, kills: bot.kills });
        console.log(`wecom: ${JSON.stringify(report.at(-1))}, dropped by the member limit: ${wecom.dropped().length}`);
        expect(figures).toMatchObject({ lost: 0, duplicates: 0 });
        expect(wecom.dropped()).toEqual([]);
      } finally {
        await bot.stop();
        await wecom.stop();
      }
    },
    360_000,
  );
});
