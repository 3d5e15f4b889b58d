/**
 * The WeCom adapter end to end over loopback HTTP: a fake WeCom calls our
 * callback server with really signed and encrypted messages (@wecom/crypto),
 * and our replies go to its fake API (gettoken, message/send, media/upload).
 * A scripted assistant stands in for the core.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInMemoryInbox } from "../bot/shared/in-memory-inbox.ts";
import type { RunningChannel } from "../bot/shared/channel-deps.ts";
import { startWecom } from "../bot/wecom/index.ts";
import { captureLogger } from "./support/capture-logger.ts";
import { wecomTestConfig } from "./support/channel-test-config.ts";
import { createScriptedAssistant, DOCX_MAGIC, longCitedAnswer } from "./support/scripted-assistant.ts";
import { createWecomFake, waitFor, type WecomFake } from "./support/wecom-fake.ts";

const settle = () => new Promise((r) => setTimeout(r, 250));

describe("WeCom callback app", () => {
  let wecom: WecomFake;
  let channel: RunningChannel;
  const assistant = createScriptedAssistant({ slowMs: 1_500 });
  const log = captureLogger();

  beforeAll(async () => {
    wecom = await createWecomFake();
    const config = wecomTestConfig({ ...wecom.corp, apiBase: wecom.apiBase, staff: ["wecom:wangju"] });
    channel = await startWecom(config, assistant, { inbox: createInMemoryInbox(), logger: log.logger });
  });

  afterAll(async () => {
    await channel?.stop();
    await wecom?.stop();
  });

  describe("URL verification", () => {
    it("answers the decrypted echostr in plain text", async () => {
      const result = await wecom.verifyUrl(channel.address!);
      expect(result.status).toBe(200);
      expect(result.body).toBe(result.echo);
    });

    it("refuses a request whose signature does not match", async () => {
      const result = await wecom.verifyUrl(channel.address!, { tamperSignature: true });
      expect(result.status).toBe(401);
      expect(result.body).not.toContain(result.echo);
    });
  });

  it("walks an application with numbered choices, several numbers at once on the multi-select, and delivers the .docx as a file", async () => {
    const user = wecom.user(channel.address!, "zhangsan");
    expect((await user.send("/apply")).status).toBe(200);
    const carrier = await user.nextReply();
    expect(carrier.text).toContain("（1/3）请选择载体类型：\n回复数字选择：\n1. 科创服务中心\n2. 科技企业孵化器");

    await user.send("2");
    expect(assistant.calls.at(-1)).toMatchObject({ channel: "wecom", userId: "zhangsan", choice: "incubator" });
    expect((await user.nextReply()).text).toContain("（2/3）园区是否具有产业优势？\n回复数字选择：\n1. 是\n2. 否");

    await user.send("1");
    const services = await user.nextReply();
    expect(services.text).toContain("选好后回复 0 完成");
    expect(services.text).toContain("6. 地理标志\n0. 完成");

    await user.send("1 6");
    const toggled = await user.nextReply();
    expect(toggled.text).toContain("1. ✓ 专利");
    expect(toggled.text).toContain("6. ✓ 地理标志");
    expect(toggled.text).toContain("0. 完成（已选 2 项）");
    // Two toggles reached the core, but only the final list was sent.
    expect(assistant.calls.slice(-2).map((c) => c.choice)).toEqual(["patent", "geographical-indication"]);
    await settle();
    expect(user.messages()).toHaveLength(4);

    await user.send("0");
    // The turn's texts (the reply and the document's caption) arrive as one message, then the file.
    expect((await user.nextReply()).text).toBe("已记录服务：专利、地理标志。申报书草稿已生成。\n\n示范区申报书草稿");
    const file = await user.nextReply();
    expect(file.msgtype).toBe("file");
    expect(file.file?.fileName).toBe("申报书草稿.docx");
    expect([...file.file!.data.subarray(0, 4)]).toEqual([...DOCX_MAGIC]);
  });

  it("passes a number through as text when no choice is pending", async () => {
    const user = wecom.user(channel.address!, "lisi");
    await user.send("1200");
    expect((await user.nextReply()).text).toBe("收到：1200");
    expect(assistant.calls.at(-1)).toMatchObject({ userId: "lisi", text: "1200" });
  });

  it("maps a menu click to the command's text, and keeps staff commands to staff", async () => {
    const user = wecom.user(channel.address!, "zhaoliu");
    await user.click("status");
    expect((await user.nextReply()).text).toBe("收到：我的申报");
    await user.send("/inbox");
    expect((await user.nextReply()).text).toBe("该命令仅供主管部门工作人员使用。");
    const staff = wecom.user(channel.address!, "wangju");
    await staff.send("/inbox");
    expect((await staff.nextReply()).text).toBe("收到：待审申报");
  });

  it("answers a replayed MsgId once", async () => {
    const user = wecom.user(channel.address!, "replay");
    expect((await user.send("同一条消息", { msgId: "7300000000000000001" })).status).toBe(200);
    expect((await user.send("同一条消息", { msgId: "7300000000000000001" })).status).toBe(200);
    await user.nextReply();
    await settle();
    expect(user.messages().map((m) => m.text)).toEqual(["收到：同一条消息"]);
    expect(assistant.calls.filter((c) => c.userId === "replay")).toHaveLength(1);
  });

  it("ignores a callback whose timestamp is more than 5 minutes old", async () => {
    const user = wecom.user(channel.address!, "stale");
    const result = await user.send("旧消息", { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    // 200 so that WeCom does not retry it; nothing else happens.
    expect(result.status).toBe(200);
    await settle();
    expect(user.messages()).toEqual([]);
    expect(assistant.calls.some((c) => c.userId === "stale")).toBe(false);
  });

  it("refuses a message encrypted for another corp (receive id)", async () => {
    const other = await createWecomFake({ ...wecom.corp, corpId: "wwsomeoneelse00000" });
    try {
      const result = await other.user(channel.address!, "intruder").send("你好");
      expect(result.status).toBe(403);
      await settle();
      expect(assistant.calls.some((c) => c.userId === "intruder")).toBe(false);
    } finally {
      await other.stop();
    }
  });

  it("answers the HTTP callback before a slow reply is ready, and keeps a user's replies in order", async () => {
    const user = wecom.user(channel.address!, "slowpoke");
    const result = await user.send("慢：先问的");
    expect(result.status).toBe(200);
    expect(result.body).toBe("");
    expect(user.messages()).toEqual([]);
    await user.send("后问的");
    await waitFor(() => user.messages().length >= 2, 5_000, "both replies");
    expect(user.messages().map((m) => m.text)).toEqual(["想好了：先问的", "收到：后问的"]);
  });

  it("splits a long answer into texts under 2,048 bytes, cut at paragraph breaks", async () => {
    const user = wecom.user(channel.address!, "reader");
    await user.send("/estimate");
    const answer = longCitedAnswer();
    const lastParagraph = answer.split("\n\n").at(-1)!;
    const parts = await waitFor(() => user.messages().some((m) => m.text?.endsWith(lastParagraph)) && user.messages(), 5_000, "the whole answer");
    expect(parts.length).toBeGreaterThan(4);
    for (const part of parts) expect(Buffer.byteLength(part.text!, "utf8")).toBeLessThanOrEqual(2_048);
    expect(parts.map((p) => p.text).join("\n\n")).toBe(answer);
  });

  it("refreshes an expired access token once (42001) and still delivers the reply", async () => {
    const user = wecom.user(channel.address!, "expired");
    const tokensBefore = wecom.calls("/cgi-bin/gettoken").length;
    wecom.expireToken();
    await user.send("令牌过期了吗");
    expect((await user.nextReply()).text).toBe("收到：令牌过期了吗");
    expect(wecom.calls("/cgi-bin/gettoken").length - tokensBefore).toBe(1);
    const sends = wecom.calls("/cgi-bin/message/send").slice(-2).map((c) => c.errcode);
    expect(sends).toEqual([42001, 0]);
  });

  it("refreshes a refused token only once per attempt, logs the failure, and the inbox delivers the reply on its retry", async () => {
    const user = wecom.user(channel.address!, "refused");
    const sendsBefore = wecom.calls("/cgi-bin/message/send").length;
    wecom.failNext("/cgi-bin/message/send", 40014, 2);
    await user.send("还是不行");
    // First attempt: try, refresh, try again — never a loop; the worker retries a second later.
    expect((await user.nextReply(10_000)).text).toBe("收到：还是不行");
    expect(wecom.calls("/cgi-bin/message/send").length - sendsBefore).toBe(3);
    expect(JSON.stringify(log.find("inbox: update failed; will retry").at(-1))).toContain("40014");
    expect(user.messages()).toHaveLength(1);
  });

  it("tells the user one polite sentence when the core fails, with personal data masked in the log", async () => {
    const user = wecom.user(channel.address!, "unlucky");
    await user.send("出错");
    expect((await user.nextReply()).text).toBe("抱歉，处理您的消息时出了点问题，请稍后再试；如果一直不行，请联系工作人员。");
    const record = JSON.stringify(log.find("wecom: message failed").at(-1));
    expect(record).toContain("msgId");
    expect(record).toContain("138****8000");
    expect(record).not.toContain("13800138000");
  });

  it("pushes a notice to a user who did not just write, and a numbered answer to it reaches the core as a choice", async () => {
    const delivered = await channel.push!({ channel: "wecom", externalId: "pushed" }, [
      { kind: "choices", text: "📬 您的申报 A1024 已被退回，是否现在修改？", options: [{ id: "edit", label: "修改信息" }, { id: "later", label: "稍后" }] },
    ]);
    expect(delivered).toBe(true);
    const user = wecom.user(channel.address!, "pushed");
    expect((await user.nextReply()).text).toBe("📬 您的申报 A1024 已被退回，是否现在修改？\n回复数字选择：\n1. 修改信息\n2. 稍后");
    await user.send("1");
    await user.nextReply();
    expect(assistant.calls.at(-1)).toMatchObject({ userId: "pushed", choice: "edit" });
    expect(await channel.push!({ channel: "telegram", externalId: "2010" }, [{ kind: "text", text: "x" }])).toBe(false);
  });

  it("answers an image with a hint that only text is understood", async () => {
    const xml =
      `<xml><ToUserName><![CDATA[${wecom.corp.corpId}]]></ToUserName><FromUserName><![CDATA[photographer]]></FromUserName>` +
      `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://x/y.jpg]]></PicUrl>` +
      `<MediaId><![CDATA[m1]]></MediaId><MsgId>7300000000000000099</MsgId><AgentID>${wecom.corp.agentId}</AgentID></xml>`;
    expect((await wecom.postCallback(channel.address!, xml)).status).toBe(200);
    const reply = await waitFor(() => wecom.sent("photographer")[0], 5_000, "the hint");
    expect(reply.text).toContain("目前只能处理文字消息");
  });
});

describe("WeCom signature check comes before decryption", () => {
  it("rejects a tampered signature without decrypting; the same message correctly signed does reach decryption", async () => {
    const wecom = await createWecomFake();
    // An EncodingAESKey that @wecom/crypto refuses ("invalid encodingAESKey") the
    // moment anything tries to decrypt with it.
    const config = wecomTestConfig({ ...wecom.corp, encodingAesKey: "!".repeat(43), apiBase: wecom.apiBase });
    const assistant = createScriptedAssistant();
    const log = captureLogger();
    const channel = await startWecom(config, assistant, { inbox: createInMemoryInbox(), logger: log.logger });
    try {
      const user = wecom.user(channel.address!, "mallory");
      const tampered = await user.send("篡改过的", { tamperSignature: true });
      expect(tampered.status).toBe(401);
      const rejections = log.find("wecom: callback rejected").map((r) => r.reason);
      expect(rejections).toEqual(["bad-signature"]);

      // Control: with a valid signature the adapter does try to decrypt, and the bad key fails it.
      const signed = await user.send("签名正确的");
      expect(signed.status).toBe(400);
      expect(log.find("wecom: callback rejected").map((r) => r.reason)).toEqual(["bad-signature", "undecryptable"]);
      expect(assistant.calls).toEqual([]);
      expect(wecom.sent()).toEqual([]);
    } finally {
      await channel.stop();
      await wecom.stop();
    }
  });
});

describe("WeCom rate limit", () => {
  it("answers the first messages, says once that the user is too fast, then stays quiet", async () => {
    const wecom = await createWecomFake();
    const assistant = createScriptedAssistant();
    const config = wecomTestConfig({ ...wecom.corp, apiBase: wecom.apiBase, rateLimitPerMinute: 2 });
    const channel = await startWecom(config, assistant, { inbox: createInMemoryInbox(), logger: captureLogger().logger });
    try {
      const user = wecom.user(channel.address!, "hasty");
      for (const text of ["一", "二", "三", "四"]) await user.send(text);
      await waitFor(() => user.messages().length >= 3, 5_000, "three messages");
      await settle();
      expect(user.messages().map((m) => m.text)).toEqual(["收到：一", "收到：二", "您发送得有点快，请稍等一分钟再继续。"]);
    } finally {
      await channel.stop();
      await wecom.stop();
    }
  });
});
