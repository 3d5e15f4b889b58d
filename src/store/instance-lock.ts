/**
 * One process per SQLite file. The turn cache and the outbox hint rely on
 * it, and a second process would otherwise wait on SQLite's write lock and
 * fail seconds later with a misleading error. So a process that serves users
 * holds an exclusive SQLite lock on a side file (`<db>.instance-lock`) for
 * its lifetime: a second one is refused at once with a sentence saying so.
 * The operating system drops the lock when the holder exits, even on kill -9,
 * so a crash never leaves a stale lock behind. PostgreSQL needs none: several
 * instances may share it (user-lock.ts).
 */
import Database from "better-sqlite3";
import type { DatabaseTarget } from "./database-target.ts";

export class SecondInstanceError extends Error {
  constructor(public readonly database: string) {
    super(
      `另一个助手进程正在使用数据库 ${database}：SQLite 只支持一个进程。请先停止那个进程（或换一个 DATA_DIR）；要同时运行多个实例，请把 DATABASE_URL 设为 PostgreSQL（postgresql://…）。`,
    );
    this.name = "SecondInstanceError";
  }
}

export interface InstanceLock {
  release(): void;
}

const NO_LOCK: InstanceLock = { release: () => {} };

export function acquireInstanceLock(target: DatabaseTarget): InstanceLock {
  if (target.provider !== "sqlite" || !target.sqliteFile || target.sqliteFile === ":memory:") return NO_LOCK;
  const db = new Database(`${target.sqliteFile}.instance-lock`, { timeout: 0 });
  try {
    // EXCLUSIVE locking mode keeps the lock after the first write until the connection closes.
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("CREATE TABLE IF NOT EXISTS holder (pid INTEGER)");
    db.exec("BEGIN EXCLUSIVE");
    db.prepare("DELETE FROM holder").run();
    db.prepare("INSERT INTO holder (pid) VALUES (?)").run(process.pid);
    db.exec("COMMIT");
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY") || /database is locked/i.test((error as Error).message)) {
      throw new SecondInstanceError(target.display);
    }
    throw error;
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      db.close();
    },
  };
}
