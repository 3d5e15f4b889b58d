/**
 * A second (and third) process on the same SQLite file, for
 * test/assistant-idempotent-effects.test.ts: the real store and assistant,
 * opened on DATA_DIR (already migrated by the test). Prints "ready", waits for
 * "go" on stdin, then sends each user id given as an argument 「确认」 at once
 * and prints one JSON line of what each got.
 */
import { createInterface } from "node:readline";
import { getPolicyAssistantServices } from "../../src/answer/create-answer-service.ts";
import { createAssistant } from "../../src/assistant/create-assistant.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logging/logger.ts";
import { createStore } from "../../src/store/index.ts";
import { HARNESS_NOW } from "./assistant-harness.ts";

const users = process.argv.slice(2);
const config = loadConfig({ NODE_ENV: "test", DATA_DIR: process.env.DATA_DIR! });
const logger = createLogger("error");
const store = await createStore(config, { now: () => HARNESS_NOW });
const { answerer } = await getPolicyAssistantServices(config, { logger });
const assistant = createAssistant({ store, answerer, staff: [], logger, now: () => HARNESS_NOW });
process.stdout.write("ready\n");
const lines = createInterface({ input: process.stdin });
for await (const line of lines) if (line.trim() === "go") break;
const replies = await Promise.all(
  users.map(async (id) => {
    const got = await assistant.handle({ channel: "console", userId: id, text: "确认" });
    return { id, text: got.map((r) => ("text" in r ? r.text : "")).join("\n") };
  }),
);
process.stdout.write(`${JSON.stringify(replies)}\n`);
await store.close();
process.exit(0);
