/**
 * Signing in: with an account and password (argon2), or with a one-time link
 * asked for in chat (「登录审核台」). The link's GET shows a button; only the
 * POST uses it up, so a chat app's link preview cannot spend it.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { hashSignInToken, SIGN_IN_LINK_MINUTES } from "../../src/assistant/desk-sign-in.ts";
import { verifyPassword } from "../../src/review/passwords.ts";
import { page, type DeskContext } from "./desk-page.ts";

const loginSchema = z.object({
  name: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  next: z.string().optional(),
});
const linkSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/u) });

/** Only a path of this site (never //evil.example or a full URL). */
function safeNext(next: string | undefined): string {
  return next && /^\/(?!\/)[^\s\\]*$/u.test(next) && !next.startsWith("/login") ? next : "/queue";
}

// A hash to verify against when the name is unknown, so both failures take as long.
let decoyHash: Promise<string> | undefined;

export function registerAuthRoutes(app: FastifyInstance, ctx: DeskContext): void {
  const limit = { rateLimit: { max: ctx.loginAttemptsPerMinute ?? 10, timeWindow: "1 minute" } };

  app.get("/login", async (request, reply) => {
    const next = (request.query as { next?: string }).next;
    if (request.principal) return reply.redirect(safeNext(next));
    return page(reply, request, "login.eta", { title: "登录", next: safeNext(next), error: undefined, name: "" });
  });

  app.post("/login", { config: limit, preHandler: app.csrfProtection }, async (request, reply) => {
    const parsed = loginSchema.safeParse(request.body);
    const next = safeNext((request.body as { next?: string } | undefined)?.next);
    if (!parsed.success) return page(reply.code(400), request, "login.eta", { title: "登录", next, error: "请填写账号和密码。", name: "" });
    const { name, password } = parsed.data;
    const account = await ctx.store.staffAccounts.findByName(name);
    const ok = account
      ? await verifyPassword(account.passwordHash, password)
      : (await verifyPassword(await (decoyHash ??= import("../../src/review/passwords.ts").then((m) => m.hashPassword("decoy-password-x"))), password), false);
    if (!account || !ok || account.disabledAt) {
      await ctx.store.audit.record({ actor: `desk:${name}`, action: "desk.sign-in-failed", subject: "review-desk" });
      const error = account?.disabledAt && ok ? "该账号已停用，请联系管理员。" : "账号或密码不正确。";
      return page(reply.code(401), request, "login.eta", { title: "登录", next, error, name });
    }
    request.session.regenerate();
    request.session.set("identity", { kind: "account", name: account.name });
    await ctx.store.audit.record({ actor: `desk:${account.name}`, action: "desk.sign-in", subject: "review-desk", detail: { by: "password" } });
    return reply.redirect(next, 303);
  });

  app.get("/login/link", async (request, reply) => {
    const parsed = linkSchema.safeParse(request.query);
    if (!parsed.success) return page(reply.code(400), request, "message.eta", { title: "链接无效", message: "登录链接不完整或无效。请在聊天中重新发送「登录审核台」获取新链接。", back: "/login" });
    return page(reply, request, "link.eta", { title: "使用登录链接", token: parsed.data.token, minutes: SIGN_IN_LINK_MINUTES });
  });

  app.post("/login/link", { config: limit, preHandler: app.csrfProtection }, async (request, reply) => {
    const parsed = linkSchema.safeParse(request.body);
    const result = parsed.success ? await ctx.store.signInLinks.consume(hashSignInToken(parsed.data.token)) : ({ ok: false, reason: "unknown" } as const);
    if (!result.ok) {
      const message = {
        expired: `这个登录链接已过期（${SIGN_IN_LINK_MINUTES} 分钟内有效）。请在聊天中重新发送「登录审核台」获取新链接。`,
        used: "这个登录链接已经使用过，每个链接只能登录一次。请在聊天中重新发送「登录审核台」获取新链接。",
        unknown: "登录链接无效。请在聊天中重新发送「登录审核台」获取新链接。",
      }[result.reason];
      await ctx.store.audit.record({ actor: "desk:link", action: "desk.sign-in-failed", subject: "review-desk", detail: { reason: result.reason } });
      return page(reply.code(401), request, "message.eta", { title: "无法登录", message, back: "/login" });
    }
    request.session.regenerate();
    request.session.set("identity", { kind: "chat", key: result.staffKey });
    await ctx.store.audit.record({ actor: result.staffKey, action: "desk.sign-in", subject: "review-desk", detail: { by: "link" } });
    return reply.redirect("/queue", 303);
  });

  app.post("/logout", { preHandler: app.csrfProtection }, async (request, reply) => {
    if (request.principal) await ctx.store.audit.record({ actor: request.principal.actor, action: "desk.sign-out", subject: "review-desk" });
    request.session.delete();
    return reply.redirect("/login", 303);
  });
}
