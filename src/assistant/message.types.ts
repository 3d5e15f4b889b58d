/**
 * The assistant as channels see it. The message shapes live in the leaf
 * module src/messages (the intake writes replies too) and are re-exported here
 * for the channels.
 */
import type { ChannelId, IncomingMessage, Reply } from "../messages/message.types.ts";

export type * from "../messages/message.types.ts";

export interface Assistant {
  handle(message: IncomingMessage): Promise<Reply[]>;
  /**
   * What a user coming back should see before typing: an unfinished intake's
   * pending question and notices waiting in the outbox (empty for a new user).
   * Channels with a session start (the console) call it when they open.
   */
  resume?(channel: ChannelId, userId: string): Promise<Reply[]>;
}
