/**
 * A confirmed intake becomes a rule result: the zone check (saved as a draft
 * application, or replacing the facts of the one being corrected) or the
 * 第九条 estimate (saved). The reply is the rules' own Chinese report, with
 * its trace, so chat and `check`/`estimate` never disagree.
 */
import { renderCheckReport, renderEstimateReport } from "../reports/index.ts";
import { checkJurisdiction, estimateSupport, JURISDICTION_LABELS } from "../rules/index.ts";
import type { AgencyInput } from "../rules/agency-input.schema.ts";
import { AmountRangeError } from "../rules/amount-range.error.ts";
import type { ZoneProfile } from "../rules/zone-profile.schema.ts";
import { applicationActions } from "./application-actions.ts";
import type { Reply } from "./message.types.ts";
import { conversationRow, type SessionState } from "./session-state.schema.ts";
import type { TurnContext } from "./assistant-deps.types.ts";

export async function completeApplicationIntake(ctx: TurnContext, session: SessionState, profile: ZoneProfile): Promise<Reply[]> {
  const jurisdiction = profile.jurisdiction!;
  const check = checkJurisdiction(jurisdiction, profile);
  const applications = ctx.deps.store.applications;
  const existing = session.applicationId ? await applications.findById(session.applicationId) : undefined;
  // A corrected application keeps its number, unless the jurisdiction changed: ZJ-… cannot become a Zibo application.
  const reusable =
    existing &&
    existing.userId === ctx.user.id &&
    existing.jurisdiction === jurisdiction &&
    (existing.status === "draft" || existing.status === "returned");
  // The application, its audit entry and the conversation past the intake: one transaction, once per intake.
  const outcome = await ctx.deps.store.intakeOutcomes.saveApplication({
    userId: ctx.user.id,
    jurisdiction,
    profile,
    checkResult: check,
    intakeKey: session.intakeKey,
    replaces: reusable ? { id: existing.id, expectedVersion: existing.version } : undefined,
    audit: { actor: ctx.actor, action: reusable ? "application.update" : "application.create", detail: { verdict: check.verdict } },
    conversation: (saved) => afterIntake(ctx, session, saved.id),
    turn: ctx.turn,
  });
  ctx.conversation = { version: outcome.conversation.version, saved: outcome.conversation };
  const app = outcome.record;
  const moved: Reply[] =
    existing && !reusable && existing.jurisdiction !== jurisdiction && existing.userId === ctx.user.id
      ? [{ kind: "text", text: `申报地区已改为${JURISDICTION_LABELS[jurisdiction]}，已新建申报 ${app.number}；原申报 ${existing.number} 保持不变。` }]
      : [];
  return [
    ...moved,
    { kind: "text", text: renderCheckReport(check) },
    applicationActions(app, `申报编号：${app.number}（${app.status === "returned" ? "已退回，修改后可重新提交" : "草稿"}）。接下来可以：`),
  ];
}

export async function completeEstimateIntake(ctx: TurnContext, session: SessionState, input: AgencyInput): Promise<Reply[]> {
  let result;
  try {
    result = estimateSupport(input);
  } catch (err) {
    // A confirmed but absurd figure (「1 万亿件」) must not become a rounded amount.
    if (err instanceof AmountRangeError) return [{ kind: "text", text: `${err.message}可以回复「修改 数量」后重新测算。` }];
    throw err;
  }
  const outcome = await ctx.deps.store.intakeOutcomes.saveEstimate({
    userId: ctx.user.id,
    intakeKey: session.intakeKey,
    input,
    result,
    audit: { actor: ctx.actor, action: "estimate.create", detail: { totalMax: result.totalMax } },
    conversation: () => afterIntake(ctx, session),
    turn: ctx.turn,
  });
  ctx.conversation = { version: outcome.conversation.version, saved: outcome.conversation };
  return [
    { kind: "text", text: renderEstimateReport(result) },
    { kind: "text", text: "以上为按政策上限估算的最高额度，实际以市知识产权事业发展中心认定为准。需要重新测算请回复「测算一下我们能拿多少资助」。" },
  ];
}

/**
 * The session as the outcome's transaction saves it: past the intake (its key
 * spent), pointing at the new application. Whatever the rest of the turn
 * changes is saved after it, on the version this save made.
 */
function afterIntake(ctx: TurnContext, session: SessionState, applicationId?: number) {
  session.intakeKey = null;
  if (applicationId !== undefined) session.applicationId = applicationId;
  const row = conversationRow(ctx.user.id, session, ctx.conversation.version);
  // A copy: the turn goes on changing `session`.
  return { ...row, state: structuredClone(row.state) };
}
