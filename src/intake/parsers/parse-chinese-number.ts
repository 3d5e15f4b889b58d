/**
 * Numbers as people type them in Chinese chat: Arabic digits (with thousands
 * commas and decimals), Chinese numerals (一千二百零五, 两万, 壹仟), the two
 * mixed (1.2万, 3千), colloquial elision (一千二 = 1200, 两万五 = 25000) and
 * digit-by-digit spelling (二〇二一). `parseNumeral` reads the numeral alone;
 * `parseChineseNumber` also tolerates 约/大概/左右 and 多/余 around it.
 */
import { fail, ok, type ParseResult } from "./parse-result.ts";
import { cleanAnswer } from "./normalize-input.ts";

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 兩: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** Characters a numeral may contain; used by callers to cut the numeral out of「1.2万平方米」. */
export const NUMERAL_CHARS = "0-9.,零〇一壹二贰两兩三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿億点";

type Token =
  | { t: "num"; v: number; chinese: boolean }
  | { t: "zero" }
  | { t: "small"; v: number }
  | { t: "big"; v: number }
  | { t: "point" };

const NUMBER_EXAMPLE = "1200、1,200、一千二百、1.2万";

function tokenize(s: string): Token[] | undefined {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const rest = s.slice(i);
    // Thousands commas only between groups of three: "1,200" but not "1,3".
    const arabic = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/.exec(rest);
    if (arabic) {
      out.push({ t: "num", v: Number(arabic[0].replace(/,/g, "")), chinese: false });
      i += arabic[0].length;
      continue;
    }
    const ch = s[i]!;
    if (ch === "零" || ch === "〇") out.push({ t: "zero" });
    else if (ch in DIGITS) out.push({ t: "num", v: DIGITS[ch]!, chinese: true });
    else if (ch in SMALL_UNITS) out.push({ t: "small", v: SMALL_UNITS[ch]! });
    else if (ch in BIG_UNITS) out.push({ t: "big", v: BIG_UNITS[ch]! });
    else if (ch === "点") out.push({ t: "point" });
    else return undefined;
    i += 1;
  }
  return out;
}

/** 二〇二一 / 一二〇〇: only single digits, no units → read positionally. */
function positional(tokens: Token[]): number | undefined {
  if (tokens.length < 2) return undefined;
  let digits = "";
  for (const tok of tokens) {
    if (tok.t === "zero") digits += "0";
    else if (tok.t === "num" && tok.chinese) digits += String(tok.v);
    else return undefined;
  }
  return Number(digits);
}

/**
 * The value of a bare numeral, or undefined when the text is not one.
 *
 * @example parseNumeral("一千二") // 1200
 * @example parseNumeral("1.2万")  // 12000
 */
export function parseNumeral(text: string): number | undefined {
  const s = text.normalize("NFKC").replace(/\s+/g, "");
  if (s === "") return undefined;
  const tokens = tokenize(s);
  if (!tokens || tokens.length === 0) return undefined;
  if (tokens.length === 1 && tokens[0]!.t === "zero") return 0;
  const pos = positional(tokens);
  if (pos !== undefined) return pos;

  let total = 0; // whole 亿 groups, already multiplied
  let wan = 0; // the 万 part of the current 亿 group, already multiplied
  let small = 0; // below 万
  let pending: number | undefined; // a digit waiting for its unit
  let lastSmall = Infinity; // units inside a group must descend: 千 > 百 > 十
  let lastUnit = 0; // the unit just before `pending`, for elision (一千二 → 1200)
  let elidable = false;
  let sawDecimal = false;
  let sawAnything = false;

  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    switch (tok.t) {
      case "num":
        if (pending !== undefined) return undefined; // 一二 inside a unit numeral
        pending = tok.v;
        elidable = lastUnit >= 100 && (tokens[i - 1]?.t === "small" || tokens[i - 1]?.t === "big");
        sawAnything = true;
        break;
      case "zero":
        if (pending !== undefined) return undefined;
        elidable = false;
        lastUnit = 0;
        sawAnything = true;
        break;
      case "point": {
        // 十二点五万: the integer read so far becomes the whole part.
        if (sawDecimal) return undefined;
        let frac = "";
        while (i + 1 < tokens.length) {
          const next = tokens[i + 1]!;
          if (next.t === "zero") frac += "0";
          else if (next.t === "num" && next.chinese) frac += String(next.v);
          else if (next.t === "num" && Number.isInteger(next.v)) frac += String(next.v);
          else break;
          i++;
        }
        if (frac === "") return undefined;
        pending = small + (pending ?? 0) + Number(`0.${frac}`);
        small = 0;
        sawDecimal = true;
        elidable = false;
        lastUnit = 0;
        lastSmall = 0; // after a decimal only 万/亿 may follow
        break;
      }
      case "small": {
        if (tok.v >= lastSmall) return undefined; // 二百三千
        let mult = pending;
        if (mult === undefined) {
          // 十五 = 15: a leading 十 means 一十. Anywhere else a bare unit is malformed.
          if (tok.v === 10 && !sawAnything) mult = 1;
          else if (tok.v === 10 && tokens[i - 1]?.t === "zero") mult = 1; // 一百零十 is rare but read as 一百一十
          else return undefined;
        }
        small += mult * tok.v;
        pending = undefined;
        lastSmall = tok.v;
        lastUnit = tok.v;
        elidable = false;
        sawAnything = true;
        break;
      }
      case "big": {
        const value = small + (pending ?? 0);
        // 一万亿 = 1e12: 亿 right after 万 multiplies the whole.
        if (value === 0 && tok.v === 1e8 && wan !== 0 && total === 0) {
          total = wan * 1e8;
          wan = 0;
          lastSmall = Infinity;
          lastUnit = tok.v;
          continue;
        }
        if (value === 0) return undefined; // 万 alone, 万万
        if (tok.v === 1e4) {
          if (wan !== 0) return undefined;
          wan = value * 1e4;
        } else {
          if (total !== 0) return undefined;
          total = (wan + value) * 1e8;
          wan = 0;
        }
        small = 0;
        pending = undefined;
        lastSmall = Infinity;
        lastUnit = tok.v;
        elidable = false;
        sawAnything = true;
        break;
      }
    }
  }
  if (pending !== undefined) {
    // 一千二 = 1200 and 两万五 = 25000: a lone digit right after a unit ≥ 百 counts in the next lower place.
    const isDigit = Number.isInteger(pending) && pending >= 1 && pending <= 9;
    small += elidable && isDigit ? (pending * lastUnit) / 10 : pending;
  }
  const result = total + wan + small;
  // 1.15万 in binary floating point is 11499.999…; round away the noise.
  return Math.round(result * 1e6) / 1e6;
}

