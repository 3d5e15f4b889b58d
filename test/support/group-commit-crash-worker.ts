/**
 * A bot process killed between two turns of one group commit, for
 * test/group-commit.test.ts: the real store and assistant on DATA_DIR
 * (migrated by the test), USERS console users going through a Zhejiang
 * intake at once. Each reply is written to stdout as one JSON line the moment
 * the user has it (what a channel would send on). When CRASH_AFTER_RELEASES
 * turns have been written into shared transactions, the process kills itself
 * (SIGKILL) just as the next turn of the same transaction begins: the turns
 * before it in that transaction are written but not committed.
 */
import { writeSync } from "node:fs";
import Database from "better-sqlite3";
import { createAssistant } from "../../src/assistant/create-assistant.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logging/logger.ts";
import { createStore } from "../../src/store/index.ts";
import { HARNESS_NOW, ZHEJIANG_LINES } from "./assistant-harness.ts";

const users = Number(process.env.USERS ?? 8);
const crashAfter = Number(process.env.CRASH_AFTER_RELEASES ?? 20);

// Every statement of the store runs through better-sqlite3's Statement: watch the savepoints there.
const probe = new Database(":memory:");
const statement = Object.getPrototypeOf(probe.prepare("SELECT 1")) as { run: (...args: unknown[]) => unknown; source?: string };
probe.close();
const run = statement.run;
let releases = 0;
let previous = "";
statement.run = function (this: { source: string }, ...args: unknown[]) {
  // A savepoint right after a release: the next turn of the same transaction is about to be written.
  if (this.source === "SAVEPOINT turn" && previous === "RELEASE turn" && releases >= crashAfter) process.kill(process.pid, "SIGKILL");
  if (this.source === "RELEASE turn") releases++;
  previous = this.source;
  return run.apply(this, args);
};

const config = loadConfig({ NODE_ENV: "test", DATA_DIR: process.env.DATA_DIR! });
const logger = createLogger("error");
const store = await createStore(config, { now: () => HARNESS_NOW });
const answerer = {
  answer: async () => {
    throw new Error("这个测试不问政策问题");
  },
};
const assistant = createAssistant({ store, answerer, staff: [], logger, now: () => HARNESS_NOW });
const lines = ["我想申报浙江的示范区", ...ZHEJIANG_LINES];
await Promise.all(
  Array.from({ length: users }, async (_, i) => {
    const userId = `crash-${i}`;
    for (const [line, text] of lines.entries()) {
      const replies = await assistant.handle({ channel: "console", userId, text });
      const reply = replies.map((r) => ("text" in r ? r.text : "")).join("\n");
      writeSync(1, `${JSON.stringify({ userId, line, reply })}\n`);
    }
  }),
);
await store.close();
process.exit(0);
