/**
 * A channel message worked again — the process died after the core committed
 * the turn but before the channel stored or sent the reply — is not answered
 * a second time: the core journals each keyed turn's replies in the same
 * transaction as the conversation save, and hands the stored replies back.
 * A turn cut after an intake's outcome committed (mid-turn) is replayed from
 * the state it started on, where the keyed outcome is found, not written again.
 *
 * The crash point is made in the database itself (a trigger that aborts the
 * turn's final commit), so the real store, transaction and assistant are under test.
 */
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../src/assistant/message.types.ts";
import { startHarness, ZHEJIANG_LINES, type Harness } from "./support/assistant-harness.ts";

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

/** A Telegram user as the channel hands messages to the core: each with the update's id. */
function telegramUser(id: string) {
  let next = 1_000;
  return {
    send: (text: string, messageId = String(++next)) => h.assistant.handle({ channel: "telegram", userId: id, messageId, text }),
    async conversation() {
      const user = await h.store.users.findByChannelId("telegram", id);
      return h.store.conversations.load(user!.id);
    },
    async applications() {
      const user = await h.store.users.findByChannelId("telegram", id);
      return h.store.applications.listByUser(user!.id);
    },
  };
}

const texts = (replies: Reply[]) => replies.map((r) => ("text" in r ? r.text : r.kind));

describe("a message worked again after its turn committed", () => {
  it("gets the same replies, and the conversation moves once", async () => {
    const user = telegramUser("journal-1");
    await user.send("我想申报浙江的示范区");
    const first = await user.send(ZHEJIANG_LINES[0], "company-name");
    const version = (await user.conversation())!.version;

    const again = await user.send(ZHEJIANG_LINES[0], "company-name");
    expect(texts(again)).toEqual(texts(first));
    // Not taken as the answer to the next question (the credit code): nothing was saved.
    expect((await user.conversation())!.version).toBe(version);

    // The intake goes on where it was.
    const next = await user.send(ZHEJIANG_LINES[1]);
    expect(texts(next).join("\n")).not.toContain("格式");
    expect((await user.conversation())!.version).toBe(version + 1);
  }, 60_000);
});

describe("a turn cut after an intake's outcome committed, before the turn's own commit", () => {
  it("is replayed from where it started: the same application, one application.create, the check report", async () => {
    const user = telegramUser("journal-2");
    await user.send("我想申报浙江的示范区");
    for (const line of ZHEJIANG_LINES) await user.send(line);

    // The outcome transaction writes the turn's start; the turn's own commit (replies) fails as a crash would.
    sql.exec(`CREATE TRIGGER cut_turn BEFORE UPDATE ON "TurnRecord" WHEN NEW."replies" IS NOT NULL BEGIN SELECT RAISE(ABORT, 'crash'); END;`);
    try {
      const cut = await user.send("确认", "confirm");
      expect(texts(cut).join("\n")).toContain("出了点问题");
    } finally {
      sql.exec("DROP TRIGGER cut_turn");
    }
    const apps = await user.applications();
    expect(apps).toHaveLength(1);

    const replayed = await user.send("确认", "confirm");
    const shown = texts(replayed).join("\n");
    expect(shown).toContain(`申报编号：${apps[0]!.number}`);
    expect(await user.applications()).toHaveLength(1);
    const created = (await h.store.audit.recent(500)).filter((e) => e.action === "application.create" && e.subject === `application:${apps[0]!.number}`);
    expect(created).toHaveLength(1);

    // And once committed, a third delivery of the same update gets the same replies.
    expect(texts(await user.send("确认", "confirm"))).toEqual(texts(replayed));
  }, 60_000);
});
