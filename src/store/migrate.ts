/**
 * Brings the configured database up to the committed migrations, the same
 * way `prisma migrate deploy` does (same folders, same `_prisma_migrations`
 * table, checksums included), through the WebAssembly schema engine.
 *
 * Called on start by bot/main.ts, by CLI commands that need the database, and
 * by `npm run db:migrate`. Idempotent: a second run applies nothing. Creates
 * the data directory for SQLite. If the database cannot be reached the error
 * is a `DatabaseUnavailableError` with a Chinese explanation.
 */
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { createHash } from "node:crypto";
import type { Transaction } from "@prisma/driver-adapter-utils";
import type { Logger } from "../logging/logger.ts";
import { resolveDatabaseTarget, type DatabaseTarget, type StoreConfig } from "./database-target.ts";
import { readMigrationList } from "./migration-files.ts";
import type { OpenEngine } from "./schema-engine.ts";
import { sqliteMigrationsCurrent } from "./sqlite-migrations-current.ts";
import { DatabaseUnavailableError, MigrationFailedError } from "./store-errors.ts";

export interface MigrationReport {
  provider: "sqlite" | "postgresql";
  /** The database, password hidden. */
  database: string;
  /** Migrations applied by this run, oldest first (empty when up to date). */
  applied: string[];
  /** Migrations in the committed history. */
  total: number;
}

export async function migrateDatabase(config: StoreConfig, log?: Logger): Promise<MigrationReport> {
  const target = resolveDatabaseTarget(config);
  const migrations = await readMigrationList(target.migrationsDir);
  if (migrations.migrationDirectories.length === 0) {
    throw new MigrationFailedError(target.display, `找不到迁移文件（${target.migrationsDir}），安装包可能不完整`);
  }
  if (target.sqliteFile && target.sqliteFile !== ":memory:") {
    const dir = dirname(target.sqliteFile);
    await mkdir(dir, { recursive: true }).catch((error: Error) => {
      throw new DatabaseUnavailableError(target.display, `无法创建数据目录 ${dir}（${error.message}）`);
    });
  }

  const upToDate = { provider: target.provider, database: target.display, applied: [], total: migrations.migrationDirectories.length };
  if (target.sqliteFile && sqliteMigrationsCurrent(target.sqliteFile, migrations)) {
    log?.debug({ database: upToDate.database }, "数据库结构已是最新");
    return upToDate;
  }

  // Loaded only when something may be pending: the engine is WebAssembly, costly to compile.
  const { noFilter, openSchemaEngine } = await import("./schema-engine.ts");
  let open: OpenEngine;
  try {
    open = await openSchemaEngine(target);
  } catch (error) {
    throw new DatabaseUnavailableError(target.display, explainConnectionProblem(error instanceof Error ? error.message : String(error)));
  }
  try {
    const applied = await withMigrationLock(target, async () => {
      try {
        const result = await open.engine.applyMigrations({ migrationsList: migrations, filters: noFilter });
        return result.appliedMigrationNames;
      } catch (error) {
        const reason = open.explain(error);
        if (isConnectionProblem(reason)) throw new DatabaseUnavailableError(target.display, explainConnectionProblem(reason));
        throw new MigrationFailedError(target.display, reason);
      }
    });
    const report = { provider: target.provider, database: target.display, applied, total: migrations.migrationDirectories.length };
    if (applied.length > 0) log?.info({ database: report.database, applied }, `数据库已迁移：应用了 ${applied.length} 个迁移`);
    else log?.debug({ database: report.database }, "数据库结构已是最新");
    return report;
  } finally {
    await open.close();
  }
}

/**
 * Two instances starting at once against one PostgreSQL must not both apply
 * the same migration: hold a transaction-scoped advisory lock (released by
 * COMMIT, or by the server if this process dies) while applying. SQLite needs
 * none: its writes take a file lock.
 */
async function withMigrationLock<T>(target: DatabaseTarget, fn: () => Promise<T>): Promise<T> {
  if (target.provider !== "postgresql") return fn();
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const adapter = await new PrismaPg({ connectionString: target.url, max: 1 }).connect();
  let tx: Transaction;
  try {
    tx = await adapter.startTransaction();
    await tx.executeRaw({ sql: "SELECT pg_advisory_xact_lock($1::bigint)", args: [MIGRATION_LOCK_KEY], argTypes: [{ scalarType: "string", arity: "scalar" }] });
  } catch (error) {
    await adapter.dispose().catch(() => {});
    throw new DatabaseUnavailableError(target.display, explainConnectionProblem(error instanceof Error ? error.message : String(error)));
  }
  try {
    return await fn();
  } finally {
    await tx.executeRaw({ sql: "COMMIT", args: [], argTypes: [] }).catch(() => {});
    await tx.commit().catch(() => {});
    await adapter.dispose().catch(() => {});
  }
}

const MIGRATION_LOCK_KEY = BigInt.asIntN(64, BigInt(`0x${createHash("sha256").update("ipzone-assistant:migrate").digest("hex").slice(0, 16)}`)).toString();

// First match wins. A lock wait that timed out is named before the permission
// patterns: the WebAssembly engine reports SQLite's busy timeout as an unknown
// `SocketTimeout` error followed by the list of known kinds (which names
// permissions), and it was reported as 「没有访问权限」, sending the operator to
// check file modes instead of the other process.
const CONNECTION_PATTERNS: Array<[RegExp, string]> = [
  [/database is locked|SQLITE_BUSY|database table is locked|SQLITE_LOCKED|SocketTimeout/i, "数据库正被另一个进程锁定（SQLite 只支持一个进程；多个实例请用 PostgreSQL）"],
  [/can't reach database server|ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|getaddrinfo/i, "连不上数据库服务器（地址或端口不对，或服务未启动）"],
  [/authentication failed|password authentication|no password supplied|SASL/i, "用户名或密码不正确"],
  [/database .* does not exist/i, "数据库不存在，请先创建"],
  [/readonly database|SQLITE_READONLY|EROFS|read-only file system/i, "数据库文件或其目录是只读的"],
  [/permission denied|EACCES|EPERM/i, "没有访问权限"],
  [/unable to open database file|SQLITE_CANTOPEN|directory does not exist/i, "无法打开数据库文件"],
  [/file is not a database|SQLITE_NOTADB/i, "该文件不是 SQLite 数据库"],
];

function isConnectionProblem(message: string): boolean {
  return CONNECTION_PATTERNS.some(([pattern]) => pattern.test(message));
}

function explainConnectionProblem(message: string): string {
  const first = message.split("\n").find((l) => l.trim())?.trim() ?? message;
  const known = CONNECTION_PATTERNS.find(([pattern]) => pattern.test(message));
  return known ? `${known[1]}（${first}）` : first;
}
