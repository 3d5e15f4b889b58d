/**
 * The store's behaviour, run against a real database by two runners:
 * test/store.sqlite.test.ts (a file in a temp dir) and
 * test/store.postgres.test.ts (a throw-away database on TEST_DATABASE_URL).
 */
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveDatabaseTarget, schemaPaths } from "../src/store/database-target.ts";
import { diffMigrationsToSchema } from "../src/store/migration-diff.ts";
import { listMigrationNames } from "../src/store/migration-files.ts";
import { openPrismaClient } from "../src/store/prisma-client.ts";
import {
  ConcurrentUpdateError,
  RecordNotFoundError,
  createStore,
  migrateDatabase,
  type Store,
  type StoreConfig,
  type TurnWrite,
} from "../src/store/index.ts";

export interface StoreSuiteTarget {
  config: StoreConfig;
  /** For PostgreSQL: a server URL the migration check may create a shadow database on. */
  postgresUrl?: string;
  teardown(): Promise<void>;
}

const profile = {
  jurisdiction: "zhejiang",
  applicant: { name: "杭州某科技园", creditCode: "91330106MA2XXXXXXX", contactPhone: "13800000000" },
  zone: { coreAreaSqm: 1200, serviceInstitutions: 25 },
};

export function defineStoreSuite(name: string, setup: () => Promise<StoreSuiteTarget>): void {
  describe(`store on ${name}`, () => {
    let target: StoreSuiteTarget;
    let config: StoreConfig;
    let store: Store;
    const others: Store[] = [];
    /** A second store on the same database: another bot instance. */
    const another = async (options?: Parameters<typeof createStore>[1]) => {
      const s = await createStore(config, options);
      others.push(s);
      return s;
    };

    beforeAll(async () => {
      target = await setup();
      config = target.config;
      await migrateDatabase(config);
      store = await createStore(config);
    });

    afterAll(async () => {
      for (const s of others) await s.close();
      await store?.close();
      await target?.teardown();
    });

    describe("migrations", () => {
      it("migrating an up-to-date database again applies nothing and leaves Prisma's history table filled", async () => {
        const names = await listMigrationNames(resolveDatabaseTarget(config).migrationsDir);
        const again = await migrateDatabase(config);
        expect(again.applied).toEqual([]);
        expect(again.total).toBe(names.length);

        const db = await openPrismaClient(resolveDatabaseTarget(config));
        try {
          const rows = await db.$queryRawUnsafe<Array<{ migration_name: string; finished_at: unknown }>>(
            'SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
          );
          expect(rows.map((r) => r.migration_name)).toEqual(names);
          expect(rows.every((r) => r.finished_at !== null)).toBe(true);
        } finally {
          await db.$disconnect();
        }
      });

      it("the committed migrations build exactly the current schema (a stale history fails here)", async () => {
        const pending = await diffMigrationsToSchema(config.databaseProvider, target.postgresUrl);
        expect(pending.script).not.toMatch(/CREATE|ALTER|DROP/);
        expect(pending.empty).toBe(true);
      });

      it("a schema change without a migration is detected", async () => {
        const schema = await readFile(schemaPaths[config.databaseProvider], "utf8");
        const changed = schema.replace("model Estimate {", "model Estimate {\n  note String?");
        const pending = await diffMigrationsToSchema(config.databaseProvider, target.postgresUrl, changed);
        expect(pending.empty).toBe(false);
        expect(pending.script).toMatch(/"note"/);
      });
    });

    describe("users", () => {
      it("the same channel identity is one user; a later upsert updates the given fields only", async () => {
        const first = await store.users.upsert({ channel: "telegram", externalId: "1001", displayName: "王经理" });
        const again = await store.users.upsert({ channel: "telegram", externalId: "1001", language: "en" });
        expect(again.id).toBe(first.id);
        expect(again.language).toBe("en");
        expect(again.displayName).toBe("王经理");
        expect(again.role).toBe("applicant");
        expect(await store.users.findByChannelId("telegram", "1001")).toEqual(again);
        expect(await store.users.findByChannelId("wecom", "1001")).toBeUndefined();
      });

      it("one external id on two channels is two users", async () => {
        const a = await store.users.upsert({ channel: "telegram", externalId: "2002" });
        const b = await store.users.upsert({ channel: "wecom", externalId: "2002" });
        expect(a.id).not.toBe(b.id);
      });

      it("two first messages at once create one user", async () => {
        const other = await another();
        const results = await Promise.all([
          store.users.upsert({ channel: "wecom", externalId: "zhangsan" }),
          other.users.upsert({ channel: "wecom", externalId: "zhangsan" }),
          store.users.upsert({ channel: "wecom", externalId: "zhangsan" }),
        ]);
        expect(new Set(results.map((u) => u.id)).size).toBe(1);
      });

      it("a user can be made staff", async () => {
        const u = await store.users.upsert({ channel: "console", externalId: "staff-1" });
        const staff = await store.users.setRole(u.id, "staff");
        expect(staff.role).toBe("staff");
        expect((await store.users.findById(u.id))?.role).toBe("staff");
      });
    });

    describe("conversations", () => {
      it("each save bumps the version, and a save from a stale copy is refused without losing the newer state", async () => {
        const u = await store.users.upsert({ channel: "telegram", externalId: "3003" });
        expect(await store.conversations.load(u.id)).toBeUndefined();

        const v1 = await store.conversations.save({ userId: u.id, flow: "check", step: "area", state: { asked: ["area"] }, expectedVersion: null });
        expect(v1.version).toBe(1);
        const v2 = await store.conversations.save({ userId: u.id, flow: "check", step: "institutions", state: { area: 1200 }, expectedVersion: 1 });
        expect(v2.version).toBe(2);

        const stale = store.conversations.save({ userId: u.id, flow: "check", step: "area", state: { area: 900 }, expectedVersion: 1 });
        await expect(stale).rejects.toBeInstanceOf(ConcurrentUpdateError);
        await expect(stale).rejects.toMatchObject({ expectedVersion: 1, actual: { version: 2 } });

        const loaded = await store.conversations.load(u.id);
        expect(loaded).toMatchObject({ flow: "check", step: "institutions", state: { area: 1200 }, version: 2 });
      });

      it("of two messages saving from the same version, exactly one wins", async () => {
        const u = await store.users.upsert({ channel: "telegram", externalId: "3004" });
        await store.conversations.save({ userId: u.id, flow: "estimate", step: "a", state: {}, expectedVersion: null });
        const other = await another();
        const outcomes = await Promise.allSettled([
          store.conversations.save({ userId: u.id, flow: "estimate", step: "b", state: { by: "first" }, expectedVersion: 1 }),
          other.conversations.save({ userId: u.id, flow: "estimate", step: "c", state: { by: "second" }, expectedVersion: 1 }),
        ]);
        const won = outcomes.filter((o) => o.status === "fulfilled");
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0]!.reason).toBeInstanceOf(ConcurrentUpdateError);
        const saved = await store.conversations.load(u.id);
        expect(saved?.version).toBe(2);
        expect(saved?.state).toEqual((won[0] as PromiseFulfilledResult<{ state: unknown }>).value.state);
      });

      it("two first saves for one user: the second is told someone else saved first", async () => {
        const u = await store.users.upsert({ channel: "telegram", externalId: "3005" });
        await store.conversations.save({ userId: u.id, flow: null, step: null, state: {}, expectedVersion: null });
        await expect(store.conversations.save({ userId: u.id, flow: null, step: null, state: {}, expectedVersion: null })).rejects.toBeInstanceOf(
          ConcurrentUpdateError,
        );
      });

      it("state must be a JSON object", async () => {
        const u = await store.users.upsert({ channel: "telegram", externalId: "3006" });
        await expect(
          store.conversations.save({ userId: u.id, flow: null, step: null, state: ["not", "an", "object"] as never, expectedVersion: null }),
        ).rejects.toThrow(/JSON 对象/);
      });
    });

    describe("collected answers", () => {
      it("a correction replaces the current answer and keeps the earlier one in the history", async () => {
        const u = await store.users.upsert({ channel: "console", externalId: "4004" });
        await store.answers.record({ userId: u.id, flow: "check", path: "zone.coreAreaSqm", value: 900, rawText: "九百平" });
        await store.answers.record({ userId: u.id, flow: "check", path: "zone.serviceInstitutions", value: 25 });
        await store.answers.record({ userId: u.id, flow: "check", path: "zone.coreAreaSqm", value: 1200, rawText: "说错了，是1200平方米" });

        const current = await store.answers.current(u.id, "check");
        expect(current.map((a) => [a.path, a.value])).toEqual([
          ["zone.coreAreaSqm", 1200],
          ["zone.serviceInstitutions", 25],
        ]);

        const history = await store.answers.history(u.id, "check", "zone.coreAreaSqm");
        expect(history.map((a) => a.value)).toEqual([900, 1200]);
        expect(history[0]!.supersededAt).toBeInstanceOf(Date);
        expect(history[0]!.rawText).toBe("九百平");
        expect(history[1]!.supersededAt).toBeNull();
      });

      it("answers of different flows and users do not mix; clearing a flow empties only its current answers", async () => {
        const a = await store.users.upsert({ channel: "console", externalId: "4005" });
        const b = await store.users.upsert({ channel: "console", externalId: "4006" });
        await store.answers.record({ userId: a.id, flow: "check", path: "carrier.type", value: "incubator" });
        await store.answers.record({ userId: a.id, flow: "estimate", path: "pledgeLoans", value: 3 });
        await store.answers.record({ userId: b.id, flow: "check", path: "carrier.type", value: "maker-space" });
        await store.answers.record({ userId: a.id, flow: "check", path: "county", value: null });

        expect(await store.answers.clear(a.id, "check")).toBe(2);
        expect(await store.answers.current(a.id, "check")).toEqual([]);
        expect((await store.answers.current(a.id, "estimate")).map((x) => x.value)).toEqual([3]);
        expect((await store.answers.current(b.id, "check")).map((x) => x.value)).toEqual(["maker-space"]);
        expect((await store.answers.history(a.id, "check")).map((x) => x.value)).toEqual(["incubator", null]);
      });
    });

    describe("applications", () => {
      it("numbers count per jurisdiction and year: ZJ-2026-0001, ZJ-2026-0002, ZB-2026-0001", async () => {
        const clock = await another({ now: () => new Date("2026-03-01T08:00:00Z") });
        const u = await clock.users.upsert({ channel: "console", externalId: "5005" });
        const zj1 = await clock.applications.create({ userId: u.id, jurisdiction: "zhejiang", profile });
        const zj2 = await clock.applications.create({ userId: u.id, jurisdiction: "zhejiang", profile });
        const zb1 = await clock.applications.create({ userId: u.id, jurisdiction: "zibo", profile: { jurisdiction: "zibo" } });
        expect([zj1.number, zj2.number, zb1.number]).toEqual(["ZJ-2026-0001", "ZJ-2026-0002", "ZB-2026-0001"]);
        expect(zj1).toMatchObject({ status: "draft", version: 1, year: 2026, profile, checkResult: null });
      });

      it("New Year's Eve 17:00 UTC is already next year in China", async () => {
        const clock = await another({ now: () => new Date("2027-12-31T17:00:00Z") });
        const u = await clock.users.upsert({ channel: "console", externalId: "5006" });
        const app = await clock.applications.create({ userId: u.id, jurisdiction: "zibo", profile: {} });
        expect(app.number).toBe("ZB-2028-0001");
      });

      it("ten applications created at once get ten distinct consecutive numbers", async () => {
        const u = await store.users.upsert({ channel: "console", externalId: "5007" });
        const stores = [store, await another(), await another()];
        const created = await Promise.all(
          Array.from({ length: 10 }, (_, i) => stores[i % stores.length]!.applications.create({ userId: u.id, jurisdiction: "zhejiang", profile, year: 2031 })),
        );
        expect(created.map((a) => a.number).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `ZJ-2031-${String(i + 1).padStart(4, "0")}`));
      });

      it("of two staff members deciding the same application at once, exactly one wins and one audit entry is written", async () => {
        const u = await store.users.upsert({ channel: "telegram", externalId: "5008" });
        const draft = await store.applications.create({ userId: u.id, jurisdiction: "zhejiang", profile, checkResult: { verdict: "eligible" } });
        const { record: submitted } = await store.applications.transition({ id: draft.id, from: "draft", to: "submitted", expectedVersion: draft.version });
        expect(submitted).toMatchObject({ status: "submitted", version: 2 });
        expect(submitted.submittedAt).toBeInstanceOf(Date);

        const other = await another();
        const outcomes = await Promise.allSettled([
          store.applications.transition({
            id: draft.id, from: "submitted", to: "accepted", expectedVersion: 2, decidedBy: "wecom:li", audit: { actor: "wecom:li", action: "application.accept" },
          }),
          other.applications.transition({
            id: draft.id, from: "submitted", to: "returned", expectedVersion: 2, decidedBy: "wecom:zhao", staffComment: "请补充服务机构名单",
            audit: { actor: "wecom:zhao", action: "application.return" },
          }),
        ]);
        const won = outcomes.filter((o): o is PromiseFulfilledResult<Awaited<ReturnType<Store["applications"]["transition"]>>> => o.status === "fulfilled");
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0]!.reason).toBeInstanceOf(ConcurrentUpdateError);
        expect(lost[0]!.reason.message).toContain(draft.number);

        const final = await store.applications.findById(draft.id);
        expect(final).toMatchObject({ status: won[0]!.value.record.status, decidedBy: won[0]!.value.record.decidedBy, version: 3 });
        expect(final?.decidedAt).toBeInstanceOf(Date);
        const trail = await store.audit.listBySubject(`application:${draft.number}`);
        expect(trail).toHaveLength(1);
        expect(trail[0]!.actor).toBe(won[0]!.value.record.decidedBy);
      });

      it("a decision from a stale version or on an unknown application is refused", async () => {
        const u = await store.users.upsert({ channel: "telegram", externalId: "5009" });
        const draft = await store.applications.create({ userId: u.id, jurisdiction: "zibo", profile: {} });
        await expect(store.applications.transition({ id: draft.id, from: "draft", to: "submitted", expectedVersion: 7 })).rejects.toBeInstanceOf(
          ConcurrentUpdateError,
        );
        await expect(store.applications.transition({ id: draft.id, from: "submitted", to: "accepted", expectedVersion: 1 })).rejects.toMatchObject({
          actual: { status: "draft", version: 1 },
        });
        await expect(store.applications.transition({ id: 999_999, from: "draft", to: "submitted", expectedVersion: 1 })).rejects.toBeInstanceOf(
          RecordNotFoundError,
        );
        expect((await store.applications.findById(draft.id))?.status).toBe("draft");
      });

      it("editing a draft is compare-and-set too; lists by user and by status", async () => {
        const u = await store.users.upsert({ channel: "telegram", externalId: "5010" });
        const a = await store.applications.create({ userId: u.id, jurisdiction: "zibo", profile: { v: 1 } });
        const b = await store.applications.create({ userId: u.id, jurisdiction: "zibo", profile: { v: 1 } });
        const edited = await store.applications.update({ id: a.id, expectedVersion: 1, profile: { v: 2 }, checkResult: { verdict: "needs-review" } });
        expect(edited).toMatchObject({ version: 2, profile: { v: 2 }, checkResult: { verdict: "needs-review" } });
        await expect(store.applications.update({ id: a.id, expectedVersion: 1, profile: { v: 3 } })).rejects.toBeInstanceOf(ConcurrentUpdateError);

        expect((await store.applications.listByUser(u.id)).map((x) => x.id)).toEqual([b.id, a.id]);
        await store.applications.transition({ id: b.id, from: "draft", to: "submitted", expectedVersion: 1 });
        const waiting = await store.applications.listByStatus("submitted", { limit: 500 });
        expect(waiting.map((x) => x.id)).toContain(b.id);
        expect(waiting.map((x) => x.id)).not.toContain(a.id);
        expect((await store.applications.findByNumber(b.number))?.id).toBe(b.id);
      });
    });

    describe("estimates, question log, audit", () => {
      it("an estimate is kept with its input; newest first", async () => {
        const u = await store.users.upsert({ channel: "telegram", externalId: "6006" });
        const first = await store.estimates.create({ userId: u.id, input: { pledgeLoans: 3 }, result: { totalMax: 30000 } });
        const second = await store.estimates.create({ userId: u.id, input: { pledgeLoans: 1 }, result: { totalMax: 10000 } });
        expect(await store.estimates.findById(first.id)).toMatchObject({ input: { pledgeLoans: 3 }, result: { totalMax: 30000 } });
        expect((await store.estimates.listByUser(u.id)).map((e) => e.id)).toEqual([second.id, first.id]);
      });

      it("a logged question never keeps the phone number or credit code the user typed", async () => {
        const u = await store.users.upsert({ channel: "telegram", externalId: "6007" });
        const entry = await store.questions.record({
          channel: "telegram",
          userId: u.id,
          question: "我的电话13812345678，信用代码91330106MA2ABCDE1X，能申报吗？",
          retrievedIds: ["zj2018:6.3", "zj2018:6"],
          refused: false,
          latencyMs: 12.6,
        });
        expect(entry.question).not.toContain("13812345678");
        expect(entry.question).not.toContain("91330106MA2ABCDE1X");
        expect(entry.question).toContain("138****5678");
        expect(entry).toMatchObject({ retrievedIds: ["zj2018:6.3", "zj2018:6"], latencyMs: 13, feedback: null });

        expect(await store.questions.setFeedback(entry.id, "没帮助，请回电 13812345678")).toBe(true);
        expect(await store.questions.setFeedback(987_654, "helpful")).toBe(false);
        const stored = (await store.questions.recent(100)).find((q) => q.id === entry.id);
        expect(stored?.feedback).toBe("没帮助，请回电 138****5678");
        expect(stored?.question).toBe(entry.question);
      });

      it("a question from an unknown user is logged without a user", async () => {
        const entry = await store.questions.record({ channel: "console", question: "示范区有几种？", retrievedIds: [], refused: true, latencyMs: 3 });
        expect(entry).toMatchObject({ userId: null, refused: true });
      });

      it("audit details are masked; entries list by subject", async () => {
        await store.audit.record({ actor: "system", action: "user.role", subject: "user:42", detail: { phone: "13800001111", role: "staff" } });
        const trail = await store.audit.listBySubject("user:42");
        expect(trail).toHaveLength(1);
        expect(trail[0]!.detail).toEqual({ phone: "138****1111", role: "staff" });
        expect((await store.audit.recent(5)).map((e) => e.subject)).toContain("user:42");
      });
    });

    describe("processed updates", () => {
      it("a redelivered update is recognised; the same id on another channel is new", async () => {
        expect(await store.processedUpdates.markIfNew("telegram", 777001)).toBe(true);
        expect(await store.processedUpdates.markIfNew("telegram", "777001")).toBe(false);
        expect(await store.processedUpdates.markIfNew("wecom", 777001)).toBe(true);
      });

      it("of five simultaneous deliveries of one update, exactly one is new", async () => {
        const other = await another();
        const results = await Promise.all(Array.from({ length: 5 }, (_, i) => (i % 2 ? other : store).processedUpdates.markIfNew("wecom", "msg-42")));
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it("pruning forgets old entries only", async () => {
        const old = await another({ now: () => new Date("2020-01-01T00:00:00Z") });
        await old.processedUpdates.markIfNew("telegram", "old-1");
        expect(await store.processedUpdates.prune(new Date("2021-01-01T00:00:00Z"))).toBeGreaterThanOrEqual(1);
        expect(await store.processedUpdates.markIfNew("telegram", "old-1")).toBe(true);
        expect(await store.processedUpdates.markIfNew("telegram", "777001")).toBe(false);
      });
    });

    describe("inbox", () => {
      const update = (externalId: string, chatKey = "chat-1") => ({ channel: "telegram", externalId, chatKey, payload: `{"update_id":${externalId}}` });

      it("stores an update once: a redelivery of the same id is refused, another channel's same id is new", async () => {
        const first = await store.inbox.accept(update("900001"));
        expect(first).toMatchObject({ status: "pending", sentSteps: 0, attempts: 0, payload: '{"update_id":900001}' });
        expect(await store.inbox.accept(update("900001"))).toBeUndefined();
        expect(await store.inbox.accept({ ...update("900001"), channel: "wecom" })).toBeDefined();
        const other = await another();
        const racing = await Promise.all(Array.from({ length: 4 }, (_, i) => (i % 2 ? other : store).inbox.accept(update("900002"))));
        expect(racing.filter(Boolean)).toHaveLength(1);
      });

      it("a batch is stored in one go and only its new updates come back", async () => {
        await store.inbox.accept(update("900010"));
        const fresh = await store.inbox.acceptMany([update("900010"), update("900011"), update("900012")]);
        expect(fresh.map((r) => r.externalId)).toEqual(["900011", "900012"]);
      });

      it("keeps a turn's replies and delivery progress until finished, then forgets the content; unfinished rows come back oldest first", async () => {
        const row = (await store.inbox.accept(update("900020", "chat-20")))!;
        await store.inbox.saveReplies(row.id, '[{"kind":"text","text":"答复"}]');
        await store.inbox.stepsSent(row.id, 1);
        await store.inbox.retryLater(row.id, { notBefore: new Date("2030-01-01T00:00:00Z"), error: "429", countAttempt: false });
        expect(await store.inbox.get(row.id)).toMatchObject({ status: "answered", sentSteps: 1, attempts: 0, replies: '[{"kind":"text","text":"答复"}]', lastError: "429" });
        expect((await store.inbox.unfinished("telegram")).map((r) => r.id)).toContain(row.id);
        await store.inbox.finish(row.id, "done");
        expect(await store.inbox.get(row.id)).toMatchObject({ status: "done", payload: null, replies: null });
        expect((await store.inbox.unfinished("telegram")).map((r) => r.id)).not.toContain(row.id);
      });

      it("the sends per chat of rows changed since a moment are what a restart's send budget remembers, a call in flight counted", async () => {
        const since = new Date(Date.now() - 60_000);
        const sent = (await store.inbox.accept({ ...update("900040", "chat-40"), channel: "wecom" }))!;
        await store.inbox.stepsSent(sent.id, 2);
        const flying = (await store.inbox.accept({ ...update("900041", "chat-41"), channel: "wecom" }))!;
        await store.inbox.stepStarted(flying.id, false);
        await store.inbox.accept({ ...update("900042", "chat-42"), channel: "wecom" });
        const sends = await store.inbox.recentSends("wecom", since);
        expect(sends.map(({ chatKey, count }) => ({ chatKey, count })).sort((a, b) => a.chatKey.localeCompare(b.chatKey))).toEqual([
          { chatKey: "chat-40", count: 2 },
          { chatKey: "chat-41", count: 1 },
        ]);
        expect(sends.every((s) => s.at.getTime() >= since.getTime())).toBe(true);
        expect(await store.inbox.recentSends("wecom", new Date(Date.now() + 60_000))).toEqual([]);
      });

      it("pruning deletes finished rows by age and never unfinished ones", async () => {
        const old = await another({ now: () => new Date("2020-01-01T00:00:00Z") });
        const done = (await old.inbox.accept(update("900030")))!;
        await old.inbox.finish(done.id, "done");
        const waiting = (await old.inbox.accept(update("900031")))!;
        expect(await store.inbox.prune(new Date("2021-01-01T00:00:00Z"))).toBeGreaterThanOrEqual(1);
        expect(await store.inbox.get(done.id)).toBeUndefined();
        expect(await store.inbox.get(waiting.id)).toMatchObject({ status: "pending" });
        expect(await store.inbox.accept(update("900030"))).toBeDefined();
      });
    });

    describe("notifications", () => {
      it("a notice waits until delivered, oldest first, is delivered once, and keeps the staff's words verbatim", async () => {
        const user = await store.users.upsert({ channel: "wecom", externalId: "notice-1" });
        const first = await store.notifications.enqueue({ userId: user.id, text: "您的申报 ZJ-2026-0001 被退回，请联系 13812348000" });
        await store.notifications.enqueue({ userId: user.id, text: "第二条通知" });
        const pending = await store.notifications.pending(user.id);
        expect(pending.map((n) => n.text)).toEqual(["您的申报 ZJ-2026-0001 被退回，请联系 13812348000", "第二条通知"]);
        await store.notifications.markDelivered([first.id]);
        expect((await store.notifications.pending(user.id)).map((n) => n.text)).toEqual(["第二条通知"]);
        await store.notifications.markDelivered(pending.map((n) => n.id));
        expect(await store.notifications.pending(user.id)).toEqual([]);
      });
    });

    describe("a turn's writes and keyed changes", () => {
      it("a turn's log, audit, answers and sign-in link are written in its commit, in order, or not at all", async () => {
        const u = await store.users.upsert({ channel: "telegram", externalId: "5101" });
        const before = await store.conversations.save({ userId: u.id, flow: null, step: null, state: { n: 0 }, expectedVersion: null });
        const writes = (logged: (id: number) => void): TurnWrite[] => [
            { kind: "answer", answer: { userId: u.id, flow: "application", path: "zone.coreAreaSqm", value: 900, rawText: "九百平" } },
            { kind: "answer", answer: { userId: u.id, flow: "application", path: "zone.coreAreaSqm", value: 1200, rawText: "1200平，电话 13812345678" } },
            { kind: "clear-answers", which: { userId: u.id, flow: "application", path: "zone.serviceInstitutions" } },
            { kind: "audit", entry: { actor: "telegram:5101", action: "intake.start", subject: `user:${u.id}`, detail: { flow: "application" } } },
            { kind: "question", question: { channel: "telegram", userId: u.id, question: "电话13812345678能申报吗", retrievedIds: ["zj2018:6"], refused: false, latencyMs: 3.6 }, logged },
            { kind: "sign-in-link", link: { tokenHash: "hash-5101", staffKey: "telegram:5101", expiresAt: new Date(Date.now() + 600_000) } },
        ];
        let loggedId: number | undefined;
        // A save from a stale version rolls the whole turn back: none of its writes stay.
        await expect(
          store.turns.commit({ key: "telegram:5101:1", replies: "[]", writes: writes(() => {}), conversation: () => ({ userId: u.id, flow: null, step: null, state: { n: 1 }, expectedVersion: 7 }) }),
        ).rejects.toBeInstanceOf(ConcurrentUpdateError);
        expect(await store.answers.history(u.id, "application")).toEqual([]);
        expect((await store.audit.recent(500)).filter((e) => e.actor === "telegram:5101")).toEqual([]);
        expect((await store.questions.recent(500)).filter((q) => q.userId === u.id)).toEqual([]);
        expect((await store.signInLinks.consume("hash-5101")).ok).toBe(false);
        expect(await store.turns.find("telegram:5101:1")).toBeUndefined();

        // The question's id is known before the conversation is built, so the state can keep it.
        const saved = await store.turns.commit({
          key: "telegram:5101:1",
          replies: "[]",
          writes: writes((id) => (loggedId = id)),
          conversation: () => ({ userId: u.id, flow: null, step: null, state: { lastQuestionLogId: loggedId ?? null }, expectedVersion: before.version }),
        });
        const [question] = (await store.questions.recent(500)).filter((q) => q.userId === u.id);
        expect(question).toMatchObject({ id: loggedId, question: expect.not.stringContaining("13812345678"), latencyMs: 4 });
        expect(saved).toMatchObject({ state: { lastQuestionLogId: loggedId }, version: before.version + 1 });
        const history = await store.answers.history(u.id, "application");
        expect(history.map((a) => [a.value, a.supersededAt === null])).toEqual([
          [900, false],
          [1200, true],
        ]);
        expect((await store.audit.recent(500)).filter((e) => e.actor === "telegram:5101").map((e) => e.action)).toEqual(["intake.start"]);
        expect(await store.signInLinks.consume("hash-5101")).toEqual({ ok: true, staffKey: "telegram:5101" });

        // Feedback on the logged question, masked; a line with no message id commits its writes without a journal row.
        await store.turns.commit({ writes: [{ kind: "feedback", questionId: loggedId!, feedback: "没用，请回电 13812345678" }] });
        const [rated] = (await store.questions.recent(500)).filter((q) => q.id === loggedId);
        expect(rated!.feedback).toContain("没用");
        expect(rated!.feedback).not.toContain("13812345678");
      });

      it("a status change made in a turn is found by the turn's key, with its notices enqueued once and the turn's start recorded", async () => {
        const applicant = await store.users.upsert({ channel: "telegram", externalId: "5102" });
        const staff = await store.users.upsert({ channel: "wecom", externalId: "reviewer-5102", role: "staff" });
        const draft = await store.applications.create({ userId: applicant.id, jurisdiction: "zibo", profile });
        const turn = { key: "telegram:5102:77", before: () => JSON.stringify({ state: { n: 1 }, isNew: false }) };
        expect(await store.applications.findTransitionOfTurn(turn.key)).toBeUndefined();

        const { record, notices } = await store.applications.transition({
          id: draft.id,
          from: "draft",
          to: "submitted",
          expectedVersion: draft.version,
          audit: { actor: "telegram:5102", action: "application.submit" },
          notify: [{ userId: staff.id, text: `新的申报待审核：${draft.number}` }],
          turn,
        });
        expect(notices.map((n) => [n.userId, n.text])).toEqual([[staff.id, `新的申报待审核：${draft.number}`]]);
        expect((await store.notifications.pending(staff.id)).map((n) => n.id)).toEqual(notices.map((n) => n.id));
        expect(await store.applications.findTransitionOfTurn(turn.key)).toMatchObject({ id: draft.id, status: "submitted", version: record.version });
        expect(await store.turns.find(turn.key)).toEqual({ replies: null, before: turn.before() });

        // A second change keyed by the same turn is refused by the unique key, notices and all.
        await expect(
          store.applications.transition({ id: draft.id, from: "submitted", to: "accepted", expectedVersion: record.version, notify: [{ userId: applicant.id, text: "x" }], turn }),
        ).rejects.toThrow();
        expect(await store.notifications.pending(applicant.id)).toEqual([]);
        expect((await store.applications.findById(draft.id))?.status).toBe("submitted");
      });
    });

    describe("withUserLock", () => {
      const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

      it("two messages of one user are handled one after the other, in arrival order — also across two instances", async () => {
        const other = await another();
        const events: string[] = [];
        let aStarted!: () => void;
        const aIsRunning = new Promise<void>((resolve) => (aStarted = resolve));
        const handle = (s: Store, label: string) =>
          s.withUserLock("user:8008", async () => {
            events.push(`${label}:start`);
            if (label === "a") aStarted();
            await pause(30);
            events.push(`${label}:end`);
            return label;
          });
        const a = handle(store, "a");
        await aIsRunning;
        const results = await Promise.all([a, handle(other, "b"), handle(store, "c"), handle(store, "d")]);
        expect(results).toEqual(["a", "b", "c", "d"]);
        // Never two handlers at once: every start is followed by its own end.
        for (let i = 0; i < events.length; i += 2) expect(events[i + 1]).toBe(events[i]!.replace("start", "end"));
        expect(events[0]).toBe("a:start");
        // Within one instance, arrival order is kept.
        expect(events.indexOf("c:start")).toBeLessThan(events.indexOf("d:start"));
      });

      it("different users are not held up by each other", async () => {
        let started = 0;
        let bothStarted!: () => void;
        const together = new Promise<void>((resolve) => (bothStarted = resolve));
        const handle = (key: string) =>
          store.withUserLock(key, async () => {
            if (++started === 2) bothStarted();
            // If the two keys were serialised, the first would wait here in vain.
            let timer: NodeJS.Timeout | undefined;
            const blocked = new Promise<never>((_, reject) => {
              timer = setTimeout(() => reject(new Error(`${key} 被另一个用户的处理阻塞`)), 5_000);
            });
            try {
              await Promise.race([together, blocked]);
            } finally {
              clearTimeout(timer);
            }
          });
        await expect(Promise.all([handle("user:9001"), handle("user:9002")])).resolves.toBeDefined();
      });

      it("a failing handler releases the lock", async () => {
        await expect(store.withUserLock("user:9003", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
        await expect(store.withUserLock("user:9003", async () => "next")).resolves.toBe("next");
      });
    });

    it("data survives closing and reopening the store", async () => {
      const u = await store.users.upsert({ channel: "telegram", externalId: "9999", displayName: "持久化" });
      const reopened = await another();
      expect((await reopened.users.findById(u.id))?.displayName).toBe("持久化");
    });
  });
}
