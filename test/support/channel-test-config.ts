/**
 * Settings for channel tests, parsed by the real `loadConfig` and then pointed
 * at loopback: port 0 (any free port), host 127.0.0.1. The review desk, which
 * a running bot would start on its fixed default port, gets any free port too:
 * test files run in parallel, and two of them on one port fail with EADDRINUSE.
 */
import { loadConfig, type Config } from "../../src/config.ts";

export function telegramTestConfig(options: {
  apiRoot: string;
  token: string;
  mode?: "polling" | "webhook";
  secret?: string;
  staff?: string[];
  rateLimitPerMinute?: number;
  /** where the database and outbox go (default: the settings' default, ./data) */
  dataDir?: string;
}): Config {
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: options.dataDir,
    TELEGRAM_BOT_TOKEN: options.token,
    TELEGRAM_API_ROOT: options.apiRoot,
    TELEGRAM_MODE: options.mode ?? "polling",
    WEB_PORT: "0",
    TELEGRAM_WEBHOOK_SECRET: options.mode === "webhook" ? (options.secret ?? "test-secret_123") : undefined,
    STAFF_IDS: (options.staff ?? []).join(","),
    RATE_LIMIT_PER_MINUTE: String(options.rateLimitPerMinute ?? 1_000),
  });
  const telegram = config.telegram!;
  return {
    ...config,
    telegram: { ...telegram, webhook: telegram.webhook && { ...telegram.webhook, host: "127.0.0.1", port: 0 } },
  };
}

export function wecomTestConfig(options: {
  corpId: string;
  agentId: string;
  secret: string;
  token: string;
  encodingAesKey: string;
  apiBase: string;
  staff?: string[];
  rateLimitPerMinute?: number;
  /** WeCom's per-member send budget (default 30, as WeCom) */
  sendsPerMemberPerMinute?: number;
  /** where the database and outbox go (default: the settings' default, ./data) */
  dataDir?: string;
}): Config {
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: options.dataDir,
    WECOM_SENDS_PER_MEMBER_PER_MINUTE: options.sendsPerMemberPerMinute?.toString(),
    WECOM_CORP_ID: options.corpId,
    WECOM_AGENT_ID: options.agentId,
    WECOM_SECRET: options.secret,
    WECOM_TOKEN: options.token,
    WECOM_ENCODING_AES_KEY: options.encodingAesKey,
    WECOM_API_BASE: options.apiBase,
    WEB_PORT: "0",
    STAFF_IDS: (options.staff ?? []).join(","),
    RATE_LIMIT_PER_MINUTE: String(options.rateLimitPerMinute ?? 1_000),
  });
  return { ...config, wecom: { ...config.wecom!, host: "127.0.0.1", port: 0 } };
}
