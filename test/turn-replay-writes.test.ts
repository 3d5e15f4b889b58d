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
 */
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION } from "../src/assistant/detect-command.ts";
import type { Reply } from "../src/assistant/message.types.ts";
import { startHarness, ZHEJIANG_LINES, type Harness } from "./support/assistant-harness.ts";

const SORRY = "抱歉，处理您的消息时出了点问题";

let h: Harness;
let sql: Database.Database;
beforeAll(async () => {
  h = await startHarness({
    // Telegram users: their messages carry ids, so their turns are journaled (console lines are not).
    env: { STAFF_IDS: "telegram:reviewer-cut,telegram:reviewer-ref", WEB_PORT: "0", WEB_PUBLIC_URL: "https://desk.example.org" },
  });
  sql = new Database(join(h.dataDir, "ipzone.db"));
});
afterAll(async () => {
  sql?.close();
  await h?.close();
});

type Message = string | { choice: string };

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
function rowCounts(): Record<string, number> {
  const count = (query: string) => (sql.prepare(query).get() as { n: number }).n;
  const counts: Record<string, number> = {
    questionLog: count(`SELECT count(*) AS n FROM "QuestionLog"`),
    questionFeedback: count(`SELECT count(*) AS n FROM "QuestionLog" WHERE "feedback" IS NOT NULL`),
    answers: count(`SELECT count(*) AS n FROM "CollectedAnswer"`),
    currentAnswers: count(`SELECT count(*) AS n FROM "CollectedAnswer" WHERE "supersededAt" IS NULL`),
    applications: count(`SELECT count(*) AS n FROM "Application"`),
    snapshots: count(`SELECT count(*) AS n FROM "ApplicationSnapshot"`),
    notifications: count(`SELECT count(*) AS n FROM "Notification"`),
    signInLinks: count(`SELECT count(*) AS n FROM "SignInLink"`),
    estimates: count(`SELECT count(*) AS n FROM "Estimate"`),
  };
  for (const row of sql.prepare(`SELECT "action", count(*) AS n FROM "AuditEvent" GROUP BY "action"`).all() as { action: string; n: number }[]) {
    counts[`audit ${row.action}`] = row.n;
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

/** Aborts every turn's commit (the journal row is written last in it), as a crash before the commit would. */
function cutCommits(): () => void {
  sql.exec(`
    CREATE TRIGGER cut_turn_insert BEFORE INSERT ON "TurnRecord" WHEN NEW."replies" IS NOT NULL BEGIN SELECT RAISE(ABORT, 'cut'); END;
    CREATE TRIGGER cut_turn_update BEFORE UPDATE ON "TurnRecord" WHEN NEW."replies" IS NOT NULL BEGIN SELECT RAISE(ABORT, 'cut'); END;`);
  return () => sql.exec(`DROP TRIGGER cut_turn_insert; DROP TRIGGER cut_turn_update;`);
}

/**
 * `cut` sends `message`, its turn is cut, then the same update comes again;
 * `reference` sends its twin message plainly. Returns what each left behind.
 */
async function cutAndReplay(cut: User, message: Message, reference: User, referenceMessage: Message = message) {
  const before = rowCounts();
  const messageId = `${cut.id}-cut-${Math.random().toString(36).slice(2)}`;
  const restore = cutCommits();
  let failed: Reply[];
  try {
    failed = await cut.send(message, messageId);
  } finally {
    restore();
  }
  expect(shown(failed)).toEqual([{ kind: "text", text: expect.stringContaining(SORRY) }]);
  const replayed = await cut.send(message, messageId);
  const cutRows = delta(before, rowCounts());

  const beforeReference = rowCounts();
  const plain = await reference.send(referenceMessage);
  const referenceRows = delta(beforeReference, rowCounts());

  expect(shown(replayed)).toEqual(shown(plain));
  expect(cutRows).toEqual(referenceRows);
  // Committed now: a third delivery gets the same replies and writes nothing.
  const third = rowCounts();
  expect(shown(await cut.send(message, messageId))).toEqual(shown(replayed));
  expect(delta(third, rowCounts())).toEqual({});
  return { replayed, rows: cutRows };
}

describe("a turn cut after its writes, before its commit, and worked again", () => {
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
