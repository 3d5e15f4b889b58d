/**
 * The rule results (CheckResult from src/rules) as document text: the
 * condition-by-condition table the application form and the pre-check report
 * both print, and the verdict in words.
 */
import { formatClause } from "../knowledge/citation.ts";
import { factLabel } from "../rules/labels.ts";
import type { CheckResult, ConditionResult, ConditionStatus, Verdict } from "../rules/rule-result.types.ts";
import { table, text, type Block, type Span } from "./document-model.ts";

export const CONDITION_STATUS_LABELS: Record<ConditionStatus, string> = {
  met: "符合",
  "not-met": "不符合",
  unknown: "待确认（信息不全）",
};

export const VERDICT_LABELS: Record<Verdict, string> = {
  eligible: "符合申报条件",
  "not-eligible": "暂不符合申报条件",
  "needs-review": "信息不全，补充后复核",
};

/** The rules' detail, plus the gap and the missing facts unless the detail already says them. */
function explanation(c: ConditionResult, withGap: boolean): string {
  const parts = [c.detail];
  const gap = c.gap?.replace(/^缺少[:：]/, "");
  if (withGap && gap && !c.detail.includes(gap)) parts.push(`差距：${c.gap}`);
  const unsaid = (c.missing ?? []).map(factLabel).filter((l) => !c.detail.includes(l));
  if (unsaid.length) parts.push(`缺少：${unsaid.join("；")}`);
  return parts.filter(Boolean).join("。").replace(/。。/g, "。");
}

/** 序号 | 条款 | 条件 | 结果 | 说明 — one row per condition, in the order the rules give. */
export function conditionTable(check: CheckResult, opts: { withGap: boolean }): Block {
  const rows: Span[][][] = check.conditions.map((c, i) => [
    [text(String(i + 1))],
    [text(formatClause(c.id))],
    [text(c.label)],
    [text(CONDITION_STATUS_LABELS[c.status], c.status !== "met")],
    [text(explanation(c, opts.withGap))],
  ]);
  return table([["序号", 1.3], ["条款", 2.2], ["条件", 4.2], ["结果", 2], ["说明", 6]], rows);
}

export function countByStatus(check: CheckResult): Record<ConditionStatus, number> {
  const counts: Record<ConditionStatus, number> = { met: 0, "not-met": 0, unknown: 0 };
  for (const c of check.conditions) counts[c.status]++;
  return counts;
}

/** 「符合 3 项，不符合 0 项，待确认 1 项」 */
export function statusSummary(check: CheckResult): string {
  const n = countByStatus(check);
  return `共 ${check.conditions.length} 项条件：符合 ${n.met} 项，不符合 ${n["not-met"]} 项，待确认 ${n.unknown} 项`;
}
