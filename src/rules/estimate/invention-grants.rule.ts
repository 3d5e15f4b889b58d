/**
 * 第九条（五）, first half: invention grants for the city that year.
 * 「超过70件、120件、200件以上」 → 1 万、3 万、5 万, the highest tier only.
 * Exactly 70, 120 or 200 stays in the lower tier: the text says 超过; we warn
 * because 以上 may include the number. Any abnormal application voids it.
 */
import { formatClause } from "../../knowledge/citation.ts";
import { groupDigits, wanText } from "../money.ts";
import { emptyOutcome, notEligible, type SupportRule } from "./support-rule.types.ts";

const rule = { clause: "zb2020:9.5", title: "代理本市发明专利授权数量" };

export const ABNORMAL_UNKNOWN_NOTE = "未说明是否有（恶意）非正常申请；如有，第九条（五）全部不予支持";

export const inventionGrantsRule: SupportRule = {
  ...rule,
  facts: [
    { path: "inventionGrants", kind: "count" },
    { path: "abnormalApplications", kind: "boolean" },
  ],
  evaluate(input, params) {
    const g = input.inventionGrants;
    if (input.abnormalApplications === true)
      return notEligible(rule, `存在非正常申请，${formatClause(rule.clause)}要求「无恶意非正常申请」，授权数量支持不予给予`);
    if (g === undefined) return notEligible(rule, "未提供本年度代理的本市发明专利授权数量，未测算");
    const tiers = params.inventionGrantTiers.value;
    const reached = tiers.filter((t) => g > t.moreThan).at(-1);
    const next = tiers.find((t) => g <= t.moreThan);
    const out = emptyOutcome();
    if (next) out.hints.push(`再获授权 ${next.moreThan + 1 - g} 件可进入 ${wanText(next.amount)}档`);
    const boundary = tiers.find((t) => t.moreThan === g);
    if (boundary) {
      const lower = tiers.filter((t) => t.moreThan < g).at(-1);
      out.warnings.push({
        code: "tier-boundary",
        message: `本年度授权恰好 ${g} 件。${formatClause(rule.clause)}写「超过${boundary.moreThan}件……以上」，按「超过」计入${lower ? `${wanText(lower.amount)}档` : "不予支持"}；若主管部门按「以上」含本数理解，可达 ${wanText(boundary.amount)}档，请向市知识产权事业发展中心确认。`,
      });
    }
    if (!reached) {
      const first = tiers[0]!;
      return notEligible(rule, `本年度代理本市发明专利授权 ${g} 件，未超过 ${first.moreThan} 件`, out);
    }
    out.items.push({
      clause: rule.clause,
      title: rule.title,
      maxAmount: reached.amount,
      form: params.inventionGrantTiers.form ?? "cash",
      basis: `${g} 件 > ${reached.moreThan} 件 → ${groupDigits(reached.amount)}（只取最高一档）`,
      notes: input.abnormalApplications === undefined ? [ABNORMAL_UNKNOWN_NOTE] : [],
    });
    out.trace.push({
      clause: rule.clause,
      text: `本年度代理本市发明专利授权 ${g} 件，超过 ${reached.moreThan} 件，依据${formatClause(rule.clause)}最高 ${wanText(reached.amount)}`,
    });
    return out;
  },
};
