/**
 * One intake, one application: whatever fails between creating it and saving
 * the conversation, and however often the completing turn runs — retried
 * after a failure, or run by two processes on the same SQLite file at once —
 * there is exactly one application (no orphan, no ZJ-…-0002 for the same
 * intake) and one `application.create` in the audit trail.
 *
 * Failures are injected in the database itself (a trigger that aborts a
 * write), so the real store, transaction and assistant are under test.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGENCY_LINES, startHarness, ZHEJIANG_LINES, type ChatUser, type Harness } from "./support/assistant-harness.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSX = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const SORRY = "抱歉，处理您的消息时出了点问题";

let h: Harness;
let sql: Database.Database;
beforeAll(async () => {
  h = await startHarness();
  sql = new Database(join(h.dataDir, "ipzone.db"));
});
afterAll(async () => {
  sql?.close();
  await h?.close();
});

/** A user at the summary of a Zhejiang intake, one 「确认」 away from the application. */
async function atSummary(id: string): Promise<ChatUser> {
  const user = h.user(id);
  await user.say("我想申报浙江的示范区");
  await user.sayAll(ZHEJIANG_LINES);
  expect(user.last!.text).toContain("确认");
  return user;
}

async function applicationsOf(user: ChatUser) {
  const record = await h.store.users.findByChannelId("console", user.id);
  return h.store.applications.listByUser(record!.id);
}

async function auditCount(action: string, subjectPrefix: string): Promise<number> {
  return (await h.store.audit.recent(500)).filter((e) => e.action === action && e.subject.startsWith(subjectPrefix)).length;
}

/** Makes every write matching `when` on `table` fail until `lift()` is called. */
function failWrites(table: string, event: "INSERT" | "UPDATE", when: string): { lift(): void } {
  const name = `inject_${table}_${event}`.toLowerCase();
  sql.exec(`CREATE TRIGGER ${name} BEFORE ${event} ON "${table}" WHEN ${when} BEGIN SELECT RAISE(ABORT, 'injected failure'); END;`);
  return { lift: () => sql.exec(`DROP TRIGGER ${name}`) };
}

describe("a failure between creating the application and saving the conversation", () => {
  it("leaves no application; the retried 「确认」 creates exactly one, numbered as the only one", async () => {
    const before = (await h.store.applications.listByStatus("draft", { limit: 500 })).length;
    const user = await atSummary("fail-on-save");
    const failure = failWrites("Conversation", "UPDATE", "NEW.step IS NULL");
    const failed = await user.say("确认");
    failure.lift();
    expect(failed.text).toContain(SORRY);
    expect(await applicationsOf(user)).toEqual([]);

    const retried = await user.say("确认");
    const apps = await applicationsOf(user);
    expect(apps).toHaveLength(1);
    expect(retried.text).toContain(`申报编号：${apps[0]!.number}`);
    expect((await h.store.applications.listByStatus("draft", { limit: 500 })).length).toBe(before + 1);
    expect(await auditCount("application.create", `application:${apps[0]!.number}`)).toBe(1);
    // The number the failed turn drew was rolled back with it: no gap.
    expect(apps[0]!.number).toBe(`ZJ-2026-${String(before + 1).padStart(4, "0")}`);
  }, 60_000);

  it("a failed audit entry also takes the application back; nothing is half-written", async () => {
    const user = await atSummary("fail-on-audit");
    const failure = failWrites("AuditEvent", "INSERT", "NEW.action = 'application.create'");
    const failed = await user.say("确认");
    failure.lift();
    expect(failed.text).toContain(SORRY);
    expect(await applicationsOf(user)).toEqual([]);
    // The intake is still at its summary: the user's facts are all there.
    const again = await user.say("确认");
    expect(await applicationsOf(user)).toHaveLength(1);
    expect(again.text).toContain("申报编号：");
  }, 60_000);

  it("an estimate too: a failed save keeps none, the retry keeps one", async () => {
    const agency = h.user("estimate-fail");
    await agency.say("测算一下我们能拿多少资助");
    await agency.sayAll(AGENCY_LINES);
    const failure = failWrites("Conversation", "UPDATE", "NEW.flow IS NULL");
    const failed = await agency.say("确认");
    failure.lift();
    expect(failed.text).toContain(SORRY);
    const record = await h.store.users.findByChannelId("console", agency.id);
    expect(await h.store.estimates.listByUser(record!.id)).toEqual([]);
    const retried = await agency.say("确认");
    expect(retried.text).toContain("450,000");
    expect(await h.store.estimates.listByUser(record!.id)).toHaveLength(1);
    expect(await auditCount("estimate.create", `user:${record!.id}`)).toBe(1);
  }, 60_000);
});

