/**
 * Counts of things: institutions (家), loans (笔), cases (件), people (名/人).
 * 「没有」 is 0. A unit of area (平方米) is refused, so「1200平米」 cannot be
 * stored as a number of institutions by mistake.
 */
import { cleanAnswer } from "./normalize-input.ts";
import { parseChineseNumber } from "./parse-chinese-number.ts";
import { fail, ok, type ParseResult } from "./parse-result.ts";
import { AREA_UNITS } from "./parse-area.ts";

export const COUNT_UNITS = [
  "家", "个", "件", "笔", "项", "名", "人", "位", "次", "宗", "单", "户", "所", "起", "例", "份", "处", "间",
  "家机构", "个机构", "家单位", "家企业", "个企业", "家公司", "件案件", "项工作",
] as const;

const NONE = /^(没有|无|没|暂无|尚无|还没有|一个都没有|一个也没有|一件也没有|一件都没有|一笔也没有|一笔都没有|一家也没有|一家都没有|一项也没有|一个人也没有|都没有|零个|零家|零件|零笔|零项|零人|no|none)$/iu;

/**
 * @param unitHint shown in messages and examples: "家", "笔"…
 * @example parseCount("二十五家", "家") // ok 25
 */
export function parseCount(raw: string, unitHint = "个", max = 1_000_000): ParseResult<number> {
  const text = cleanAnswer(raw);
  const example = `3${unitHint}、二十五${unitHint}；没有请回复「0」或「没有」`;
  if (NONE.test(text)) return ok(0);
  const parsed = parseChineseNumber(text, [...COUNT_UNITS, ...AREA_UNITS]);
  if (!parsed.ok) return fail(`请填写数量（整数）：${parsed.message}`, example);
  const { value, approx, unit } = parsed.value;
  if (unit && (AREA_UNITS as readonly string[]).includes(unit)) {
    return fail(`这里要填的是数量（${unitHint}），不是面积`, example);
  }
  if (!Number.isInteger(value)) return fail("数量应为整数", example);
  if (value > max) return fail(`数量 ${value} 超出合理范围，请核对`, example);
  if (approx === "at-least") return ok(value, `按下限 ${value}${unitHint} 计`);
  return ok(value);
}
