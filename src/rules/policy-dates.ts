/**
 * A policy's dates as the texts that mention them show them — read from its
 * params file for the date in question, never written out again: the answer
 * notes, the help text and the restored documents say what the parameters say.
 */
import type { PolicyId } from "../knowledge/jurisdictions.ts";
import { formatClause } from "../knowledge/citation.ts";
import { allJurisdictions } from "./jurisdiction-registry.ts";
import { loadRuleParams } from "./load-rule-params.ts";
import { validityOf, ymd, type PolicyValidity } from "./policy-validity.ts";
import type { RuleParamsFile } from "./rule-param.schema.ts";

/** A policy's params file, as its jurisdiction module reads it. */
export function paramsFileOf(policyId: PolicyId): RuleParamsFile<unknown> {
  const module = allJurisdictions().find((m) => m.policyId === policyId);
  if (!module) throw new Error(`没有 ${policyId} 的规则模块`);
  return loadRuleParams(module.paramsFile, module.paramsSchema) as RuleParamsFile<unknown>;
}

/** The effective date and trial end of a policy in force on `date` (YYYY-MM-DD). */
export function policyValidityOn(policyId: PolicyId, date: string): PolicyValidity {
  return validityOf(paramsFileOf(policyId), date);
}

/** Whole years in words, as the texts write them (试用期一年, 每两年). */
export const YEARS = ["", "一", "两", "三", "四", "五"];

/** Whole years from `effective` to `trialEnds` (a trial of N years ends the day before the N-th anniversary), else undefined. */
export function trialYears(effective: string, trialEnds: string): number | undefined {
  for (let n = 1; n < YEARS.length; n++) {
    const end = new Date(`${Number(effective.slice(0, 4)) + n}${effective.slice(4)}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() - 1);
    if (end.toISOString().slice(0, 10) === trialEnds) return n;
  }
  return undefined;
}

/** 「试用期一年」 when the trial is whole years, else 「试用期至2021年8月24日」; undefined without a trial end. */
export function trialText(v: PolicyValidity): string | undefined {
  if (v.trialEnds === null) return undefined;
  const years = trialYears(v.effective, v.trialEnds);
  return years ? `试用期${YEARS[years]}年` : `试用期至${ymd(v.trialEnds)}`;
}

/** 「自2020年8月25日起实施，试用期一年（至2021年8月24日）」, or 「自2018年1月1日起实施」 without a trial end. */
export function inForceText(v: PolicyValidity): string {
  const since = `自${ymd(v.effective)}起实施`;
  if (v.trialEnds === null) return since;
  const trial = trialText(v)!;
  return trial.startsWith("试用期至") ? `${since}，${trial}` : `${since}，${trial}（至${ymd(v.trialEnds)}）`;
}

/** The clause that sets the trial: 「第十七条」. */
export function trialClauseText(v: PolicyValidity): string {
  return formatClause(v.trialClause);
}
