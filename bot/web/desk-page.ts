/**
 * What every desk route shares: the app's options, rendering a page in the
 * layout with a fresh CSRF token, and the server-side staff and role check.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { NotifyContext } from "../../src/assistant/notify.ts";
import type { Logger } from "../../src/logging/logger.ts";
import type { Store } from "../../src/store/index.ts";

export interface DeskAppOptions {
  store: Store;
  staff: readonly { channel: string; userId: string }[];
  notify: NotifyContext;
  logger: Logger;
  /** 32-byte key for the session cookies */
  key: Buffer;
  /** set the cookies' Secure flag (the desk is served over HTTPS) */
  secureCookies: boolean;
  now?: () => Date;
  /** sign-in attempts per IP per minute */
  loginAttemptsPerMinute?: number;
}

export interface DeskContext extends DeskAppOptions {
  now: () => Date;
}

/** Renders `view` inside the layout, with the signed-in person and a fresh CSRF token for its forms. */
export async function page(reply: FastifyReply, request: FastifyRequest, view: string, data: Record<string, unknown>): Promise<FastifyReply> {
  const csrf = reply.generateCsrf();
  return reply.header("cache-control", "no-store").view(view, { principal: request.principal, csrf, path: request.url, ...data });
}

/**
 * Signed-out visitors go to the sign-in page; a session whose identity is no
 * longer staff is refused (403) and ended. `decide` requires the reviewer role.
 */
export function requireStaff(need: "view" | "decide" = "view") {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const principal = request.principal;
    if (!principal) {
      const hadIdentity = request.session.get("identity") !== undefined;
      if (hadIdentity) {
        request.session.delete();
        return page(reply.code(403), request, "message.eta", { title: "无权访问", message: "您的账号没有审核台权限（已停用或不在工作人员名单中）。", back: "/login" });
      }
      if (request.method === "GET") return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`);
      return page(reply.code(401), request, "message.eta", { title: "请先登录", message: "登录已失效，请重新登录。", back: "/login" });
    }
    if (need === "decide" && !principal.canDecide) {
      return page(reply.code(403), request, "message.eta", { title: "无权操作", message: "您的账号为只读权限，不能作出审核决定。", back: "/queue" });
    }
  };
}
