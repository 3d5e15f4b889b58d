/** The WeCom channel's named errors; both carry what a log line needs, never a token. */

/** A WeCom API call answered with a non-zero `errcode` (or could not be made: `transient`). */
export class WecomApiError extends Error {
  constructor(
    /** the API path, e.g. `/cgi-bin/message/send` (without the access token) */
    public readonly path: string,
    public readonly errcode: number,
    public readonly errmsg: string,
    /** network failure, HTTP 5xx or 系统繁忙 after the client's own retries */
    public readonly transient = false,
  ) {
    super(`企业微信接口 ${path} 失败：errcode ${errcode} ${errmsg}`);
    this.name = "WecomApiError";
  }
}

/** message/send named the user in `invaliduser` (not in the app's 可见范围, left the company, wrong UserID). */
export class WecomInvalidUserError extends Error {
  constructor(public readonly userId: string) {
    super(`企业微信不接受收件人（invaliduser）：请确认该成员在应用的可见范围内且账号有效`);
    this.name = "WecomInvalidUserError";
  }
}

/** Our own per-member budget (30 messages a minute) is spent; the rest waits `retryAfterSeconds`. */
export class WecomMemberBudgetError extends Error {
  constructor(public readonly retryAfterSeconds: number) {
    super(`本成员一分钟内的消息已达上限，${retryAfterSeconds} 秒后继续发送`);
    this.name = "WecomMemberBudgetError";
  }
}

export type CallbackRejection = "bad-request" | "bad-signature" | "stale" | "undecryptable" | "wrong-receiver";

/** A callback request we refuse; `status` is what the HTTP answer says. */
export class WecomCallbackError extends Error {
  constructor(
    public readonly reason: CallbackRejection,
    public readonly status: number,
    detail: string,
  ) {
    super(`企业微信回调被拒绝（${reason}）：${detail}`);
    this.name = "WecomCallbackError";
  }
}
