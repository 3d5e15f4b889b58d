/**
 * The review desk over a real harness (real core, real store): the desk
 * listens on 127.0.0.1 at a free port, chat users and the desk share one
 * runtime, and `client()` is a cookie-keeping HTTP client that fills in the
 * CSRF token of the page it last read.
 */
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { createDeskApp } from "../../bot/web/create-desk-app.ts";
import { createLogger } from "../../src/logging/logger.ts";
import { hashPassword } from "../../src/review/passwords.ts";
import { HARNESS_NOW, startHarness, ZHEJIANG_LINES, type Harness, type HarnessOptions } from "./assistant-harness.ts";

export interface DeskHarness extends Harness {
  desk: FastifyInstance;
  url: string;
  key: Buffer;
  addAccount(name: string, password: string, role?: "reviewer" | "viewer", displayName?: string): Promise<void>;
  /** a Zhejiang applicant with a submitted application; `institutions` replaces the 25家 answer */
  submitted(user: string, institutions?: string): Promise<string>;
  restartDesk(staff: string[], loginAttemptsPerMinute?: number): Promise<void>;
}

export async function startDesk(options: HarnessOptions = {}): Promise<DeskHarness> {
  const h = await startHarness({ ...options, env: { WEB_PORT: "0", ...options.env } });
  const key = randomBytes(32);
  let staff = h.config.staff;
  let attempts = 50;
  const build = async () => {
    const desk = await createDeskApp({
      store: h.store,
      staff,
      notify: h.runtime.notify,
      logger: createLogger("error"),
      key,
      secureCookies: false,
      now: options.now ?? (() => HARNESS_NOW),
      loginAttemptsPerMinute: attempts,
    });
    const url = await desk.listen({ port: 0, host: "127.0.0.1" });
    h.runtime.setDeskUrl(url);
    return { desk, url };
  };
  let { desk, url } = await build();
  let n = 0;
  const dh: DeskHarness = Object.assign(h, {
    desk,
    url,
    key,
    async addAccount(name: string, password: string, role: "reviewer" | "viewer" = "reviewer", displayName?: string) {
      await h.store.staffAccounts.create({ name, passwordHash: await hashPassword(password), role, displayName });
    },
    async submitted(userId: string, institutions = "25家") {
      const user = h.user(`${userId}-${++n}`);
      await user.say("我想申报浙江的示范区");
      const lines: string[] = [...ZHEJIANG_LINES];
      lines[10] = institutions;
      await user.sayAll([...lines, "确认"]);
      const number = /ZJ-\d{4}-\d{4}/u.exec(user.last!.text)![0];
      await user.say("提交申报");
      return number;
    },
    async restartDesk(ids: string[], loginAttemptsPerMinute = 50) {
      await dh.desk.close();
      attempts = loginAttemptsPerMinute;
      staff = ids.map((id) => ({ channel: "console", userId: id }));
      ({ desk, url } = await build());
      dh.desk = desk;
      dh.url = url;
    },
  });
  const close = h.close;
  dh.close = async (opts) => {
    await dh.desk.close();
    await close(opts);
  };
  return dh;
}

export interface DeskResponse {
  status: number;
  location: string | null;
  html: string;
  headers: Headers;
}

export class DeskClient {
  cookies = new Map<string, string>();
  csrf: string | undefined;
  constructor(private readonly base: () => string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(path: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<DeskResponse> {
    const res = await fetch(new URL(path, this.base()), {
      method: init.method ?? (init.form ? "POST" : "GET"),
      redirect: "manual",
      headers: { cookie: this.cookieHeader(), ...(init.form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      body: init.form ? new URLSearchParams(init.form) : undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      const value = pair!.slice(i + 1);
      if (value === "" || /Max-Age=0|Expires=Thu, 01 Jan 1970/iu.test(c)) this.cookies.delete(pair!.slice(0, i));
      else this.cookies.set(pair!.slice(0, i), value);
    }
    const html = (res.headers.get("content-type") ?? "").includes("text/html") ? await res.text() : "";
    const token = /name="_csrf" value="([^"]+)"/u.exec(html)?.[1];
    if (token) this.csrf = token;
    return { status: res.status, location: res.headers.get("location"), html, headers: res.headers };
  }

  get(path: string) {
    return this.request(path);
  }

  /** POST with the CSRF token of the last page read (unless `_csrf` is given). */
  post(path: string, form: Record<string, string>) {
    return this.request(path, { form: { _csrf: this.csrf ?? "", ...form } });
  }

  /** Reads the page a sign-in redirects to, as a browser would (the new session's CSRF token); returns the redirect. */
  private async follow(res: DeskResponse): Promise<DeskResponse> {
    if (res.status === 303 && res.location) await this.get(res.location);
    return res;
  }

  async signIn(name: string, password: string): Promise<DeskResponse> {
    await this.get("/login");
    return this.follow(await this.post("/login", { name, password }));
  }

  async useLink(link: string): Promise<DeskResponse> {
    const u = new URL(link);
    await this.get(`${u.pathname}${u.search}`);
    return this.follow(await this.post("/login/link", { token: u.searchParams.get("token")! }));
  }
}

export function linkIn(text: string): string {
  const m = /https?:\/\/\S+\/login\/link\?token=[\w-]+/u.exec(text);
  if (!m) throw new Error(`no sign-in link in: ${text}`);
  return m[0];
}
