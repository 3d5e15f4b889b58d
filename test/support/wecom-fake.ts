/**
 * A loopback fake of WeCom for channel tests and benchmarks, both sides:
 *
 * - the server API the app calls: `gettoken`, `message/send`, `media/upload`
 *   (tokens can be expired on demand, calls can be made to fail);
 * - the WeCom server that calls the app back: URL verification and message
 *   callbacks, signed and encrypted for real with @wecom/crypto.
 *
 * @example
 *   const wecom = await createWecomFake();
 *   const config = wecomTestConfig({ ...wecom.corp, apiBase: wecom.apiBase });
 *   const channel = await startWecom(config, assistant, deps);
 *   const user = wecom.user(channel.address!, "zhangsan");
 *   await user.send("你好");
 *   expect((await user.nextReply()).text).toBe("…");
 */
import { randomBytes } from "node:crypto";
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { encrypt, getSignature } from "@wecom/crypto";
import { readBody as readLimitedBody } from "../../bot/shared/http-server.ts";
import { parseMultipart } from "./multipart.ts";
import { waitFor } from "./telegram-emulator.ts";

export { waitFor };

export interface WecomCorp {
  corpId: string;
  agentId: string;
  secret: string;
  token: string;
  encodingAesKey: string;
}

export interface WecomSentMessage {
  touser: string;
  msgtype: "text" | "markdown" | "file";
  /** when the fake received it (ms since epoch) */
  at: number;
  text?: string;
  file?: { fileName: string; mimeType: string; data: Buffer };
}

export interface WecomApiCall {
  path: string;
  at: number;
  errcode: number;
}

export interface CallbackResult {
  status: number;
  body: string;
  ms: number;
}

export interface SendOptions {
  msgId?: string;
  /** seconds since epoch; default now */
  timestamp?: number;
  /** flips one character of msg_signature */
  tamperSignature?: boolean;
}

export interface WecomFakeUser {
  userId: string;
  send(text: string, options?: SendOptions): Promise<CallbackResult>;
  /** a click on the app's custom menu */
  click(eventKey: string): Promise<CallbackResult>;
  /** The next message the app sent this user, not yet returned by `nextReply`. */
  nextReply(timeoutMs?: number): Promise<WecomSentMessage>;
  messages(): WecomSentMessage[];
}

export interface WecomFake {
  apiBase: string;
  corp: WecomCorp;
  sent(userId?: string): WecomSentMessage[];
  calls(path?: string): WecomApiCall[];
  /** From now on the current access token is answered with 42001 (expired). */
  expireToken(): void;
  /** Messages beyond the per-member limit: answered errcode 0 and never shown, as WeCom does. */
  dropped(): WecomSentMessage[];
  /** The next `times` calls of `path` (e.g. "/cgi-bin/message/send") answer this errcode. */
  failNext(path: string, errcode: number, times?: number): void;
  /** From now on message/send to this member answers errcode 0 with `invaliduser` naming them (left the company, out of the app's range). */
  markInvalid(userId: string): void;
  /** The WeCom server's side of URL verification. */
  verifyUrl(callbackUrl: string, options?: { tamperSignature?: boolean }): Promise<CallbackResult & { echo: string }>;
  /** Posts any decrypted message XML, encrypted and signed as WeCom does. */
  postCallback(callbackUrl: string, innerXml: string, options?: SendOptions): Promise<CallbackResult>;
  user(callbackUrl: string, userId: string): WecomFakeUser;
  stop(): Promise<void>;
}

/** A random EncodingAESKey: 43 base64 characters of a 32-byte key. */
export function randomEncodingAesKey(): string {
  return randomBytes(32).toString("base64").slice(0, 43);
}

function json(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
}

const readBody = (req: IncomingMessage) => readLimitedBody(req, 64 * 1024 * 1024);

const cdata = (s: string) => `<![CDATA[${s}]]>`;

export interface WecomFakeOptions {
  /** WeCom's per-member limit (30 a minute): messages beyond it are dropped silently; unlimited by default */
  memberLimitPerMinute?: number;
}