export interface ParsedNumber {
  value: number;
  /** "about" for 约/左右, "at-least" for 20多/20余/20以上 (we keep the lower bound) */
  approx?: "about" | "at-least";
  /** the word that made it approximate: 约, 左右, 来, 多, 余, 几, 以上 … */
  word?: string;
  /** the unit word the user wrote, if any (家, 平方米 …), for callers to check */
  unit?: string;
}

const PREFIX = /^(?:大约是|大约|大概是|大概|约为|约有|约|差不多|共有|一共有|一共|总共|合计|共计|共|目前有|现在有|现有|已有|有|是|为|大致|估计|差不多有|应该是)+/u;
const AT_LEAST_INFIX = /^(多|余|来|几)/u;
const TRAILING_APPROX = /(左右|上下|以上|多|余|出头|开外)$/u;

/**
 * A number with an optional unit and approximation words around it.
 *
 * @param units the unit words accepted after the number (longest first is not required)
 * @example parseChineseNumber("约1200㎡", ["平方米", "m2"]) // { value: 1200, approx: "about", unit: "m2" }
 */
export function parseChineseNumber(raw: string, units: readonly string[] = []): ParseResult<ParsedNumber> {
  let s = cleanAnswer(raw).replace(/\s+/g, "");
  if (s === "") return fail("请填写一个数字", NUMBER_EXAMPLE);
  if (/^[-−]/.test(s)) return fail("不能是负数，请填写 0 或正数", NUMBER_EXAMPLE);
  const prefix = PREFIX.exec(s)?.[0] ?? "";
  s = s.slice(prefix.length);
  const aboutWord = /约|大概|差不多|估计|大致/u.exec(prefix)?.[0];
  let approx: ParsedNumber["approx"] = aboutWord ? "about" : undefined;
  let word = aboutWord;
  const trailing = TRAILING_APPROX.exec(s);
  if (trailing) {
    approx = trailing[1] === "左右" || trailing[1] === "上下" ? "about" : "at-least";
    word = trailing[1];
    s = s.slice(0, -trailing[1]!.length);
  }
  const numeral = new RegExp(`^[${NUMERAL_CHARS}]+`, "u").exec(s);
  if (!numeral) return fail("没有找到数字", NUMBER_EXAMPLE);
  let body = numeral[0];
  let rest = s.slice(body.length);
  // 「十几家」「二十多家」: 多/余/几 after the numeral keeps the lower bound.
  const infix = AT_LEAST_INFIX.exec(rest);
  if (infix) {
    approx = "at-least";
    word = infix[1];
    rest = rest.slice(infix[1]!.length);
  }
  // A trailing "." would be sentence punctuation, not a decimal point.
  body = body.replace(/[.,]+$/, "");
  const value = parseNumeral(body);
  if (value === undefined) return fail(`没能读懂「${numeral[0]}」这个数字`, NUMBER_EXAMPLE);
  let unit: string | undefined;
  if (rest !== "") {
    const sorted = [...units].sort((a, b) => b.length - a.length);
    unit = sorted.find((u) => rest.toLowerCase() === u.toLowerCase());
    if (unit === undefined) return fail(`数字后面的「${rest}」看不懂`, NUMBER_EXAMPLE);
  }
  return ok({ value, ...(approx ? { approx } : {}), ...(word ? { word } : {}), ...(unit ? { unit } : {}) });
}
