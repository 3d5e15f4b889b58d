/**
 * Plain SQL for the statements every message runs, on SQLite only.
 *
 * A Prisma Client call costs 250–300 µs of CPU, driver adapter included,
 * around a statement that takes 7–70 µs in SQLite (measured and explained in
 * src/store/README.md). A turn runs three to seven of them, which made the
 * store the largest cost of a message (bench/assistant.bench.ts). So the hot
 * repository methods run their SQL here: prepared once, on a second
 * better-sqlite3 connection to the same file (Prisma's adapter keeps its own).
 * The tables they read, their column lists and row mappers are derived from
 * Prisma's generated field enums in sqlite-table.ts.
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
import { SQLITE_PRAGMAS } from "./sqlite-pragmas.ts";

export type SqlArg = string | number | boolean | Date | null;
export type SqlRow = Record<string, unknown>;

export interface SqliteDirect {
  /** Runs a statement that returns rows (SELECT, … RETURNING). */
  query(sql: string, args?: readonly SqlArg[]): Promise<SqlRow[]>;
  /** Runs a statement; returns the number of rows it changed. */
  execute(sql: string, args?: readonly SqlArg[]): Promise<number>;
  /** `fn` between BEGIN and COMMIT (ROLLBACK if it throws). The caller holds the gate. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /** Whether a transaction is open on the connection (SQLite may end one by itself after an I/O error). */
  inTransaction(): boolean;
  close(): void;
}

/**
 * `timeoutMs`: how long a statement waits for another process' write lock,
 * as Prisma's connection does. SQLite's own busy timeout would wait by
 * sleeping on this thread — the event loop's — so every webhook, health check
 * and timer of the process would stall for as long as the other process holds
 * the lock. Here SQLite waits at most a few milliseconds and the rest of the
 * wait is asynchronous (`untilFree`): the caller still waits for the lock (an
 * update is stored before it is acknowledged), the process does not. A write
 * transaction takes the lock at BEGIN (IMMEDIATE), where waiting is safe.
 * The connection opens on first use: a store that has run nothing holds
 * nothing the migration engine would wait for (it takes the file in
 * exclusive locking mode).
 */
export function openSqliteDirect(file: string, options: { timeoutMs: number }): SqliteDirect {
  let db: Database.Database | undefined;
  let closed = false;
  const connection = () => {
    // Opening again would leave a connection nobody closes.
    if (closed) throw new Error("the store is closed");
    if (!db) {
      db = new Database(file, { timeout: SPIN_MS });
      // WAL (kept in the file) and synchronous=NORMAL (per connection), as Prisma's connection runs them (prisma-client.ts).
      db.exec(SQLITE_PRAGMAS);
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
  /** Runs `run`; while another process holds the lock, retries it after short asynchronous sleeps until `timeoutMs`. */
  async function untilFree<T>(run: () => T): Promise<T> {
    const deadline = Date.now() + options.timeoutMs;
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      try {
        return run();
      } catch (error) {
        if (!isBusy(error) || Date.now() >= deadline) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
  const execute = (sql: string, args: readonly SqlArg[] = []) => untilFree(() => prepared(sql).run(...args.map(toSqlite)).changes);
  return {
    query(sql, args = []) {
      return untilFree(() => prepared(sql).all(...args.map(toSqlite)) as SqlRow[]);
    },
    execute,
    async transaction(fn) {
      await execute("BEGIN IMMEDIATE");
      try {
        const result = await fn();
        await execute("COMMIT");
        return result;
      } catch (error) {
        if (db?.inTransaction) await execute("ROLLBACK");
        throw error;
      }
    },
    inTransaction: () => db?.inTransaction ?? false,
    close() {
      closed = true;
      db?.close();
      statements.clear();
    },
  };
}

/** SQLite's own busy wait: short, since it blocks the thread. */
const SPIN_MS = 10;

function isBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code.startsWith("SQLITE_BUSY");
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
