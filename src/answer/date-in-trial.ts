/**
 * A date the asker names, held against a text's trial period: 「2021年10月再拿来申报，
 * 那会儿还在它的试用期内吗？」 → 「不在试用期内：2021年10月已过淄博市建设方案的试用期——
 * 淄博市建设方案自2020年8月25日起实施，试用期一年（至2021年8月24日）（第十七条）」.
 * The dates are the params file's (policy-dates.ts), never written out again. A month
 * names a span: inside the trial only when all of it is, after it when all of it is.
 * A text without a trial end (Zhejiang) gets its date of effect and no verdict.
 */
import { POLICIES } from "../knowledge/policy-catalog.ts";
import { POLICY_OF, type Jurisdiction } from "../knowledge/jurisdictions.ts";
import { inForceText, policyValidityOn } from "../rules/policy-dates.ts";
import { ymd } from "../rules/policy-validity.ts";
import { formatClause } from "../knowledge/citation.ts";
import { STATED_DATE } from "../retrieval/answer-kinds.ts";
import { JURISDICTION_LABEL } from "./answer-texts.ts";

/** The question asks whether a text applies then: its trial, its force, its use. */
const ASKS_IN_FORCE = /试用期|有效|管用|适用|能用|算数|作数|还在执行|施行/u;

const pad = (n: number): string => String(n).padStart(2, "0");

export interface DatedSpan {
  from: string;
  to: string;
  said: string;
}

/** The first and last day (YYYY-MM-DD) of each date the question names, in the order named. */
export function datedSpans(question: string): DatedSpan[] {
  const spans: DatedSpan[] = [];
  for (const m of question.matchAll(new RegExp(STATED_DATE.source, "gu"))) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    if (month < 1 || month > 12) continue;
    const said = m[0].replace(/\s/g, "");
    if (m[3] !== undefined) {
      const day = `${year}-${pad(month)}-${pad(Number(m[3]))}`;
      spans.push({ from: day, to: day, said });
      continue;
    }
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    spans.push({ from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(last)}`, said });
  }
  return spans;
}

/** The first date the question names, or undefined. */
export function datedSpan(question: string): DatedSpan | undefined {
  return datedSpans(question)[0];
}

/**
 * The date the asker holds against the texts: 「淄博方案2020年8月25号开始试行，我们打算2021年10月再去申报」
 * restates the text's own date of effect before naming the asker's, so a date the texts themselves give
 * (an effect or a trial's end) is passed over while another is named; among the rest the last is the asker's.
 */
function askersDate(question: string, textDates: ReadonlySet<string>): DatedSpan | undefined {
  const spans = datedSpans(question);
  const theirs = spans.filter((s) => !(s.from === s.to && textDates.has(s.from)));
  return theirs.at(-1) ?? spans.at(-1);
}

export interface TrialDateOutcome {
  lines: string[];
  clauses: string[];
}

/**
 * Whether the date the question names falls in each text's trial, for the jurisdictions the reply
 * speaks for; undefined when the question names no date, asks nothing about force, or no text has a trial.
 */
export function trialDateLines(question: string, jurisdictions: readonly Jurisdiction[], today: string): TrialDateOutcome | undefined {
  if (!ASKS_IN_FORCE.test(question)) return undefined;
  const validities = jurisdictions.map((j) => policyValidityOn(POLICY_OF[j], today));
  if (!validities.some((v) => v.trialEnds !== null)) return undefined;
  const span = askersDate(question, new Set(validities.flatMap((v) => [v.effective, v.trialEnds ?? ""])));
  if (!span) return undefined;
  const lines = validities.map((v, i) => {
    const name = POLICIES[v.policyId].shortName;
    const force = `${name}${inForceText(v)}（${formatClause(v.trialEnds === null ? v.effectiveClause : v.trialClause)}）`;
    const line =
      span.to < v.effective
        ? `还没有实施：${span.said}在${name}实施（${ymd(v.effective)}）之前。`
        : v.trialEnds === null
          ? `${force}，没有规定试用期。`
          : span.to <= v.trialEnds
            ? `在试用期内：${span.said}在${name}的试用期内——${force}。`
            : span.from > v.trialEnds
              ? `不在试用期内：${span.said}已过${name}的试用期——${force}。`
              : `${span.said}跨过试用期的最后一天（${ymd(v.trialEnds)}）：此前在试用期内，此后不在——${force}。`;
    return jurisdictions.length > 1 ? `${JURISDICTION_LABEL[jurisdictions[i]!]}：${line}` : line;
  });
  return { lines, clauses: [...new Set(validities.map((v) => (v.trialEnds === null ? v.effectiveClause : v.trialClause)))] };
}
