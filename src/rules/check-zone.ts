/**
 * `check`: a zone profile against one jurisdiction's conditions, or against
 * every jurisdiction side by side when the profile names none.
 *
 * @example
 *   const r = checkZone(profile, { today: "2026-11-22" });
 *   if (isSideBySide(r)) console.log(r.summary); else console.log(r.verdict);
 */
import { POLICIES } from "../knowledge/policy-catalog.ts";
import { formatClause } from "../knowledge/citation.ts";
import { evaluateCondition } from "./condition-tests.ts";
import { allJurisdictions, jurisdictionModule } from "./jurisdiction-registry.ts";
import type { JurisdictionModule } from "./jurisdiction.types.ts";
import { JURISDICTION_LABELS } from "./labels.ts";
import { loadRuleParams } from "./load-rule-params.ts";
import { chineseDate, policyStanding, validityOf } from "./policy-validity.ts";
import type { CheckResult, ConditionResult, PolicyStatus, SideBySideCheckResult, Verdict } from "./rule-result.types.ts";
import { resolveParams, type ParamDef, type RuleParamsFile } from "./rule-param.schema.ts";
import { todayInChina } from "./today.ts";
import type { Jurisdiction, ZoneProfile } from "./zone-profile.schema.ts";

export interface CheckOptions {
  /** the date used when the profile has no `asOf` (default: today in China) */
  today?: string;
  /** a params file to use instead of knowledge/rules/ (tests of corrected values) */
  paramsFile?: RuleParamsFile<Record<string, ParamDef<unknown>>>;
}

/**
 * docs/output-formats.md: not-eligible if any condition is not met, else needs-review if any
 * is unknown, else eligible. Before the policy's start date nothing can be
 * applied for: not-eligible, with `policy.status: "not-yet-in-force"` saying why.
 */
export function verdictOf(conditions: readonly ConditionResult[], status: PolicyStatus = "in-force"): Verdict {
  if (status === "not-yet-in-force") return "not-eligible";
  if (conditions.some((c) => c.status === "not-met")) return "not-eligible";
  if (conditions.some((c) => c.status === "unknown")) return "needs-review";
  return "eligible";
}

/**
 * The pure rule: facts, a date and a params file in, a result out.
 * Everything the caller needs to read the result is in it.
 */
export function evaluateJurisdiction(
  module: JurisdictionModule<any>,
  profile: ZoneProfile,
  asOf: string,
  file: RuleParamsFile<Record<string, ParamDef<unknown>>>,
): CheckResult {
  const params = resolveParams(file.parameters, asOf);
  const validity = validityOf(file, asOf);
  const standing = policyStanding(validity, { asOf });
  const conditions = module.conditions.map((c) => evaluateCondition(c, profile, params));
  const warnings = [
    ...standing.warnings,
    ...module.warnings.flatMap((w) => {
      const warning = w.evaluate(profile, params);
      return warning ? [warning] : [];
    }),
  ];
  const policy = POLICIES[module.policyId];
  return {
    jurisdiction: module.jurisdiction,
    policy: { id: module.policyId, title: policy.title, effective: validity.effective, status: standing.status },
    verdict: verdictOf(conditions, standing.status),
    conditions,
    warnings,
    materials: file.materials.map((m) => ({ name: m.name, clause: m.clause, ...(m.note ? { note: m.note } : {}) })),
    procedure: file.procedure.map((s) => `${s.text}（${formatClause(s.clause)}）`),
    asOf,
    procedureSteps: file.procedure.map((s) => ({ text: s.text, clause: s.clause })),
    trace: standing.trace,
  };
}

/** One jurisdiction, whatever `profile.jurisdiction` says. */
export function checkJurisdiction(jurisdiction: Jurisdiction, profile: ZoneProfile, options: CheckOptions = {}): CheckResult {
  const module = jurisdictionModule(jurisdiction);
  const file = options.paramsFile ?? loadRuleParams(module.paramsFile, module.paramsSchema);
  return evaluateJurisdiction(module, profile, profile.asOf ?? options.today ?? todayInChina(), file);
}

function blockers(r: CheckResult, status: "not-met" | "unknown"): string {
  return r.conditions
    .filter((c) => c.status === status)
    .map((c) => `${formatClause(c.id)}${status === "not-met" ? (c.gap ? `：${c.gap}` : "") : `：${c.detail}`}`)
    .join("；");
}

/** For a policy not yet in force: how the conditions would stand, for reference. */
function conditionsAside(r: CheckResult): string {
  const failing = blockers(r, "not-met");
  const open = blockers(r, "unknown");
  if (failing) return `；届时另需满足（${failing}）`;
  if (open) return `；届时还需补充（${open}）`;
  return "；届时按所填信息条件均满足";
}

/** 「可申报：浙江省示范区。淄博市：不符合（第五条（三）：还差 1 家服务机构）。」 */
export function summarizeSideBySide(results: readonly CheckResult[]): string {
  const name = (j: Jurisdiction) => `${JURISDICTION_LABELS[j]}示范区`;
  const eligible = results.filter((r) => r.verdict === "eligible");
  const review = results.filter((r) => r.verdict === "needs-review");
  const lead = eligible.length
    ? `按所填信息，可申报：${eligible.map((r) => name(r.jurisdiction)).join("、")}。`
    : review.length
      ? `按所填信息，暂不能确定可申报哪一地区的示范区，需补充信息。`
      : `按所填信息，${results.map((r) => name(r.jurisdiction)).join("和")}均不符合申报条件。`;
  const parts = results.map((r) => {
    const head = name(r.jurisdiction);
    if (r.policy.status === "not-yet-in-force")
      return `${head}：尚未实施（《${r.policy.title}》自${chineseDate(r.policy.effective)}起实施），评估日期 ${r.asOf ?? ""} 时不能申报${conditionsAside(r)}。`;
    const expired = r.policy.status === "trial-expired" ? "（注意：该方案试用期已满，需确认是否延续）" : "";
    if (r.verdict === "eligible") return `${head}：条件均满足${expired}。`;
    if (r.verdict === "not-eligible") return `${head}：不符合（${blockers(r, "not-met")}）${expired}。`;
    return `${head}：待补充（${blockers(r, "unknown")}）${expired}。`;
  });
  return [lead, ...parts].join("");
}

/** Every registered jurisdiction, side by side. */
export function checkAllJurisdictions(profile: ZoneProfile, options: CheckOptions = {}): SideBySideCheckResult {
  const asOf = profile.asOf ?? options.today ?? todayInChina();
  const results = allJurisdictions().map((m) => checkJurisdiction(m.jurisdiction, { ...profile, asOf }, { today: asOf }));
  return {
    asOf,
    results,
    eligibleFor: results.filter((r) => r.verdict === "eligible").map((r) => r.jurisdiction),
    needsReviewFor: results.filter((r) => r.verdict === "needs-review").map((r) => r.jurisdiction),
    summary: summarizeSideBySide(results),
  };
}

/**
 * `check`: the profile's jurisdiction, or all side by side when it names none.
 */
export function checkZone(profile: ZoneProfile, options: CheckOptions = {}): CheckResult | SideBySideCheckResult {
  return profile.jurisdiction
    ? checkJurisdiction(profile.jurisdiction, profile, options)
    : checkAllJurisdictions(profile, options);
}

export function isSideBySide(r: CheckResult | SideBySideCheckResult): r is SideBySideCheckResult {
  return "results" in r;
}