export async function createWecomFake(corpOverrides: Partial<WecomCorp> = {}, options: WecomFakeOptions = {}): Promise<WecomFake> {
  const corp: WecomCorp = {
    corpId: "ww0123456789abcdef",
    agentId: "1000002",
    secret: "app-secret-for-tests",
    token: "CallbackToken123",
    encodingAesKey: randomEncodingAesKey(),
    ...corpOverrides,
  };
  const sent: WecomSentMessage[] = [];
  const dropped: WecomSentMessage[] = [];
  const recentByMember = new Map<string, number[]>();
  /** Keeps the message unless the member's minute is full (then it is dropped, as WeCom does). */
  const deliver = (message: WecomSentMessage) => {
    const limit = options.memberLimitPerMinute;
    if (limit !== undefined) {
      const recent = (recentByMember.get(message.touser) ?? []).filter((at) => at > message.at - 60_000);
      recentByMember.set(message.touser, recent);
      if (recent.length >= limit) return void dropped.push(message);
      recent.push(message.at);
    }
    sent.push(message);
  };
  const calls: WecomApiCall[] = [];
  const failures = new Map<string, number[]>();
  const media = new Map<string, { fileName: string; mimeType: string; data: Buffer }>();
  const validTokens = new Set<string>();
  let tokenCount = 0;
  let mediaCount = 0;
  let msgCount = 0;
  const invalid = new Set<string>();

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500).end(String(err));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    const body = await readBody(req);
    const answer = (errcode: number, extra: Record<string, unknown> = {}, errmsg = errcode === 0 ? "ok" : "error") => {
      calls.push({ path, at: Date.now(), errcode });
      json(res, { errcode, errmsg, ...extra });
    };
    const injected = failures.get(path)?.shift();
    if (injected !== undefined) return answer(injected, {}, "injected failure");

    if (path === "/cgi-bin/gettoken") {
      if (url.searchParams.get("corpid") !== corp.corpId || url.searchParams.get("corpsecret") !== corp.secret) return answer(40001, {}, "invalid credential");
      const token = `token-${++tokenCount}-${randomBytes(4).toString("hex")}`;
      validTokens.add(token);
      return answer(0, { access_token: token, expires_in: 7200 });
    }

    const token = url.searchParams.get("access_token") ?? "";
    if (!token.startsWith("token-")) return answer(40014, {}, "invalid access_token");
    if (!validTokens.has(token)) return answer(42001, {}, "access_token expired");

    if (path === "/cgi-bin/media/upload") {
      if (url.searchParams.get("type") !== "file") return answer(40004, {}, "invalid media type");
      const form = parseMultipart(body, req.headers["content-type"]);
      const file = form.get("media");
      if (!file || typeof file === "string") return answer(41005, {}, "media data missing");
      const mediaId = `media-${++mediaCount}`;
      media.set(mediaId, { fileName: file.name, mimeType: file.type, data: file.data });
      return answer(0, { type: "file", media_id: mediaId, created_at: String(Math.floor(Date.now() / 1000)) });
    }

    if (path === "/cgi-bin/message/send") {
      const message = JSON.parse(body.toString("utf8")) as {
        touser?: string;
        msgtype?: string;
        agentid?: number;
        text?: { content?: string };
        markdown?: { content?: string };
        file?: { media_id?: string };
      };
      if (message.agentid !== Number(corp.agentId)) return answer(40056, {}, "invalid agentid");
      if (!message.touser) return answer(40003, {}, "invalid touser");
      if (invalid.has(message.touser)) return answer(0, { invaliduser: message.touser });
      if (message.msgtype === "text") {
        const content = message.text?.content ?? "";
        // WeCom rejects text over 2,048 bytes; a channel that does not split shows up here.
        if (Buffer.byteLength(content, "utf8") > 2048) return answer(45002, {}, "content size out of limit");
        deliver({ touser: message.touser, msgtype: "text", at: Date.now(), text: content });
        return answer(0, { msgid: `m${++msgCount}` });
      }
      if (message.msgtype === "markdown") {
        const content = message.markdown?.content ?? "";
        if (Buffer.byteLength(content, "utf8") > 2048) return answer(45002, {}, "content size out of limit");
        sent.push({ touser: message.touser, msgtype: "markdown", at: Date.now(), text: content });
        return answer(0, { msgid: `m${++msgCount}` });
      }
      if (message.msgtype === "file") {
        const file = media.get(message.file?.media_id ?? "");
        if (!file) return answer(40007, {}, "invalid media_id");
        deliver({ touser: message.touser, msgtype: "file", at: Date.now(), file });
        return answer(0, { msgid: `m${++msgCount}` });
      }
      return answer(40008, {}, "invalid message type");
    }
    res.writeHead(404).end();
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  function signedQuery(encrypted: string, timestamp: number, tamper?: boolean) {
    const nonce = randomBytes(6).toString("hex");
    let signature = getSignature(corp.token, timestamp, nonce, encrypted);
    if (tamper) signature = (signature[0] === "a" ? "b" : "a") + signature.slice(1);
    return new URLSearchParams({ msg_signature: signature, timestamp: String(timestamp), nonce });
  }

  async function postCallback(callbackUrl: string, innerXml: string, options: SendOptions = {}): Promise<CallbackResult> {
    const encrypted = encrypt(corp.encodingAesKey, innerXml, corp.corpId);
    const query = signedQuery(encrypted, options.timestamp ?? Math.floor(Date.now() / 1000), options.tamperSignature);
    const outer = `<xml><ToUserName>${cdata(corp.corpId)}</ToUserName><AgentID>${cdata(corp.agentId)}</AgentID><Encrypt>${cdata(encrypted)}</Encrypt></xml>`;
    return post(`${callbackUrl}/wecom/callback?${query}`, outer);
  }

  // node:http with a keep-alive agent rather than fetch: cheaper per request, so
  // the benchmark measures the adapter more than the load generator.
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  function post(url: string, xml: string): Promise<CallbackResult> {
    const started = performance.now();
    const body = Buffer.from(xml);
    return new Promise((resolve, reject) => {
      const req = request(url, { method: "POST", agent, headers: { "content-type": "text/xml", "content-length": body.length } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.once("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - started }));
      });
      req.once("error", reject);
      req.end(body);
    });
  }

  function user(callbackUrl: string, userId: string): WecomFakeUser {
    let seen = 0;
    const envelope = (fields: string) =>
      `<xml><ToUserName>${cdata(corp.corpId)}</ToUserName><FromUserName>${cdata(userId)}</FromUserName>` +
      `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime>${fields}<AgentID>${corp.agentId}</AgentID></xml>`;
    return {
      userId,
      send(text, options = {}) {
        const msgId = options.msgId ?? `${Date.now()}${String(++msgCount).padStart(6, "0")}`;
        return postCallback(callbackUrl, envelope(`<MsgType>${cdata("text")}</MsgType><Content>${cdata(text)}</Content><MsgId>${msgId}</MsgId>`), options);
      },
      click(eventKey) {
        return postCallback(callbackUrl, envelope(`<MsgType>${cdata("event")}</MsgType><Event>${cdata("click")}</Event><EventKey>${cdata(eventKey)}</EventKey>`));
      },
      async nextReply(timeoutMs = 5_000) {
        const message = await waitFor(() => sent.filter((m) => m.touser === userId)[seen], timeoutMs, `reply #${seen + 1} to ${userId}`);
        seen++;
        return message;
      },
      messages: () => sent.filter((m) => m.touser === userId),
    };
  }

  return {
    apiBase: `http://127.0.0.1:${port}`,
    corp,
    sent: (userId) => sent.filter((m) => userId === undefined || m.touser === userId),
    calls: (path) => calls.filter((c) => path === undefined || c.path === path),
    expireToken() {
      validTokens.clear();
    },
    dropped: () => [...dropped],
    markInvalid(userId) {
      invalid.add(userId);
    },
    failNext(path, errcode, times = 1) {
      const queue = failures.get(path) ?? [];
      for (let i = 0; i < times; i++) queue.push(errcode);
      failures.set(path, queue);
    },
    async verifyUrl(callbackUrl, options = {}) {
      const echo = `echo-${randomBytes(8).toString("hex")}`;
      const echostr = encrypt(corp.encodingAesKey, echo, corp.corpId);
      const query = signedQuery(echostr, Math.floor(Date.now() / 1000), options.tamperSignature);
      query.set("echostr", echostr);
      const started = performance.now();
      const response = await fetch(`${callbackUrl}/wecom/callback?${query}`);
      return { status: response.status, body: await response.text(), ms: performance.now() - started, echo };
    },
    postCallback,
    user,
    async stop() {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
