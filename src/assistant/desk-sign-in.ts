/**
 * 「登录审核台」: an allow-listed staff member asks in chat for a one-time link
 * to the web review desk. The link is valid for ten minutes and signs in
 * once; only a hash of its token is stored, so the database alone cannot
 * sign anyone in.
 */
import { createHash, randomBytes } from "node:crypto";
import type { TurnContext } from "./assistant-deps.types.ts";
import type { Reply } from "./message.types.ts";

export const SIGN_IN_LINK_MINUTES = 10;

export function hashSignInToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export async function issueDeskLink(ctx: TurnContext): Promise<Reply[]> {
  const deskUrl = ctx.deps.deskUrl?.();
  if (!ctx.isStaff) {
    ctx.writes.push({ kind: "audit", entry: { actor: ctx.actor, action: "denied.desk-link", subject: "review-desk" } });
    return [{ kind: "text", text: "审核台仅限主管部门工作人员使用。" }];
  }
  if (!deskUrl) {
    return [{ kind: "text", text: "审核台没有启用：运行时需要设置 WEB_PORT（见 README「审核台」一节）。" }];
  }
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(ctx.now.getTime() + SIGN_IN_LINK_MINUTES * 60_000);
  // Written with the turn: a turn cut before its commit leaves no link that was never shown.
  ctx.writes.push({ kind: "sign-in-link", link: { tokenHash: hashSignInToken(token), staffKey: ctx.actor, expiresAt } });
  ctx.writes.push({ kind: "audit", entry: { actor: ctx.actor, action: "desk.link-issued", subject: "review-desk" } });
  return [
    {
      kind: "text",
      text: `审核台登录链接（${SIGN_IN_LINK_MINUTES} 分钟内有效，只能使用一次，请勿转发）：\n${deskUrl.replace(/\/+$/u, "")}/login/link?token=${token}`,
    },
  ];
}
