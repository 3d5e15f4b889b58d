/**
 * Settings, parsed once from the environment with zod.
 *
 * Every variable is listed in `.env.example` and in the README's settings
 * table. Nothing is required for the default (offline console chat with a
 * SQLite file under the data directory); a channel that is half configured is
 * one clear error at start (see `ConfigError`).
 */
import { resolve } from "node:path";
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .optional();

const csv = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? "")
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  );

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATA_DIR: z.string().default("data"),
  DATABASE_URL: optionalString,

  // OpenAI-compatible endpoint (any vendor or a local server). Unset = offline.
  // z.url() alone accepts "localhost:8000" (scheme "localhost:") and ftp://; only http(s) reach an API.
  OPENAI_BASE_URL: optionalString.pipe(
    z.url({ protocol: /^https?$/, message: "OPENAI_BASE_URL 必须是 http(s) 地址，例如 http://127.0.0.1:8000/v1" }).optional(),
  ),
  OPENAI_API_KEY: optionalString,
  LLM_MODEL: optionalString,
  EMBEDDING_MODEL: optionalString,
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),

  // Telegram (grammY)
  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_MODE: z.enum(["polling", "webhook"]).default("polling"),
  TELEGRAM_API_ROOT: optionalString,
  TELEGRAM_WEBHOOK_URL: optionalString,
  TELEGRAM_WEBHOOK_SECRET: optionalString,
  TELEGRAM_WEBHOOK_HOST: z.string().default("0.0.0.0"),
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).default(8443),

  // WeCom (企业微信) self-built app callback
  WECOM_CORP_ID: optionalString,
  WECOM_AGENT_ID: optionalString,
  WECOM_SECRET: optionalString,
  WECOM_TOKEN: optionalString,
  WECOM_ENCODING_AES_KEY: optionalString,
  WECOM_API_BASE: z.string().default("https://qyapi.weixin.qq.com"),
  WECOM_HOST: z.string().default("0.0.0.0"),
  WECOM_PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  // WeCom accepts this many messages a minute per member from one app and drops the rest silently.
  WECOM_SENDS_PER_MEMBER_PER_MINUTE: z.coerce.number().int().positive().default(30),

  // Bureau staff allow-list: "telegram:12345,wecom:zhangsan,console:staff"
  STAFF_IDS: csv,
  // Per-user rate limit on chat channels (messages per minute).
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30),
  // The console chat's user id (a staff entry reads console:<id>).
  CONSOLE_USER: z.string().trim().min(1).default("local"),

  // Web review desk: a port (0 = any free one) or "off". Unset: on at 8090 when a bot runs, off for the console alone.
  WEB_PORT: z
    .string()
    .trim()
    .regex(/^(off|\d{1,5})?$/u, "WEB_PORT 应为端口号（0–65535）或 off")
    .optional()
    .transform((s) => (s === undefined || s === "" ? undefined : s === "off" ? ("off" as const) : Number(s)))
    .refine((p) => p === undefined || p === "off" || p <= 65535, "WEB_PORT 应为端口号（0–65535）或 off"),
  WEB_HOST: z.string().default("127.0.0.1"),
  // The address staff open (behind a proxy: https://desk.example.cn); sign-in links start with it.
  WEB_PUBLIC_URL: optionalString.pipe(z.url({ protocol: /^https?$/, message: "WEB_PUBLIC_URL 必须是 http(s) 地址" }).optional()),
  // Key for the session cookies (at least 32 characters); unset: a random key kept in DATA_DIR/desk-session.key.
  WEB_SESSION_SECRET: optionalString.pipe(z.string().min(32, "WEB_SESSION_SECRET 至少 32 个字符").optional()),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`配置有误：\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export interface Config {
  env: Env;
  dataDir: string;
  /** `file:` URL (SQLite) or `postgres(ql)://` URL. */
  databaseUrl: string;
  databaseProvider: "sqlite" | "postgresql";
  llm: { baseURL: string; apiKey: string; model: string; timeoutMs: number } | undefined;
  embeddings: { baseURL: string; apiKey: string; model: string } | undefined;
  telegram:
    | {
        token: string;
        mode: "polling" | "webhook";
        apiRoot: string | undefined;
        webhook: { url: string | undefined; secret: string; host: string; port: number } | undefined;
      }
    | undefined;
  wecom:
    | {
        corpId: string;
        agentId: string;
        secret: string;
        token: string;
        encodingAesKey: string;
        apiBase: string;
        host: string;
        port: number;
        /** WeCom's per-member send limit (messages a minute) */
        sendsPerMemberPerMinute: number;
      }
    | undefined;
  staff: { channel: string; userId: string }[];
  rateLimitPerMinute: number;
  consoleUser: string;
  /** the web review desk, when it runs */
  web: { host: string; port: number; publicUrl: string | undefined; sessionSecret: string | undefined } | undefined;
}

/** Port of the review desk when a bot runs and WEB_PORT is unset. */
export const DEFAULT_WEB_PORT = 8090;

const WECOM_KEYS = ["WECOM_CORP_ID", "WECOM_AGENT_ID", "WECOM_SECRET", "WECOM_TOKEN", "WECOM_ENCODING_AES_KEY"] as const;

