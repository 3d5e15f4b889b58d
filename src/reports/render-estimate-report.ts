/** `estimate` results as a readable Chinese report (pure: result in, text out). */
import { formatCitation, formatClause } from "../knowledge/citation.ts";
import { JURISDICTION_OF } from "../knowledge/jurisdictions.ts";
import { jurisdictionModule } from "../rules/jurisdiction-registry.ts";
import { READING_LABELS } from "../rules/labels.ts";
import { formatYuan } from "../rules/money.ts";
import { POLICY_STATUS_LABELS, type RenderOptions } from "./render-check-report.ts";
import type { EstimateResult } from "../rules/rule-result.types.ts";

const FORM_LABELS = { cash: "资金", voucher: "服务券" } as const;

export function renderEstimateReport(r: EstimateResult, options: RenderOptions = {}): string {
  const lines: string[] = [];
  const clause = jurisdictionModule(JURISDICTION_OF[r.policy.id]).estimate?.clause ?? r.policy.id;
  lines.push(`【资助测算：${formatCitation(clause)}】`);
  lines.push(`测算年度：${r.year} 年${r.asOf ? `；评估日期 ${r.asOf}` : ""}；政策状态：${POLICY_STATUS_LABELS[r.policy.status]}`);
  lines.push(
    `已确认的合计最高：${formatYuan(r.confirmedTotal)}，其中资金 ${formatYuan(r.cashMax)}，服务券 ${formatYuan(r.voucherMax)}`,
  );
  if (r.possibleTotal > r.confirmedTotal)
    lines.push(`待确认的信息如均属实，合计最高可达：${formatYuan(r.possibleTotal)}`);
  if (r.items.length) {
    lines.push("", "可申请的项目（均为上限）：");
    r.items.forEach((i, n) => {
      const amount =
        i.possibleMax > i.confirmedMax
          ? `已确认最高 ${formatYuan(i.confirmedMax)}，如确认最高 ${formatYuan(i.possibleMax)}`
          : `最高 ${formatYuan(i.confirmedMax)}`;
      lines.push(`  ${n + 1}. ${formatClause(i.clause)} ${i.title}：${amount}，${FORM_LABELS[i.form]}`);
      lines.push(`     计算：${i.basis}${i.possibleBasis ? `；如确认：${i.possibleBasis}` : ""}`);
      for (const note of i.notes) lines.push(`     注：${note}`);
    });
  }
  if (r.toConfirm.length) {
    lines.push("", "需要确认的信息（按影响金额从大到小）：");
    for (const t of r.toConfirm) lines.push(`  - ${t.text}`);
  }
  if (r.ineligible.length) {
    lines.push("", "不予支持或未测算：");
    // One reason shared by several parts (not in the zone, policy not in force) is said once.
    const byReason = new Map<string, string[]>();
    for (const x of r.ineligible) {
      const name = `${formatClause(x.clause)}${x.title ? ` ${x.title}` : ""}`;
      byReason.set(x.reason, [...(byReason.get(x.reason) ?? []), name]);
    }
    for (const [reason, names] of byReason) {
      if (names.length === 1) lines.push(`  - ${names[0]}：${reason}`);
      else lines.push(`  - ${reason}。涉及：`, ...names.map((n) => `      ${n}`));
    }
  }
  if (r.warnings.length) {
    lines.push("", "提示：");
    for (const w of r.warnings) lines.push(`  - ${w.message}`);
  }
  if (r.hints?.length) {
    lines.push("", "还可以争取：");
    for (const h of r.hints) lines.push(`  - ${h}`);
  }
  const once = r.readings.find((x) => x.otherReading);
  lines.push("", "解读：");
  const word = (v: string) => `「${READING_LABELS[v] ?? v}」（${v}）`;
  for (const x of r.readings) lines.push(`  - ${formatClause(x.clause)}：${x.description}。本测算采用${word(x.value)}。`);
  if (once?.otherReading)
    lines.push(
      `  - 若按${word(once.otherReading.value)}理解${formatClause(once.clause)}末句，合计最高 ${formatYuan(once.otherReading.confirmedTotal)}${once.otherReading.possibleTotal > once.otherReading.confirmedTotal ? `（待确认信息均属实时 ${formatYuan(once.otherReading.possibleTotal)}）` : ""}。`,
    );
  lines.push("", "测算口径：");
  for (const a of r.assumptions) lines.push(`  ${a}`);
  if (options.trace !== false && r.trace?.length) {
    lines.push("", "计算过程：");
    for (const t of r.trace) lines.push(`  - ${t.text}`);
  }
  return lines.join("\n");
}
