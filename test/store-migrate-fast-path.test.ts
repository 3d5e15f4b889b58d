/**
 * A start on an up-to-date SQLite database skips the WebAssembly schema engine
 * (src/store/sqlite-migrations-current.ts); anything else still goes through
 * the engine: a migration committed after the database was last migrated is
 * applied, and a history that does not match the scripts is not taken as current.
 */
import { cp, mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { resolveDatabaseTarget } from "../src/store/database-target.ts";
import { migrateDatabase } from "../src/store/index.ts";
import { readMigrationList } from "../src/store/migration-files.ts";
import { sqliteMigrationsCurrent } from "../src/store/sqlite-migrations-current.ts";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function migratedDatabase() {
  const dir = await mkdtemp(join(tmpdir(), "ipzone-migrate-fast-"));
  dirs.push(dir);
  const config = loadConfig({ DATA_DIR: dir });
  await migrateDatabase(config);
  const target = resolveDatabaseTarget(config);
  return { dir, config, target, file: target.sqliteFile! };
}

describe("starting on an up-to-date SQLite database", () => {
  it("is recognised as current, and migrating again applies nothing", async () => {
    const { config, target, file } = await migratedDatabase();
    expect(sqliteMigrationsCurrent(file, await readMigrationList(target.migrationsDir))).toBe(true);
    expect((await migrateDatabase(config)).applied).toEqual([]);
  });

  it("a missing database file is not current (the engine creates it)", async () => {
    const { dir, target } = await migratedDatabase();
    expect(sqliteMigrationsCurrent(join(dir, "absent.db"), await readMigrationList(target.migrationsDir))).toBe(false);
  });

  it("a recorded checksum that differs from the script on disk is not current", async () => {
    const { target, file } = await migratedDatabase();
    const db = new Database(file);
    db.prepare("UPDATE _prisma_migrations SET checksum = 'tampered' WHERE rowid = 1").run();
    db.close();
    expect(sqliteMigrationsCurrent(file, await readMigrationList(target.migrationsDir))).toBe(false);
  });

  it("a migration committed after the last start is applied (the fast path does not hide it)", async () => {
    const { dir, target, file } = await migratedDatabase();
    // The committed history plus one new migration, in a copy of the migrations folder.
    const migrationsDir = join(dir, "migrations");
    await cp(target.migrationsDir, migrationsDir, { recursive: true });
    await mkdir(join(migrationsDir, "29991231000000_extra_table"));
    await writeFile(join(migrationsDir, "29991231000000_extra_table", "migration.sql"), 'CREATE TABLE "Extra" ("id" INTEGER NOT NULL PRIMARY KEY);\n');
    const list = await readMigrationList(migrationsDir);
    expect(sqliteMigrationsCurrent(file, list)).toBe(false);
  });
});
