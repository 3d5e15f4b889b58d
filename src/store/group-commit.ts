/**
 * Group commit on SQLite: the turns that are ready to commit at the same
 * moment share ONE transaction, each inside its own savepoint, and each
 * caller's promise settles only after that transaction's COMMIT — a reply is
 * never released before its turn is durable.
 *
 *   const group = createGroupCommit({ sqlite, exclusive });
 *   const saved = await group.submit(() => writeTheTurn());   // settles after COMMIT
 *
 * Why: a COMMIT in WAL mode costs ~170 µs of the event loop's thread (the
 * WAL frames written, the WAL index updated, now and then a checkpoint) and
 * BEGIN IMMEDIATE ~25 µs, against 30–50 µs for each statement of a turn — a
 * fifth of a message's main-thread time in the assistant bench
 * (bench/assistant.bench.ts, README "Performance"). Forty users' turns in one
 * transaction pay it once, and write a page that several of them changed
 * (the Conversation table's, an index's) once.
 *
 * - A member that fails (a constraint, a trigger, a compare-and-set conflict
 *   it throws) is rolled back to its savepoint: only its own caller gets the
 *   error; the others commit.
 * - An error that ends the whole transaction (SQLite rolls back by itself on
 *   a full disk or an I/O error), or a failed BEGIN or COMMIT, fails every
 *   member of the batch: none of them was acknowledged, none is kept.
 * - A crash anywhere before COMMIT leaves none of the batch; none of its
 *   callers had an answer yet (test/group-commit.test.ts kills a process
 *   between two members).
 *
 * Members are collected until the event loop has run what was ready
 * (`setImmediate`): the turns of other users that reached their commit in
 * the same round join; a user alone waits for nothing. At most `maxBatch`
 * members share a transaction.
 */
import type { Exclusive } from "./async-mutex.ts";
import type { SqliteDirect } from "./sqlite-direct.ts";

export interface GroupCommit {
  /**
   * Runs `work` (its statements on the connection, no BEGIN/COMMIT of its
   * own) in the next shared transaction; resolves with its result once that
   * transaction committed, rejects with its error if it failed.
   */
  submit<T>(work: () => Promise<T>): Promise<T>;
  /** Settles when nothing is queued or being committed (before closing the connection). */
  drain(): Promise<void>;
}

interface Member {
  work: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Bounds how long one transaction holds the write lock and how many turns one failed COMMIT takes down. */
export const MAX_BATCH = 64;

export function createGroupCommit({ sqlite, exclusive, maxBatch = MAX_BATCH }: { sqlite: SqliteDirect; exclusive: Exclusive; maxBatch?: number }): GroupCommit {
  const queue: Member[] = [];
  let scheduled = false;
  let inFlight = 0;
  let idle: { promise: Promise<void>; resolve: () => void } | undefined;

  const settleIdle = () => {
    if (queue.length > 0 || inFlight > 0 || scheduled || !idle) return;
    idle.resolve();
    idle = undefined;
  };

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      // The batch is taken when the gate is ours: what arrived while waiting for it joins.
      void exclusive(async () => {
        scheduled = false;
        const batch = queue.splice(0, maxBatch);
        if (queue.length > 0) schedule();
        inFlight++;
        try {
          await commitBatch(sqlite, batch);
        } finally {
          inFlight--;
          settleIdle();
        }
      });
    });
  }

  return {
    submit<T>(work: () => Promise<T>) {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
    drain() {
      if (queue.length === 0 && inFlight === 0 && !scheduled) return Promise.resolve();
      if (!idle) {
        let resolve!: () => void;
        const promise = new Promise<void>((r) => (resolve = r));
        idle = { promise, resolve };
      }
      return idle.promise;
    },
  };
}

/** Never throws: every member is settled, and the connection is left outside any transaction. */
async function commitBatch(sqlite: SqliteDirect, batch: Member[]): Promise<void> {
  const done: { member: Member; value: unknown }[] = [];
  const failed = new Set<Member>();
  const failAll = async (error: unknown) => {
    if (sqlite.inTransaction()) await sqlite.execute("ROLLBACK").catch(() => {});
    for (const member of batch) if (!failed.has(member)) member.reject(error);
  };
  try {
    await sqlite.execute("BEGIN IMMEDIATE");
  } catch (error) {
    return failAll(error);
  }
  try {
    for (const member of batch) {
      await sqlite.execute("SAVEPOINT turn");
      try {
        const value = await member.work();
        await sqlite.execute("RELEASE turn");
        done.push({ member, value });
      } catch (error) {
        failed.add(member);
        member.reject(error);
        // SQLite ended the transaction itself (a full disk, an I/O error): what the members before wrote is gone too.
        if (!sqlite.inTransaction()) return failAll(new GroupCommitAbortedError(error));
        await sqlite.execute("ROLLBACK TO turn");
        await sqlite.execute("RELEASE turn");
      }
    }
    await sqlite.execute("COMMIT");
  } catch (error) {
    return failAll(error);
  }
  for (const { member, value } of done) member.resolve(value);
}

/** Another turn of the same transaction failed in a way that ended it; this turn was not kept. */
export class GroupCommitAbortedError extends Error {
  constructor(public override readonly cause: unknown) {
    super(`与本条消息同批提交的另一条消息写入失败，整批已回滚，本条消息未保存：${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "GroupCommitAbortedError";
  }
}
