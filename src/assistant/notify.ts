/**
 * Messages to users who did not just write: staff hear of a new submission,
 * applicants of a decision. Each goes into the outbox first (nothing is lost
 * if no channel can deliver it now) and is pushed through the user's channel
 * when one is running; what was not pushed is shown with their next reply.
 */
import type { UserRecord } from "../store/index.ts";
import type { Reply } from "./message.types.ts";
import type { TurnContext } from "./assistant-deps.types.ts";

/** What sending a notice needs: the store and pusher, and the outbox hint of this process. */
export type NotifyContext = Pick<TurnContext, "deps" | "outbox">;

export async function notifyUser(ctx: NotifyContext, user: UserRecord, text: string): Promise<void> {
  const note = await ctx.deps.store.notifications.enqueue({ userId: user.id, text });
  ctx.outbox.mark(user.id);
  let pushed = false;
  if (ctx.deps.push) {
    try {
      pushed = await ctx.deps.push(user, [{ kind: "text", text: `📬 ${text}` }]);
    } catch (err) {
      ctx.deps.logger.warn({ err, user: `${user.channel}:${user.externalId}` }, "push failed; kept in outbox");
    }
  }
  if (pushed) await ctx.deps.store.notifications.markDelivered([note.id]);
}

export async function notifyStaff(ctx: TurnContext, text: string): Promise<void> {
  for (const member of ctx.deps.staff) {
    if (member.channel === ctx.channel && member.userId === ctx.user.externalId) continue;
    const user = await ctx.deps.store.users.upsert({ channel: member.channel, externalId: member.userId, role: "staff" });
    await notifyUser(ctx, user, text);
  }
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
