/**
 * `withUserLock(key, fn)`: runs `fn` while no other `fn` for the same key runs,
 * so two messages from one user are handled one after the other, in arrival
 * order.
 *
 * - Within one process: a per-key promise queue. For SQLite it is shared by
 *   every store on the same file, which covers the supported SQLite setup
 *   (one bot process; SQLite is not for several instances).
 * - PostgreSQL: additionally a transaction-scoped advisory lock
 *   (`pg_advisory_xact_lock`), so several bot instances sharing one database
 *   also take turns. The lock lives on its own small connection pool: a lock
 *   holder waits on that pool, never on the pool `fn` queries with, so
 *   holders cannot starve their own work. If a process dies, PostgreSQL
 *   releases its locks with the connection.
 */
import { createHash } from "node:crypto";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { createKeyedMutex, type KeyedExclusive } from "./async-mutex.ts";
import type { DatabaseTarget } from "./database-target.ts";

export type WithUserLock = <T>(key: string, fn: () => Promise<T>) => Promise<T>;

export interface UserLock {
  withUserLock: WithUserLock;
  close(): Promise<void>;
}

/** Lock holders that may wait on PostgreSQL at once (per process). */
const LOCK_POOL_SIZE = 8;

const sqliteQueues = new Map<string, KeyedExclusive>();

export function createUserLock(target: DatabaseTarget): UserLock {
  if (target.provider !== "postgresql") {
    const file = target.sqliteFile!;
    let queue = sqliteQueues.get(file);
    if (!queue) sqliteQueues.set(file, (queue = createKeyedMutex()));
    return { withUserLock: queue, close: async () => {} };
  }
  const local = createKeyedMutex();

  let adapter: Promise<SqlDriverAdapter> | undefined;
  const connect = () =>
    (adapter ??= import("@prisma/adapter-pg").then(({ PrismaPg }) => new PrismaPg({ connectionString: target.url, max: LOCK_POOL_SIZE }).connect()));

  const withAdvisoryLock = async <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    const tx = await (await connect()).startTransaction();
    let result: T;
    try {
      await tx.executeRaw({ sql: "SELECT pg_advisory_xact_lock($1::bigint)", args: [lockId(key)], argTypes: [{ scalarType: "string", arity: "scalar" }] });
      result = await fn();
    } finally {
      // COMMIT releases the lock; a failed fn still releases it.
      await tx.executeRaw({ sql: "COMMIT", args: [], argTypes: [] }).catch(() => {});
      await tx.commit().catch(() => {});
    }
    return result;
  };

  return {
    withUserLock: (key, fn) => local(key, () => withAdvisoryLock(key, fn)),
    async close() {
      if (adapter) await (await adapter).dispose();
      adapter = undefined;
    },
  };
}

/** A stable signed 64-bit id for the key (advisory locks take a bigint). */
export function lockId(key: string): string {
  const hex = createHash("sha256").update(`ipzone-assistant:user:${key}`).digest("hex").slice(0, 16);
  return BigInt.asIntN(64, BigInt(`0x${hex}`)).toString();
}
