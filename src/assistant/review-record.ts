/**
 * An application's record for review: its history (who did what, when, with
 * which comment or reason) and, after a return, what changed since. Read by
 * the chat's 「查看」 and the web review desk alike.
 */
import { changesSinceReturn, type ChangesSinceReturn } from "../review/changes-since-return.ts";
import type { ApplicationRecord, AuditRecord, Store } from "../store/index.ts";
import { commentOf } from "./application-workflow.ts";

export interface HistoryEntry {
  at: Date;
  action: string;
  /** what happened, in Chinese: 提交申报, 退回, 受理 … */
  label: string;
  actor: string;
  /** the actor as people know them: a display name, or the account name */
  actorName: string;
  /** the return comment or the reason for accepting against the pre-check */
  note?: string;
}

const ACTION_LABELS: Record<string, string> = {
  "application.create": "完成填报，生成申报",
  "application.update": "修改申报信息",
  "application.submit": "提交申报",
  "application.resubmit": "修改后重新提交",
  "application.return": "退回",
  "application.accept": "受理",
};

export function historyLabel(action: string): string | undefined {
  return ACTION_LABELS[action];
}

/** `desk:zhangsan` → the account's display name; `telegram:42` → the chat user's. */
export async function actorName(store: Store, actor: string): Promise<string> {
  const [kind, id] = [actor.slice(0, actor.indexOf(":")), actor.slice(actor.indexOf(":") + 1)];
  if (kind === "desk") {
    const account = await store.staffAccounts.findByName(id);
    return account?.displayName ? `${account.displayName}（${id}）` : id;
  }
  if (kind === "telegram" || kind === "wecom" || kind === "console") {
    const user = await store.users.findByChannelId(kind, id);
    return user?.displayName ? `${user.displayName}（${actor}）` : actor;
  }
  return actor;
}

function noteOf(event: AuditRecord): string | undefined {
  const detail = event.detail as { detail?: { reason?: unknown } } | null;
  const reason = detail?.detail?.reason;
  if (typeof reason === "string" && reason) return `受理理由：${reason}`;
  const comment = commentOf(event.detail);
  return comment ? `退回意见：${comment}` : undefined;
}

export interface ReviewRecord {
  history: HistoryEntry[];
  changes: ChangesSinceReturn | undefined;
}

export async function loadReviewRecord(store: Store, app: ApplicationRecord): Promise<ReviewRecord> {
  const events = await store.audit.listBySubject(`application:${app.number}`, 500);
  const names = new Map<string, string>();
  const nameOf = async (actor: string) => {
    if (!names.has(actor)) names.set(actor, await actorName(store, actor));
    return names.get(actor)!;
  };
  const history: HistoryEntry[] = [];
  for (const e of events) {
    const label = historyLabel(e.action);
    if (!label) continue;
    history.push({ at: e.at, action: e.action, label, actor: e.actor, actorName: await nameOf(e.actor), note: noteOf(e) });
  }
  const snapshots = await store.applications.listSnapshots(app.id);
  const lastReturn = [...snapshots].reverse().find((s) => s.status === "returned");
  const returnEvent = [...events].reverse().find((e) => e.action === "application.return");
  const changes = changesSinceReturn(
    lastReturn && {
      at: lastReturn.at,
      actor: await nameOf(lastReturn.actor),
      comment: (returnEvent && commentOf(returnEvent.detail)) ?? app.staffComment,
      profile: lastReturn.profile,
      checkResult: lastReturn.checkResult,
    },
    { profile: app.profile, checkResult: app.checkResult },
  );
  return { history, changes };
}
