/**
 * A staff decision on a submitted application — accept, or return with a
 * comment — for the chat and the web review desk alike. Accepting an
 * application whose pre-check says 不符合 needs a reason, which is recorded.
 * The status change is compare-and-set: of two reviewers deciding at once
 * exactly one wins; the other learns who decided. The applicant is told
 * through the outbox (notify.ts), the notice enqueued with the decision.
 */
import { parseStoredCheckResult } from "../rules/check-result.schema.ts";
import type { CheckResult } from "../rules/rule-result.types.ts";
import { ConcurrentUpdateError, type ApplicationRecord } from "../store/index.ts";
import type { TurnContext } from "./assistant-deps.types.ts";
import { pushNotices, type NotifyContext } from "./notify.ts";

export type Decision = "accepted" | "returned";

export interface Reviewer {
  /** how the audit trail names them: telegram:42, desk:zhangsan */
  actor: string;
  /** checked here, whatever the caller checked before */
  canDecide: boolean;
}

export interface DecisionRequest {
  number: string;
  decision: Decision;
  /** the return comment, forwarded to the applicant word for word */
  comment?: string;
  /** why an application the pre-check found 不符合 is accepted */
  reason?: string;
  /** the version the reviewer looked at (web forms); a newer one is a conflict */
  expectedVersion?: number;
}

export type DecisionOutcome =
  | { kind: "decided"; app: ApplicationRecord }
  | { kind: "forbidden" }
  | { kind: "not-found" }
  | { kind: "needs-comment"; app: ApplicationRecord }
  | { kind: "needs-reason"; app: ApplicationRecord; check: CheckResult }
  /** not (or no longer) waiting for a decision; `app.decidedBy` says who decided */
  | { kind: "not-pending"; app: ApplicationRecord }
  /** another reviewer decided between reading and deciding */
  | { kind: "conflict"; app: ApplicationRecord };

export function decisionNotice(app: Pick<ApplicationRecord, "number" | "status" | "staffComment">): string {
  return app.status === "accepted"
    ? `您的申报 ${app.number} 已通过主管部门审核（受理）。`
    : `您的申报 ${app.number} 被退回，意见：「${app.staffComment}」。回复「修改申报」可在原有信息基础上修改后重新提交。`;
}

export function precheckOf(app: ApplicationRecord): CheckResult | undefined {
  return parseStoredCheckResult(app.checkResult) ?? undefined;
}

/**
 * `turn`: the chat turn deciding (the web desk has none). A replay of a turn
 * whose decision committed before the turn was cut gets that decision back,
 * not 「已由…处理」 and not a second notice.
 */
export async function decideApplication(
  ctx: NotifyContext,
  reviewer: Reviewer,
  request: DecisionRequest,
  turn?: TurnContext["turn"],
): Promise<DecisionOutcome> {
  const { store } = ctx.deps;
  const number = request.number.toUpperCase();
  const action = request.decision === "accepted" ? "accept" : "return";
  if (!reviewer.canDecide) {
    await store.audit.record({ actor: reviewer.actor, action: `denied.${action}`, subject: `application:${number}` });
    return { kind: "forbidden" };
  }
  const app = await store.applications.findByNumber(number);
  if (!app) return { kind: "not-found" };
  const earlier = turn?.resumed ? await store.applications.findTransitionOfTurn(turn.key) : undefined;
  if (earlier) return { kind: "decided", app: earlier };
  if (app.status !== "submitted") return { kind: "not-pending", app };
  if (request.expectedVersion !== undefined && request.expectedVersion !== app.version) return { kind: "conflict", app };
  const comment = request.comment?.trim() ?? "";
  const reason = request.reason?.trim() ?? "";
  if (request.decision === "returned" && !comment) return { kind: "needs-comment", app };
  const check = precheckOf(app);
  if (request.decision === "accepted" && check?.verdict === "not-eligible" && !reason) return { kind: "needs-reason", app, check };
  const staffComment = request.decision === "returned" ? comment : null;
  const owner = await store.users.findById(app.userId);
  try {
    const decided = await store.applications.transition({
      id: app.id,
      from: "submitted",
      to: request.decision,
      expectedVersion: app.version,
      staffComment,
      decidedBy: reviewer.actor,
      audit: {
        actor: reviewer.actor,
        action: `application.${action}`,
        detail: request.decision === "returned" ? { comment } : reason ? { reason, verdict: check?.verdict } : undefined,
      },
      notify: owner ? [{ userId: owner.id, text: decisionNotice({ number: app.number, status: request.decision, staffComment }) }] : [],
      turn,
    });
    if (owner) await pushNotices(ctx, [{ user: owner, notice: decided.notices[0]! }]);
    return { kind: "decided", app: decided.record };
  } catch (err) {
    if (err instanceof ConcurrentUpdateError) {
      const now = await store.applications.findByNumber(number);
      return { kind: "conflict", app: now ?? app };
    }
    throw err;
  }
}
