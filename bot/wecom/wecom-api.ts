/**
 * The WeCom server API the channel needs: `gettoken`, `message/send` (text
 * and file) and `media/upload`.
 *
 * The access token is cached until `expires_in` minus a margin, fetched once
 * for concurrent callers, and refreshed once when WeCom says it expired or is
 * invalid (errcode 42001 / 40014) — a second such answer is an error, not a
 * loop. Transient failures (network, HTTP 5xx, errcode -1 "系统繁忙") are
 * retried twice with a short back-off.
 */
import type { Logger } from "../../src/logging/logger.ts";
import { WecomApiError } from "./wecom-errors.ts";

const TOKEN_REJECTED = new Set([42001, 40014]);
const BUSY = -1;
const RETRY_DELAYS_MS = [300, 1_000];

export interface WecomApiSettings {
  apiBase: string;
  corpId: string;
  secret: string;
  agentId: string;
}

export interface WecomApi {
  /** `content` must fit WeCom's 2,048-byte limit; split before calling. */
  sendText(userId: string, content: string): Promise<void>;
  /** a markdown message (rendered by the WeCom client; at most 2,048 bytes) */
  sendMarkdown(userId: string, content: string): Promise<void>;
  /** Uploads the file as temporary media (type=file), then sends it. */
  sendFile(userId: string, file: { fileName: string; mimeType: string; data: Uint8Array }): Promise<void>;
}

interface WecomResult {
  errcode?: number;
  errmsg?: string;
}

export function createWecomApi(
  settings: WecomApiSettings,
  deps: { fetch?: typeof fetch; now?: () => number; logger?: Logger } = {},
): WecomApi {
  const doFetch = deps.fetch ?? fetch;
  const now = deps.now ?? Date.now;
  const agentId = Number(settings.agentId);
  let cached: { value: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function request<T extends WecomResult>(path: string, query: Record<string, string>, init?: () => RequestInit): Promise<T> {
    const url = `${settings.apiBase}${path}?${new URLSearchParams(query)}`;
    for (let attempt = 0; ; attempt++) {
      let result: T | undefined;
      let failure: string;
      try {
        const response = await doFetch(url, { ...init?.(), signal: AbortSignal.timeout(10_000) });
        if (response.status >= 500) failure = `HTTP ${response.status}`;
        else {
          result = (await response.json()) as T;
          if (result.errcode !== BUSY) return result;
          failure = "系统繁忙";
        }
      } catch (err) {
        failure = err instanceof Error ? err.message : String(err);
      }
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) throw new WecomApiError(path, result?.errcode ?? 0, failure);
      deps.logger?.warn({ path, attempt: attempt + 1, failure }, "wecom: transient API failure, retrying");
      await new Promise((r) => setTimeout(r, delay));
    }
  }

  async function fetchToken(): Promise<string> {
    const result = await request<WecomResult & { access_token?: string; expires_in?: number }>("/cgi-bin/gettoken", {
      corpid: settings.corpId,
      corpsecret: settings.secret,
    });
    if (result.errcode || !result.access_token) {
      throw new WecomApiError("/cgi-bin/gettoken", result.errcode ?? 0, result.errmsg ?? "no access_token");
    }
    const lifetimeS = result.expires_in ?? 7_200;
    // Renew 5 minutes early (or halfway, for short lifetimes) so a token never expires mid-call.
    const marginS = Math.min(300, lifetimeS / 2);
    cached = { value: result.access_token, expiresAt: now() + (lifetimeS - marginS) * 1_000 };
    return result.access_token;
  }

  async function accessToken(): Promise<string> {
    if (cached && now() < cached.expiresAt) return cached.value;
    pending ??= fetchToken().finally(() => {
      pending = undefined;
    });
    return pending;
  }

  /** Calls an API with the token; on 42001/40014 refreshes the token once and retries. */
  async function call<T extends WecomResult>(path: string, query: Record<string, string>, init: () => RequestInit): Promise<T> {
    let refreshed = false;
    for (;;) {
      const token = await accessToken();
      const result = await request<T>(path, { ...query, access_token: token }, init);
      const errcode = result.errcode ?? 0;
      if (TOKEN_REJECTED.has(errcode) && !refreshed) {
        deps.logger?.info({ path, errcode }, "wecom: access token rejected, refreshing once");
        if (cached?.value === token) cached = undefined;
        refreshed = true;
        continue;
      }
      if (errcode !== 0) throw new WecomApiError(path, errcode, result.errmsg ?? "");
      return result;
    }
  }

  const postJson = (body: unknown) => () => ({
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

  return {
    async sendText(userId, content) {
      await call("/cgi-bin/message/send", {}, postJson({ touser: userId, msgtype: "text", agentid: agentId, text: { content } }));
    },
    async sendMarkdown(userId, content) {
      await call("/cgi-bin/message/send", {}, postJson({ touser: userId, msgtype: "markdown", agentid: agentId, markdown: { content } }));
    },
    async sendFile(userId, file) {
      const uploaded = await call<WecomResult & { media_id?: string }>("/cgi-bin/media/upload", { type: "file" }, () => {
        const form = new FormData();
        form.append("media", new Blob([Uint8Array.from(file.data)], { type: file.mimeType }), file.fileName);
        return { method: "POST", body: form };
      });
      if (!uploaded.media_id) throw new WecomApiError("/cgi-bin/media/upload", 0, "no media_id");
      await call("/cgi-bin/message/send", {}, postJson({ touser: userId, msgtype: "file", agentid: agentId, file: { media_id: uploaded.media_id } }));
    },
  };
}