/** Parses settings from `source` (default `process.env`). Throws `ConfigError` listing every problem. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const env = parsed.data;
  const problems: string[] = [];
  const dataDir = resolve(env.DATA_DIR);

  const databaseUrl = env.DATABASE_URL ?? `file:${resolve(dataDir, "ipzone.db")}`;
  let databaseProvider: Config["databaseProvider"] = "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) databaseProvider = "postgresql";
  else if (!databaseUrl.startsWith("file:")) problems.push("DATABASE_URL 只支持 file:（SQLite）或 postgresql:// 地址");

  let llm: Config["llm"];
  let embeddings: Config["embeddings"];
  if (env.OPENAI_BASE_URL || env.LLM_MODEL || env.EMBEDDING_MODEL) {
    if (!env.OPENAI_BASE_URL) problems.push("设置了 LLM_MODEL/EMBEDDING_MODEL，但缺少 OPENAI_BASE_URL");
    else if (!env.LLM_MODEL && !env.EMBEDDING_MODEL) problems.push("设置了 OPENAI_BASE_URL，但 LLM_MODEL 和 EMBEDDING_MODEL 都没有设置");
    else {
      const apiKey = env.OPENAI_API_KEY ?? "not-needed";
      if (env.LLM_MODEL) llm = { baseURL: env.OPENAI_BASE_URL, apiKey, model: env.LLM_MODEL, timeoutMs: env.LLM_TIMEOUT_MS };
      if (env.EMBEDDING_MODEL) embeddings = { baseURL: env.OPENAI_BASE_URL, apiKey, model: env.EMBEDDING_MODEL };
    }
  }

  let telegram: Config["telegram"];
  if (env.TELEGRAM_BOT_TOKEN) {
    let webhook: NonNullable<Config["telegram"]>["webhook"];
    if (env.TELEGRAM_MODE === "webhook") {
      if (!env.TELEGRAM_WEBHOOK_SECRET) problems.push("TELEGRAM_MODE=webhook 时必须设置 TELEGRAM_WEBHOOK_SECRET");
      else if (!/^[A-Za-z0-9_-]{1,256}$/.test(env.TELEGRAM_WEBHOOK_SECRET))
        problems.push("TELEGRAM_WEBHOOK_SECRET 只能包含字母、数字、_ 和 -（1–256 个字符）");
      webhook = {
        url: env.TELEGRAM_WEBHOOK_URL,
        secret: env.TELEGRAM_WEBHOOK_SECRET ?? "",
        host: env.TELEGRAM_WEBHOOK_HOST,
        port: env.TELEGRAM_WEBHOOK_PORT,
      };
    }
    telegram = { token: env.TELEGRAM_BOT_TOKEN, mode: env.TELEGRAM_MODE, apiRoot: env.TELEGRAM_API_ROOT, webhook };
  } else if (env.TELEGRAM_WEBHOOK_URL || env.TELEGRAM_WEBHOOK_SECRET) {
    problems.push("设置了 Telegram webhook 参数，但缺少 TELEGRAM_BOT_TOKEN");
  }

  let wecom: Config["wecom"];
  const presentWecom = WECOM_KEYS.filter((k) => env[k]);
  if (presentWecom.length > 0 && presentWecom.length < WECOM_KEYS.length) {
    const missing = WECOM_KEYS.filter((k) => !env[k]);
    problems.push(`企业微信配置不完整，缺少：${missing.join("、")}`);
  } else if (presentWecom.length === WECOM_KEYS.length) {
    if (env.WECOM_ENCODING_AES_KEY!.length !== 43) problems.push("WECOM_ENCODING_AES_KEY 应为 43 个字符");
    wecom = {
      corpId: env.WECOM_CORP_ID!,
      agentId: env.WECOM_AGENT_ID!,
      secret: env.WECOM_SECRET!,
      token: env.WECOM_TOKEN!,
      encodingAesKey: env.WECOM_ENCODING_AES_KEY!,
      apiBase: env.WECOM_API_BASE.replace(/\/+$/, ""),
      host: env.WECOM_HOST,
      port: env.WECOM_PORT,
      sendsPerMemberPerMinute: env.WECOM_SENDS_PER_MEMBER_PER_MINUTE,
    };
  }

  const staff: Config["staff"] = [];
  for (const entry of env.STAFF_IDS) {
    const m = /^(console|telegram|wecom):(.+)$/.exec(entry);
    if (!m) problems.push(`STAFF_IDS 中的「${entry}」格式应为 渠道:用户ID，例如 telegram:12345`);
    else staff.push({ channel: m[1]!, userId: m[2]! });
  }

  const botsRun = telegram !== undefined || wecom !== undefined;
  const webPort = env.WEB_PORT === "off" ? undefined : (env.WEB_PORT ?? (botsRun ? DEFAULT_WEB_PORT : undefined));
  const web: Config["web"] =
    webPort === undefined ? undefined : { host: env.WEB_HOST, port: webPort, publicUrl: env.WEB_PUBLIC_URL, sessionSecret: env.WEB_SESSION_SECRET };

  if (problems.length) throw new ConfigError(problems);
  return {
    env,
    dataDir,
    databaseUrl,
    databaseProvider,
    llm,
    embeddings,
    telegram,
    wecom,
    staff,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    consoleUser: env.CONSOLE_USER,
    web,
  };
}
