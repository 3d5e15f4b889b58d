/**
 * `npm start` with settings that cannot work: one clear Chinese message
 * naming what is missing, exit code 2, no stack trace, and nothing started
 * (no database created) — rather than a channel failing later at its first
 * message.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
// What `npx tsx` runs, without npx's own start-up.
const TSX = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

interface Exit {
  code: number | null;
  stderr: string;
  stdout: string;
}

let dataDir: string | undefined;
afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

/** Runs bot/main.ts with exactly `env` (plus PATH/HOME), stdin closed. */
async function start(env: Record<string, string>): Promise<Exit> {
  dataDir = await mkdtemp(join(tmpdir(), "ipzone-startup-"));
  const child = spawn(process.execPath, [TSX, "bot/main.ts"], {
    cwd: ROOT,
    // ENV_FILE=/dev/null: a developer's own .env must not change what these runs see.
    // WEB_PORT=0: a bot that starts would open the review desk on its fixed default port, which a parallel test file may hold.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATA_DIR: dataDir, ENV_FILE: "/dev/null", WEB_PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  const code = await new Promise<number | null>((resolve) => child.once("close", (c) => resolve(c)));
  clearTimeout(timer);
  return { code, stderr, stdout };
}

function expectCleanRefusal(exit: Exit): void {
  expect(exit.code).toBe(2);
  expect(exit.stderr).toContain("配置有误：");
  expect(exit.stderr).toContain("请对照 .env.example 和 README 的「设置」一节修改后重试。");
  // One message for a person, not a crash.
  expect(exit.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(exit.stderr).not.toContain("ConfigError");
  expect(exit.stdout).toBe("");
}

describe("npm start with half-configured channels", () => {
  it("only WECOM_CORP_ID set → exit 2, naming the four missing WeCom settings, and no database is created", async () => {
    const exit = await start({ WECOM_CORP_ID: "ww0123456789abcdef" });
    expectCleanRefusal(exit);
    expect(exit.stderr).toContain("企业微信配置不完整，缺少：WECOM_AGENT_ID、WECOM_SECRET、WECOM_TOKEN、WECOM_ENCODING_AES_KEY");
    expect(exit.stderr).not.toContain("WECOM_CORP_ID");
    expect(existsSync(join(dataDir!, "ipzone.db"))).toBe(false);
    expect(await readdir(dataDir!)).toEqual([]);
  });

  it("TELEGRAM_MODE=webhook without TELEGRAM_WEBHOOK_SECRET → exit 2, naming the secret", async () => {
    const exit = await start({ TELEGRAM_BOT_TOKEN: "123456:TEST-token", TELEGRAM_MODE: "webhook" });
    expectCleanRefusal(exit);
    expect(exit.stderr).toContain("TELEGRAM_MODE=webhook 时必须设置 TELEGRAM_WEBHOOK_SECRET");
    expect(await readdir(dataDir!)).toEqual([]);
  });

  it("two channels wrong at once → both problems in the one message", async () => {
    const exit = await start({
      TELEGRAM_BOT_TOKEN: "123456:TEST-token",
      TELEGRAM_MODE: "webhook",
      TELEGRAM_WEBHOOK_SECRET: "has spaces!",
      WECOM_CORP_ID: "ww0123456789abcdef",
      WECOM_AGENT_ID: "1000002",
      WECOM_SECRET: "app-secret",
      WECOM_TOKEN: "CallbackToken123",
      WECOM_ENCODING_AES_KEY: "too-short",
    });
    expectCleanRefusal(exit);
    expect(exit.stderr).toContain("TELEGRAM_WEBHOOK_SECRET 只能包含字母、数字、_ 和 -");
    expect(exit.stderr).toContain("WECOM_ENCODING_AES_KEY 应为 43 个字符");
  });
});

describe("npm start when Telegram cannot be reached or refuses the token", () => {
  it("an API root where nothing listens → exit 1 at once with one sentence naming it, the token not shown", async () => {
    // A port that was just free: connecting to it is refused.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));

    const exit = await start({ TELEGRAM_BOT_TOKEN: "123456:SECRET-token", TELEGRAM_API_ROOT: `http://127.0.0.1:${port}` });
    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain(`启动失败：无法连接 Telegram Bot API（http://127.0.0.1:${port}）`);
    expect(exit.stderr).toContain("TELEGRAM_API_ROOT");
    expect(exit.stderr).not.toContain("SECRET-token");
    expect(exit.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it("a token the Bot API answers 401 for → exit 1, telling the operator to check it with @BotFather", async () => {
    const api = createServer((req, res) => {
      res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ ok: false, error_code: 401, description: "Unauthorized" }));
    });
    await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = api.address() as AddressInfo;
      const exit = await start({ TELEGRAM_BOT_TOKEN: "123456:REVOKED-token", TELEGRAM_API_ROOT: `http://127.0.0.1:${port}` });
      expect(exit.code).toBe(1);
      expect(exit.stderr).toContain("启动失败：Telegram 不接受 TELEGRAM_BOT_TOKEN（401 Unauthorized），请向 @BotFather 核对令牌。");
      expect(exit.stderr).not.toContain("REVOKED-token");
    } finally {
      api.closeAllConnections();
      await new Promise((resolve) => api.close(resolve));
    }
  });
});
