/**
 * What every repository gets from `createStore`.
 *
 * `exclusive` serialises database work on SQLite: the better-sqlite3 adapter
 * has ONE connection, so a query issued while another caller's interactive
 * transaction is open would run inside that transaction (and vanish if it
 * rolls back). On PostgreSQL (a pool) it runs callbacks directly.
 *
 * `sqlite` (SQLite only) runs the hot statements as plain SQL on a second
 * connection to the same file, inside `exclusive` like every Prisma call, so
 * the two connections never wait on each other (sqlite-direct.ts).
 *
 * `group` (SQLite only) commits the turns of several users in one
 * transaction on that connection (group-commit.ts).
 */
import type { Exclusive } from "./async-mutex.ts";
import type { GroupCommit } from "./group-commit.ts";
import type { Db } from "./prisma-client.ts";
import type { SqliteDirect } from "./sqlite-direct.ts";

export interface RepositoryContext {
  db: Db;
  exclusive: Exclusive;
  now: () => Date;
  sqlite?: SqliteDirect;
  group?: GroupCommit;
}
