/**
 * Group commit (src/store/group-commit.ts): on SQLite the turns of users who
 * write at the same moment share one transaction, each in its own savepoint,
 * and each user gets the reply only once that transaction has committed.
 *
 * What a user must not notice: a reply whose answer is not stored (the reply
 * comes after the commit, a crash before it loses only unanswered messages),
 * or someone else's failure (a turn that fails in a shared transaction fails
 * alone, with the one polite sentence, and nothing of it is kept).
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startHarness, ZHEJIANG_LINES, type Harness } from "./support/assistant-harness.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSX = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const SORRY = "出了点问题";

/** Counts the statements the store runs, by text (every store statement goes through better-sqlite3's Statement). */
function watchStatements() {
  const probe = new Database(":memory:");
  const statement = Object.getPrototypeOf(probe.prepare("SELECT 1")) as { run: (...args: unknown[]) => unknown };
  probe.close();
  const run = statement.run;
  const seen: string[] = [];
  let failNext: string | undefined;
  statement.run = function (this: { source: string }, ...args: unknown[]) {
    seen.push(this.source);
    if (failNext !== undefined && this.source === failNext) {
      failNext = undefined;
      throw new Error(`磁盘写入失败（测试在 ${this.source} 处制造）`);
    }
    return run.apply(this, args);
  };
  return {
    count: (source: string) => seen.filter((s) => s === source).length,
    /** the next execution of `source` throws, as a failing disk would */
    failNext: (source: string) => void (failNext = source),
    restore: () => void (statement.run = run),
  };
}

/** Reads the database as another process would: what is there is committed. */
function reader(dataDir: string) {
  const db = new Database(join(dataDir, "ipzone.db"), { readonly: true });
  const answers = db.prepare(
    `SELECT count(*) AS n FROM "CollectedAnswer" a JOIN "User" u ON u."id" = a."userId" WHERE u."channel" = 'console' AND u."externalId" = ? AND a."supersededAt" IS NULL`,
  );
  const state = db.prepare(`SELECT c."state" FROM "Conversation" c JOIN "User" u ON u."id" = c."userId" WHERE u."channel" = 'console' AND u."externalId" = ?`);
  return {
    /** the answers stored for the user's facts */
    answers: (userId: string) => (answers.get(userId) as { n: number }).n,
    /** the facts the saved conversation says were answered */
    answered: (userId: string) => {
      const row = state.get(userId) as { state: string } | undefined;
      return row ? ((JSON.parse(row.state) as { intake?: { answerOrder?: string[] } | null }).intake?.answerOrder?.length ?? 0) : 0;
    },
    close: () => db.close(),
  };
}

