/**
 * A question as typed, read in the forms the two texts are written in:
 * full-width letters, digits and spaces (２５家, ＩＰ) become ASCII, and
 * traditional characters (示範區, 認定, 裡) become simplified, by OpenCC's
 * tables for Taiwan usage, phrases included (opencc-js, MIT AND Apache-2.0,
 * pure JavaScript). Building the tables takes ~40 ms, so they are loaded
 * only for a question that has a CJK character the two texts never use; most
 * questions never pay for them. Spoken forms (啥, 咋, 俺们, 没通过) are read
 * as the written words last (spoken-forms.ts).
 */
import { createRequire } from "node:module";
import { readSpokenForms } from "./spoken-forms.ts";

type Convert = (text: string) => string;

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
/** Full-width forms kept: Chinese punctuation that reads the same either way and splits asks (？，：；！（）). */
const KEEP_FULL_WIDTH = new Set(["？", "，", "：", "；", "！", "（", "）"]);
const CJK = /[\u3400-\u9FFF\uF900-\uFAFF]/gu;

let toSimplified: Convert | undefined;

function converter(): Convert {
  if (!toSimplified) {
    // The CommonJS build loads synchronously; the answer path stays one call.
    const { Converter } = createRequire(import.meta.url)("opencc-js/t2cn") as { Converter: (o: { from: string; to: string }) => Convert };
    toSimplified = Converter({ from: "tw", to: "cn" });
  }
  return toSimplified;
}

/**
 * A character the texts themselves use is already in their script: the tables would read
 * 「成绩显著」 as 「成绩显着」 (著 is also the traditional form of 着), and the texts write 显著.
 * Kept where the conversion changed no length (character for character).
 */
function keepTextChars(original: string, converted: string, knownChars: ReadonlySet<string>): string {
  if (original.length !== converted.length) return converted;
  let out = "";
  for (let i = 0; i < original.length; i++) out += knownChars.has(original[i]!) || AS_TYPED.has(original[i]!) ? original[i]! : converted[i]!;
  return out;
}

/** Simplified characters the Taiwan tables read as another (么 → 幺: 「扎堆么」 is a question particle). */
const AS_TYPED = new Set(["么"]);

/** @param knownChars characters of the two texts (a question using only these needs no conversion) */
export function createQuestionNormalizer(knownChars: ReadonlySet<string>): (question: string) => string {
  return (question) => {
    const halfWidth = question
      .replace(FULL_WIDTH, (c) => (KEEP_FULL_WIDTH.has(c) ? c : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
      .replace(/\u3000/g, " ");
    const unknown = (halfWidth.match(CJK) ?? []).some((c) => !knownChars.has(c));
    // Spoken forms are read after conversion: 啥 and 咋 are the same in both scripts.
    return readSpokenForms(unknown ? keepTextChars(halfWidth, converter()(halfWidth), knownChars) : halfWidth);
  };
}
