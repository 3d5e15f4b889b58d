/**
 * The rules module's public face: check a zone, estimate Zibo 第九条 support,
 * know which facts to ask for, turn bad input into Chinese. Pure: no files,
 * no printing (reports are rendered by src/reports, input files read by src/cli).
 *
 * @example
 *   import { parseZoneProfile, checkZone } from "../rules/index.ts";
 *   const p = parseZoneProfile(json);
 *   if (!p.ok) return formatInputErrorList(p.errors);
 *   const r = checkZone(p.value);
 */
export { checkZone, checkJurisdiction, checkAllJurisdictions, isSideBySide, verdictOf, type CheckOptions } from "./check-zone.ts";
export { estimateSupport, evaluateSupport, SUPPORT_RULES, type EstimateOptions } from "./estimate/estimate-support.ts";
export { requiredFacts, requiredAgencyFacts, type RequiredFact, type FactKind } from "./required-facts.ts";
export { parseZoneProfile, parseAgencyInput } from "./parse-rule-input.ts";
export {
  parseInput,
  formatInputIssues,
  formatInputErrorList,
  describeExpected,
  type InputFieldError,
  type ParseOutcome,
} from "./format-input-errors.ts";
export * from "./labels.ts";
export { formatYuan, wanYuan, wanText, groupDigits } from "./money.ts";
export { todayInChina } from "./today.ts";
export { RuleParamsError } from "./load-rule-params.ts";
export type * from "./rule-result.types.ts";
export type { ZoneProfile, Jurisdiction } from "./zone-profile.schema.ts";
export type { AgencyInput } from "./agency-input.schema.ts";
export { asRange, formatRange, isUncertain, type FactRange, type RangedNumber } from "./fact-range.ts";
export {
  PLAUSIBLE_BOUNDS,
  plausibleBound,
  findImplausibleFacts,
  implausibleInputErrors,
  implausibleQuestion,
  readableQuantity,
  type PlausibleBound,
  type ImplausibleFact,
} from "./plausibility.ts";
export { AmountRangeError, checkedAmount } from "./amount-range.error.ts";
