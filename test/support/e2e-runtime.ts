/**
 * The real assistant behind the real channel wiring, for end-to-end tests
 * and the channel bench: `createRuntime` (SQLite migrated under a fresh temp
 * DATA_DIR, offline answerer) and `startChannels`, exactly as `npm start`
 * (bot/main.ts) does — only the settings point at loopback fakes.
 *
 * @example
 *   const dataDir = await makeTempDataDir("tg-e2e");
 *   const app = await startE2eApp(telegramTestConfig({ apiRoot, token, dataDir }), logger);
 *   …
 *   await app.stop();   // channels, then the store, then the temp dir
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startChannels } from "../../bot/start-channels.ts";
import type { RunningChannel } from "../../bot/shared/channel-deps.ts";
import { createRuntime, type Runtime } from "../../src/assistant/create-runtime.ts";
import type { Config } from "../../src/config.ts";
import type { Logger } from "../../src/logging/logger.ts";

export interface E2eApp {
  runtime: Runtime;
  channels: RunningChannel[];
  stop(): Promise<void>;
}

export function makeTempDataDir(label: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `ipzone-${label}-`));
}

/** Starts runtime + channels on `config` (whose dataDir should be a temp dir); `stop` removes that dir. */
export async function startE2eApp(config: Config, logger: Logger): Promise<E2eApp> {
  const runtime = await createRuntime(config, { logger });
  let channels: RunningChannel[] = [];
  try {
    channels = await startChannels(config, runtime, logger);
  } catch (err) {
    await runtime.close();
    throw err;
  }
  return {
    runtime,
    channels,
    async stop() {
      for (const channel of channels) await channel.stop();
      await runtime.close();
      // Never the project's own ./data: only a directory made by makeTempDataDir.
      if (config.dataDir.startsWith(join(tmpdir(), "ipzone-"))) await rm(config.dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Reads replies in order until one matches; returns it and the ones read
 * before it. For conversations where a turn sends several messages and the
 * test cares about one of them.
 */
export async function readUntil<M>(
  next: () => Promise<M>,
  matches: (message: M) => boolean,
  what: string,
  maxMessages = 40,
): Promise<{ found: M; before: M[] }> {
  const before: M[] = [];
  for (let i = 0; i < maxMessages; i++) {
    const message = await next();
    if (matches(message)) return { found: message, before };
    before.push(message);
  }
  throw new Error(`no message matching ${what} among ${maxMessages}: ${JSON.stringify(before).slice(0, 2_000)}`);
}
