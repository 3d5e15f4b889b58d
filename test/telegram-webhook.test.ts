/**
 * Telegram in webhook mode: our HTTP endpoint checks the secret header,
 * answers Telegram at once, handles each chat in order, and acts once per
 * update_id even when Telegram delivers an update twice.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInMemoryInbox } from "../bot/shared/in-memory-inbox.ts";
import type { RunningChannel } from "../bot/shared/channel-deps.ts";
import { startTelegram } from "../bot/telegram/index.ts";
import { captureLogger } from "./support/capture-logger.ts";
import { telegramTestConfig } from "./support/channel-test-config.ts";
import { createScriptedAssistant } from "./support/scripted-assistant.ts";
import { startTelegramEmulator, waitFor, type TelegramEmulator } from "./support/telegram-emulator.ts";

const SECRET = "s3cret_webhook-token";

describe("Telegram webhook", () => {
  let tg: TelegramEmulator;
  let channel: RunningChannel;
  let url: string;
  const assistant = createScriptedAssistant({ slowMs: 1_500 });

  beforeAll(async () => {
    tg = await startTelegramEmulator();
    const config = telegramTestConfig({ apiRoot: tg.apiRoot, token: tg.token, mode: "webhook", secret: SECRET });
    channel = await startTelegram(config, assistant, { inbox: createInMemoryInbox(), logger: captureLogger().logger });
    url = channel.address!;
  });

  afterAll(async () => {
    await channel?.stop();
    await tg?.stop();
  });

  function textUpdate(userId: number, text: string, updateId = tg.nextUpdateId()) {
    const chat = { id: userId, type: "private", first_name: "测试" };
    return { update_id: updateId, message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat, from: { id: userId, is_bot: false, first_name: "测试" }, text } };
  }

  it("rejects a wrong or missing secret with 401 and handles nothing", async () => {
    const before = assistant.calls.length;
    expect((await tg.postUpdate(url, textUpdate(4001, "你好"), "wrong-secret")).status).toBe(401);
    expect((await tg.postUpdate(url, textUpdate(4001, "你好"))).status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(assistant.calls.length).toBe(before);
    expect(tg.botMessages(4001)).toEqual([]);
  });

  it("answers a conversation delivered with the right secret", async () => {
    const user = tg.user({ id: 4002, webhook: { url, secret: SECRET } });
    expect(await user.send("/apply")).toBe(200);
    const carrier = await user.nextReply();
    expect(await user.press(carrier, "众创空间")).toBe(200);
    expect((await user.nextReply()).text).toContain("（2/3）");
    expect(assistant.calls.at(-1)).toMatchObject({ userId: "4002", choice: "maker-space" });
  });

  it("acts once when Telegram delivers the same update twice", async () => {
    const update = textUpdate(4003, "只回答一次");
    expect((await tg.postUpdate(url, update, SECRET)).status).toBe(200);
    expect((await tg.postUpdate(url, update, SECRET)).status).toBe(200);
    await waitFor(() => tg.botMessages(4003).length > 0, 5_000, "the reply");
    await new Promise((r) => setTimeout(r, 300));
    expect(tg.botMessages(4003).map((m) => m.text)).toEqual(["收到：只回答一次"]);
    expect(assistant.calls.filter((c) => c.userId === "4003")).toHaveLength(1);
  });

  it("answers Telegram before a slow reply is ready, and keeps a chat's replies in order", async () => {
    const slow = await tg.postUpdate(url, textUpdate(4004, "慢：先问的"), SECRET);
    expect(slow.status).toBe(200);
    // The HTTP answer came back while the assistant was still thinking.
    expect(tg.botMessages(4004)).toEqual([]);
    expect((await tg.postUpdate(url, textUpdate(4004, "后问的"), SECRET)).status).toBe(200);
    await waitFor(() => tg.botMessages(4004).length >= 2, 5_000, "both replies");
    expect(tg.botMessages(4004).map((m) => m.text)).toEqual(["想好了：先问的", "收到：后问的"]);
  });

  it("rejects a body that is not JSON with 400", async () => {
    const response = await fetch(url, { method: "POST", headers: { "x-telegram-bot-api-secret-token": SECRET }, body: "not json" });
    expect(response.status).toBe(400);
  });
});
