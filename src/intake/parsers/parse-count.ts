/**
 * Counts of things: institutions (家), loans (笔), cases (件), people (名/人).
 * 「没有」 is 0. A unit of area (平方米) is refused, so「1200平米」 cannot be
 * stored as a number of institutions by mistake.
 */
import { cleanAnswer } from "./normalize-input.ts";
import { asRange, type FactRange } from "../../rules/fact-range.ts";
import { parseQuantity } from "./parse-quantity.ts";
import { fail, ok, type ParseResult } from "./parse-result.ts";
import { AREA_UNITS } from "./parse-area.ts";

export const COUNT_UNITS = [
  "家", "个", "件", "笔", "项", "名", "人", "位", "次", "宗", "单", "户", "所", "起", "例", "份", "处", "间",
  "家机构", "个机构", "家单位", "家企业", "个企业", "家公司", "件案件", "项工作",
] as const;

const NONE = /^(没有|无|没|暂无|尚无|还没有|一个都没有|一个也没有|一件也没有|一件都没有|一笔也没有|一笔都没有|一家也没有|一家都没有|一项也没有|一个人也没有|都没有|零个|零家|零件|零笔|零项|零人|no|none)$/iu;

/**
 * @param unitHint shown in messages and examples: "家", "笔"…
 * @param allowRange false where the answer must be one number (a number of clients
 *   becomes that many entries): an approximate answer then keeps its lower bound, said so
 * @example parseCount("二十五家", "家") // ok 25
 * @example parseCount("二十来家", "家") // ok { min: 18, max: 22 }, note 「二十来家」按约数记为 18–22
 */
export function parseCount(raw: string, unitHint = "个", options: { allowRange?: boolean } = {}): ParseResult<number | FactRange> {
  const text = cleanAnswer(raw);
  const example = `3${unitHint}、二十五${unitHint}、100到130${unitHint}；没有请回复「0」或「没有」`;
  if (NONE.test(text)) return ok(0);
  const parsed = parseQuantity(text, [...COUNT_UNITS, ...AREA_UNITS], true);
  if (!parsed.ok) return fail(`请填写数量（整数）：${parsed.message}`, example);
  const { value, unit, reading } = parsed.value;
  if (unit && (AREA_UNITS as readonly string[]).includes(unit)) {
    return fail(`这里要填的是数量（${unitHint}），不是面积`, example);
  }
  const r = asRange(value)!;
  if (!Number.isInteger(r.min) || !Number.isInteger(r.max)) return fail("数量应为整数", example);
  if (r.max > Number.MAX_SAFE_INTEGER) return fail("这个数字太大了，请核对", example);
  const note = reading ? `${reading} ${unitHint}` : undefined;
  if (options.allowRange === false && r.min !== r.max) return ok(r.min, `${note}，这里按下限 ${r.min} ${unitHint}计`);
  return ok(value, note);
}
