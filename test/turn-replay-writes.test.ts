/**
 * A turn cut after its writes and before its commit — the process dies, the
 * commit throws — is worked again by the channel (same message id). The
 * replay must leave exactly the rows one uncut turn leaves — one question-log
 * row, one audit entry, one stored answer, one application, one status change
 * with its notices, one sign-in link — and show the replies an uncut turn
 * shows.
 *
 * Each step is run twice on twin users: once cut and replayed, once plainly
 * (the reference). The cut is made in the database (a trigger that aborts the
 * turn's commit, where its journal row is written), so the real store,
 * transactions and assistant are under test. Counts are whole-table deltas:
 * a row written anywhere by the cut run shows up.
 *
 * On SQLite always; on PostgreSQL in a throw-away database when
 * TEST_DATABASE_URL is set (CI sets it; locally `eval "$(.ci/postgres.sh)"`),
 * skipped with a warning otherwise.
 */
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION } from "../src/assistant/detect-command.ts";
import type { Reply } from "../src/assistant/message.types.ts";
import { startHarness, ZHEJIANG_LINES, type Harness } from "./support/assistant-harness.ts";

const SORRY = "抱歉，处理您的消息时出了点问题";
const serverUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;
if (!serverUrl) console.warn('[turn-replay-writes] PostgreSQL 部分跳过：未设置 TEST_DATABASE_URL（本机可先运行 eval "$(.ci/postgres.sh)"）。');

/** The database under the assistant, reached directly: row counts, and the trigger that cuts a turn's commit. */
interface Backdoor {
  count(query: string): Promise<number>;
  rows<T>(query: string): Promise<T[]>;
  /** aborts every turn's commit (its journal row is written last in it), as a crash before the commit would; returns the undo */
  cutCommits(): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

function sqliteBackdoor(dataDir: string): Backdoor {
  const sql = new Database(join(dataDir, "ipzone.db"));
  return {
    count: async (query) => (sql.prepare(query).get() as { n: number }).n,
    rows: async <T>(query: string) => sql.prepare(query).all() as T[],
    async cutCommits() {
      sql.exec(`
        CREATE TRIGGER cut_turn_insert BEFORE INSERT ON "TurnRecord" WHEN NEW."replies" IS NOT NULL BEGIN SELECT RAISE(ABORT, 'cut'); END;
        CREATE TRIGGER cut_turn_update BEFORE UPDATE ON "TurnRecord" WHEN NEW."replies" IS NOT NULL BEGIN SELECT RAISE(ABORT, 'cut'); END;`);
      return async () => {
        sql.exec(`DROP TRIGGER cut_turn_insert; DROP TRIGGER cut_turn_update;`);
      };
    },
    close: async () => {
      sql.close();
    },
  };
}

async function postgresBackdoor(url: string): Promise<Backdoor> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    count: async (query) => Number((await client.query<{ n: string }>(query)).rows[0]!.n),
    rows: async <T>(query: string) => (await client.query(query)).rows as T[],
    async cutCommits() {
      await client.query(`CREATE OR REPLACE FUNCTION cut_turn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'cut'; END $$`);
      await client.query(`CREATE TRIGGER cut_turn BEFORE INSERT OR UPDATE ON "TurnRecord" FOR EACH ROW WHEN (NEW."replies" IS NOT NULL) EXECUTE FUNCTION cut_turn()`);
      return async () => {
        await client.query(`DROP TRIGGER cut_turn ON "TurnRecord"`);
      };
    },
    close: () => client.end(),
  };
}

