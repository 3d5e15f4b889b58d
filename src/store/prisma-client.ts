/**
 * The Prisma client for the configured provider. Each provider has its own
 * generated client (it embeds that provider's query compiler), both generated
 * from schemas that differ only in the provider, so they expose the same
 * models and methods; the repositories are written against the SQLite type and
 * run unchanged on PostgreSQL (whose client only accepts more, e.g.
 * `mode: "insensitive"`, which the repositories do not use).
 */
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { Prisma, PrismaClient } from "../generated/sqlite/client.ts";
import type { DatabaseTarget } from "./database-target.ts";
import { SQLITE_PRAGMAS } from "./sqlite-pragmas.ts";
import { openSqliteDirect, type SqliteDirect } from "./sqlite-direct.ts";

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

export interface OpenedDatabase {
  db: Db;
  /** SQLite only: the hot statements as plain SQL (sqlite-direct.ts); closed with `db`. */
  sqlite?: SqliteDirect;
}

// "minimal": Prisma then skips capturing a call site (an `Error` and its
// stack) on every query, ~10% of a query's cost; errors keep their code and
// message, only the code frame of the caller is left out.
const errorFormat = "minimal";
const BUSY_TIMEOUT_MS = 10_000;

/**
 * Prisma's better-sqlite3 adapter, with the settings run on the connection
 * as it opens. Prisma opens it on the first query, not before: connecting
 * loads its WebAssembly query compiler (+44 MB resident, +20 MB more after
 * the first queries), which a SQLite process whose messages only take the
 * plain-SQL hot path (sqlite-direct.ts) then never loads.
 */
async function sqliteAdapter(file: string): Promise<SqlDriverAdapterFactory> {
  const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
  // `timeout` is SQLite's busy timeout: another process (the CLI while the bot
  // runs) holding the write lock is waited for instead of failing at once.
  const factory = new PrismaBetterSqlite3({ url: file, timeout: BUSY_TIMEOUT_MS });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      await adapter.executeScript(SQLITE_PRAGMAS);
      return adapter;
    },
  };
}

export async function openPrismaClient(target: DatabaseTarget): Promise<Db> {
  if (target.provider === "postgresql") {
    // Loaded only for PostgreSQL: the pg driver is not needed by a SQLite process.
    const { PrismaClient: PostgresClient } = await import("../generated/postgres/client.ts");
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: target.url }), errorFormat });
    return client as unknown as Db;
  }
  const { PrismaClient } = await import("../generated/sqlite/client.ts");
  return new PrismaClient({ adapter: await sqliteAdapter(target.sqliteFile!), errorFormat });
}

/**
 * A client whose module is imported on its first query, not at start: the
 * generated client and Prisma's runtime (a 200 kB CommonJS file that Node
 * scans for its exports) cost 60–80 ms of CPU and ~14 MB resident, and a
 * SQLite process whose messages take the plain-SQL path (sqlite-direct.ts)
 * may never query through Prisma. Every call of a model method or `$…` method
 * waits for the real client and is then made on it, so it behaves as the
 * client's own awaited call (all our calls are awaited; none is handed
 * unawaited to an array `$transaction`, which would need Prisma's own promise).
 */
function lazyClient(open: () => Promise<Db>): Db {
  let client: Promise<Db> | undefined;
  const real = (): Promise<Db> => (client ??= open());
  const call = (path: readonly string[]) =>
    async (...args: unknown[]): Promise<unknown> => {
      let target: unknown = await real();
      for (const key of path.slice(0, -1)) target = (target as Record<string, unknown>)[key];
      const fn = (target as Record<string, (...a: unknown[]) => unknown>)[path.at(-1)!]!;
      return await fn.apply(target, args);
    };
  const delegates = new Map<string, unknown>();
  return new Proxy({} as Db, {
    get(_, prop) {
      if (typeof prop !== "string" || prop === "then") return undefined;
      // Closing a client that never opened has nothing to close.
      if (prop === "$disconnect") return async () => (client ? (await client).$disconnect() : undefined);
      if (prop.startsWith("$")) return call([prop]);
      let delegate = delegates.get(prop);
      if (!delegate) {
        delegate = new Proxy({}, { get: (__, method) => (typeof method === "string" && method !== "then" ? call([prop, method]) : undefined) });
        delegates.set(prop, delegate);
      }
      return delegate;
    },
  });
}

/** The client and, on SQLite, the direct connection; neither connects (nor loads Prisma) before its first query. */
export async function openDatabase(target: DatabaseTarget): Promise<OpenedDatabase> {
  const db = lazyClient(() => openPrismaClient(target));
  if (target.provider !== "sqlite") return { db };
  return { db, sqlite: openSqliteDirect(target.sqliteFile!, { timeoutMs: BUSY_TIMEOUT_MS }) };
}

/** Prisma's "unique constraint failed" (P2002), from either provider's client. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
