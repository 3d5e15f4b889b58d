/**
 * The WeCom server API the channel needs: `gettoken`, `message/send` (text
 * and file) and `media/upload`.
 *
 * The access token is cached until `expires_in` minus a margin, fetched once
 * for concurrent callers, and refreshed once when WeCom says it expired or is
 * invalid (errcode 42001 / 40014) — a second such answer is an error, not a
 * loop. Transient failures (network, HTTP 5xx, errcode -1 "系统繁忙") are
 * retried twice with a short back-off, each call under 8 s, so one call
 * ends within ~26 s whatever WeCom does; `signal` (the channel stopping)
 * aborts at once.
 *
 * Sends go through the per-member budget (member-budget.ts): WeCom accepts 30
 * messages a minute per member and silently drops the rest, so the 31st
 * throws `WecomMemberBudgetError` and the inbox re-queues the remainder.
 * `invaliduser` in a send result is read: the user cannot be reached
 * (`WecomInvalidUserError`), which is not retried.
 */
import type { Logger } from "../../src/logging/logger.ts";
import { createMemberBudget } from "./member-budget.ts";
import { WecomApiError, WecomInvalidUserError, WecomMemberBudgetError } from "./wecom-errors.ts";

const TOKEN_REJECTED = new Set([42001, 40014]);
const BUSY = -1;
const RETRY_DELAYS_MS = [300, 1_000];
const CALL_TIMEOUT_MS = 8_000;


export interface WecomApiSettings {
  apiBase: string;
  corpId: string;
  secret: string;
  agentId: string;
  /** WeCom's per-member limit (WECOM_SENDS_PER_MEMBER_PER_MINUTE, 30) */
  sendsPerMemberPerMinute?: number;
}

export interface WecomApi {
  /** `content` must fit WeCom's 2,048-byte limit; split before calling. */
  sendText(userId: string, content: string): Promise<void>;
  /** a markdown message (rendered by the WeCom client; at most 2,048 bytes) */
  sendMarkdown(userId: string, content: string): Promise<void>;
  /** Uploads the file as temporary media (type=file), then sends it. */
  sendFile(userId: string, file: { fileName: string; mimeType: string; data: Uint8Array }): Promise<void>;
  /** Counts sends an earlier run made (`at`, ms) against the member's budget, so a restart does not reset it. */
  rememberSends?(userId: string, at: number, count: number): void;
}

interface WecomResult {
  errcode?: number;
  errmsg?: string;
  /** message/send: recipients WeCom refused, joined by "|" */
  invaliduser?: string;
}

export function createWecomApi(
  settings: WecomApiSettings,
  deps: { fetch?: typeof fetch; now?: () => number; logger?: Logger; signal?: AbortSignal } = {},
): WecomApi {
  const budget = createMemberBudget({ perMinute: settings.sendsPerMemberPerMinute ?? 30, now: deps.now });
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
        const timeout = AbortSignal.timeout(CALL_TIMEOUT_MS);
        const response = await doFetch(url, { ...init?.(), signal: deps.signal ? AbortSignal.any([deps.signal, timeout]) : timeout });
        if (response.status >= 500) failure = `HTTP ${response.status}`;
        else {
          result = (await response.json()) as T;
          if (result.errcode !== BUSY) return result;
          failure = "系统繁忙";
        }
      } catch (err) {
        if (deps.signal?.aborted) throw err;
        failure = err instanceof Error ? err.message : String(err);
      }
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) throw new WecomApiError(path, result?.errcode ?? 0, failure, true);
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

  async function send(userId: string, message: Record<string, unknown>): Promise<void> {
    const wait = budget.take(userId);
    if (wait > 0) throw new WecomMemberBudgetError(Math.ceil(wait / 1_000));
    const result = await call("/cgi-bin/message/send", {}, postJson({ touser: userId, agentid: agentId, ...message }));
    if (result.invaliduser && result.invaliduser.split("|").includes(userId)) throw new WecomInvalidUserError(userId);
  }

  return {
    rememberSends: (userId, at, count) => budget.remember(userId, at, count),
    async sendText(userId, content) {
      await send(userId, { msgtype: "text", text: { content } });
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
      await send(userId, { msgtype: "file", file: { media_id: uploaded.media_id } });
    },
  };
}
