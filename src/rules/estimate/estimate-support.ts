/**
 * `estimate`: what an IP service agency in a Zibo zone may claim under
 * 第九条 in one year — each part as a ceiling, with its arithmetic, what was
 * not eligible and why, warnings, the readings it rests on, and a trace.
 *
 * @example
 *   const r = estimateSupport({ jurisdiction: "zibo", year: 2021, asOf: "2021-06-30",
 *     agency: { inZone: true, patentAgencyQualified: true }, inventionGrants: 130 });
 *   r.totalMax // 30000
 */
import { formatClause } from "../../knowledge/citation.ts";
import type { AgencyInput } from "../agency-input.schema.ts";
import { ziboJurisdiction, type Zb2020Params } from "../jurisdictions/zibo.jurisdiction.ts";
import { loadRuleParams } from "../load-rule-params.ts";
import { policyStanding, validityOf } from "../policy-validity.ts";
import type { EstimateResult, RuleWarning, TraceStep } from "../rule-result.types.ts";
import { resolveParams, type RuleParamsFile } from "../rule-param.schema.ts";
import { todayInChina } from "../today.ts";
import { brandRule } from "./brand.rule.ts";
import { clientVouchersRule } from "./client-vouchers.rule.ts";
import { custodyRule } from "./custody.rule.ts";
import { estimateAssumptions } from "./estimate-assumptions.ts";
import { inventionGrantsRule } from "./invention-grants.rule.ts";
import { patentAttorneysRule } from "./patent-attorneys.rule.ts";
import { pledgeFinancingRule } from "./pledge-financing.rule.ts";
import { emptyOutcome, type SupportOutcome, type SupportRule } from "./support-rule.types.ts";
import { wonCasesRule } from "./won-cases.rule.ts";

/** 第九条 in clause order. */
export const SUPPORT_RULES: readonly SupportRule[] = [
  pledgeFinancingRule,
  custodyRule,
  patentAttorneysRule,
  brandRule,
  wonCasesRule,
  inventionGrantsRule,
  clientVouchersRule,
];

export interface EstimateOptions {
  /** the date used when the input has no `asOf` (default: today in China) */
  today?: string;
  /** a params file to use instead of knowledge/rules/zb2020.params.json */
  paramsFile?: RuleParamsFile<Zb2020Params>;
}

/** Every part of 第九条 refused for one reason (not in the zone, policy not yet in force). */
function refuseAll(reason: string): SupportOutcome {
  return {
    ...emptyOutcome(),
    ineligible: SUPPORT_RULES.map((r) => ({ clause: r.clause, title: r.title, reason })),
    trace: [{ clause: "zb2020:9", text: `${reason} → 第九条各项均为 0 元` }],
  };
}

function agencyGate(input: AgencyInput): { refuse?: string; warning?: RuleWarning; trace: TraceStep } {
  const { inZone, patentAgencyQualified } = input.agency;
  const lacks: string[] = [];
  if (inZone === false) lacks.push("不在示范区内");
  if (patentAgencyQualified === false) lacks.push("不具有专利代理资质");
  if (lacks.length) {
    const reason = `机构${lacks.join("且")}：第九条各项只支持示范区内有专利代理资质的知识产权服务机构`;
    return { refuse: reason, trace: { clause: "zb2020:9", text: reason } };
  }
  const unknown: string[] = [];
  if (inZone === undefined) unknown.push("是否在示范区内");
  if (patentAgencyQualified === undefined) unknown.push("是否具有专利代理资质");
  if (unknown.length) {
    const message = `未说明机构${unknown.join("、")}。第九条各项都以「示范区内有专利代理资质的知识产权服务机构」为前提；以下按具备条件测算上限，如不具备，各项均不适用。`;
    return {
      warning: { code: "agency-status-unconfirmed", message },
      trace: { clause: "zb2020:9", text: `机构${unknown.join("、")}未说明 → 按具备条件测算，需确认` },
    };
  }
  return { trace: { clause: "zb2020:9", text: "机构在示范区内且具有专利代理资质 → 第九条各项可以适用" } };
}

/** Pure: the agency's facts, a date and the parameters in; the estimate out. */
export function evaluateSupport(input: AgencyInput, asOf: string, file: RuleParamsFile<Zb2020Params>): EstimateResult {
  // Amounts of a support year: those in force at the end of that year, or at asOf if earlier.
  const yearEnd = `${input.year}-12-31`;
  const paramDate = asOf < yearEnd ? asOf : yearEnd;
  const params = resolveParams(file.parameters, paramDate);
  const validity = validityOf(file, paramDate);
  const standing = policyStanding(validity, { asOf, year: input.year });
  const gate = agencyGate(input);

  let outcomes: SupportOutcome[];
  if (standing.status === "not-yet-in-force") {
    outcomes = [refuseAll(`本方案自 ${validity.effective} 起实施（${formatClause(validity.effectiveClause)}），${input.year} 年度（评估日期 ${asOf}）不在实施期内`)];
  } else if (gate.refuse) {
    outcomes = [refuseAll(gate.refuse)];
  } else {
    outcomes = SUPPORT_RULES.map((r) => r.evaluate(input, params));
  }

  const items = outcomes.flatMap((o) => o.items);
  const cashMax = items.filter((i) => i.form === "cash").reduce((s, i) => s + i.maxAmount, 0);
  const voucherMax = items.filter((i) => i.form === "voucher").reduce((s, i) => s + i.maxAmount, 0);
  const refused = standing.status === "not-yet-in-force" || gate.refuse !== undefined;
  return {
    year: input.year,
    policy: { id: "zb2020", status: standing.status },
    items,
    ineligible: outcomes.flatMap((o) => o.ineligible),
    totalMax: cashMax + voucherMax,
    cashMax,
    voucherMax,
    warnings: [...standing.warnings, ...(gate.warning ? [gate.warning] : []), ...outcomes.flatMap((o) => o.warnings)],
    assumptions: estimateAssumptions(params, validity),
    asOf,
    hints: refused ? [] : outcomes.flatMap((o) => o.hints),
    trace: [...standing.trace, ...(gate.refuse ? [] : [gate.trace]), ...outcomes.flatMap((o) => o.trace)],
  };
}

/** `estimate` with the params under knowledge/rules/ and asOf defaulting to today. */
export function estimateSupport(input: AgencyInput, options: EstimateOptions = {}): EstimateResult {
  const file = options.paramsFile ?? loadRuleParams(ziboJurisdiction.paramsFile, ziboJurisdiction.paramsSchema);
  return evaluateSupport(input, input.asOf ?? options.today ?? todayInChina(), file);
}