/** A throw-away database on the server, dropped afterwards. */
async function throwAwayDatabase(server: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ipzone_replay_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

const STAFF_ENV = { STAFF_IDS: "telegram:reviewer-cut,telegram:reviewer-ref", WEB_PORT: "0", WEB_PUBLIC_URL: "https://desk.example.org" };

type Message = string | { choice: string };

/** The assistant and database of the suite being run (the suites of this file run one after the other). */
let h: Harness;
let db: Backdoor;

function telegramUser(id: string) {
  let next = 0;
  return {
    id,
    send(message: Message, messageId = `${id}-${++next}`) {
      const body = typeof message === "string" ? { text: message } : { choice: message.choice };
      return h.assistant.handle({ channel: "telegram", userId: id, messageId, ...body });
    },
    async applicationNumber() {
      const user = await h.store.users.findByChannelId("telegram", id);
      const [newest] = await h.store.applications.listByUser(user!.id, { limit: 1 });
      return newest!.number;
    },
  };
}
type User = ReturnType<typeof telegramUser>;

/** Everything a turn may write, counted over whole tables (audit entries by action). */
async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {
    questionLog: await db.count(`SELECT count(*) AS n FROM "QuestionLog"`),
    questionFeedback: await db.count(`SELECT count(*) AS n FROM "QuestionLog" WHERE "feedback" IS NOT NULL`),
    answers: await db.count(`SELECT count(*) AS n FROM "CollectedAnswer"`),
    currentAnswers: await db.count(`SELECT count(*) AS n FROM "CollectedAnswer" WHERE "supersededAt" IS NULL`),
    applications: await db.count(`SELECT count(*) AS n FROM "Application"`),
    snapshots: await db.count(`SELECT count(*) AS n FROM "ApplicationSnapshot"`),
    notifications: await db.count(`SELECT count(*) AS n FROM "Notification"`),
    signInLinks: await db.count(`SELECT count(*) AS n FROM "SignInLink"`),
    estimates: await db.count(`SELECT count(*) AS n FROM "Estimate"`),
  };
  for (const row of await db.rows<{ action: string; n: number | string }>(`SELECT "action", count(*) AS n FROM "AuditEvent" GROUP BY "action"`)) {
    counts[`audit ${row.action}`] = Number(row.n);
  }
  return counts;
}

function delta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const d = (after[key] ?? 0) - (before[key] ?? 0);
    if (d !== 0) out[key] = d;
  }
  return out;
}

/** What the user sees, with what differs between twins by construction (application numbers, link tokens, their names) made equal. */
function shown(replies: Reply[]): unknown[] {
  const same = (s: string | undefined) =>
    s
      ?.replace(/Z[JB]-\d{4}-\d{4}/gu, "<number>")
      .replace(/token=[\w-]+/gu, "token=<token>")
      .replace(/reviewer-(cut|ref)/gu, "reviewer");
  return replies.map((r) =>
    r.kind === "document"
      ? { kind: r.kind, fileName: same(r.fileName), caption: same(r.caption), bytes: r.data.length > 0 }
      : r.kind === "choices"
        ? { kind: r.kind, text: same(r.text), options: r.options.map((o) => ({ id: same(o.id), label: same(o.label) })) }
        : { kind: r.kind, text: same(r.text) },
  );
}

/**
 * `cut` sends `message`, its turn is cut, then the same update comes again;
 * `reference` sends its twin message plainly. Returns what each left behind.
 */
async function cutAndReplay(cut: User, message: Message, reference: User, referenceMessage: Message = message) {
  const before = await rowCounts();
  const messageId = `${cut.id}-cut-${Math.random().toString(36).slice(2)}`;
  const restore = await db.cutCommits();
  let failed: Reply[];
  try {
    failed = await cut.send(message, messageId);
  } finally {
    await restore();
  }
  expect(shown(failed)).toEqual([{ kind: "text", text: expect.stringContaining(SORRY) }]);
  const replayed = await cut.send(message, messageId);
  const cutRows = delta(before, await rowCounts());

  const beforeReference = await rowCounts();
  const plain = await reference.send(referenceMessage);
  const referenceRows = delta(beforeReference, await rowCounts());

  expect(shown(replayed)).toEqual(shown(plain));
  expect(cutRows).toEqual(referenceRows);
  // Committed now: a third delivery gets the same replies and writes nothing.
  const third = await rowCounts();
  expect(shown(await cut.send(message, messageId))).toEqual(shown(replayed));
  expect(delta(third, await rowCounts())).toEqual({});
  return { replayed, rows: cutRows };
}

