/**
 * A calendar year: 2021, 2021年, 2021年度, 二〇二一年, 21年, 今年/去年/前年/明年.
 * Relative years count from the calendar year in China.
 */
import { cleanAnswer } from "./normalize-input.ts";
import { parseNumeral } from "./parse-chinese-number.ts";
import { chinaDate } from "./parse-date.ts";
import { fail, ok, type ParseResult } from "./parse-result.ts";

const EXAMPLE = "2021、2021年、今年 或 去年";
const RELATIVE: Record<string, number> = {
  今年: 0, 本年: 0, 本年度: 0, 今年度: 0, 当年: 0, 当年度: 0,
  去年: -1, 上年: -1, 上一年: -1, 上年度: -1, 上一年度: -1, 前年: -2, 明年: 1,
};

/** @example parseYear("去年", new Date("2021-03-01")) // ok 2020 */
export function parseYear(raw: string, now: Date, min = 2000, max = 2100): ParseResult<number> {
  const s = cleanAnswer(raw).replace(/\s+/g, "");
  const thisYear = Number(chinaDate(now).slice(0, 4));
  if (s in RELATIVE) return ok(thisYear + RELATIVE[s]!);
  const m = /^(.+?)(?:年度?)?$/u.exec(s);
  const body = m?.[1] ?? "";
  let year = /^\d+$/.test(body) ? Number(body) : parseNumeral(body);
  if (year === undefined || !Number.isInteger(year)) return fail("请填写年份", EXAMPLE);
  // 「21年」 means 2021.
  if (/年/u.test(s) && year >= 0 && year < 100) year += 2000;
  if (year < min || year > max) return fail(`年份应在 ${min}–${max} 之间`, EXAMPLE);
  return ok(year);
}
