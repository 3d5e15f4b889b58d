/**
 * The bureau's side: the queue of submitted applications, opening one
 * (pre-check summary first, then the documents), accepting or returning it
 * with a comment. Every action checks the staff allow-list in code and is
 * recorded in the audit trail; when two staff decide at once, the
 * repository's compare-and-set lets exactly one win.
 */
import { renderCheckReport } from "../reports/index.ts";
import { JURISDICTION_LABELS } from "../rules/index.ts";
import type { CheckResult } from "../rules/rule-result.types.ts";
import { formatClause } from "../knowledge/citation.ts";
import { renderChanges } from "../review/render-changes.ts";
import type { ApplicationRecord } from "../store/index.ts";
import { STATUS_LABELS } from "./application-actions.ts";
import { renderDrafts, storedCheckResult, storedProfile } from "./application-workflow.ts";
import { ACTION } from "./detect-command.ts";
import type { Reply } from "./message.types.ts";
import { decideApplication, type Decision } from "./review-decision.ts";
import { loadReviewRecord } from "./review-record.ts";
import type { SessionState } from "./session-state.schema.ts";
import type { TurnContext } from "./assistant-deps.types.ts";

const STAFF_ONLY: Reply = { kind: "text", text: "该操作仅限主管部门工作人员使用。如需查看自己的申报，请回复「我的申报」。" };

function denied(ctx: TurnContext, action: string, subject: string): Reply[] {
  ctx.writes.push({ kind: "audit", entry: { actor: ctx.actor, action: `denied.${action}`, subject } });
  return [STAFF_ONLY];
}

async function find(ctx: TurnContext, number: string): Promise<ApplicationRecord | undefined> {
  return ctx.deps.store.applications.findByNumber(number.toUpperCase());
}

export async function showQueue(ctx: TurnContext): Promise<Reply[]> {
  if (!ctx.isStaff) return denied(ctx, "queue", "applications");
  const queue = await ctx.deps.store.applications.listByStatus("submitted", { limit: 20 });
  if (!queue.length) return [{ kind: "text", text: "目前没有待审核的申报。" }];
  const lines = [`待审核申报 ${queue.length} 件（先到先审）：`];
  for (const app of queue) {
    const check = storedCheckResult(app);
    lines.push(
      `· ${app.number} ${JURISDICTION_LABELS[app.jurisdiction]} ${storedProfile(app).applicant?.name ?? "（未填单位名称）"} — 自检：${check ? verdictLabel(check) : "无"}`,
    );
  }
  return [
    { kind: "text", text: lines.join("\n") },
    { kind: "choices", text: "选择一件查看：", options: queue.slice(0, 10).map((a) => ({ id: `${ACTION.open}${a.number}`, label: `查看 ${a.number}` })) },
  ];
}

function verdictLabel(check: CheckResult): string {
  return check.verdict === "eligible" ? "符合条件" : check.verdict === "not-eligible" ? "不符合条件" : "需进一步确认";
}

export async function openApplication(ctx: TurnContext, number: string): Promise<Reply[]> {
  const app = await find(ctx, number);
  // An applicant may open only their own; staff any. Same answer for "not yours" and "none" (no enumeration).
  if (!app || (!ctx.isStaff && app.userId !== ctx.user.id)) {
    if (!ctx.isStaff) ctx.writes.push({ kind: "audit", entry: { actor: ctx.actor, action: "denied.open", subject: `application:${number}` } });
    return [{ kind: "text", text: `没有找到您可查看的申报 ${number}。` }];
  }
  const check = storedCheckResult(app);
  const head = `${app.number} · ${JURISDICTION_LABELS[app.jurisdiction]} · ${STATUS_LABELS[app.status]}${app.staffComment ? `\n审核意见：${app.staffComment}` : ""}`;
  const replies: Reply[] = [{ kind: "text", text: `【预审摘要】${head}\n\n${check ? renderCheckReport(check) : "（无自检结果）"}` }];
  // After a return, what the applicant changed — not only the old comment.
  const { changes } = await loadReviewRecord(ctx.deps.store, app);
  if (changes) replies.push({ kind: "text", text: renderChanges(changes) });
  replies.push(...(await renderDrafts(ctx, app, ctx.isStaff ? "review" : "applicant")).filter((r) => r.kind === "document"));
  if (ctx.isStaff) {
    ctx.writes.push({ kind: "audit", entry: { actor: ctx.actor, action: "application.open", subject: `application:${app.number}` } });
    if (app.status === "submitted") {
      replies.push({
        kind: "choices",
        text: `审核 ${app.number}：`,
        options: [
          { id: `${ACTION.accept}${app.number}`, label: "通过（受理）" },
          { id: `${ACTION.return}${app.number}`, label: "退回并附意见" },
        ],
      });
    }
  }
  return replies;
}

export async function decide(
  ctx: TurnContext,
  session: SessionState,
  number: string,
  decision: Decision,
  text: string,
): Promise<Reply[]> {
  // Checked here too, so the refusal's audit entry is one of the turn's writes (decideApplication checks again).
  if (!ctx.isStaff) return denied(ctx, decision === "accepted" ? "accept" : "return", `application:${number.toUpperCase()}`);
  const outcome = await decideApplication(
    ctx,
    { actor: ctx.actor, canDecide: ctx.isStaff },
    { number, decision, comment: decision === "returned" ? text : undefined, reason: decision === "accepted" ? text : undefined },
    ctx.turn,
  );
  switch (outcome.kind) {
    case "forbidden":
      return [STAFF_ONLY];
    case "not-found":
      return [{ kind: "text", text: `没有找到申报 ${number}，请核对编号（例如 ZJ-2026-0001）。` }];
    case "needs-comment":
      session.pendingReturn = outcome.app.id;
      return [{ kind: "text", text: `请输入退回 ${outcome.app.number} 的意见（将原文转告申报单位），或回复「取消」。` }];
    case "needs-reason": {
      session.pendingAccept = outcome.app.id;
      const gaps = outcome.check.conditions.filter((c) => c.status === "not-met").map((c) => `${formatClause(c.id)}${c.gap ? `：${c.gap}` : ""}`);
      return [
        {
          kind: "text",
          text: `${outcome.app.number} 的自检结论为「不符合申报条件」${gaps.length ? `（${gaps.join("；")}）` : ""}。确认仍要受理，请输入受理理由（记入审核记录）；不受理请回复「取消」。`,
        },
      ];
    }
    case "not-pending": {
      const app = outcome.app;
      return [{ kind: "text", text: `${app.number} 当前状态为「${STATUS_LABELS[app.status]}」，${app.decidedBy ? `已由 ${app.decidedBy} 处理，` : ""}无法再次审核。` }];
    }
    case "conflict": {
      const now = outcome.app;
      return [{ kind: "text", text: `${number} 刚刚已由其他工作人员处理（当前状态：${STATUS_LABELS[now.status]}${now.decidedBy ? `，处理人 ${now.decidedBy}` : ""}），您的操作未生效。` }];
    }
    case "decided":
      return [{ kind: "text", text: `已${decision === "accepted" ? "受理" : "退回"} ${outcome.app.number}${decision === "accepted" && text.trim() ? `（受理理由已记录）` : ""}，并已通知申报单位。` }];
  }
}
