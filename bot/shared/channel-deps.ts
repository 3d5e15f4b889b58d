import type { PushMessage } from "../../src/assistant/assistant-deps.types.ts";
import type { Logger } from "../../src/logging/logger.ts";
import type { InboxRepository } from "../../src/store/index.ts";

/** What every channel adapter needs besides the settings and the assistant. */
export interface ChannelDeps {
  /** where updates are stored before they are acknowledged (the database in production) */
  inbox: InboxRepository;
  /** updates answered at once across chats (default 4) */
  workerConcurrency?: number;
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
