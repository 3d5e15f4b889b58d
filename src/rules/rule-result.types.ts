/** Output contracts of `check --json` and `estimate --json` (docs/output-formats.md). */
import type { Jurisdiction, PolicyId } from "../knowledge/jurisdictions.ts";

export type { PolicyId } from "../knowledge/jurisdictions.ts";
export type PolicyStatus = "in-force" | "trial-expired" | "not-yet-in-force";
export type ConditionStatus = "met" | "not-met" | "unknown";
export type Verdict = "eligible" | "not-eligible" | "needs-review";

export interface RuleWarning {
  code: string;
  message: string;
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
  /** facts (dotted paths into the profile) that are still unknown */
  missing?: string[];
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
  maxAmount: number;
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
  policy: { id: "zb2020"; status: PolicyStatus };
  items: EstimateItem[];
  ineligible: IneligibleItem[];
  totalMax: number;
  cashMax: number;
  voucherMax: number;
  warnings: RuleWarning[];
  assumptions: string[];
  /** the evaluation date used (asOf, or today) */
  asOf?: string;
  /** what would raise the amount: 「再获授权 36 件可进入 3 万元档」, room under the case cap */
  hints?: string[];
  trace?: TraceStep[];
}
