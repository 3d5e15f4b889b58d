/**
 * Messages to users who did not just write: staff hear of a new submission,
 * applicants of a decision. Each goes into the outbox first — in the same
 * transaction as the change it tells of (application.repository.ts
 * `transition`), so a change is never left without its notice nor given two —
 * and is then pushed through the user's channel when one is running; what was
 * not pushed is shown with their next reply.
 */
import type { NotificationRecord, UserRecord } from "../store/index.ts";
import type { Reply } from "./message.types.ts";
import type { TurnContext } from "./assistant-deps.types.ts";

/** What sending a notice needs: the store and pusher, and the outbox hint of this process. */
export type NotifyContext = Pick<TurnContext, "deps" | "outbox">;

/** A notice in the outbox and the user it is for. */
export interface OutboxNotice {
  user: UserRecord;
  notice: NotificationRecord;
}

/** Pushes notices already enqueued; one that cannot be pushed now waits in the outbox for the user's next reply. */
export async function pushNotices(ctx: NotifyContext, notices: readonly OutboxNotice[]): Promise<void> {
  for (const { user, notice } of notices) {
    ctx.outbox.mark(user.id);
    let pushed = false;
    if (ctx.deps.push) {
      try {
        pushed = await ctx.deps.push(user, [{ kind: "text", text: `📬 ${notice.text}` }]);
      } catch (err) {
        ctx.deps.logger.warn({ err, user: `${user.channel}:${user.externalId}` }, "push failed; kept in outbox");
      }
    }
    if (pushed) await ctx.deps.store.notifications.markDelivered([notice.id]);
  }
}

/** The staff to tell of a submission (all but the one writing), as users (created on first notice). */
export async function staffToNotify(ctx: TurnContext): Promise<UserRecord[]> {
  const users: UserRecord[] = [];
  for (const member of ctx.deps.staff) {
    if (member.channel === ctx.channel && member.userId === ctx.user.externalId) continue;
    users.push(await ctx.deps.store.users.upsert({ channel: member.channel, externalId: member.userId, role: "staff" }));
  }
  return users;
}

/**
 * Outbox messages not yet delivered to this user, to show with this turn's
 * reply; the turn marks them delivered when it commits (turn-persistence.ts),
 * and `confirm` tells the hint once that commit is done.
 */
export async function pendingNotifications(ctx: TurnContext): Promise<{ replies: Reply[]; ids: number[]; confirm(): void }> {
  const check = ctx.outbox.begin(ctx.user.id);
  if (!check.needed) return { replies: [], ids: [], confirm() {} };
  const pending = await ctx.deps.store.notifications.pending(ctx.user.id);
  return {
    replies: pending.map((n) => ({ kind: "text", text: `📬 ${n.text}` })),
    ids: pending.map((n) => n.id),
    confirm: () => ctx.outbox.checked(ctx.user.id, check.token),
  };
}

/** Outbox messages not yet delivered to this user, marked delivered. */
export async function takeNotifications(ctx: TurnContext): Promise<Reply[]> {
  const check = ctx.outbox.begin(ctx.user.id);
  if (!check.needed) return [];
  const pending = await ctx.deps.store.notifications.pending(ctx.user.id);
  ctx.outbox.checked(ctx.user.id, check.token);
  if (!pending.length) return [];
  await ctx.deps.store.notifications.markDelivered(pending.map((n) => n.id));
  return pending.map((n) => ({ kind: "text", text: `📬 ${n.text}` }));
}
