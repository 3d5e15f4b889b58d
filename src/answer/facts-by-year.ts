/**
 * Facts told year by year: 「2021年为同一申请人打赢了6起，2022年又赢了3起，两年加起来最多多少」.
 * 第九条's amounts and caps hold per year (「同一申请人每个年度内的胜诉案件最多补助20万元」「当年度优惠政策只享受
 * 一次」), so each year's facts are estimated for that year and the years added — pooled into one year,
 * nine won cases would meet one cap of 20 万元 where two years give 20 + 15.
 */

/** A year named: written out (2021年, 2021年度) or said relative to this one (去年). */
const YEAR_NAMED = /(\d{4})\s*年(?:度)?|(今年|去年|前年|明年)/gu;
const RELATIVE_YEAR: Readonly<Record<string, number>> = { 前年: -2, 去年: -1, 今年: 0, 明年: 1 };

export interface YearStretch {
  year: number;
  /** what the message says from this year's name up to the next year's */
  text: string;
}

/** A year named in English: written out (in 2022) or said relative to this one (last year). */
const YEAR_NAMED_EN = /\b((?:19|20)\d{2})\b(?!\s*(?:yuan|rmb|cny))|\b(this year|last year|next year|the year before last)\b/giu;
const RELATIVE_YEAR_EN: Readonly<Record<string, number>> = { "the year before last": -2, "last year": -1, "this year": 0, "next year": 1 };

/**
 * The stretches of a message that each begin with a year, and what comes before the first; undefined
 * unless at least two different years are named.
 */
export function yearStretches(question: string, thisYear: number): { before: string; stretches: YearStretch[] } | undefined {
  return stretchesOf(question, YEAR_NAMED, (written, relative) => (written !== undefined ? Number(written) : thisYear + RELATIVE_YEAR[relative!]!));
}

/** The same for an English question (「In 2022 we won 6 cases; in 2023 we won 3」). */
export function englishYearStretches(question: string, thisYear: number): { before: string; stretches: YearStretch[] } | undefined {
  return stretchesOf(question, YEAR_NAMED_EN, (written, relative) => (written !== undefined ? Number(written) : thisYear + RELATIVE_YEAR_EN[relative!.toLowerCase()]!));
}

function stretchesOf(
  question: string,
  named: RegExp,
  yearOf: (written: string | undefined, relative: string | undefined) => number,
): { before: string; stretches: YearStretch[] } | undefined {
  const marks = [...question.matchAll(named)].map((m) => ({ at: m.index!, year: yearOf(m[1], m[2]) }));
  if (new Set(marks.map((m) => m.year)).size < 2) return undefined;
  return {
    before: question.slice(0, marks[0]!.at),
    stretches: marks.map((m, i) => ({ year: m.year, text: question.slice(m.at, marks[i + 1]?.at ?? question.length) })),
  };
}

/**
 * Each year's facts, read from its stretch by `read`; undefined unless two or more different years state facts
 * and nothing before the first year does (whose would they be?). A year named twice (「2021年赢了2起……2021年又赢了
 * 1起」) is one year's facts told in two places: not read apart.
 */
export function factsByYear<T>(
  told: { before: string; stretches: readonly YearStretch[] } | undefined,
  thisYear: number,
  read: (text: string, year: number) => T | undefined,
): { year: number; facts: T }[] | undefined {
  if (!told || read(told.before, thisYear) !== undefined) return undefined;
  const years = told.stretches.flatMap((s) => {
    const facts = read(s.text, s.year);
    return facts ? [{ year: s.year, facts }] : [];
  });
  const distinct = new Set(years.map((y) => y.year)).size;
  return years.length >= 2 && distinct === years.length ? years : undefined;
}
