/**
 * Whether a SQLite database already has every committed migration applied,
 * read straight from Prisma's `_prisma_migrations` table with better-sqlite3.
 * When it does, a start need not load the WebAssembly schema engine at all
 * (compiling it costs ~100–400 ms and ~20 MB on every start, for nothing).
 *
 * Conservative on purpose: a missing file or table, a failed or rolled-back
 * row, an unknown name or a checksum that differs from the script on disk
 * (Prisma's checksum is the SHA-256 of migration.sql) all answer false, and
 * the engine then decides — and reports — exactly as before.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import type { MigrationList } from "@prisma/schema-engine-wasm";

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

export function sqliteMigrationsCurrent(file: string, migrations: MigrationList): boolean {
  if (file === ":memory:" || !existsSync(file)) return false;
  let rows: AppliedRow[];
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      rows = db.prepare("SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations").all() as AppliedRow[];
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
  const applied = new Map<string, string>();
  for (const row of rows) {
    if (row.rolled_back_at != null) continue;
    if (row.finished_at == null) return false;
    applied.set(row.migration_name, row.checksum);
  }
  const committed = migrations.migrationDirectories;
  if (applied.size !== committed.length) return false;
  return committed.every((m) => {
    if (m.migrationFile.content.tag !== "ok") return false;
    const checksum = createHash("sha256").update(m.migrationFile.content.value).digest("hex");
    return applied.get(m.path) === checksum;
  });
}
