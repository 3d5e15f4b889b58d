/**
 * What SQL would bring a database built from the committed migrations to the
 * current schema — Prisma's `migrate diff --from-migrations --to-schema`. An
 * empty result means the history is up to date. Used by `npm run db:diff`
 * (writes it as a new migration) and by the tests (a stale history fails).
 *
 * Replaying the history needs a shadow database: in memory for SQLite; for
 * PostgreSQL a throw-away database on the server at `postgresUrl`.
 */
import { readFile } from "node:fs/promises";
import { migrationsDirs, schemaPaths } from "./database-target.ts";
import { readMigrationList } from "./migration-files.ts";
import { noFilter, openSchemaEngine } from "./schema-engine.ts";

export interface PendingMigration {
  provider: "sqlite" | "postgresql";
  /** Executable SQL; meaningful only when `empty` is false. */
  script: string;
  empty: boolean;
}

/**
 * `schemaText` replaces the committed schema file (tests use it to show that a
 * schema change without a migration is detected).
 */
export async function diffMigrationsToSchema(provider: "sqlite" | "postgresql", postgresUrl?: string, schemaText?: string): Promise<PendingMigration> {
  if (provider === "postgresql" && !postgresUrl) throw new Error("对比 PostgreSQL 迁移历史需要一个可连接的 PostgreSQL 地址");
  const schemaPath = schemaPaths[provider];
  const content = schemaText ?? (await readFile(schemaPath, "utf8"));
  const migrations = await readMigrationList(migrationsDirs[provider]);
  const { engine, explain, close } = await openSchemaEngine(
    provider === "sqlite" ? { provider, url: "file::memory:", sqliteFile: ":memory:" } : { provider, url: postgresUrl!, sqliteFile: undefined },
  );
  try {
    const result = await engine.diff({
      // Before the first migration there is no lockfile naming the connector.
      from: migrations.migrationDirectories.length === 0 ? { tag: "empty" } : { tag: "migrations", ...migrations },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content }] },
      script: true,
      exitCode: true,
      filters: noFilter,
    });
    // With exitCode requested the engine answers 2 when there is a difference.
    return { provider, script: result.stdout ?? "", empty: result.exitCode === 0 };
  } catch (error) {
    throw new Error(explain(error));
  } finally {
    await close();
  }
}
