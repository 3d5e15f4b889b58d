/**
 * `.env` as `npm start` reads it (src/load-env-file.ts): values fill in what
 * the environment does not set, the environment wins, and a settings file
 * named by ENV_FILE that is not there stops the start with a Chinese message.
 * (The terminal test runs `npm start` with such a file end to end.)
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { EnvFileError, loadEnvFile } from "../src/load-env-file.ts";

let dir: string;
const saved = { ...process.env };
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ipzone-envfile-"));
});
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the .env file", () => {
  it("fills in settings the environment does not set; a variable in the environment wins", async () => {
    const file = join(dir, "settings.env");
    await writeFile(file, "# reviewer at the console\nCONSOLE_USER=staff\nSTAFF_IDS=console:staff\nRATE_LIMIT_PER_MINUTE=12\n");
    delete process.env.CONSOLE_USER;
    delete process.env.STAFF_IDS;
    process.env.RATE_LIMIT_PER_MINUTE = "50";
    process.env.ENV_FILE = file;
    expect(loadEnvFile()).toBe(file);
    const config = loadConfig();
    expect(config.consoleUser).toBe("staff");
    expect(config.staff).toEqual([{ channel: "console", userId: "staff" }]);
    expect(config.rateLimitPerMinute).toBe(50);
  });

  it("no .env is the normal case: nothing is loaded and nothing fails", () => {
    process.env.ENV_FILE = "";
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(loadEnvFile()).toBeUndefined();
    } finally {
      process.chdir(cwd);
    }
  });

  it("an ENV_FILE that does not exist is an error naming the file, in Chinese", () => {
    process.env.ENV_FILE = join(dir, "missing.env");
    expect(() => loadEnvFile()).toThrow(EnvFileError);
    expect(() => loadEnvFile()).toThrow(/找不到 ENV_FILE 指定的设置文件：.*missing\.env/u);
  });
});
