/**
 * `npm run db:diff -- <name>`: writes the next migration for BOTH providers,
 * `prisma/migrations/<stamp>_<name>/` (SQLite) and
 * `prisma/postgres/migrations/<stamp>_<name>/` (PostgreSQL), with the same
 * folder name so the two histories stay parallel. Each script is what the
 * schema engine says brings a database built from the existing history to the
 * current schema (`prisma migrate diff --from-migrations --to-schema`).
 *
 * `npm run db:diff -- --check` writes nothing and exits 1 if a history is stale.
 *
 * The PostgreSQL history is replayed in a throw-away database, so a server is
 * needed: SHADOW_DATABASE_URL, else TEST_DATABASE_URL, else DATABASE_URL when it
 * is a postgres URL (locally: eval "$(.ci/postgres.sh)"). The role needs CREATEDB.
 */
import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { migrationsDirs, projectRoot, schemaPaths } from "../src/store/database-target.ts";
import { diffMigrationsToSchema, type PendingMigration } from "../src/store/migration-diff.ts";
import { migrationFolderName, writeMigration } from "../src/store/migration-files.ts";
import { schemaDifferences } from "../src/store/schema-parity.ts";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(message.startsWith("用法") ? 2 : 1);
}

const args = process.argv.slice(2);
const check = args.includes("--check");
const name = args.find((a) => !a.startsWith("--"));
if (!check && (!name || !/^[a-z0-9_]{1,60}$/.test(name))) {
  fail("用法：npm run db:diff -- <迁移名>，名称只能含小写字母、数字和下划线，例如 npm run db:diff -- add_estimate_note\n      npm run db:diff -- --check   只检查迁移是否与 schema 一致");
}

const drift = schemaDifferences(await readFile(schemaPaths.sqlite, "utf8"), await readFile(schemaPaths.postgresql, "utf8"));
if (drift.length > 0) {
  fail(`prisma/schema.prisma 与 prisma/postgres/schema.prisma 除 provider 和 output 外必须一致，先同步这些行：\n${drift.map((d) => `  ${d}`).join("\n")}`);
}

const env = process.env;
const postgresUrl =
  env.SHADOW_DATABASE_URL?.trim() || env.TEST_DATABASE_URL?.trim() || (/^postgres(ql)?:\/\//.test(env.DATABASE_URL ?? "") ? env.DATABASE_URL : undefined);
const needPostgres = '需要一个可连接的 PostgreSQL（用于回放迁移历史的临时库）：请设置 SHADOW_DATABASE_URL 或 TEST_DATABASE_URL，本机可先运行 eval "$(.ci/postgres.sh)"';
if (!postgresUrl && !check) fail(`生成 PostgreSQL 迁移${needPostgres}`);
if (!postgresUrl) process.stderr.write(`注意：只检查了 SQLite；检查 PostgreSQL 迁移${needPostgres}\n`);

let pending: PendingMigration[];
try {
  pending = [await diffMigrationsToSchema("sqlite")];
  if (postgresUrl) pending.push(await diffMigrationsToSchema("postgresql", postgresUrl));
} catch (error) {
  fail(`对比迁移历史失败：${error instanceof Error ? error.message : String(error)}`);
}

if (check) {
  const stale = pending.filter((p) => !p.empty);
  for (const p of stale) process.stderr.write(`${p.provider} 的迁移历史落后于 schema，缺少：\n${p.script}\n`);
  if (stale.length > 0) fail("请运行 npm run db:diff -- <迁移名> 生成迁移");
  process.stderr.write(`${pending.map((p) => p.provider).join(" 和 ")} 的迁移历史与 schema 一致\n`);
  process.exit(0);
}

if (pending.every((p) => p.empty)) {
  process.stderr.write("schema 没有变化，无需新迁移\n");
  process.exit(0);
}

// Same folder name on both sides, even if one provider has nothing to do
// (Prisma requires each history to be complete; an empty script is valid).
const folder = migrationFolderName(name!);
for (const p of pending) {
  const script = p.empty ? "-- 此提供方无需变更（与另一提供方的同名迁移保持历史对齐）\n" : p.script;
  const file = await writeMigration(migrationsDirs[p.provider], p.provider, folder, script);
  process.stderr.write(`已写入 ${relative(projectRoot, file)}\n`);
}
