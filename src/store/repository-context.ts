/**
 * What every repository gets from `createStore`.
 *
 * `exclusive` serialises database work on SQLite: the better-sqlite3 adapter
 * has ONE connection, so a query issued while another caller's interactive
 * transaction is open would run inside that transaction (and vanish if it
 * rolls back). On PostgreSQL (a pool) it runs callbacks directly.
 */
import type { Exclusive } from "./async-mutex.ts";
import type { Db } from "./prisma-client.ts";

export interface RepositoryContext {
  db: Db;
  exclusive: Exclusive;
  now: () => Date;
}
