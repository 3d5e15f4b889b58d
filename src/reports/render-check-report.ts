/**
 * `check` results as a readable Chinese report (pure: result in, text out).
 * Chat, drafting and the CLI all print these.
 */
import { formatCitation, formatClause } from "../knowledge/citation.ts";
import { JURISDICTION_LABELS } from "../rules/labels.ts";
import { policyValidityOn } from "../rules/policy-dates.ts";
import { todayInChina } from "../rules/today.ts";
import type { CheckResult, ConditionStatus, PolicyStatus, SideBySideCheckResult, Verdict } from "../rules/rule-result.types.ts";

export const VERDICT_LABELS: Record<Verdict, string> = {
  eligible: "符合申报条件",
  "not-eligible": "不符合申报条件",
  "needs-review": "需补充信息后再判断",
};

export const CONDITION_STATUS_LABELS: Record<ConditionStatus, string> = {
  met: "满足",
  "not-met": "不满足",
  unknown: "待确认",
};

export const POLICY_STATUS_LABELS: Record<PolicyStatus, string> = {
  "in-force": "有效",
  "trial-expired": "试用期已满",
  "not-yet-in-force": "尚未实施",
};

const MARK: Record<ConditionStatus, string> = { met: "✓", "not-met": "✗", unknown: "?" };

export interface RenderOptions {
  /** include the step-by-step trace (default true) */
  trace?: boolean;
}

/** One jurisdiction's check as a report. */
export function renderCheckReport(r: CheckResult, options: RenderOptions = {}): string {
  const lines: string[] = [];
  const validity = policyValidityOn(r.policy.id, r.asOf ?? todayInChina());
  lines.push(`【${JURISDICTION_LABELS[r.jurisdiction]}示范区资格自检】`);
  lines.push(`依据：《${r.policy.title}》`);
  lines.push(
    `政策状态：${POLICY_STATUS_LABELS[r.policy.status]}（自 ${r.policy.effective} 起实施${validity.trialEnds ? `，试用期至 ${validity.trialEnds}` : "，试行，未定截止日期"}）${r.asOf ? `；评估日期 ${r.asOf}` : ""}`,
  );
  lines.push(`结论：${VERDICT_LABELS[r.verdict]}`);
  lines.push("", "申报条件：");
  for (const c of r.conditions) {
    lines.push(`  ${MARK[c.status]} ${formatClause(c.id)} ${c.label} —— ${CONDITION_STATUS_LABELS[c.status]}`);
    lines.push(`      ${c.detail}`);
    if (c.gap) lines.push(`      差距：${c.gap}`);
  }
  if (r.warnings.length) {
    lines.push("", "提示：");
    for (const w of r.warnings) lines.push(`  - ${w.message}`);
  }
  lines.push("", `申报材料（${formatCitation(articleId(r.materials[0]?.clause))}）：`);
  r.materials.forEach((m, i) => lines.push(`  ${i + 1}. ${m.name}（${formatClause(m.clause)}）${m.note ? `——${m.note}` : ""}`));
  lines.push("", "申报程序：");
  r.procedure.forEach((s, i) => lines.push(`  ${i + 1}. ${s}`));
  if (options.trace !== false) {
    lines.push("", "判断过程：");
    for (const t of r.trace ?? []) lines.push(`  - ${t.text}`);
    for (const c of r.conditions) for (const t of c.trace ?? []) lines.push(`  - ${t.text}`);
  }
  return lines.join("\n");
}

const articleId = (clause: string | undefined) => (clause ?? "").replace(/\.\d+$/, "");

/** Both jurisdictions: the summary first, then each report. */
export function renderSideBySideReport(r: SideBySideCheckResult, options: RenderOptions = {}): string {
  const head = [`【资格自检：${r.results.map((x) => JURISDICTION_LABELS[x.jurisdiction]).join(" / ")}对照】（评估日期 ${r.asOf}）`];
  const table = r.results.map(
    (x) =>
      `  ${JURISDICTION_LABELS[x.jurisdiction]}：${VERDICT_LABELS[x.verdict]}（${x.conditions.map((c) => `${formatClause(c.id)}${CONDITION_STATUS_LABELS[c.status]}`).join("，")}）`,
  );
  return [...head, r.summary, "", ...table, ...r.results.map((x) => "\n" + renderCheckReport(x, options))].join("\n");
}
