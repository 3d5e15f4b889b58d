/**
 * Floor areas in square metres: 「1200」「1.2万平方米」「一千二百平」「约1200㎡」.
 * 公顷 is converted; a count unit (家) is refused.
 */
import { cleanAnswer } from "./normalize-input.ts";
import { parseChineseNumber } from "./parse-chinese-number.ts";
import { fail, ok, type ParseResult } from "./parse-result.ts";

/** Square-metre spellings after NFKC (㎡ and m² become "m2"). */
export const AREA_UNITS = ["平方米", "平方", "平米", "平", "m2", "sqm", "平方公尺", "公顷"] as const;

const EXAMPLE = "1200平方米、1.2万平方米、一千二百平";

/** @example parseArea("1.2万平方米") // ok 12000 */
export function parseArea(raw: string, max = 1e8): ParseResult<number> {
  const parsed = parseChineseNumber(cleanAnswer(raw), [...AREA_UNITS, "家", "个", "件", "笔"]);
  if (!parsed.ok) return fail(`请填写面积（平方米）：${parsed.message}`, EXAMPLE);
  const { value, approx, unit } = parsed.value;
  if (unit && !(AREA_UNITS as readonly string[]).includes(unit)) {
    return fail(`这里要填的是面积（平方米），不是「${unit}」`, EXAMPLE);
  }
  const sqm = unit === "公顷" ? Math.round(value * 10_000 * 100) / 100 : value;
  if (sqm > max) return fail(`面积 ${sqm} 平方米超出合理范围，请核对`, EXAMPLE);
  if (approx === "at-least") return ok(sqm, `按下限 ${sqm} 平方米计`);
  return ok(sqm);
}
