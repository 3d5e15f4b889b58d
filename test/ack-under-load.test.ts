/**
 * Acknowledge first, under load: a burst of policy questions to the real core
 * (SQLite inbox, retrieval and answer) through the Telegram webhook and the
 * WeCom callback, many requests in flight, while answering keeps the CPU
 * busy. The HTTP 200 only waits for the update to be stored, so every
 * acknowledgement is back while most answers are still to be produced.
 *
 * The assertions are relative, so they hold on a loaded 2-core CI machine:
 * the last 200 comes back while most chats still wait for their answer, and
 * the p99 of the 200 is under the time the burst takes to be answered (were
 * the 200 to wait for answering, it would be about that time). The issue's
 * figure (p99 under 1 s) and the comparison with the same load of 「帮助」 are
 * measured by `npm run bench -- channels` (ackHttpMsP99 beside helpAckHttpMsP99).
 */
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logging/logger.ts";
import { percentile } from "../src/metrics/percentile.ts";
import { telegramTestConfig, wecomTestConfig } from "./support/channel-test-config.ts";
import { makeTempDataDir, startE2eApp, type E2eApp } from "./support/e2e-runtime.ts";
import { startTelegramEmulator, waitFor } from "./support/telegram-emulator.ts";
import { createWecomFake } from "./support/wecom-fake.ts";

const QUESTION = "申报浙江省示范区，核心区面积至少要多少平方米？";
const BURST = 300;
const IN_FLIGHT = 50;

const apps: E2eApp[] = [];
afterAll(async () => {
  for (const app of apps) await app.stop();
});

/** Posts `count` requests, `limit` at once; returns each HTTP answer's time and when the last one came back. */
async function burst(count: number, limit: number, post: (i: number) => Promise<{ status: number; ms: number }>) {
  const ms: number[] = [];
  const statuses = new Set<number>();
  let next = 0;
  let lastAck = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) {
        const result = await post(next++);
        statuses.add(result.status);
        ms.push(result.ms);
        lastAck = Date.now();
      }
    }),
  );
  return { ms, statuses, lastAck, p99: percentile(ms, 99), p50: percentile(ms, 50), p90: percentile(ms, 90) };
}

describe("the HTTP 200 does not wait for answering", () => {
  it("Telegram webhook: every update of a burst is acknowledged while most answers are still to come", async () => {
    const tg = await startTelegramEmulator();
    try {
      // No review desk: only the channel under test listens.
      const config = { ...telegramTestConfig({ apiRoot: tg.apiRoot, token: tg.token, mode: "webhook", secret: "ack-secret", rateLimitPerMinute: 1_000_000, dataDir: await makeTempDataDir("ack-tg") }), web: undefined };
      const app = await startE2eApp(config, createLogger("silent"));
      apps.push(app);
      const url = app.channels[0]!.address!;
      const update = (i: number) => {
        const id = tg.nextUpdateId();
        const chat = { id: 900_000 + i, type: "private", first_name: "负载" };
        return { update_id: id, message: { message_id: id, date: Math.floor(Date.now() / 1000), chat, from: { id: chat.id, is_bot: false, first_name: "负载" }, text: QUESTION } };
      };
      // Warm: the first question loads the policy index (seconds of CPU, once per process).
      await tg.postUpdate(url, update(BURST), "ack-secret");
      await waitFor(() => tg.botMessages(900_000 + BURST).length > 0 || undefined, 60_000, "the warm-up answer");
      const started = Date.now();
      const result = await burst(BURST, IN_FLIGHT, (i) => tg.postUpdate(url, update(i), "ack-secret"));
      const answeredAtLastAck = new Set(tg.botMessages().map((m) => m.chatId)).size - 1;
      console.log(`telegram ack: p50 ${result.p50.toFixed(1)} p90 ${result.p90.toFixed(1)} p99 ${result.p99.toFixed(1)} ms, max ${Math.max(...result.ms)} ms; chats answered when the last 200 came: ${answeredAtLastAck}/${BURST}`);
      expect([...result.statuses]).toEqual([200]);
      // Answering the burst takes far longer than accepting it.
      expect(answeredAtLastAck).toBeLessThan(BURST / 2);
      await waitFor(() => new Set(tg.botMessages().map((m) => m.chatId)).size > BURST || undefined, 120_000, "every chat answered");
      const answeringMs = Date.now() - started;
      console.log(`telegram: the burst answered in ${answeringMs} ms`);
      expect(result.p99).toBeLessThan(answeringMs);
    } finally {
      await tg.stop();
    }
  }, 180_000);

  it("WeCom callback: every message of a burst is acknowledged while most answers are still to come", async () => {
    const wecom = await createWecomFake({}, { memberLimitPerMinute: 1_000 });
    try {
      const config = { ...wecomTestConfig({ ...wecom.corp, apiBase: wecom.apiBase, rateLimitPerMinute: 1_000_000, dataDir: await makeTempDataDir("ack-wecom") }), web: undefined };
      const app = await startE2eApp(config, createLogger("silent"));
      apps.push(app);
      const url = app.channels[0]!.address!;
      await wecom.user(url, "warm").send(QUESTION, { msgId: "warm" });
      await waitFor(() => wecom.sent("warm").length > 0 || undefined, 60_000, "the warm-up answer");
      const started = Date.now();
      const result = await burst(BURST, IN_FLIGHT, async (i) => {
        const started = Date.now();
        const { status } = await wecom.user(url, `load${i}`).send(QUESTION, { msgId: `ack-${i}` });
        return { status, ms: Date.now() - started };
      });
      const answeredAtLastAck = new Set(wecom.sent().map((m) => m.touser)).size - 1;
      console.log(`wecom ack: p50 ${result.p50.toFixed(1)} p90 ${result.p90.toFixed(1)} p99 ${result.p99.toFixed(1)} ms, max ${Math.max(...result.ms)} ms; members answered when the last 200 came: ${answeredAtLastAck}/${BURST}`);
      expect([...result.statuses]).toEqual([200]);
      expect(answeredAtLastAck).toBeLessThan(BURST / 2);
      await waitFor(() => new Set(wecom.sent().map((m) => m.touser)).size > BURST || undefined, 120_000, "every member answered");
      const answeringMs = Date.now() - started;
      console.log(`wecom: the burst answered in ${answeringMs} ms`);
      expect(result.p99).toBeLessThan(answeringMs);
    } finally {
      await wecom.stop();
    }
  }, 180_000);
});
