/**
 * The callback endpoint of a WeCom self-built app.
 *
 * GET (URL verification): verify `msg_signature` over `echostr`, decrypt it,
 * answer the plaintext.
 * POST (messages): verify `msg_signature` over `<Encrypt>` BEFORE decrypting,
 * ignore timestamps more than 5 minutes off, decrypt and check the receive
 * id, store the message in the inbox, answer an empty 200 (WeCom retries
 * after 5 s without an answer, and a repeated MsgId is a no-op), then the
 * inbox worker answers it in the sender's order. If the message cannot be
 * stored the answer is 503, so WeCom sends it again.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { PushMessage } from "../../src/assistant/assistant-deps.types.ts";
import type { Assistant } from "../../src/assistant/message.types.ts";
import type { Config } from "../../src/config.ts";
import { logger as processLogger } from "../../src/logging/logger.ts";
import type { ChannelDeps } from "../shared/channel-deps.ts";
import { BodyTooLargeError, readBody } from "../shared/http-server.ts";
import { createInboxWorker, type InboxWorker } from "../shared/inbox-worker.ts";
import { classifyWecomFailure, createWecomConverse, wecomMessageId } from "./converse.ts";
import { deliverReplies } from "./deliver-replies.ts";
import { createPendingChoices } from "./pending-choices.ts";
import { createWecomApi, type WecomApi } from "./wecom-api.ts";
import { openEnvelope, verifySignature, type CallbackSecrets } from "./wecom-crypto.ts";
import { WecomCallbackError } from "./wecom-errors.ts";
import { parseEnvelope, parseInbound, type WecomInbound } from "./wecom-xml.ts";

const MAX_SKEW_S = 5 * 60;
const MAX_BODY_BYTES = 256 * 1024;

const signedQuerySchema = z.object({
  msg_signature: z.string().regex(/^[0-9a-fA-F]{40}$/),
  timestamp: z.string().regex(/^\d{1,12}$/),
  nonce: z.string().min(1).max(128),
});
const verifyQuerySchema = signedQuerySchema.extend({ echostr: z.string().min(1) });

export interface WecomDeps extends ChannelDeps {
  /** for the API client; defaults to the global fetch */
  fetch?: typeof fetch;
  /** replaces the API client entirely (rarely needed; tests use a fake server instead) */
  api?: WecomApi;
}

export interface WecomCallback {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** replies to a user who did not just write, through message/send */
  push: PushMessage;
  /** the inbox worker: `stop()` at the end */
  worker: InboxWorker;
  /** At start: the member budget refilled from the last minute's sends, then the unfinished messages queued. */
  recover(): Promise<number>;
  /** aborts WeCom API calls in flight (the channel is stopping) */
  abort(): void;
}

export function createWecomCallback(config: Config, assistant: Assistant, deps: WecomDeps): WecomCallback {
  const settings = config.wecom;
  if (!settings) throw new Error("未配置企业微信：请设置 WECOM_CORP_ID 等五项");
  const log = (deps.logger ?? processLogger()).child({ channel: "wecom" });
  const secrets: CallbackSecrets = { token: settings.token, encodingAesKey: settings.encodingAesKey, corpId: settings.corpId };
  const now = deps.now ?? Date.now;
  const stopping = new AbortController();
  const api = deps.api ?? createWecomApi(settings, { fetch: deps.fetch, now, logger: log, signal: stopping.signal });
  const pending = createPendingChoices({ now });
  const converse = createWecomConverse(config, assistant, api, pending, deps, log);
  const worker = createInboxWorker({
    channel: "wecom",
    inbox: deps.inbox,
    log,
    classify: classifyWecomFailure,
    concurrency: deps.workerConcurrency,
    handle: (row, progress) => converse(parseInbound(row.payload ?? ""), row.externalId, progress),
  });

  function query(req: IncomingMessage): Record<string, string> {
    return Object.fromEntries(new URL(req.url ?? "/", "http://localhost").searchParams);
  }

  function verifyUrl(req: IncomingMessage): string {
    const params = verifyQuerySchema.safeParse(query(req));
    if (!params.success) throw new WecomCallbackError("bad-request", 400, "缺少 msg_signature/timestamp/nonce/echostr");
    verifySignature(secrets, params.data, params.data.echostr);
    return openEnvelope(secrets, params.data.echostr);
  }

  /** The decrypted XML of a message callback (stored as it is; parsed again when worked). */
  async function openCallback(req: IncomingMessage): Promise<string> {
    const params = signedQuerySchema.safeParse(query(req));
    if (!params.success) throw new WecomCallbackError("bad-request", 400, "缺少 msg_signature/timestamp/nonce");
    const envelope = parseEnvelope((await readBody(req, MAX_BODY_BYTES)).toString("utf8"));
    verifySignature(secrets, params.data, envelope.Encrypt);
    // The timestamp is signed, so an old callback replayed verbatim is caught here.
    if (Math.abs(now() / 1000 - Number(params.data.timestamp)) > MAX_SKEW_S) {
      throw new WecomCallbackError("stale", 200, `timestamp ${params.data.timestamp} 超过 5 分钟`);
    }
    return openEnvelope(secrets, envelope.Encrypt);
  }

  return {
    async recover() {
      // Sends are recorded per inbox row; counting them at the row's last change errs on the side of waiting.
      for (const sends of await deps.inbox.recentSends("wecom", new Date(now() - 60_000))) {
        api.rememberSends?.(sends.chatKey, sends.at.getTime(), sends.count);
      }
      return worker.recover();
    },
    async handle(req, res) {
      try {
        if (req.method === "GET") {
          const plaintext = verifyUrl(req);
          res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(plaintext);
          return;
        }
        if (req.method !== "POST") return void res.writeHead(405).end();
        const xml = await openCallback(req);
        const inbound: WecomInbound = parseInbound(xml);
        if (inbound.AgentID && inbound.AgentID !== settings.agentId) {
          log.warn({ agentId: inbound.AgentID }, "wecom: message for another app ignored");
          return void res.writeHead(200).end();
        }
        const msgId = wecomMessageId(inbound);
        let row;
        try {
          row = await deps.inbox.accept({ channel: "wecom", externalId: msgId, chatKey: inbound.FromUserName, payload: xml });
        } catch (err) {
          log.error({ msgId, err }, "wecom: could not store the message; answered 503 so WeCom retries");
          return void res.writeHead(503).end();
        }
        res.writeHead(200).end();
        if (row) worker.submit(row);
        else log.info({ msgId }, "wecom: repeated message ignored");
      } catch (err) {
        if (err instanceof WecomCallbackError) {
          log.warn({ reason: err.reason, detail: err.message }, "wecom: callback rejected");
          if (!res.headersSent) res.writeHead(err.status).end();
        } else if (err instanceof BodyTooLargeError) {
          if (!res.headersSent) res.writeHead(413).end();
        } else {
          log.error({ err }, "wecom: callback failed");
          if (!res.headersSent) res.writeHead(500).end();
        }
      }
    },
    worker,
    abort: () => stopping.abort(new Error("the channel is stopping")),
    async push(user, replies) {
      if (user.channel !== "wecom") return false;
      await deliverReplies(api, user.externalId, replies, pending);
      return true;
    },
  };
}
