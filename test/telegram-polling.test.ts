/**
 * The Telegram adapter end to end over loopback HTTP: grammY (long polling
 * through @grammyjs/runner) against the telegram-test-api emulator, with a
 * scripted assistant standing in for the core.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTelegram } from "../bot/telegram/index.ts";
import { createInMemoryInbox } from "../bot/shared/in-memory-inbox.ts";
import type { RunningChannel } from "../bot/shared/channel-deps.ts";
import { channelCommands } from "../bot/shared/command-texts.ts";
import { captureLogger } from "./support/capture-logger.ts";
import { telegramTestConfig } from "./support/channel-test-config.ts";
import { createScriptedAssistant, DOCX_MAGIC, longCitedAnswer } from "./support/scripted-assistant.ts";
import { startTelegramEmulator, waitFor, type TelegramEmulator } from "./support/telegram-emulator.ts";

const STAFF_ID = 9001;

describe("Telegram over long polling", () => {
  let tg: TelegramEmulator;
  let channel: RunningChannel;
  const assistant = createScriptedAssistant({ slowMs: 1_500 });
  const log = captureLogger();

  beforeAll(async () => {
    tg = await startTelegramEmulator();
    const config = telegramTestConfig({ apiRoot: tg.apiRoot, token: tg.token, staff: [`telegram:${STAFF_ID}`, "wecom:lisi"], rateLimitPerMinute: 1_000 });
    channel = await startTelegram(config, assistant, {
      inbox: createInMemoryInbox(),
      logger: log.logger,
      typingDelayMs: 300,
      retry: { maxAttempts: 3, maxDelaySeconds: 2, budgetMs: 10_000 },
    });
  });

  afterAll(async () => {
    await channel?.stop();
    await tg?.stop();
  });

  it("publishes the public menu to everyone and the staff commands only in staff chats", () => {
    const menus = tg.calls("setMyCommands").map((c) => c.payload as { commands: { command: string }[]; scope: { type: string; chat_id?: number } });
    const everyone = menus.find((m) => m.scope.type === "all_private_chats");
    const staff = menus.filter((m) => m.scope.type === "chat");
    expect(everyone?.commands.map((c) => c.command)).toEqual(["start", "help", "ask", "apply", "estimate", "status", "cancel"]);
    expect(staff.map((m) => m.scope.chat_id)).toEqual([STAFF_ID]);
    expect(staff[0]!.commands.map((c) => c.command)).toEqual(channelCommands.map((c) => c.name));
  });

  it("walks an application by buttons: single choices close, the multi-select toggles ✓ in place, the draft arrives as .docx", async () => {
    const user = tg.user({ id: 2001, firstName: "王" });
    await user.send("/apply");
    const carrier = await user.nextReply();
    expect(carrier.text).toContain("（1/3）");
    expect(carrier.buttons.flat().map((b) => b.text)).toContain("科技企业孵化器");
    expect(assistant.calls.at(-1)).toMatchObject({ channel: "telegram", userId: "2001", text: "我想申报示范区" });

    await user.press(carrier, "科技企业孵化器");
    const advantage = await user.nextReply();
    expect(advantage.text).toContain("（2/3）");
    expect(assistant.calls.at(-1)).toMatchObject({ userId: "2001", choice: "incubator" });
    // The answered question keeps its text, loses its keyboard, and says what was picked.
    const closed = user.message(carrier.messageId)!;
    expect(closed.buttons).toEqual([]);
    expect(closed.text).toContain("✓ 已选择：科技企业孵化器");

    await user.press(advantage, "是");
    const services = await user.nextReply();
    expect(services.buttons.flat().map((b) => b.text)).toEqual(["专利", "商标", "版权", "代理", "法律", "地理标志", "完成"]);
    for (const button of services.buttons.flat()) expect(Buffer.byteLength(button.data)).toBeLessThanOrEqual(64);

    await user.press(services, "专利");
    const afterPatent = await waitFor(() => {
      const m = user.message(services.messageId);
      return m?.buttons.flat().some((b) => b.text === "✓ 专利") && m;
    }, 5_000, "keyboard re-drawn with ✓ 专利");
    await user.press(afterPatent, "地理标志");
    const afterTwo = await waitFor(() => {
      const m = user.message(services.messageId);
      return m?.buttons.flat().some((b) => b.text === "✓ 地理标志") && m;
    }, 5_000, "keyboard re-drawn with ✓ 地理标志");
    expect(afterTwo.buttons.flat().map((b) => b.text)).toContain("完成（已选 2 项）");
    // Toggling edits the same message; no new messages were sent.
    expect(user.messages().length).toBe(3);

    await user.press(afterTwo, /^完成/);
    const summary = await user.nextReply();
    expect(summary.text).toContain("已记录服务：专利、地理标志");
    const draft = await user.nextReply();
    expect(draft.document?.fileName).toBe("申报书草稿.docx");
    expect(draft.document?.caption).toBe("示范区申报书草稿");
    expect([...draft.document!.data.subarray(0, 4)]).toEqual([...DOCX_MAGIC]);
    expect(user.message(services.messageId)!.text).toContain("✓ 已选择：专利、地理标志");
  });

  it("/ask passes the question as plain text; /ask alone explains how to use it", async () => {
    const user = tg.user({ id: 2002 });
    await user.send("/ask 核心区面积至少要多少平方米？");
    expect((await user.nextReply()).text).toBe("收到：核心区面积至少要多少平方米？");
    await user.send("/ask");
    expect((await user.nextReply()).text).toContain("请在 /ask 后面写上问题");
    await user.send("/status");
    expect((await user.nextReply()).text).toBe("收到：我的申报");
  });

  it("staff commands answer only staff", async () => {
    const applicant = tg.user({ id: 2003 });
    const before = assistant.calls.length;
    await applicant.send("/inbox");
    expect((await applicant.nextReply()).text).toBe("该命令仅供主管部门工作人员使用。");
    expect(assistant.calls.length).toBe(before);

    const staff = tg.user({ id: STAFF_ID });
    await staff.send("/inbox");
    expect((await staff.nextReply()).text).toBe("收到：待审申报");
  });

  it("splits a long cited answer below 4,096 characters without cutting a citation", async () => {
    const user = tg.user({ id: 2004 });
    await user.send("/estimate");
    const answer = longCitedAnswer();
    const lastParagraph = answer.split("\n\n").at(-1)!;
    const all = await waitFor(() => {
      const messages = user.messages();
      return messages.some((m) => m.text?.endsWith(lastParagraph)) && messages;
    }, 5_000, "the end of the long answer");
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const part of all) {
      expect(part.text!.length).toBeLessThan(4_096);
      // Every 《 is closed in the same message, and no message starts inside a clause reference.
      expect((part.text!.match(/《/g) ?? []).length).toBe((part.text!.match(/》/g) ?? []).length);
      expect(part.text).not.toMatch(/^[（）一二三四五六七八九十]+条/);
    }
    // Cuts fall on paragraph breaks: every message is whole paragraphs of the answer.
    expect(all.map((p) => p.text).join("\n\n")).toBe(answer);
  });

  it("shows 'typing…' while a slow answer is produced, and not for a fast one", async () => {
    const fast = tg.user({ id: 2005 });
    await fast.send("你好");
    await fast.nextReply();
    expect(tg.calls("sendChatAction").filter((c) => c.payload?.chat_id === 2005)).toEqual([]);

    const slow = tg.user({ id: 2006 });
    await slow.send("慢：第九条怎么理解");
    const reply = await slow.nextReply(5_000);
    expect(reply.text).toBe("想好了：第九条怎么理解");
    const typing = tg.calls("sendChatAction").filter((c) => c.payload?.chat_id === 2006);
    expect(typing.length).toBeGreaterThanOrEqual(1);
    expect(typing[0]!.payload?.action).toBe("typing");
    expect(typing[0]!.at).toBeLessThan(reply.at);
  });

  it("retries a 429 after retry_after and still delivers the reply", async () => {
    const user = tg.user({ id: 2007 });
    const sendsBefore = tg.calls("sendMessage").length;
    tg.failNext("sendMessage", { errorCode: 429, retryAfter: 1 });
    await user.send("限流也要送到");
    const reply = await user.nextReply(6_000);
    expect(reply.text).toBe("收到：限流也要送到");
    expect(tg.calls("sendMessage").length - sendsBefore).toBe(2);
  });

  it("tells the user one polite sentence when the core fails, and logs the update id with personal data masked", async () => {
    const user = tg.user({ id: 2008 });
    await user.send("出错");
    expect((await user.nextReply()).text).toBe("抱歉，处理您的消息时出了点问题，请稍后再试；如果一直不行，请联系工作人员。");
    const failure = log.find("telegram: update failed").at(-1)!;
    expect(typeof failure.updateId).toBe("number");
    expect(JSON.stringify(failure)).toContain("138****8000");
    expect(JSON.stringify(failure)).not.toContain("13800138000");
    // The user can carry on.
    await user.send("还在吗");
    expect((await user.nextReply()).text).toBe("收到：还在吗");
  });

  it("pushes a notice to a user who did not just write, with buttons when the core offers choices", async () => {
    const delivered = await channel.push!({ channel: "telegram", externalId: "2010" }, [
      { kind: "choices", text: "📬 您的申报 A1024 已被退回，是否现在修改？", options: [{ id: "edit", label: "修改信息" }, { id: "later", label: "稍后" }] },
    ]);
    expect(delivered).toBe(true);
    const notice = await tg.user({ id: 2010 }).nextReply();
    expect(notice.text).toBe("📬 您的申报 A1024 已被退回，是否现在修改？");
    expect(notice.buttons.flat().map((b) => b.text)).toEqual(["修改信息", "稍后"]);
    // Another channel's user is not Telegram's to reach.
    expect(await channel.push!({ channel: "wecom", externalId: "zhangsan" }, [{ kind: "text", text: "x" }])).toBe(false);
  });

  it("answers a photo or sticker with a hint that only text is understood", async () => {
    const user = tg.user({ id: 2009 });
    await tg.emulator.addUserMessage({
      ...tg.emulator.getClient(tg.token, { userId: 2009, chatId: 2009 }).makeMessage(""),
      text: undefined,
      sticker: { file_id: "s1", file_unique_id: "s1", type: "regular", width: 1, height: 1, is_animated: false, is_video: false },
    } as never);
    expect((await user.nextReply()).text).toContain("目前只能处理文字消息");
  });
});

describe("Telegram rate limit", () => {
  it("answers the first messages, says once that the user is too fast, then stays quiet", async () => {
    const tg = await startTelegramEmulator();
    const assistant = createScriptedAssistant();
    const config = telegramTestConfig({ apiRoot: tg.apiRoot, token: tg.token, rateLimitPerMinute: 2 });
    const channel = await startTelegram(config, assistant, { inbox: createInMemoryInbox(), logger: captureLogger().logger });
    try {
      const user = tg.user({ id: 3001 });
      for (const text of ["一", "二", "三", "四", "五"]) await user.send(text);
      await waitFor(() => user.messages().length >= 3, 5_000, "three replies");
      await new Promise((r) => setTimeout(r, 300));
      expect(user.messages().map((m) => m.text)).toEqual(["收到：一", "收到：二", "您发送得有点快，请稍等一分钟再继续。"]);
      expect(assistant.calls.map((c) => c.text)).toEqual(["一", "二"]);
    } finally {
      await channel.stop();
      await tg.stop();
    }
  });
});
