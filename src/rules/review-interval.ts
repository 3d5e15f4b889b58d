/**
 * How often a policy's zones are reviewed — 浙江 第十四条 「每两年考核一次」, 淄博 第十二条 「每年度认定一次」 —
 * read from its params file (`review.intervalMonths`) for the date in question, never written out again.
 */
import type { PolicyId } from "../knowledge/jurisdictions.ts";
import { paramsFileOf, YEARS } from "./policy-dates.ts";
import { resolveParam } from "./rule-param.schema.ts";

export interface ReviewInterval {
  policyId: PolicyId;
  /** months between two reviews */
  months: number;
  /** the clause that sets it (zj2018:14) */
  clause: string;
}

/** The review interval in force on `date` (YYYY-MM-DD), or undefined for a policy without periodic review. */
export function reviewIntervalOn(policyId: PolicyId, date: string): ReviewInterval | undefined {
  const file = paramsFileOf(policyId);
  if (!file.review) return undefined;
  const interval = resolveParam(file.review.intervalMonths, date);
  return { policyId, months: interval.value, clause: interval.clause };
}

/** 「每年」「每两年」「每18个月」: how a reply says an interval. */
export function intervalText(months: number): string {
  if (months === 12) return "每年";
  const years = months / 12;
  return Number.isInteger(years) && years < YEARS.length ? `每${YEARS[years]}年` : `每${months}个月`;
}
