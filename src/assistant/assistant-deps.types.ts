/**
 * Everything the assistant core needs, passed in (createAssistant(deps)), so
 * tests and channels can build it with a real store and a real answerer.
 */
import type { Logger } from "pino";
import type { Answerer } from "../answer/answer.types.ts";
import type { ConversationRecord, Store, TurnStart, TurnWrite, UserRecord } from "../store/index.ts";
import type { ChannelId, Reply } from "./message.types.ts";
import type { OutboxHint } from "./outbox-hint.ts";

/** Delivers a message to a user who did not just write (e.g. the applicant after a staff decision). */
export type PushMessage = (user: Pick<UserRecord, "channel" | "externalId">, replies: Reply[]) => Promise<boolean>;

export interface AssistantDeps {
  store: Store;
  answerer: Answerer;
  /** bureau staff, checked in code on every staff action */
  staff: readonly { channel: string; userId: string }[];
  logger: Logger;
  now?: () => Date;
  /**
   * Channels register a pusher per channel; when none can deliver, the message
   * waits in the outbox and is shown with the user's next reply.
   */
  push?: PushMessage;
  /** the web review desk's public address, for sign-in links (unset: the desk is off) */
  deskUrl?: () => string | undefined;
  /** shared with the web review desk, whose decisions also enqueue notices (default: one of its own) */
  outbox?: OutboxHint;
}

export interface TurnContext {
  deps: AssistantDeps;
  user: UserRecord;
  channel: ChannelId;
  isStaff: boolean;
  /** `${channel}:${userId}` — how the audit trail names the actor */
  actor: string;
  now: Date;
  /** which users' outboxes may hold notices (see outbox-hint.ts) */
  outbox: OutboxHint;
  /**
   * The user's conversation row as this turn knows it: the version loaded, or
   * the row saved mid-turn together with a side effect (intake-outcome), which
   * the turn's own save then builds on (turn-persistence.ts).
   */
  conversation: { version: number | null; saved?: ConversationRecord };
  /**
   * What the turn logs, audits and records that nothing later in the turn
   * reads back: held here and written in the turn's commit transaction
   * (turn-persistence.ts), so a turn cut before its commit leaves none of it.
   */
  writes: TurnWrite[];
  /**
   * The message's key in the turn journal and the state the turn started from
   * (for an outcome committed mid-turn). `resumed`: an earlier run of this
   * turn committed such an outcome and was cut before its own commit; a step
   * keyed by the turn looks for what it did before doing it again.
   */
  turn?: TurnStart & { resumed: boolean };
}
