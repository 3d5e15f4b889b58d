import type { PushMessage } from "../../src/assistant/assistant-deps.types.ts";
import type { Logger } from "../../src/logging/logger.ts";
import type { ProcessedUpdates } from "./dedupe.ts";

/** What every channel adapter needs besides the settings and the assistant. */
export interface ChannelDeps {
  /** one effect per platform update id (the database-backed store in production) */
  processedUpdates: ProcessedUpdates;
  /** defaults to the process logger */
  logger?: Logger;
  /** clock in ms, for rate limiting and stale-callback checks; tests may freeze it */
  now?: () => number;
}

/** What `startTelegram` / `startWecom` give back to bot/main.ts. */
export interface RunningChannel {
  /** stops taking updates, lets queued work finish, closes servers */
  stop(): Promise<void>;
  /** where the channel listens when it runs an HTTP server: the Telegram webhook endpoint (http://127.0.0.1:8443/telegram/webhook) or the WeCom callback server (http://127.0.0.1:8080) */
  address?: string;
  /**
   * Sends replies to a user of this channel who did not just write (staff
   * notices, decisions); `true` once delivered, `false` for another channel's
   * user. Platform refusals (a user who never opened the bot) throw.
   */
  push?: PushMessage;
}
