/**
 * The web review desk: a Fastify app with server-rendered pages (eta through
 * @fastify/view) and a little htmx. Security by well-kept plugins: helmet
 * (headers, CSP without inline script), secure-session (encrypted,
 * authenticated HttpOnly SameSite=Strict cookies), csrf-protection on every
 * form, rate-limit on sign-in. Every page and action resolves the signed-in
 * staff member again on the server and checks their role.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifyFormbody from "@fastify/formbody";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySecureSession from "@fastify/secure-session";
import fastifyView from "@fastify/view";
import { Eta } from "eta";
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { page, type DeskAppOptions, type DeskContext } from "./desk-page.ts";
import { resolvePrincipal, ROLE_LABELS, type DeskPrincipal, type SessionIdentity } from "./desk-principal.ts";
import { registerApplicationRoutes } from "./application-routes.ts";
import { registerAuthRoutes } from "./auth-routes.ts";
import { registerOverviewRoutes } from "./overview-routes.ts";
import { registerQueueRoutes } from "./queue-routes.ts";

declare module "@fastify/secure-session" {
  interface SessionData {
    identity: SessionIdentity;
    _csrf: string;
  }
}

declare module "fastify" {
  interface FastifyRequest {
    principal?: DeskPrincipal;
  }
}

const SESSION_HOURS = 8;
const VIEWS = fileURLToPath(new URL("./views/", import.meta.url));
const require = createRequire(import.meta.url);
const ASSETS: Record<string, { file: string; type: string }> = {
  "desk.css": { file: fileURLToPath(new URL("./assets/desk.css", import.meta.url)), type: "text/css; charset=utf-8" },
  "htmx.min.js": { file: require.resolve("htmx.org/dist/htmx.min.js"), type: "text/javascript; charset=utf-8" },
};

export type { DeskAppOptions } from "./desk-page.ts";

export async function createDeskApp(options: DeskAppOptions): Promise<FastifyInstance> {
  const ctx: DeskContext = { ...options, now: options.now ?? (() => new Date()) };
  const app = Fastify({ loggerInstance: options.logger.child({ component: "review-desk" }) as unknown as FastifyBaseLogger, logController: new LogController({ disableRequestLogging: true }), bodyLimit: 64 * 1024, trustProxy: true });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: options.secureCookies ? [] : null,
      },
    },
    hsts: options.secureCookies,
  });
  await app.register(fastifyFormbody);
  await app.register(fastifySecureSession, {
    key: options.key,
    cookieName: "desk_session",
    expiry: SESSION_HOURS * 3600,
    cookie: { path: "/", httpOnly: true, sameSite: "strict", secure: options.secureCookies, maxAge: SESSION_HOURS * 3600 },
  });
  await app.register(fastifyCsrf, { sessionPlugin: "@fastify/secure-session" });
  await app.register(fastifyRateLimit, { global: false });
  const eta = new Eta({ views: VIEWS, autoEscape: true, cache: true });
  await app.register(fastifyView, { engine: { eta }, root: VIEWS, viewExt: "eta", defaultContext: { ROLE_LABELS } });

  // Who is signed in, resolved again on every request (a removed or disabled account is out at once).
  app.addHook("preHandler", async (request) => {
    request.principal = await resolvePrincipal(options.store, options.staff, request.session.get("identity"));
  });

  for (const [name, asset] of Object.entries(ASSETS)) {
    const body = readFileSync(asset.file);
    app.get(`/assets/${name}`, async (_request, reply) => reply.header("cache-control", "public, max-age=3600").type(asset.type).send(body));
  }

  app.setNotFoundHandler(async (request, reply) => page(reply.code(404), request, "message.eta", { title: "页面不存在", message: "没有这个页面。", back: "/queue" }));
  app.setErrorHandler(async (error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error.code?.startsWith("FST_CSRF")) {
      request.log.warn({ url: request.url, code: error.code }, "CSRF token refused");
      return page(reply.code(403), request, "message.eta", { title: "请求已拒绝", message: "表单已过期或来源不明（安全校验未通过）。请返回页面刷新后重试。", back: "/queue" });
    }
    if (error.statusCode === 429) {
      return page(reply.code(429), request, "message.eta", { title: "尝试次数过多", message: "登录尝试过于频繁，请一分钟后再试。", back: "/login" });
    }
    request.log.error({ err: error, url: request.url }, "review desk request failed");
    return page(reply.code(error.statusCode && error.statusCode < 500 ? error.statusCode : 500), request, "message.eta", {
      title: "出错了",
      message: "处理请求时出错，已记录。请稍后再试。",
      back: "/queue",
    });
  });

  registerAuthRoutes(app, ctx);
  registerQueueRoutes(app, ctx);
  registerApplicationRoutes(app, ctx);
  registerOverviewRoutes(app, ctx);
  app.get("/", async (request, reply) => reply.redirect(request.principal ? "/queue" : "/login"));
  return app;
}
