/**
 * The asker's own span of years held against how often a text reviews its zones (浙江 每两年考核一次, 淄博 每年度
 * 认定一次; review-interval.ts): 「评上浙江示范区以后，6年里得被考核几回」 → 「按第十四条，每两年一次：6年里 3 次。」,
 * and 「2019年拿到浙江省示范区称号，第一次考核在哪一年」 → 2021年; in English too (「How many times … over 6 years?」).
 * The interval is the params file's, never written out again; only the grammar of the ask is read (a span of
 * years, 几回/几次, 第一次…哪一年).
 */
import { formatClause } from "../knowledge/citation.ts";
import { POLICY_OF, type Jurisdiction } from "../knowledge/jurisdictions.ts";
import { intervalText, reviewIntervalOn, type ReviewInterval } from "../rules/review-interval.ts";
import { parseChineseNumeral } from "../retrieval/answer-kinds.ts";
import { JURISDICTION_LABEL } from "./answer-texts.ts";
import { englishCitation } from "./english-citation.ts";

/** A span of years the asker names: 「6年里」「十年内」「三年下来」. */
const SPAN = /(\d+|[一二两三四五六七八九十]+)\s*年(?:里|内|中|当中|之内|以内|下来|间|时间)/u;
/** How many times is asked: 几回, 多少次, 几轮. */
const HOW_MANY_TIMES = /(几|多少)\s*(回|次|轮|遍)/u;
/** The first or next review is asked: 第一次, 首次, 下一次. */
const FIRST_OR_NEXT = /第一次|首次|头一次|头一回|第一回|下一次|下次|下一回|下一轮/u;
/** …and when: 哪一年, 什么时候, 哪年. */
const WHEN = /哪一?年|什么时候|啥时候|几几年|何时/u;
/** The year the asker names: 「2019年拿到…」. */
const STATED_YEAR = /(\d{4})\s*年/u;
/** What is reviewed: 考核, 认定, 考, 评 (a review, not a payment). */
const REVIEW = /考核|认定|复核|考|评/u;
/** Money asked makes it a question of support, not of review (「5年里能拿几次补贴」). */
const MONEY = /补|奖|钱|万|支持|资助/u;

export interface ReviewScheduleOutcome {
  lines: string[];
  clauses: string[];
}

function yearsIn(text: string): number | undefined {
  const said = SPAN.exec(text)?.[1];
  if (!said) return undefined;
  const n = /^\d+$/.test(said) ? Number(said) : parseChineseNumeral(said);
  return n !== undefined && n > 0 && n <= 100 ? n : undefined;
}

/** The reply's lines for a span or a first review asked, per jurisdiction the reply speaks for; undefined when neither is asked. */
export function reviewScheduleLines(question: string, jurisdictions: readonly Jurisdiction[], today: string): ReviewScheduleOutcome | undefined {
  if (!REVIEW.test(question) || MONEY.test(question)) return undefined;
  const years = HOW_MANY_TIMES.test(question) ? yearsIn(question) : undefined;
  const since = FIRST_OR_NEXT.test(question) && WHEN.test(question) ? Number(STATED_YEAR.exec(question)?.[1]) || undefined : undefined;
  if (years === undefined && since === undefined) return undefined;
  return scheduleLines(jurisdictions, today, (j) => `${JURISDICTION_LABEL[j]}：`, (interval) => {
    const every = `按${formatClause(interval.clause)}，${intervalText(interval.months)}一次`;
    if (years !== undefined) return `${every}：${years}年里 ${reviewsIn(years, interval)} 次（从评上起，每满一个周期一次）。`;
    const first = firstReviewYear(since!, interval);
    return first === undefined ? undefined : `${every}：${since}年评上的，第一次在${first}年（按评上后满一个周期计）。`;
  });
}

/** How many reviews fall in a span of whole years: one per full interval. */
const reviewsIn = (years: number, interval: ReviewInterval): number => Math.floor((years * 12) / interval.months);

/** The year of the first review of a zone designated in `year`, when the interval is whole years. */
const firstReviewYear = (year: number, interval: ReviewInterval): number | undefined =>
  interval.months % 12 === 0 ? year + interval.months / 12 : undefined;

/** Each jurisdiction's line (labelled when there are several), with the clause it rests on; undefined without any. */
function scheduleLines(
  jurisdictions: readonly Jurisdiction[],
  today: string,
  label: (j: Jurisdiction) => string,
  say: (interval: ReviewInterval) => string | undefined,
): ReviewScheduleOutcome | undefined {
  const lines: string[] = [];
  const clauses: string[] = [];
  for (const j of jurisdictions) {
    const interval = reviewIntervalOn(POLICY_OF[j], today);
    const said = interval && say(interval);
    if (!interval || !said) continue;
    lines.push(jurisdictions.length > 1 ? `${label(j)}${said}` : said);
    clauses.push(interval.clause);
  }
  return lines.length > 0 ? { lines, clauses } : undefined;
}

/** English: a span (「over 6 years」「in ten years」), how many times, the first review and a year. */
const SPAN_EN = /\b(?:in|over|within|during|for)\s+(?:the\s+(?:next|first)\s+)?(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+years?\b/i;
const HOW_MANY_TIMES_EN = /how many (?:times|reviews|assessments|rounds)|how often/i;
const FIRST_EN = /\b(?:first|next)\s+(?:assessment|review|recognition|evaluation|check)\b/i;
const WHEN_EN = /\bwhen\b|which year|what year/i;
const STATED_YEAR_EN = /\b(?:in|since)\s+(\d{4})\b/i;
const REVIEW_EN = /assess|review|recogni[sz]|evaluat|inspect/i;
const MONEY_EN = /subsid|grant|support|fund|money|yuan|cny|award|voucher/i;
const WORD_NUMBERS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const LABEL_EN: Readonly<Record<string, string>> = { zhejiang: "Zhejiang", zibo: "Zibo" };

/** 「once a year」「once every two years」「once every 18 months」. */
function englishInterval(months: number): string {
  if (months === 12) return "once a year";
  const years = months / 12;
  return Number.isInteger(years) ? `once every ${years === 2 ? "two" : years} years` : `once every ${months} months`;
}

/** The English reply's lines for a span or a first review asked; undefined when neither is asked. */
export function englishReviewScheduleLines(question: string, jurisdictions: readonly Jurisdiction[], today: string): ReviewScheduleOutcome | undefined {
  if (!REVIEW_EN.test(question) || MONEY_EN.test(question)) return undefined;
  const said = SPAN_EN.exec(question)?.[1]?.toLowerCase();
  const years = HOW_MANY_TIMES_EN.test(question) && said ? (WORD_NUMBERS[said] ?? Number(said)) : undefined;
  const since = FIRST_EN.test(question) && WHEN_EN.test(question) ? Number(STATED_YEAR_EN.exec(question)?.[1]) || undefined : undefined;
  if (!years && since === undefined) return undefined;
  return scheduleLines(jurisdictions, today, (j) => `${LABEL_EN[j] ?? j}: `, (interval) => {
    const every = `${englishInterval(interval.months)} (${englishCitation(interval.clause)})`;
    if (years) return `${reviewsIn(years, interval)} times in ${years} years — zones are reviewed ${every}, one review per full cycle after designation.`;
    const first = firstReviewYear(since!, interval);
    return first === undefined ? undefined : `In ${first} — zones are reviewed ${every}, so a zone designated in ${since} is first reviewed one full cycle later.`;
  });
}
