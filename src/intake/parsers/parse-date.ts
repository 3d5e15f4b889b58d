/**
 * Dates as people write them: 2021-06-30, 2021/6/30, 2021.6.30, 20210630,
 * 2021年6月30日, 二〇二一年六月三十日, 今天/昨天. "Today" is the calendar day in
 * China (Asia/Shanghai), whatever the server's zone.
 */
import { todayInChina } from "../../rules/today.ts";
import { cleanAnswer } from "./normalize-input.ts";
import { parseNumeral } from "./parse-chinese-number.ts";
import { fail, ok, type ParseResult } from "./parse-result.ts";

const EXAMPLE = "2021-06-30、2021年6月30日 或「今天」";

/**
 * YYYY-MM-DD of `now` in Asia/Shanghai: the rules' own `todayInChina` (it built
 * an Intl.DateTimeFormat here, ~250 µs, on every answer the intake parsed).
 */
export function chinaDate(now: Date): string {
  return todayInChina(now);
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function valid(y: number, m: number, d: number): string | undefined {
  if (![y, m, d].every(Number.isInteger)) return undefined;
  const iso = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : undefined;
}

const RELATIVE: Record<string, number> = { 今天: 0, 今日: 0, 当天: 0, 本日: 0, 昨天: -1, 昨日: -1, 前天: -2, 明天: 1, 明日: 1 };

/** @example parseDate("2021年6月30日", new Date()) // ok "2021-06-30" */
export function parseDate(raw: string, now: Date): ParseResult<string> {
  const s = cleanAnswer(raw).replace(/\s+/g, "");
  if (s in RELATIVE) return ok(addDays(chinaDate(now), RELATIVE[s]!));
  let parts: [number | undefined, number | undefined, number | undefined] | undefined;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  m ??= /^(.+?)年(.+?)月(.+?)[日号]?$/u.exec(s);
  if (!parts && m) parts = [parseNumeral(m[1]!), parseNumeral(m[2]!), parseNumeral(m[3]!)];
  if (!parts) return fail("请填写年月日", EXAMPLE);
  const [y, mo, d] = parts;
  if (y === undefined || mo === undefined || d === undefined) return fail("没能读懂这个日期", EXAMPLE);
  const iso = valid(y, mo, d);
  if (!iso) return fail(`${y}年${mo}月${d}日不是有效的日期`, EXAMPLE);
  if (y < 1949 || y > 2100) return fail("年份看起来不对，请核对", EXAMPLE);
  return ok(iso);
}
