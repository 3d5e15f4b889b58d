/**
 * Everything a process needs to serve users, prepared once: the database
 * migrated, the store opened, the policy index built or loaded, and the
 * assistant on top. Used by `npm start` (bot/main.ts) and the `chat` command.
 * Progress goes to `onProgress` (stderr in practice), so the user sees what a
 * slow first start is doing.
 */
import type { Config } from "../config.ts";
import type { Answerer } from "../answer/answer.types.ts";
import { startAnswerThread } from "../answer/answer-thread-client.ts";
import type { Logger } from "../logging/logger.ts";
// What runs before the answering thread starts is imported from its own small files; the
// store (better-sqlite3, migrations) and the assistant (intake, rules) are imported after
// it has started, so their loading overlaps the thread's instead of delaying it (issue 13).
import { checkDataDirWritable } from "../store/data-dir-check.ts";
import { resolveDatabaseTarget } from "../store/database-target.ts";
import { acquireInstanceLock } from "../store/instance-lock.ts";
import type { Store } from "../store/index.ts";
import type { AssistantDeps, PushMessage } from "./assistant-deps.types.ts";
import type { NotifyContext } from "./notify.ts";
import type { Assistant } from "./message.types.ts";

export interface Runtime {
  assistant: Assistant;
  store: Store;
  /** answers policy questions on the answering thread (src/answer/answer-thread-client.ts) */
  answerer: Answerer;
  /** channels register how to reach their users (staff notices, decisions) */
  registerPusher(channel: string, push: PushMessage): void;
  /** what the review desk needs to notify applicants like the chat does (same outbox) */
  notify: NotifyContext;
  /** the review desk tells where it listens, for sign-in links asked for in chat */
  setDeskUrl(url: string | undefined): void;
  close(): Promise<void>;
}

/**
 * In the console the log shares the terminal with the conversation: unless
 * LOG_LEVEL is set explicitly, only warnings and errors are shown there.
 */
export function consoleLogLevel(config: Config, source: NodeJS.ProcessEnv = process.env): string {
  return source.LOG_LEVEL ? config.env.LOG_LEVEL : "warn";
}

export async function createRuntime(
  config: Config,
  options: { logger: Logger; onProgress?: (message: string) => void; now?: () => Date },
): Promise<Runtime> {
  const progress = options.onProgress ?? (() => {});
  progress("正在准备数据库…");
  await checkDataDirWritable(config.dataDir);
  // Before migrating: a second process on the same SQLite file is refused at once.
  const instance = acquireInstanceLock(resolveDatabaseTarget(config));
  // The answering thread loads the policy index on the other core while this one migrates.
  const answerer = startAnswerThread(config, { logger: options.logger });
  let store: Store;
  try {
    const { createStore, migrateDatabase } = await import("../store/index.ts");
    await migrateDatabase(config, options.logger);
    store = await createStore(config, { now: options.now });
  } catch (err) {
    await answerer.close();
    instance.release();
    throw err;
  }
  try {
    const [{ ALWAYS_CHECK_OUTBOX, createOutboxHint }, { createAssistant }] = await Promise.all([
      import("./outbox-hint.ts"),
      import("./create-assistant.ts"),
    ]);
    progress("正在加载政策索引…");
    await answerer.ready;
    const pushers = new Map<string, PushMessage>();
    let deskUrl = config.web?.publicUrl;
    // One process owns a SQLite file: the chat and the desk share one outbox hint.
    const outbox = store.provider === "sqlite" ? createOutboxHint() : ALWAYS_CHECK_OUTBOX;
    const deps: AssistantDeps = {
      store,
      answerer,
      staff: config.staff,
      logger: options.logger,
      now: options.now,
      push: async (user, replies) => (await pushers.get(user.channel)?.(user, replies)) ?? false,
      outbox,
      deskUrl: () => deskUrl,
    };
    const assistant = createAssistant(deps);
    return {
      assistant,
      store,
      answerer,
      registerPusher: (channel, push) => void pushers.set(channel, push),
      notify: { deps, outbox },
      setDeskUrl: (url) => void (deskUrl = config.web?.publicUrl ?? url),
      async close() {
        await answerer.close();
        await store.close();
        instance.release();
      },
    };
  } catch (err) {
    await answerer.close();
    await store.close();
    instance.release();
    throw err;
  }
}