describe("users answering at the same moment", () => {
  let h: Harness;
  let db: ReturnType<typeof reader>;
  let statements: ReturnType<typeof watchStatements> | undefined;
  beforeAll(async () => {
    h = await startHarness();
    db = reader(h.dataDir);
  });
  afterEach(() => statements?.restore());
  afterAll(async () => {
    db?.close();
    await h?.close();
  });

  const say = async (userId: string, text: string) => {
    const replies = await h.assistant.handle({ channel: "console", userId, text });
    return replies.map((r) => ("text" in r ? r.text : "")).join("\n");
  };
  const started = async (prefix: string, n: number) => {
    const ids = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
    for (const id of ids) await say(id, "我想申报浙江的示范区");
    return ids;
  };

  it("share one commit, and each has the reply only when the answer is stored", async () => {
    const ids = await started("together", 10);
    statements = watchStatements();
    const seenAtReply = await Promise.all(
      ids.map(async (id) => {
        const reply = await say(id, ZHEJIANG_LINES[0]);
        // Read at once, from another connection: the answer is there before the user could act on the reply.
        return { id, reply, stored: db.answers(id) };
      }),
    );
    expect(statements.count("BEGIN IMMEDIATE")).toBe(1);
    expect(statements.count("COMMIT")).toBe(1);
    for (const { reply, stored } of seenAtReply) {
      expect(reply).not.toContain(SORRY);
      expect(reply).toContain("统一社会信用代码");
      expect(stored).toBe(1);
    }
  }, 60_000);

  it("one user's failing write fails only that user's message; the others are answered and stored", async () => {
    const ids = await started("one-fails", 5);
    const victim = ids[2]!;
    const victimUser = await h.store.users.findByChannelId("console", victim);
    const writer = new Database(join(h.dataDir, "ipzone.db"));
    writer.exec(`CREATE TRIGGER fail_one BEFORE UPDATE ON "Conversation" WHEN NEW."userId" = ${victimUser!.id} BEGIN SELECT RAISE(ABORT, 'disk says no'); END;`);
    statements = watchStatements();
    let replies: { id: string; reply: string }[];
    try {
      replies = await Promise.all(ids.map(async (id) => ({ id, reply: await say(id, ZHEJIANG_LINES[0]) })));
    } finally {
      writer.exec("DROP TRIGGER fail_one");
      writer.close();
    }
    // They were in the same transaction: the failure was rolled back to the victim's savepoint only.
    expect(statements.count("BEGIN IMMEDIATE")).toBe(1);
    for (const { id, reply } of replies) {
      if (id === victim) {
        expect(reply).toBe("抱歉，处理您的消息时出了点问题，已记录。请稍后再试，或回复「帮助」。");
        // Nothing of the failed turn was kept: not the answer row written before the failing save.
        expect(db.answers(id)).toBe(0);
      } else {
        expect(reply).toContain("统一社会信用代码");
        expect(db.answers(id)).toBe(1);
        expect(db.answered(id)).toBe(1);
      }
    }
    // The victim sends the line again and is where they were: it is taken as the company name.
    const again = await say(victim, ZHEJIANG_LINES[0]);
    expect(again).toContain("统一社会信用代码");
    expect(db.answers(victim)).toBe(1);
  }, 60_000);

  it("a commit that fails answers nobody as if stored: each gets the polite sentence, and sending again goes on", async () => {
    const ids = await started("commit-fails", 4);
    statements = watchStatements();
    statements.failNext("COMMIT");
    const replies = await Promise.all(ids.map((id) => say(id, ZHEJIANG_LINES[0])));
    for (const [i, reply] of replies.entries()) {
      expect(reply).toContain(SORRY);
      expect(db.answers(ids[i]!)).toBe(0);
    }
    const again = await Promise.all(ids.map((id) => say(id, ZHEJIANG_LINES[0])));
    for (const [i, reply] of again.entries()) {
      expect(reply).toContain("统一社会信用代码");
      expect(db.answers(ids[i]!)).toBe(1);
    }
  }, 60_000);
});

describe("a process killed between two turns of one shared commit", () => {
  it("keeps every answered message and none of the unanswered ones; each user goes on from their last reply", async () => {
    const USERS = 8;
    const first = await startHarness();
    const dataDir = first.dataDir;
    await first.close({ removeData: false });

    const child = spawn(process.execPath, [TSX, "test/support/group-commit-crash-worker.ts"], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, USERS: String(USERS), CRASH_AFTER_RELEASES: "40" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (err += c.toString("utf8")));
    const exit = await new Promise<string>((resolve) => child.once("exit", (code, sig) => resolve(sig ?? `code ${code}`)));
    // tsx runs the worker in a child of its own and reports its SIGKILL as 128 + 9.
    expect(["SIGKILL", "code 137"], `${err.slice(-1500)}\n${out.slice(-500)}`).toContain(exit);

    const got = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { userId: string; line: number; reply: string });
    expect(got.every((g) => !g.reply.includes(SORRY))).toBe(true);
    // Replies each user had when the process died: their start, then one per answer.
    const replied = new Map<string, number>();
    for (const g of got) replied.set(g.userId, (replied.get(g.userId) ?? 0) + 1);
    const ids = Array.from({ length: USERS }, (_, i) => `crash-${i}`);
    // Killed in the middle: nobody had finished.
    expect(ids.every((id) => (replied.get(id) ?? 0) < ZHEJIANG_LINES.length + 1)).toBe(true);

    const db = reader(dataDir);
    const h = await startHarness({ dataDir });
    try {
      for (const id of ids) {
        const answered = Math.max((replied.get(id) ?? 0) - 1, 0);
        // Every answer the user had a reply to is stored; the turns written into the killed
        // transaction (no reply yet) are not, and the conversation agrees with the stored answers.
        expect(db.answers(id), id).toBe(answered);
        expect(db.answered(id), id).toBe(answered);
      }
      // Each user sends the line they had no reply to, and the intake takes it as the next answer.
      for (const id of ids) {
        const answered = Math.max((replied.get(id) ?? 0) - 1, 0);
        const next = (replied.get(id) ?? 0) === 0 ? "我想申报浙江的示范区" : ZHEJIANG_LINES[answered]!;
        const turn = await h.user(id).say(next);
        expect(turn.text, id).not.toContain(SORRY);
        expect(db.answers(id), id).toBe((replied.get(id) ?? 0) === 0 ? 0 : answered + 1);
      }
    } finally {
      db.close();
      await h.close({ removeData: true });
    }
  }, 120_000);
});
