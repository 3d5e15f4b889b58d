/**
 * Floor areas in square metres: 「1200」「1.2万平方米」「一千二百平」「约1200㎡」.
 * 公顷 is converted; a count unit (家) is refused.
 */
import { cleanAnswer } from "./normalize-input.ts";
import { asRange, type FactRange } from "../../rules/fact-range.ts";
import { parseQuantity } from "./parse-quantity.ts";
import { fail, ok, type ParseResult } from "./parse-result.ts";

/** Square-metre spellings after NFKC (㎡ and m² become "m2"). */
export const AREA_UNITS = ["平方米", "平方", "平米", "平", "m2", "sqm", "平方公尺", "公顷"] as const;

const EXAMPLE = "1200平方米、1.2万平方米、一千二百平";

/** Below this, a bare number (「25」) may mean 亩 or 万平方米: the chat asks before recording it. */
export const SMALL_BARE_AREA = 100;

/**
 * @example parseArea("1.2万平方米") // ok 12000
 * @example parseArea("一千平左右") // ok { min: 900, max: 1100 }, with how it was read
 * @example parseArea("25") // ok 25, confirm 「您填写的是 25 平方米，确认吗？…」
 */
export function parseArea(raw: string): ParseResult<number | FactRange> {
  const parsed = parseQuantity(cleanAnswer(raw), [...AREA_UNITS, "家", "个", "件", "笔"], false);
  if (!parsed.ok) return fail(`请填写面积（平方米）：${parsed.message}`, EXAMPLE);
  const { value, unit, reading } = parsed.value;
  if (unit && !(AREA_UNITS as readonly string[]).includes(unit)) {
    return fail(`这里要填的是面积（平方米），不是「${unit}」`, EXAMPLE);
  }
  const toSqm = (n: number) => (unit === "公顷" ? Math.round(n * 10_000 * 100) / 100 : n);
  const r = asRange(value)!;
  const sqm = r.min === r.max ? toSqm(r.min) : { min: toSqm(r.min), max: toSqm(r.max) };
  if (!Number.isFinite(toSqm(r.max))) return fail("这个数字太大了，请核对", EXAMPLE);
  const note = reading ? `${reading} 平方米` : undefined;
  if (unit === undefined && typeof sqm === "number" && sqm < SMALL_BARE_AREA && sqm > 0)
    return ok(sqm, note, `您填写的是 ${sqm} 平方米，确认吗？如果指的是 ${sqm} 亩或 ${sqm} 万平方米，请带上单位重新填写（例如「${sqm}万平方米」）。`);
  return ok(sqm, note);
}
