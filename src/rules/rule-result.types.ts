/** Output contracts of `check --json` and `estimate --json` (docs/output-formats.md). */
import type { Jurisdiction, PolicyId } from "../knowledge/jurisdictions.ts";

export type { PolicyId } from "../knowledge/jurisdictions.ts";
export type PolicyStatus = "in-force" | "trial-expired" | "not-yet-in-force";
export type ConditionStatus = "met" | "not-met" | "unknown";
export type Verdict = "eligible" | "not-eligible" | "needs-review";

export interface RuleWarning {
  code: string;
  message: string;
  /** the fact the warning is about (`fact-unconfirmed`: the fact that was assumed) */
  path?: string;
}

/** One step of a human-readable trace: fact → parameter (value + clause) → result. */
export interface TraceStep {
  clause: string;
  text: string;
}

export interface ConditionResult {
  id: string;
  label: string;
  status: ConditionStatus;
  detail: string;
  gap?: string;
  /** facts (dotted paths into the profile) that are not given */
  missing?: string[];
  /** facts given as a range that straddles a threshold, with the boundary that decides */
  toConfirm?: { path: string; clause: string; boundary: string }[];
  trace?: TraceStep[];
}

export interface CheckResult {
  jurisdiction: Jurisdiction;
  policy: { id: PolicyId; title: string; effective: string; status: PolicyStatus };
  verdict: Verdict;
  conditions: ConditionResult[];
  warnings: RuleWarning[];
  materials: { name: string; clause: string; note?: string }[];
  procedure: string[];
  /** the evaluation date used (asOf, or today) */
  asOf?: string;
  /** the procedure with each step's clause, for drafting */
  procedureSteps?: { text: string; clause: string }[];
  /** how the policy status was decided; each condition carries its own trace */
  trace?: TraceStep[];
}

/**
 * `check` without `jurisdiction`: every jurisdiction side by side, and which
 * the zone can apply for.
 */
export interface SideBySideCheckResult {
  asOf: string;
  results: CheckResult[];
  /** jurisdictions whose verdict is eligible */
  eligibleFor: Jurisdiction[];
  /** jurisdictions whose verdict is needs-review */
  needsReviewFor: Jurisdiction[];
  /** one Chinese paragraph: where the zone can apply, what blocks the others */
  summary: string;
}

export interface EstimateItem {
  clause: string;
  title: string;
  /** = confirmedMax (kept for compatibility) */
  maxAmount: number;
  /** what the known facts already support */
  confirmedMax: number;
  /** if every unknown or ranged fact turned out favourably */
  possibleMax: number;
  /** the arithmetic of possibleMax, when it differs from `basis` */
  possibleBasis?: string;
  form: "cash" | "voucher";
  basis: string;
  notes: string[];
}

export interface IneligibleItem {
  clause: string;
  reason: string;
  /** which part of the clause (第九条（二） has two) */
  title?: string;
}

export interface EstimateResult {
  year: number;
  policy: { id: PolicyId; status: PolicyStatus };
  items: EstimateItem[];
  ineligible: IneligibleItem[];
  /** = confirmedTotal (kept for compatibility) */
  totalMax: number;
  /** confirmed, in cash */
  cashMax: number;
  /** confirmed, in service vouchers */
  voucherMax: number;
  /** what the known facts already support */
  confirmedTotal: number;
  /** if every unknown or ranged fact turned out favourably */
  possibleTotal: number;
  /** facts to confirm, most valuable first */
  toConfirm: FactToConfirm[];
  /** the readings of ambiguous sentences this estimate used */
  readings: ReadingUsed[];
  warnings: RuleWarning[];
  assumptions: string[];
  /** the evaluation date used (asOf, or today) */
  asOf?: string;
  /** what would raise the amount: 「再获授权 36 件可进入 3 万元档」, room under the case cap */
  hints?: string[];
  trace?: TraceStep[];
}

/** One uncertain fact of an estimate and what confirming it is worth. */
export interface FactToConfirm {
  /** path in the agency input: `custody.certifiedOutstanding`, `inventionGrants` */
  path: string;
  /** the clauses whose amounts depend on it */
  clauses: string[];
  /** how the confirmed amount reads it: 「否」, 「115（范围下限）」 */
  assumedNow: string;
  /** the favourable answer: 「是」, 「130（范围 115–130 的上限）」 */
  ifConfirmed: string;
  /** how much of possibleTotal depends on it (yuan) */
  worth: number;
  /** 「若确认……，第九条（五）代理本市发明专利授权数量：1 万元 → 3 万元」 */
  text: string;
}

/** A reading of an ambiguous sentence (a named parameter with its clause). */
export interface ReadingUsed {
  /** the parameter name in knowledge/rules/zb2020.params.json */
  id: string;
  clause: string;
  /** the value used */
  value: string;
  description: string;
  /** for 第九条's closing sentence: the totals under the other reading */
  otherReading?: { value: string; confirmedTotal: number; possibleTotal: number };
}
