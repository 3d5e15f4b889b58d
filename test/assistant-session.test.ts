/**
 * Where a user is lives in the database, not in the process: two messages
 * sent at once are handled in order against each other's state, and a new
 * process on the same DATA_DIR continues at the same question.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createAssistant } from "../src/assistant/create-assistant.ts";
import { createOutboxHint } from "../src/assistant/outbox-hint.ts";
import { createLogger } from "../src/logging/logger.ts";
import { createStore } from "../src/store/index.ts";
import { CREDIT_CODE, HARNESS_NOW, PHONE, startHarness, toTurn, ZHEJIANG_LINES, type Harness } from "./support/assistant-harness.ts";

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

async function harness(dataDir?: string): Promise<Harness> {
  const h = await startHarness(dataDir ? { dataDir } : {});
  open.push(h);
  return h;
}

describe("two messages from one user at once", () => {
  it("are handled in arrival order, the second against the state the first left", async () => {
    const h = await harness();
    await h.user("twice").say("我想申报浙江的示范区");
    const send = (text: string) => h.assistant.handle({ channel: "console", userId: "twice", text });
    // Not awaited in between: both are in flight together.
    const first = send("杭州测试科技园发展有限公司");
    const second = send(CREDIT_CODE);
    const [a, b] = (await Promise.all([first, second])).map(toTurn) as [ReturnType<typeof toTurn>, ReturnType<typeof toTurn>];
    expect(a.text).toContain("✓ 已记录：申报单位名称 杭州测试科技园发展有限公司");
    expect(a.text).toContain("第 2/14 步 · 统一社会信用代码");
    expect(b.text).toContain(`✓ 已记录：统一社会信用代码 ${CREDIT_CODE}`);
    expect(b.text).toContain("第 3/14 步 · 联系人");

    const user = await h.store.users.findByChannelId("console", "twice");
    const conversation = await h.store.conversations.load(user!.id);
    expect(conversation?.step).toBe("applicant.contactName");
  });

  it("ten at once from different users do not mix their states", async () => {
    const h = await harness();
    const names = Array.from({ length: 10 }, (_, i) => `many-${i}`);
    await Promise.all(names.map((id) => h.user(id).say("我想申报浙江的示范区")));
    const turns = await Promise.all(names.map((id, i) => h.user(id).say(`杭州测试${"一二三四五六七八九十"[i]}号科技园有限公司`)));
    turns.forEach((t, i) => expect(t.text).toContain(`杭州测试${"一二三四五六七八九十"[i]}号科技园有限公司`));
  });
});

describe("a restarted process", () => {
  it("continues every user at the question they were on", async () => {
    const before = await harness();
    const u = before.user("resume");
    await u.say("我想申报浙江的示范区");
    await u.sayAll(ZHEJIANG_LINES.slice(0, 4));
    expect(u.last!.text).toContain("第 5/14 步 · 通讯地址");
    const dataDir = before.dataDir;
    await before.runtime.close();
    open.splice(open.indexOf(before), 1);

    const after = await harness(dataDir);
    const again = after.user("resume");
    const back = await again.say("帮助");
    expect(back.text).toContain("第 5/14 步 · 通讯地址");
    const next = await again.say(ZHEJIANG_LINES[4]);
    expect(next.text).toContain("✓ 已记录：通讯地址");
    expect(next.text).toContain("第 6/14 步");
    const summary = (await again.sayAll(ZHEJIANG_LINES.slice(5))).at(-1)!;
    expect(summary.text).toContain("1. 申报单位名称：杭州测试科技园发展有限公司");
    expect(summary.text).toContain(`2. 统一社会信用代码：${CREDIT_CODE}`);
  });

  it("a conversation stored by an older version that no longer parses starts fresh instead of failing", async () => {
    const h = await harness();
    const u = h.user("stale");
    await u.say("我想申报浙江的示范区");
    const record = await h.store.users.findByChannelId("console", "stale");
    const stored = await h.store.conversations.load(record!.id);
    await h.store.conversations.save({
      userId: record!.id,
      flow: "application",
      step: "x",
      state: { intake: { version: 99, flow: "application" } },
      expectedVersion: stored!.version,
    });
    const t = await u.say("浙江省示范区要求多少家服务机构？");
    expect(t.text).toContain("第六条（三）");
  });
});

describe("another process writing to the same SQLite file", () => {
  it("a conversation it moved on is not overwritten with the copy this process remembers", async () => {
    const h = await harness();
    const here = h.user("shared");
    await here.say("我想申报浙江的示范区");
    await here.say(ZHEJIANG_LINES[0]);
    // A second assistant on its own store, as a second `chat` process on the same file would be.
    const otherStore = await createStore(h.config);
    try {
      const other = createAssistant({
        store: otherStore,
        answerer: h.runtime.answerer,
        staff: [],
        logger: createLogger("silent"),
        now: () => HARNESS_NOW,
      });
      const there = toTurn(await other.handle({ channel: "console", userId: "shared", text: CREDIT_CODE }));
      expect(there.text).toContain("✓ 已记录：统一社会信用代码");
      const back = await here.say(ZHEJIANG_LINES[2]);
      expect(back.text).toContain("✓ 已记录：联系人 张三");
      expect(back.text).toContain("第 4/14 步 · 联系电话");
      const next = await here.say(PHONE);
      expect(next.text).toContain("第 5/14 步");
    } finally {
      await otherStore.close();
    }
  });
});

describe("the outbox hint", () => {
  it("a notice enqueued while a check is running is not lost", () => {
    let now = 0;
    const hint = createOutboxHint({ clock: () => now });
    const first = hint.begin(1);
    expect(first.needed).toBe(true);
    hint.mark(1); // enqueued by another turn while this one was reading
    hint.checked(1, first.token);
    expect(hint.begin(1).needed).toBe(true);
  });

  it("a checked user with nothing new is not checked again until the recheck interval", () => {
    let now = 0;
    const hint = createOutboxHint({ clock: () => now, recheckMs: 30_000 });
    const t = hint.begin(7);
    hint.checked(7, t.token);
    now = 29_000;
    expect(hint.begin(7).needed).toBe(false);
    now = 31_000;
    expect(hint.begin(7).needed).toBe(true);
    hint.checked(7, hint.begin(7).token);
    hint.mark(7);
    expect(hint.begin(7).needed).toBe(true);
  });
});

describe("a conversation's list", () => {
  it("「第二项」 after a list answer is that item, also after the state went through the database", async () => {
    const h = await harness();
    const u = h.user("ordinal");
    await u.say("浙江示范区考核评价主要看哪几条内容？");
    expect(u.last!.text).toContain("共 3 项（第十五条）");
    await u.say("第二项说的是啥意思");
    expect(u.last!.text).toContain("第十五条（二）");
    expect(u.last!.text).toContain("体制、机制");
    const user = await h.store.users.findByChannelId("console", "ordinal");
    const state = (await h.store.conversations.load(user!.id))!.state as { history: { citations?: string[] }[] };
    expect(state.history[0]!.citations).toContain("zj2018:15.2");
  });
});
