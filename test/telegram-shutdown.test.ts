/**
 * Shutdown finishes within 10 s whatever the Bot API does: here it takes
 * sendMessage and never answers. stop() lets the running update try for its
 * grace period, aborts the call and returns; the update stays in the inbox,
 * answered, for the next start to deliver.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createInMemoryInbox } from "../bot/shared/in-memory-inbox.ts";
import { startTelegram } from "../bot/telegram/index.ts";
import { captureLogger } from "./support/capture-logger.ts";
import { telegramTestConfig } from "./support/channel-test-config.ts";
import { createScriptedAssistant } from "./support/scripted-assistant.ts";
import { waitFor } from "./support/telegram-emulator.ts";

const TOKEN = "123456:shutdown-test";
let api: Server | undefined;
afterAll(() => new Promise<void>((r) => (api ? api.close(() => r()) : r())));

describe("stopping while the Bot API hangs", () => {
  it("returns within 10 s and leaves the update answered in the inbox", async () => {
    const hanging: import("node:http").ServerResponse[] = [];
    api = createServer((req, res) => {
      // Every method answers, except sendMessage: taken and never answered.
      if (req.url?.endsWith("/sendMessage")) return void hanging.push(res);
      const result = req.url?.endsWith("/getMe") ? { id: 123456, is_bot: true, first_name: "测试", username: "test_bot" } : true;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result }));
    });
    await new Promise<void>((r) => api!.listen(0, "127.0.0.1", () => r()));
    const apiRoot = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    const config = { ...telegramTestConfig({ apiRoot, token: TOKEN, mode: "webhook", secret: "stop-secret" }), web: undefined };
    const inbox = createInMemoryInbox();
    const channel = await startTelegram(config, createScriptedAssistant(), { inbox, logger: captureLogger().logger });

    const update = { update_id: 77, message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: 42, type: "private" }, from: { id: 42, is_bot: false, first_name: "停" }, text: "你好" } };
    const res = await fetch(channel.address!, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "stop-secret" }, body: JSON.stringify(update) });
    expect(res.status).toBe(200);
    await waitFor(() => (hanging.length > 0 ? true : undefined), 10_000, "the hanging sendMessage");

    const started = Date.now();
    await channel.stop();
    const stopMs = Date.now() - started;
    console.log(`stop() with sendMessage hanging: ${stopMs} ms`);
    expect(stopMs).toBeLessThan(10_000);
    expect(inbox.rows()[0]).toMatchObject({ status: "answered", sentSteps: 0, stepInFlight: true });
    for (const r of hanging) r.destroy();
  }, 30_000);
});
