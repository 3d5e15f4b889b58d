/** The store suite (test/store.suite.ts) on a SQLite file in a fresh temp dir. */
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { resolveDatabaseTarget } from "../src/store/database-target.ts";
import { DatabaseUnavailableError, createStore, migrateDatabase } from "../src/store/index.ts";
import { openPrismaClient } from "../src/store/prisma-client.ts";
import { defineStoreSuite } from "./store.suite.ts";

defineStoreSuite("SQLite", async () => {
  const dir = await mkdtemp(join(tmpdir(), "ipzone-store-"));
  // DATA_DIR points at a folder that does not exist yet: migrating creates it.
  const config = loadConfig({ DATA_DIR: join(dir, "nested", "data") });
  return { config, teardown: () => rm(dir, { recursive: true, force: true }) };
});

describe("SQLite specifics", () => {
  it("migrating creates the data directory and the database file under it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ipzone-store-"));
    try {
      const config = loadConfig({ DATA_DIR: join(dir, "fresh") });
      const report = await migrateDatabase(config);
      expect(report.applied.length).toBeGreaterThan(0);
      expect(report.database).toBe(join(dir, "fresh", "ipzone.db"));
      expect((await stat(join(dir, "fresh", "ipzone.db"))).isFile()).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("a data directory that cannot be created is a clear Chinese error", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ipzone-store-"));
    try {
      const { writeFile } = await import("node:fs/promises");
      await writeFile(join(dir, "a-file"), "not a directory");
      const config = loadConfig({ DATABASE_URL: `file:${join(dir, "a-file", "sub", "x.db")}` });
      const failure = migrateDatabase(config);
      await expect(failure).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await expect(failure).rejects.toThrow(/无法创建数据目录/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("a file that is not a database is reported as such", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ipzone-store-"));
    try {
      const { writeFile } = await import("node:fs/promises");
      await writeFile(join(dir, "notes.db"), "这不是数据库，只是一段文字。".repeat(100));
      const failure = migrateDatabase(loadConfig({ DATABASE_URL: `file:${join(dir, "notes.db")}` }));
      await expect(failure).rejects.toThrow(/不是 SQLite 数据库/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  // Messages take the plain-SQL path only, so Prisma's connection may never open: the direct one sets WAL itself.
  it("a store whose first work is a chat message's leaves the database in WAL mode, synchronous=NORMAL", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ipzone-store-"));
    const config = loadConfig({ DATA_DIR: dir });
    const { database } = await migrateDatabase(config);
    const store = await createStore(config);
    try {
      await store.users.upsert({ channel: "telegram", externalId: "wal-1" });
      const other = new Database(database, { readonly: true });
      expect(other.pragma("journal_mode", { simple: true })).toBe("wal");
      other.close();
      // Prisma's connection, opened later by a review-desk query, runs with the same settings.
      const prisma = await openPrismaClient(resolveDatabaseTarget(config));
      expect(await prisma.$queryRawUnsafe<{ synchronous: bigint }[]>("PRAGMA synchronous")).toEqual([{ synchronous: 1n }]);
      await prisma.$disconnect();
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  // The hot repository methods write with plain SQL on SQLite (src/store/sqlite-direct.ts),
  // the rest of the store reads and writes the same rows through Prisma.
  it("rows written by the store's plain SQL read back the same through Prisma, and Prisma's rows through it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ipzone-store-"));
    const config = loadConfig({ DATA_DIR: dir });
    await migrateDatabase(config);
    const store = await createStore(config);
    const prisma = await openPrismaClient(resolveDatabaseTarget(config));
    try {
      const user = await store.users.upsert({ channel: "telegram", externalId: "mixed-1", displayName: "张三" });
      expect(await prisma.user.findUnique({ where: { id: user.id } })).toEqual({ ...user, role: "applicant", language: "zh-CN" });
      const staff = await store.users.setRole(user.id, "staff");
      expect(await store.users.findByChannelId("telegram", "mixed-1")).toEqual(staff);

      const saved = await store.conversations.save({ userId: user.id, flow: "application", step: "zone.coreAreaSqm", state: { facts: { n: 1200, s: "1200", ok: true, none: null } }, expectedVersion: null });
      const row = await prisma.conversation.findUnique({ where: { userId: user.id } });
      expect(row).toMatchObject({ flow: "application", step: "zone.coreAreaSqm", state: saved.state, version: 1, updatedAt: saved.updatedAt });
      expect(await store.conversations.load(user.id)).toEqual(saved);

      // SQLite keeps the JSON text "1200" as the number 1200 (numeric affinity); the string "1200" stays a string.
      for (const [path, value] of [["a", 1200], ["b", "1200"], ["c", 1.5], ["d", { sqm: [1200] }], ["e", null], ["f", true]] as const) {
        await store.answers.record({ userId: user.id, flow: "check", path, value });
      }
      expect((await store.answers.current(user.id, "check")).map((a) => [a.path, a.value])).toEqual([
        ["a", 1200],
        ["b", "1200"],
        ["c", 1.5],
        ["d", { sqm: [1200] }],
        ["e", null],
        ["f", true],
      ]);

      const asked = await store.questions.record({ channel: "telegram", userId: user.id, question: "核心区多大？", retrievedIds: ["zj2018:6.3"], refused: true, latencyMs: 4.4 });
      expect((await store.questions.recent(1))[0]).toEqual(asked);

      const noted = await store.audit.record({ actor: "telegram:mixed-1", action: "intake.start", subject: `user:${user.id}`, detail: { flow: "application" } });
      const bare = await store.audit.record({ actor: "system", action: "ping", subject: `user:${user.id}` });
      expect(await store.audit.listBySubject(`user:${user.id}`)).toEqual([noted, bare]);

      const notice = await store.notifications.enqueue({ userId: user.id, text: "您的申报已受理" });
      expect(await store.notifications.pending(user.id)).toEqual([notice]);

      // An intake's outcome at 「确认」 is written with plain SQL too; the review desk reads it through Prisma.
      const outcome = await store.intakeOutcomes.saveApplication({
        userId: user.id,
        jurisdiction: "zhejiang",
        profile: { zone: { coreAreaSqm: 1200 }, name: "西湖示范区" },
        checkResult: { verdict: "符合", items: [1, null] },
        intakeKey: "intake-mixed-1",
        audit: { actor: "telegram:mixed-1", action: "application.create" },
        conversation: ({ id }) => ({ userId: user.id, flow: null, step: null, state: { applicationId: id }, expectedVersion: saved.version }),
      });
      expect(outcome.created).toBe(true);
      expect(outcome.record.number).toMatch(/^ZJ-\d{4}-0001$/);
      expect(await store.applications.findById(outcome.record.id)).toEqual(outcome.record);
      expect(await store.conversations.load(user.id)).toEqual(outcome.conversation);
      const corrected = await store.intakeOutcomes.saveApplication({
        userId: user.id,
        jurisdiction: "zhejiang",
        profile: { zone: { coreAreaSqm: 1500 } },
        intakeKey: "intake-mixed-2",
        replaces: { id: outcome.record.id, expectedVersion: outcome.record.version },
        audit: { actor: "telegram:mixed-1", action: "application.update" },
        conversation: () => ({ userId: user.id, flow: null, step: null, state: {}, expectedVersion: outcome.conversation.version }),
      });
      // No check result given: the stored one stays, as with Prisma's `undefined`.
      expect(corrected.record).toMatchObject({ number: outcome.record.number, version: 2, profile: { zone: { coreAreaSqm: 1500 } }, checkResult: outcome.record.checkResult });
      expect(await store.applications.findById(outcome.record.id)).toEqual(corrected.record);
      const estimate = await store.intakeOutcomes.saveEstimate({
        userId: user.id,
        intakeKey: "intake-mixed-3",
        input: { agencies: 3 },
        result: { totalYuan: 150000 },
        audit: { actor: "telegram:mixed-1", action: "estimate.create" },
        conversation: () => ({ userId: user.id, flow: null, step: null, state: {}, expectedVersion: corrected.conversation.version }),
      });
      expect(await store.estimates.findById(estimate.record.id)).toEqual(estimate.record);
      expect((await store.audit.listBySubject(`application:${outcome.record.number}`)).map((a) => a.action)).toEqual(["application.create", "application.update"]);

      // Timestamps are stored as the same text by both, so SQL compares and orders them alike (pruning, ORDER BY).
      const stamps = await prisma.$queryRawUnsafe<{ t: string }[]>(
        `SELECT "createdAt" || '' AS t FROM "Notification" UNION ALL SELECT "createdAt" || '' FROM "QuestionLog" UNION ALL SELECT "updatedAt" || '' FROM "Application" UNION ALL SELECT "createdAt" || '' FROM "Estimate"`,
      );
      expect(stamps).toHaveLength(4);
      for (const stamp of stamps) expect(stamp.t.replace(/\d/g, "0")).toBe(stamps[0]!.t.replace(/\d/g, "0"));
    } finally {
      await prisma.$disconnect();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
