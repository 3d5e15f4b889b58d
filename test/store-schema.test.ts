/**
 * Prisma keeps one schema and one migration history per provider. These
 * checks keep the two describing the same data (the replay check that each
 * history builds its schema lives in test/store.suite.ts).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { migrationsDirs, schemaPaths } from "../src/store/database-target.ts";
import { listMigrationNames } from "../src/store/migration-files.ts";
import { schemaDifferences } from "../src/store/schema-parity.ts";

describe("SQLite and PostgreSQL schemas", () => {
  it("differ only in the datasource provider and the client output folder", async () => {
    const sqlite = await readFile(schemaPaths.sqlite, "utf8");
    const postgres = await readFile(schemaPaths.postgresql, "utf8");
    expect(sqlite).toMatch(/provider\s*=\s*"sqlite"/);
    expect(postgres).toMatch(/provider\s*=\s*"postgresql"/);
    expect(schemaDifferences(sqlite, postgres)).toEqual([]);
  });

  it("a model edited in one schema only is reported with its line", () => {
    const sqlite = 'datasource db {\n  provider = "sqlite"\n}\nmodel A {\n  id Int @id\n  note String?\n}\n';
    const postgres = 'datasource db {\n  provider = "postgresql"\n}\nmodel A {\n  id Int @id\n}\n';
    const drift = schemaDifferences(sqlite, postgres);
    expect(drift[0]).toContain("第 6 行");
    expect(drift[0]).toContain("note String?");
  });

  it("both histories have the same migrations, in the same order, each with its provider's lockfile", async () => {
    const sqlite = await listMigrationNames(migrationsDirs.sqlite);
    const postgres = await listMigrationNames(migrationsDirs.postgresql);
    expect(sqlite.length).toBeGreaterThan(0);
    expect(postgres).toEqual(sqlite);
    expect(await readFile(join(migrationsDirs.sqlite, "migration_lock.toml"), "utf8")).toMatch(/provider = "sqlite"/);
    expect(await readFile(join(migrationsDirs.postgresql, "migration_lock.toml"), "utf8")).toMatch(/provider = "postgresql"/);
  });
});
