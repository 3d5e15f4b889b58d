/**
 * Is a policy in force on a date? (docs/output-formats.md) `in-force` | `trial-expired`
 * (Zibo after its one-year trial, 2021-08-24); before its effective date a
 * policy is `not-yet-in-force`. Rules still run on any date — the status and
 * a warning say how far to trust the result; nothing throws.
 */
import { POLICIES } from "../knowledge/policy-catalog.ts";
import type { PolicyId } from "../knowledge/policy-document.schema.ts";
import { formatClause } from "../knowledge/citation.ts";
import type { PolicyStatus, RuleWarning, TraceStep } from "./rule-result.types.ts";
import { resolveParam, type RuleParamsFile } from "./rule-param.schema.ts";

export interface PolicyValidity {
  policyId: PolicyId;
  effective: string;
  effectiveClause: string;
  /** last day of the trial; null = no end date */
  trialEnds: string | null;
  trialClause: string;
}

export function validityOf(file: RuleParamsFile<unknown>, date: string): PolicyValidity {
  const effective = resolveParam(file.validity.effective, date);
  const trialEnds = resolveParam(file.validity.trialEnds, date);
  return {
    policyId: file.policy as PolicyId,
    effective: effective.value,
    effectiveClause: effective.clause,
    trialEnds: trialEnds.value,
    trialClause: trialEnds.clause,
  };
}

export interface PolicyDates {
  /** the evaluation date (asOf) */
  asOf: string;
  /** for an estimate: the support year (reading 9 of 第九条, estimate-assumptions.ts: a year after the trial also expires it) */
  year?: number;
}

export interface PolicyStanding {
  status: PolicyStatus;
  warnings: RuleWarning[];
  trace: TraceStep[];
}

/** 2020-08-25 → 2020年8月25日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
}
export const ymd = chineseDate;

/** Status, warnings and a readable trace of a policy on the given dates. */
export function policyStanding(v: PolicyValidity, dates: PolicyDates): PolicyStanding {
  const title = `《${POLICIES[v.policyId].title}》`;
  const issuer = POLICIES[v.policyId].issuer;
  // For a support year, the year's last day is what must fall in the policy's time.
  const yearEnd = dates.year !== undefined ? `${dates.year}-12-31` : undefined;
  const datesText = `评估日期 ${dates.asOf}${dates.year !== undefined ? `、测算年度 ${dates.year} 年` : ""}`;
  const since = `${title}自${ymd(v.effective)}起实施`;
  const sinceCited = `${since}（${formatClause(v.effectiveClause)}）`;

  const beforeStart = dates.asOf < v.effective || (yearEnd !== undefined && yearEnd < v.effective);
  if (beforeStart) {
    return {
      status: "not-yet-in-force",
      warnings: [
        {
          code: "policy-not-yet-in-force",
          message: `${sinceCited}；按${datesText}，尚未实施，结果仅供参考。`,
        },
      ],
      trace: [{ clause: v.effectiveClause, text: `${datesText}；${sinceCited} → 尚未实施` }],
    };
  }
  if (v.trialEnds !== null) {
    const trialYear = Number(v.trialEnds.slice(0, 4));
    const expired = dates.asOf > v.trialEnds || (dates.year !== undefined && dates.year > trialYear);
    // Zibo 第十七条 gives both dates in one sentence: cite it once.
    const trial = `试用期至${ymd(v.trialEnds)}（${v.trialClause === v.effectiveClause ? "" : `${formatClause(v.effectiveClause)}、`}${formatClause(v.trialClause)}）`;
    if (expired) {
      return {
        status: "trial-expired",
        warnings: [
          {
            code: "policy-trial-expired",
            message: `${since}，${trial}；按${datesText}，已过试用期。请向${issuer}确认是否延续或已有新办法；以下结果按原方案计算。`,
          },
        ],
        trace: [{ clause: v.trialClause, text: `${datesText}；${since}，${trial} → 试用期已满` }],
      };
    }
    return {
      status: "in-force",
      warnings: [],
      trace: [{ clause: v.trialClause, text: `${datesText}；${since}，${trial} → 在试用期内` }],
    };
  }
  return {
    status: "in-force",
    warnings: [],
    trace: [{ clause: v.effectiveClause, text: `${datesText}；${sinceCited}，试行未定截止日期 → 有效` }],
  };
}
