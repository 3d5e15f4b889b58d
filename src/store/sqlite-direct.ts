/**
 * Plain SQL for the statements every message runs, on SQLite only.
 *
 * Measured on the 2-core target machine: a Prisma Client operation costs
 * 250–300 µs of CPU (request normalisation, plan-cache lookup, the plan
 * interpreter, result mapping) and the driver adapter underneath another
 * 50–100 µs (it compiles every statement anew), around a statement that
 * takes 7–40 µs in SQLite. A turn runs three to seven of them, which made
 * the store the largest cost of a message (bench/assistant.bench.ts). So the
 * hot repository methods run their SQL here: prepared once, on a second
 * better-sqlite3 connection to the same file.
 *
 * - Nothing interleaves: every call, here and through Prisma, runs inside the
 *   per-file gate (`exclusive`), so this connection never waits on the other
 *   (a wait would block the thread the other needs to finish) and WAL makes
 *   each commit visible to the other connection at once.
 * - Values are stored exactly as Prisma stores them: DateTime as the driver
 *   adapter's ISO text (`toSqlite`), Json as `JSON.stringify` text, Boolean
 *   as 0/1. test/store.sqlite.test.ts reads rows written here through Prisma
 *   and the other way round.
 *
 * PostgreSQL keeps the Prisma calls: several instances share it and a
 * network round trip outweighs the client's own cost.
 */
import Database from "better-sqlite3";
import type { JsonValue } from "./json-value.ts";

export type SqlArg = string | number | boolean | Date | null;
export type SqlRow = Record<string, unknown>;

export interface SqliteDirect {
  /** Runs a statement that returns rows (SELECT, … RETURNING). */
  query(sql: string, args?: readonly SqlArg[]): Promise<SqlRow[]>;
  /** Runs a statement; returns the number of rows it changed. */
  execute(sql: string, args?: readonly SqlArg[]): Promise<number>;
  /** `fn` between BEGIN and COMMIT (ROLLBACK if it throws). The caller holds the gate. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  close(): void;
}

/**
 * `timeoutMs`: SQLite's busy timeout, as for Prisma's connection (another
 * process holding the write lock). The connection opens on first use: a
 * store that has run nothing holds nothing the migration engine would wait
 * for (it takes the file in exclusive locking mode).
 */
export function openSqliteDirect(file: string, options: { timeoutMs: number }): SqliteDirect {
  let db: Database.Database | undefined;
  let closed = false;
  const connection = () => {
    // Opening again would leave a connection nobody closes.
    if (closed) throw new Error("the store is closed");
    if (!db) {
      db = new Database(file, { timeout: options.timeoutMs });
      // Per connection (journal_mode=WAL is kept in the file); see prisma-client.ts.
      db.pragma("synchronous = NORMAL");
    }
    return db;
  };
  // The repositories use a handful of fixed statements (a few variants each).
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = connection().prepare(sql)));
    return statement;
  };
  const execute = async (sql: string, args: readonly SqlArg[] = []) => prepared(sql).run(...args.map(toSqlite)).changes;
  return {
    async query(sql, args = []) {
      return prepared(sql).all(...args.map(toSqlite)) as SqlRow[];
    },
    execute,
    async transaction(fn) {
      await execute("BEGIN");
      try {
        const result = await fn();
        await execute("COMMIT");
        return result;
      } catch (error) {
        if (db?.inTransaction) await execute("ROLLBACK");
        throw error;
      }
    },
    close() {
      closed = true;
      db?.close();
      statements.clear();
    },
  };
}

/**
 * As @prisma/adapter-better-sqlite3 writes arguments (its default
 * `timestampFormat: "iso8601"`): the same text, so Prisma's comparisons on
 * these columns (`createdAt < ?`, ORDER BY) hold across both writers.
 */
function toSqlite(value: SqlArg): string | number | null {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

// Reading columns back: DateTime is that ISO text, Json is text — or a number,
// as SQLite's JSONB declared type has numeric affinity and keeps the text
// "1200" as the integer 1200.

export function sqlInt(value: unknown): number {
  return Number(value);
}

export function sqlText(value: unknown): string {
  return String(value);
}

export function sqlTextOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

export function sqlDate(value: unknown): Date {
  return new Date(value as string | number);
}

export function sqlDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : sqlDate(value);
}

export function sqlJson(value: unknown): JsonValue {
  return typeof value === "string" ? (JSON.parse(value) as JsonValue) : (value as JsonValue);
}
