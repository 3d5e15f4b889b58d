/** The WeCom channel's named errors; both carry what a log line needs, never a token. */

/** A WeCom API call answered with a non-zero `errcode` (or could not be made). */
export class WecomApiError extends Error {
  constructor(
    /** the API path, e.g. `/cgi-bin/message/send` (without the access token) */
    public readonly path: string,
    public readonly errcode: number,
    public readonly errmsg: string,
  ) {
    super(`企业微信接口 ${path} 失败：errcode ${errcode} ${errmsg}`);
    this.name = "WecomApiError";
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
