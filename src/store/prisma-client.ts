/**
 * The Prisma client for the configured provider. Each provider has its own
 * generated client (it embeds that provider's query compiler), both generated
 * from schemas that differ only in the provider, so they expose the same
 * models and methods; the repositories are written against the SQLite type and
 * run unchanged on PostgreSQL (whose client only accepts more, e.g.
 * `mode: "insensitive"`, which the repositories do not use).
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { Prisma, PrismaClient } from "../generated/sqlite/client.ts";
import type { DatabaseTarget } from "./database-target.ts";
import { openSqliteDirect, type SqliteDirect } from "./sqlite-direct.ts";

export { Prisma };
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

export async function openPrismaClient(target: DatabaseTarget): Promise<Db> {
  if (target.provider === "postgresql") {
    // Loaded only for PostgreSQL: the pg driver is not needed by a SQLite process.
    const { PrismaClient: PostgresClient } = await import("../generated/postgres/client.ts");
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: target.url }), errorFormat });
    return client as unknown as Db;
  }
  // `timeout` is SQLite's busy timeout: another process (the CLI while the bot
  // runs) holding the write lock is waited for instead of failing at once.
  const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: target.sqliteFile!, timeout: BUSY_TIMEOUT_MS }), errorFormat });
  // WAL lets readers proceed while one writer commits (stored in the file).
  // With WAL, synchronous=NORMAL syncs at checkpoints rather than on every
  // commit: still corruption-safe and consistent; a power cut (not a crash)
  // may lose the last few commits — acceptable for chat state, and it spares
  // an fsync per message on real disks.
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  return client;
}

/** The client and, on SQLite, the direct connection (opened after the client set WAL). */
export async function openDatabase(target: DatabaseTarget): Promise<OpenedDatabase> {
  const db = await openPrismaClient(target);
  if (target.provider !== "sqlite") return { db };
  return { db, sqlite: openSqliteDirect(target.sqliteFile!, { timeoutMs: BUSY_TIMEOUT_MS }) };
}

/** Prisma's "unique constraint failed" (P2002), from either provider's client. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
