/**
 * The store suite (test/store.suite.ts) on PostgreSQL, in a throw-away
 * database created on the server TEST_DATABASE_URL points at (the role needs
 * CREATEDB; `eval "$(.ci/postgres.sh)"` sets up such a server and prints the
 * variable). Without TEST_DATABASE_URL the suite is skipped with a warning —
 * except in CI, where it fails: CI must prove the PostgreSQL path.
 */
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { DatabaseUnavailableError, migrateDatabase } from "../src/store/index.ts";
import { defineStoreSuite } from "./store.suite.ts";

const serverUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

if (!serverUrl) {
  if (process.env.CI) {
    describe("store on PostgreSQL", () => {
      it("needs TEST_DATABASE_URL in CI", () => {
        throw new Error('CI 中必须提供 TEST_DATABASE_URL（PostgreSQL）才能验证 PostgreSQL 存储：先运行 eval "$(.ci/postgres.sh)"');
      });
    });
  } else {
    console.warn('[store.postgres.test] 跳过：未设置 TEST_DATABASE_URL。本机可运行 eval "$(.ci/postgres.sh)" 后再测试 PostgreSQL。');
  }
}

/** Runs one statement on the server's maintenance connection. */
async function admin(sql: string): Promise<void> {
  const adapter = await new PrismaPg({ connectionString: serverUrl!, max: 1 }).connect();
  try {
    await adapter.executeScript(sql);
  } finally {
    await adapter.dispose();
  }
}

describe.skipIf(!serverUrl)("PostgreSQL", () => {
  defineStoreSuite("PostgreSQL", async () => {
    const name = `ipzone_test_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    await admin(`CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    return {
      config: loadConfig({ DATABASE_URL: url.toString() }),
      postgresUrl: serverUrl,
      teardown: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  });

  it("a server that is not listening is a clear Chinese error, password hidden", async () => {
    const url = new URL(serverUrl!);
    url.port = "1";
    url.password = "secret-pw";
    const failure = migrateDatabase(loadConfig({ DATABASE_URL: url.toString() }));
    await expect(failure).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(failure).rejects.toThrow(/连不上数据库服务器/);
    await expect(failure).rejects.not.toThrow(/secret-pw/);
  });

  it("a wrong password is reported as such", async () => {
    const url = new URL(serverUrl!);
    url.password = "definitely-wrong";
    await expect(migrateDatabase(loadConfig({ DATABASE_URL: url.toString() }))).rejects.toThrow(/用户名或密码不正确/);
  });
});
