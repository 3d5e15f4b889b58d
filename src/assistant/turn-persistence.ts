/**
 * Loading, caching, saving and retrying one turn of a user — everything the
 * assistant does around a message that is not deciding what to answer
 * (route-message.ts does that).
 *
 * A turn runs against the user row and the conversation state loaded from the
 * database and saves the state it changed, so a restarted process continues at
 * the same question. With SQLite the state a turn saved is kept for the next
 * one (turn-cache.ts), so a turn reads the database only for what it cannot
 * know. Saves are compare-and-set on the conversation version: when another
 * process saved in between, the turn is redone once on fresh state.
 *
 * A message with an id (every channel message) is a keyed turn: its replies
 * are committed in the same transaction as its conversation save and the
 * notices it shows (turn-journal.repository.ts), so a channel that works the
 * message again after a crash gets the same replies, not a second answer.
 * What the turn logs, audits and records during routing (`ctx.writes`,
 * store/turn-write.ts) goes into that transaction too: a turn cut before its
 * commit leaves none of it, and its replay writes each row once.
 */
import { z } from "zod";
import { ConcurrentUpdateError, type UserRecord } from "../store/index.ts";
import type { AssistantDeps, TurnContext } from "./assistant-deps.types.ts";
import type { ChannelId, IncomingMessage, Reply } from "./message.types.ts";
import { ALWAYS_CHECK_OUTBOX, createOutboxHint, type OutboxHint } from "./outbox-hint.ts";
import { pendingNotifications } from "./notify.ts";
import { decodeReplies, encodeReplies } from "./reply-codec.ts";
import { conversationRow, parseSessionState, type SessionState } from "./session-state.schema.ts";
import { createTurnCache, NO_TURN_CACHE } from "./turn-cache.ts";

/** What the router works on: who is writing, their state (mutated in place) and whether they are new. */
export interface LoadedTurn {
  ctx: TurnContext;
  session: SessionState;
  /** no conversation was stored for this user before this message */
  isNew: boolean;
}

export interface TurnPersistence {
  /**
   * Loads the user's turn, runs `route` on it and commits the state it changed
   * with its replies (the outbox notices first). A message already committed
   * gets its stored replies; `route` does not run again.
   */
  run(msg: IncomingMessage, route: (turn: LoadedTurn) => Promise<Reply[]>): Promise<{ ctx: TurnContext; replies: Reply[] }>;
  /** The stored state of an existing user, read fresh (no cache); undefined for someone never seen. */
  peek(channel: ChannelId, userId: string): Promise<LoadedTurn | undefined>;
  /** Drops what is cached for a user (after a failed turn, the database is the truth). */
  forget(channel: ChannelId, userId: string): void;
}

/** What an outcome committed mid-turn records of the turn's start (turn-journal.repository.ts). */
const turnStartSchema = z.object({ state: z.unknown(), isNew: z.boolean() });

export const userKey = (channel: ChannelId, userId: string) => `${channel}:${userId}`;