function defineReplaySuite(name: string, open: () => Promise<{ h: Harness; db: Backdoor; teardown(): Promise<void> }>): void {
  describe(`${name}: a turn cut after its writes, before its commit, and worked again`, () => {
    let teardown: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      ({ h, db, teardown } = await open());
    }, 120_000);
    afterAll(async () => {
      await teardown?.();
    });

    const applicant = telegramUser("replay-applicant");
    const twin = telegramUser("replay-twin");
    const reviewer = telegramUser("reviewer-cut");
    const otherReviewer = telegramUser("reviewer-ref");

    it("a policy question: one question-log row; 「有用」 after it: the feedback once", async () => {
      const asked = await cutAndReplay(applicant, "浙江示范区对核心区面积有什么要求？", twin);
      expect(asked.rows).toEqual({ questionLog: 1 });
      expect(shown(asked.replayed)[0]).toMatchObject({ text: expect.stringContaining("1000") });

      const rated = await cutAndReplay(applicant, "有用", twin);
      expect(rated.rows).toEqual({ questionFeedback: 1 });
    }, 60_000);

    it("starting an intake: one intake.start; an answer: one stored answer; a question in the middle: one log row", async () => {
      expect((await cutAndReplay(applicant, "我想申报浙江的示范区", twin)).rows).toEqual({ "audit intake.start": 1 });
      expect((await cutAndReplay(applicant, ZHEJIANG_LINES[0], twin)).rows).toEqual({ answers: 1, currentAnswers: 1 });
      const asked = await cutAndReplay(applicant, "核心区面积要求是多少？", twin);
      expect(asked.rows).toEqual({ questionLog: 1 });
      // The intake goes on where it was: the pending question (the credit code) is asked again.
      expect(shown(asked.replayed).map((r) => JSON.stringify(r)).join("\n")).toContain("信用代码");
    }, 60_000);

    it("confirming: one application, one application.create", async () => {
      for (const line of ZHEJIANG_LINES.slice(1)) {
        await applicant.send(line);
        await twin.send(line);
      }
      const confirmed = await cutAndReplay(applicant, "确认", twin);
      expect(confirmed.rows).toEqual({ applications: 1, "audit application.create": 1 });
      expect(shown(confirmed.replayed).map((r) => JSON.stringify(r)).join("\n")).toContain("申报编号：<number>");
    }, 60_000);

    it("drafts: one application.draft; submitting: one status change, its notices to both reviewers once, the same 「已提交」", async () => {
      const drafted = await cutAndReplay(applicant, { choice: ACTION.draft }, twin);
      expect(drafted.rows).toEqual({ "audit application.draft": 1 });
      expect(drafted.replayed.filter((r) => r.kind === "document").length).toBeGreaterThan(0);

      const submitted = await cutAndReplay(applicant, { choice: ACTION.submit }, twin);
      expect(submitted.rows).toEqual({ snapshots: 1, notifications: 2, "audit application.submit": 1 });
      expect(shown(submitted.replayed)).toEqual([{ kind: "text", text: expect.stringContaining("已提交：<number>") }]);
    }, 120_000);

    it("a reviewer opening and accepting it: one application.open; one decision with one notice to the applicant", async () => {
      const mine = await applicant.applicationNumber();
      const theirs = await twin.applicationNumber();
      const opened = await cutAndReplay(reviewer, `查看 ${mine}`, otherReviewer, `查看 ${theirs}`);
      expect(opened.rows).toEqual({ "audit application.open": 1 });

      const accepted = await cutAndReplay(reviewer, `通过 ${mine}`, otherReviewer, `通过 ${theirs}`);
      expect(accepted.rows).toEqual({ snapshots: 1, notifications: 1, "audit application.accept": 1 });
      expect(shown(accepted.replayed)).toEqual([{ kind: "text", text: expect.stringContaining("已受理 <number>") }]);
      expect((await h.store.applications.findByNumber(mine))?.status).toBe("accepted");
    }, 120_000);

    it("a desk sign-in link: one link, one desk.link-issued; a refused staff command: one denied entry", async () => {
      expect((await cutAndReplay(reviewer, "登录审核台", otherReviewer)).rows).toEqual({ signInLinks: 1, "audit desk.link-issued": 1 });
      expect((await cutAndReplay(applicant, "待审", twin)).rows).toEqual({ "audit denied.queue": 1 });
    }, 60_000);

    it("leaving an intake: one intake.cancel", async () => {
      await applicant.send("我想申报浙江的示范区");
      await twin.send("我想申报浙江的示范区");
      expect((await cutAndReplay(applicant, "退出", twin)).rows).toEqual({ "audit intake.cancel": 1 });
    }, 60_000);
  });
}

defineReplaySuite("SQLite", async () => {
  const h = await startHarness({ env: STAFF_ENV });
  const db = sqliteBackdoor(h.dataDir);
  return {
    h,
    db,
    async teardown() {
      await db.close();
      await h.close();
    },
  };
});

describe.skipIf(!serverUrl)("PostgreSQL", () => {
  defineReplaySuite("PostgreSQL", async () => {
    const database = await throwAwayDatabase(serverUrl!);
    const h = await startHarness({ env: { ...STAFF_ENV, DATABASE_URL: database.url } });
    const db = await postgresBackdoor(database.url);
    return {
      h,
      db,
      async teardown() {
        await db.close();
        await h.close();
        await database.drop();
      },
    };
  });
});
