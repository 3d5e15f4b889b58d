/** Output contracts of `check --json` and `estimate --json` (DESIGN.md). */
import type { Jurisdiction } from "./zone-profile.schema.ts";

export type PolicyId = "zj2018" | "zb2020";
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
  materials: { name: string; clause: string }[];
  procedure: string[];
}

export interface EstimateItem {
  clause: string;
  title: string;
  maxAmount: number;
  form: "cash" | "voucher";
  basis: string;
  notes: string[];
}

export interface EstimateResult {
  year: number;
  policy: { id: "zb2020"; status: PolicyStatus };
  items: EstimateItem[];
  ineligible: { clause: string; reason: string }[];
  totalMax: number;
  cashMax: number;
  voucherMax: number;
  warnings: RuleWarning[];
  assumptions: string[];
  hints?: string[];
  trace?: TraceStep[];
}