export function createTurnPersistence(deps: AssistantDeps): TurnPersistence {
  const clock = deps.now ?? (() => new Date());
  const staffKeys = new Set(deps.staff.map((s) => `${s.channel}:${s.userId}`));
  // One process owns a SQLite file (the supported setup): what it saved, it knows.
  const single = deps.store.provider === "sqlite";
  const cache = single ? createTurnCache() : NO_TURN_CACHE;
  // The web review desk shares the runtime's hint: its decisions enqueue notices too.
  const outbox = deps.outbox ?? (single ? createOutboxHint() : ALWAYS_CHECK_OUTBOX);

  const contextFor = (user: UserRecord, channel: ChannelId, key: string, hint: OutboxHint, version: number | null): TurnContext => ({
    deps,
    user,
    channel,
    isStaff: staffKeys.has(key),
    actor: key,
    now: clock(),
    outbox: hint,
    conversation: { version },
    writes: [],
  });

  async function run(msg: IncomingMessage, route: (turn: LoadedTurn) => Promise<Reply[]>, attempt = 0): Promise<{ ctx: TurnContext; replies: Reply[] }> {
    const { store } = deps;
    const key = userKey(msg.channel, msg.userId);
    // A platform's message id is unique and redelivered as is: its turn is journaled under it. A console
    // line's number restarts with each run and nothing redelivers it, so it is not.
    const turnKey = msg.messageId === undefined || msg.channel === "console" ? undefined : `${key}:${msg.messageId}`;
    const journal = turnKey ? await store.turns.find(turnKey) : undefined;
    const cached = cache.get(key);
    const sameName = (u: UserRecord) => msg.displayName === undefined || msg.displayName === u.displayName;
    // One read at most on the hot path; the write only for a new user or a changed display name.
    const known = cached && sameName(cached.user) ? cached.user : await store.users.findByChannelId(msg.channel, msg.userId);
    const user =
      known && sameName(known) ? known : await store.users.upsert({ channel: msg.channel, externalId: msg.userId, displayName: msg.displayName });
    const stored = cached && cached.user.id === user.id ? cached.conversation : await store.conversations.load(user.id);
    const ctx = contextFor(user, msg.channel, key, outbox, stored?.version ?? null);
    // Committed before (the channel worked the message again): the same replies, nothing run twice.
    if (journal?.replies != null) return { ctx, replies: decodeReplies(journal.replies) };
    // An outcome was committed mid-turn and the turn did not finish: run it again from where it started.
    const start = journal?.before ? turnStartSchema.parse(JSON.parse(journal.before)) : { state: stored?.state ?? null, isNew: !stored };
    // The state as this process last saved it (the cache's), as text: it was a checked SessionState when it was
    // written, so the turn starts from a copy of it without checking it again (the zod parse was ~6% of a message).
    const storedText = cached && stored === cached.conversation ? cached.stateText : undefined;
    const session = !journal?.before && storedText !== undefined ? (JSON.parse(storedText) as SessionState) : parseSessionState(start.state ?? undefined);
    // Set when a change committed mid-turn recorded the turn's start: the turn's own commit must then finish the row.
    let startRecorded = false;
    const before = () => {
      startRecorded = true;
      return JSON.stringify({ state: stored?.state ?? null, isNew: !stored });
    };
    if (turnKey) ctx.turn = { key: turnKey, before, resumed: Boolean(journal?.before) };

    try {
      const routed = await route({ ctx, session, isNew: start.isNew });
      const notices = await pendingNotifications(ctx);
      const replies = [...notices.replies, ...routed];
      // What the database holds now: as loaded, or as saved mid-turn with an intake's outcome.
      const base = ctx.conversation.saved ?? stored;
      // 「帮助」, 「我的申报」, 「待审」… change nothing: no conversation write. Built when the turn's
      // writes are done (a question log's id goes into the state).
      let sessionText: string | undefined;
      const changedRow = () => {
        sessionText = JSON.stringify(session);
        const baseText = base === stored && storedText !== undefined ? storedText : base && JSON.stringify(base.state);
        return !base || sessionText !== baseText ? conversationRow(user.id, session, ctx.conversation.version, sessionText) : undefined;
      };
      const writes = ctx.writes;
      const known = writes.length === 0 ? changedRow() : undefined;
      const row = writes.length === 0 ? () => known : changedRow;
      let saved = base;
      // A change committed mid-turn (an intake's outcome, a status change) left the turn's row to finish.
      // On SQLite a console line's save joins the other users' commit too (store/group-commit.ts) rather than
      // paying a COMMIT of its own; on PostgreSQL it stays one statement outside a transaction.
      const changes = Boolean(known) || notices.ids.length > 0;
      if (writes.length > 0 || (turnKey && (changes || journal || startRecorded)) || (single && changes)) {
        // One transaction: a crash leaves either nothing of the turn or the turn with its writes and replies.
        const replyText = turnKey ? encodeReplies(replies) : undefined;
        saved = (await store.turns.commit({ key: turnKey, replies: replyText, writes, conversation: row, deliveredNotificationIds: notices.ids })) ?? base;
      } else {
        // Nothing changed or written (answering again gives the same replies), or a console line (no message id).
        if (known) saved = await store.conversations.save(known);
        await store.notifications.markDelivered(notices.ids);
      }
      notices.confirm();
      // What the database holds now is the session as it ends (saved, or unchanged from it).
      cache.set(key, { user: ctx.user, conversation: saved!, stateText: sessionText });
      return { ctx, replies };
    } catch (err) {
      cache.delete(key);
      // Another process handled a message of this user in between (at the end of the turn, or
      // while an intake's outcome was saved, which then rolled back): redo the turn on fresh state once.
      if (err instanceof ConcurrentUpdateError && err.entity === "conversation" && attempt === 0) return run(msg, route, 1);
      throw err;
    }
  }

  return {
    run: (msg, route) => run(msg, route),

    async peek(channel, userId) {
      const key = userKey(channel, userId);
      const user = await deps.store.users.findByChannelId(channel, userId);
      if (!user) return undefined;
      const stored = await deps.store.conversations.load(user.id);
      return { ctx: contextFor(user, channel, key, ALWAYS_CHECK_OUTBOX, stored?.version ?? null), session: parseSessionState(stored?.state), isNew: !stored };
    },

    forget(channel, userId) {
      cache.delete(userKey(channel, userId));
    },
  };
}
