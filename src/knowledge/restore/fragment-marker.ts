/**
 * The structural labels of the two policy texts: 第一章, 第九条, （五）, 2．
 * A fragment is one paragraph of a raw text; its marker says what it is.
 */

const NUMERAL = "[一二三四五六七八九十]+";

export type FragmentMarker =
  | { kind: "chapter"; number: number; label: string; rest: string }
  | { kind: "article"; number: number; label: string; rest: string }
  | { kind: "item"; number: number; label: string; rest: string }
  | { kind: "none"; rest: string };

const CHAPTER = new RegExp(`^(第(${NUMERAL})章)\\s*([\\s\\S]*)$`);
const ARTICLE = new RegExp(`^(第(${NUMERAL})条)\\s*([\\s\\S]*)$`);
const PAREN_ITEM = new RegExp(`^(（(${NUMERAL})）)([\\s\\S]*)$`);
const DOT_ITEM = /^((\d+)．)([\s\S]*)$/;

/** Where a labelled paragraph may begin inside a line (the Zibo text glued many together). */
export const MARKER_START = new RegExp(`第${NUMERAL}[章条]|（${NUMERAL}）|\\d+．`, "g");

export function readMarker(fragment: string): FragmentMarker {
  let m = CHAPTER.exec(fragment);
  if (m) return { kind: "chapter", label: m[1]!, number: parseChineseNumber(m[2]!), rest: m[3]!.trim() };
  m = ARTICLE.exec(fragment);
  if (m) return { kind: "article", label: m[1]!, number: parseChineseNumber(m[2]!), rest: m[3]!.trim() };
  m = PAREN_ITEM.exec(fragment);
  if (m) return { kind: "item", label: m[1]!, number: parseChineseNumber(m[2]!), rest: m[3]!.trim() };
  m = DOT_ITEM.exec(fragment);
  if (m) return { kind: "item", label: m[1]!, number: Number(m[2]), rest: m[3]!.trim() };
  return { kind: "none", rest: fragment.trim() };
}

/**
 * The words after an article label are a heading when they carry no punctuation
 * at all (Zibo "第九条 保障措施"); "第九条 申报程序：" opens a sentence, so it stays text.
 */
export function isBareHeading(text: string): boolean {
  return text.length > 0 && text.length <= 20 && !/[\p{P}\s]/u.test(text);
}

const DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十 → 10, 十八 → 18, 二十 → 20, 二十三 → 23 (the range of these texts' labels). */
export function parseChineseNumber(s: string): number {
  const ten = s.indexOf("十");
  if (ten < 0) {
    const d = DIGIT[s];
    if (d === undefined || s.length !== 1) throw new Error(`not a Chinese numeral: ${s}`);
    return d;
  }
  const tens = ten === 0 ? 1 : DIGIT[s.slice(0, ten)];
  const ones = ten === s.length - 1 ? 0 : DIGIT[s.slice(ten + 1)];
  if (tens === undefined || ones === undefined) throw new Error(`not a Chinese numeral: ${s}`);
  return tens * 10 + ones;
}
