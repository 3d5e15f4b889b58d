/**
 * A count or an area as people say it when they do not know it exactly, read
 * into a range, with a sentence saying how it was read (docs/input-formats.md):
 *
 *   「100到130件」「100-130」          → 100–130
 *   「二十来家」  (X来 = about X)       → X ± 10%, at least ± 1   → 18–22
 *   「20多家」「二十余家」「十几家」     → up to the next step      → 21–29, 11–19
 *   「一千平左右」「约1000」「大概1000」 → X ± 10%                  → 900–1,100
 *   「不到1000平」「不足」「将近1000」   → 90% of X up to just below → 900–999
 *   「20家以上」                        → 20, the lower bound, said so
 *
 * A range of one point is a number.
 */
import type { FactRange } from "../../rules/fact-range.ts";
import { formatRange } from "../../rules/fact-range.ts";
import { cleanAnswer } from "./normalize-input.ts";
import { parseChineseNumber, type ParsedNumber } from "./parse-chinese-number.ts";
import { fail, ok, type ParseResult } from "./parse-result.ts";

export interface Quantity {
  value: number | FactRange;
  /** the unit word the user wrote, if any */
  unit?: string;
  /** how an approximate answer was read: 「二十来家」按约数记为 18–22 */
  reading?: string;
  /** 「20家以上」: only the lower bound is known */
  atLeast?: boolean;
}

const RANGE_SEPARATOR = /^(.+?)\s*(?:到|至|~|～|-|—|–|－)\s*(.+)$/u;
const BELOW = /^(不到|不足|少于|不满|低于|将近|接近|近)/u;
/** 多/余/几 after a round number: 二十多 = 21–29, 一百多 = 101–199, 十几 = 11–19. */
const MORE_WORDS = new Set(["多", "余", "几", "出头", "开外"]);

/** The place of the last non-zero digit: 20 → 10, 120 → 10, 1000 → 1000, 25 → 1. */
function lastStep(x: number): number {
  if (!Number.isInteger(x) || x <= 0) return 1;
  let step = 1;
  while (x % (step * 10) === 0) step *= 10;
  return step;
}

const roundTo = (n: number, integer: boolean) => (integer ? Math.round(n) : Math.round(n * 100) / 100);

function asValue(r: FactRange): number | FactRange {
  return r.min === r.max ? r.min : r;
}

/**
 * @param units unit words accepted after the number(s)
 * @param integer counts are whole numbers; areas may have decimals
 * @example parseQuantity("二十来家", ["家"], true) // ok { value: { min: 18, max: 22 }, reading: "「二十来家」按约数记为 18–22" }
 */
export function parseQuantity(raw: string, units: readonly string[], integer: boolean): ParseResult<Quantity> {
  const text = cleanAnswer(raw).replace(/\s+/g, "");
  const said = `「${cleanAnswer(raw)}」`;

  const below = BELOW.exec(text);
  if (below) {
    const n = parseChineseNumber(text.slice(below[1]!.length), units);
    if (!n.ok) return n;
    const x = n.value.value;
    const r = { min: roundTo(x * 0.9, integer), max: Math.max(0, x - 1) };
    if (r.max < r.min) r.min = r.max;
    return ok({ value: asValue(r), ...unitOf(n.value), reading: `${said}按接近但不到 ${formatRange({ min: x, max: x })} 记为 ${formatRange(r)}` });
  }

  const pair = RANGE_SEPARATOR.exec(text);
  if (pair) {
    const lo = parseChineseNumber(pair[1]!, units);
    const hi = parseChineseNumber(pair[2]!, units);
    if (lo.ok && hi.ok) {
      const r = { min: lo.value.value, max: hi.value.value };
      if (r.min > r.max) return fail(`范围的前一个数（${formatRange({ min: r.min, max: r.min })}）大于后一个数（${formatRange({ min: r.max, max: r.max })}）`, "100到130");
      if (integer && (!Number.isInteger(r.min) || !Number.isInteger(r.max))) return fail("数量应为整数", "100到130");
      return ok({ value: asValue(r), ...unitOf(hi.value.unit ? hi.value : lo.value), reading: `${said}记为范围 ${formatRange(r)}` });
    }
  }

  const n = parseChineseNumber(text, units);
  if (!n.ok) return n;
  const { value: x, approx, word } = n.value;
  if (approx === undefined) return ok({ value: x, ...unitOf(n.value) });
  if (word === "以上") return ok({ value: x, ...unitOf(n.value), atLeast: true, reading: `${said}只知道下限，按 ${formatRange({ min: x, max: x })} 记` });
  if (word !== undefined && MORE_WORDS.has(word)) {
    const step = lastStep(x);
    if (step === 1) return ok({ value: x, ...unitOf(n.value), atLeast: true, reading: `${said}只知道下限，按 ${formatRange({ min: x, max: x })} 记` });
    const r = { min: x + 1, max: x + step - 1 };
    return ok({ value: r, ...unitOf(n.value), reading: `${said}记为范围 ${formatRange(r)}` });
  }
  // 来 and 约/左右/大概: about X, ten per cent either way (at least one whole unit for counts).
  const delta = integer ? Math.max(1, Math.round(x * 0.1)) : roundTo(x * 0.1, false);
  const r = { min: Math.max(0, roundTo(x - delta, integer)), max: roundTo(x + delta, integer) };
  return ok({ value: asValue(r), ...unitOf(n.value), reading: `${said}按约数记为 ${formatRange(r)}` });
}

function unitOf(n: ParsedNumber): { unit?: string } {
  return n.unit ? { unit: n.unit } : {};
}
