/**
 * `estimate`: what an IP service agency may claim, by the support estimate of
 * the jurisdiction's module (Zibo 第九条: evaluate-support.ts).
 *
 * @example
 *   const r = estimateSupport({ jurisdiction: "zibo", year: 2021, asOf: "2021-06-30",
 *     agency: { inZone: true, patentAgencyQualified: true }, inventionGrants: 130 });
 *   r.totalMax // 30000
 */
import type { AgencyInput } from "../agency-input.schema.ts";
import { estimateJurisdictions, jurisdictionModule } from "../jurisdiction-registry.ts";
import { JURISDICTION_LABELS } from "../labels.ts";
import { loadRuleParams } from "../load-rule-params.ts";
import type { EstimateResult } from "../rule-result.types.ts";
import type { ParamDef, RuleParamsFile } from "../rule-param.schema.ts";
import { todayInChina } from "../today.ts";

export { evaluateSupport, SUPPORT_RULES } from "./evaluate-support.ts";

export interface EstimateOptions {
  /** the date used when the input has no `asOf` (default: today in China) */
  today?: string;
  /** a params file to use instead of the one under knowledge/rules/ */
  paramsFile?: RuleParamsFile<Record<string, ParamDef<unknown>>>;
}

/** A jurisdiction was named whose policy offers no support estimate. */
export class NoSupportEstimateError extends Error {
  constructor(public readonly jurisdiction: string) {
    const offered = estimateJurisdictions().map((m) => `${m.jurisdiction}（${JURISDICTION_LABELS[m.jurisdiction]}）`).join("、");
    super(`${JURISDICTION_LABELS[jurisdiction as keyof typeof JURISDICTION_LABELS] ?? jurisdiction}的政策没有机构资助测算；可测算的地区：${offered}`);
    this.name = "NoSupportEstimateError";
  }
}

/**
 * `estimate` with the params under knowledge/rules/ and asOf defaulting to
 * today, by the jurisdiction's module: the input's jurisdiction, or the one
 * registered jurisdiction that offers an estimate.
 */
export function estimateSupport(input: AgencyInput, options: EstimateOptions = {}): EstimateResult {
  const m = input.jurisdiction ? jurisdictionModule(input.jurisdiction) : estimateJurisdictions()[0];
  if (!m?.estimate) throw new NoSupportEstimateError(input.jurisdiction ?? "");
  const file = options.paramsFile ?? loadRuleParams(m.paramsFile, m.paramsSchema);
  return m.estimate.evaluate(input, input.asOf ?? options.today ?? todayInChina(), file);
}