describe("the same intake completed again", () => {
  it("by a turn retried on the same stored state: the intake key finds the first application, no second number", async () => {
    const user = await atSummary("retried-key");
    const record = (await h.store.users.findByChannelId("console", user.id))!;
    const loaded = (await h.store.conversations.load(record.id))!;
    const key = (loaded.state as { intakeKey: string }).intakeKey;
    expect(key).toEqual(expect.any(String));
    const save = (version: number | null) => ({
      userId: record.id,
      jurisdiction: "zhejiang" as const,
      profile: {},
      intakeKey: key,
      audit: { actor: `console:${user.id}`, action: "application.create" },
      conversation: () => ({ userId: record.id, flow: null, step: null, state: { intakeKey: null }, expectedVersion: version }),
    });
    const first = await h.store.intakeOutcomes.saveApplication(save(loaded.version));
    const second = await h.store.intakeOutcomes.saveApplication(save(first.conversation.version));
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.record.number).toBe(first.record.number);
    expect(await applicationsOf(user)).toHaveLength(1);
    expect(await auditCount("application.create", `application:${first.record.number}`)).toBe(1);
  });
});

describe("two processes on one SQLite file", () => {
  function worker(users: string[]): { child: ChildProcess; ready: Promise<void>; done: Promise<{ id: string; text: string }[]> } {
    const child = spawn(process.execPath, [TSX, "test/support/confirm-worker.ts", ...users], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: h.dataDir, LOG_LEVEL: "error" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stderr!.on("data", (c: Buffer) => (err += c.toString("utf8")));
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (c: Buffer) => {
        out += c.toString("utf8");
        if (out.startsWith("ready\n")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`worker exited ${code} before ready: ${err}`)));
    });
    const done = new Promise<{ id: string; text: string }[]>((resolve, reject) => {
      child.once("exit", (code) => {
        const last = out.trim().split("\n").at(-1)!;
        if (code === 0) resolve(JSON.parse(last) as { id: string; text: string }[]);
        else reject(new Error(`worker exited ${code}: ${err}`));
      });
    });
    return { child, ready, done };
  }

  it("both confirming the same users at once: one application and one application.create per user", async () => {
    const users = [];
    for (let i = 0; i < 4; i++) users.push(await atSummary(`two-processes-${i}`));
    const ids = users.map((u) => u.id);
    const a = worker(ids);
    const b = worker([...ids].reverse());
    await Promise.all([a.ready, b.ready]);
    a.child.stdin!.write("go\n");
    b.child.stdin!.write("go\n");
    const [fromA, fromB] = await Promise.all([a.done, b.done]);

    for (const user of users) {
      const apps = await applicationsOf(user);
      expect(apps).toHaveLength(1);
      expect(await auditCount("application.create", `application:${apps[0]!.number}`)).toBe(1);
      // Someone told the user the number; nobody was told a different one.
      const told = [...fromA, ...fromB].filter((r) => r.id === user.id).map((r) => /申报编号：(\S+?)（/u.exec(r.text)?.[1]);
      expect(told).toContain(apps[0]!.number);
      for (const n of told) if (n) expect(n).toBe(apps[0]!.number);
    }
  }, 120_000);
});
