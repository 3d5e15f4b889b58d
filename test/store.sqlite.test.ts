/** The store suite (test/store.suite.ts) on a SQLite file in a fresh temp dir. */
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { DatabaseUnavailableError, migrateDatabase } from "../src/store/index.ts";
import { defineStoreSuite } from "./store.suite.ts";

defineStoreSuite("SQLite", async () => {
  const dir = await mkdtemp(join(tmpdir(), "ipzone-store-"));
  // DATA_DIR points at a folder that does not exist yet: migrating creates it.
  const config = loadConfig({ DATA_DIR: join(dir, "nested", "data") });
  return { config, teardown: () => rm(dir, { recursive: true, force: true }) };
});

describe("SQLite specifics", () => {
  it("migrating creates the data directory and the database file under it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ipzone-store-"));
    try {
      const config = loadConfig({ DATA_DIR: join(dir, "fresh") });
      const report = await migrateDatabase(config);
      expect(report.applied.length).toBeGreaterThan(0);
      expect(report.database).toBe(join(dir, "fresh", "ipzone.db"));
      expect((await stat(join(dir, "fresh", "ipzone.db"))).isFile()).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("a data directory that cannot be created is a clear Chinese error", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ipzone-store-"));
    try {
      const { writeFile } = await import("node:fs/promises");
      await writeFile(join(dir, "a-file"), "not a directory");
      const config = loadConfig({ DATABASE_URL: `file:${join(dir, "a-file", "sub", "x.db")}` });
      const failure = migrateDatabase(config);
      await expect(failure).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await expect(failure).rejects.toThrow(/无法创建数据目录/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("a file that is not a database is reported as such", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ipzone-store-"));
    try {
      const { writeFile } = await import("node:fs/promises");
      await writeFile(join(dir, "notes.db"), "这不是数据库，只是一段文字。".repeat(100));
      const failure = migrateDatabase(loadConfig({ DATABASE_URL: `file:${join(dir, "notes.db")}` }));
      await expect(failure).rejects.toThrow(/不是 SQLite 数据库/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
