/**
 * The SQLite hot path reads rows with its own SQL (src/store/sqlite-table.ts).
 * Each table it reads must read every column the migrated database has: a
 * column added to the schema but not read would come back missing from every
 * record on SQLite while PostgreSQL (through Prisma) had it.
 */
import Database from "better-sqlite3";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { migrateDatabase } from "../src/store/index.ts";
import { HOT_READ_TABLES, type SqliteTable } from "../src/store/sqlite-table.ts";

let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ipzone-hot-path-"));
  file = (await migrateDatabase(loadConfig({ DATA_DIR: dir }))).database;
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
}

/** Columns of the table in the database that the hot path's SELECT leaves out. */
function unread(db: Database.Database, table: SqliteTable<unknown>): string[] {
  return columnsOf(db, table.name).filter((c) => !table.fields.includes(c));
}

describe("SQLite hot path against the migrated schema", () => {
  it.each(HOT_READ_TABLES.map((t) => [t.name, t] as const))("%s: every column is read, and only columns that exist", (_name, table) => {
    const db = new Database(file, { readonly: true });
    try {
      const columns = columnsOf(db, table.name);
      expect(columns.length).toBeGreaterThan(0);
      expect(unread(db, table)).toEqual([]);
      expect(table.fields.filter((f) => !columns.includes(f))).toEqual([]);
    } finally {
      db.close();
    }
  });

  it("a column the schema gains is reported as unread", async () => {
    const copy = join(dir, "grown.db");
    const source = new Database(file, { readonly: true });
    await source.backup(copy);
    source.close();
    const db = new Database(copy);
    try {
      db.exec(`ALTER TABLE "User" ADD COLUMN "nickname" TEXT`);
      const user = HOT_READ_TABLES.find((t) => t.name === "User")!;
      expect(unread(db, user)).toEqual(["nickname"]);
    } finally {
      db.close();
    }
  });
});
