/**
 * Chat text arrives with full-width digits and letters (１２００, ＡＢＣ),
 * full-width punctuation and stray spaces. NFKC folds full-width forms to ASCII
 * (and ㎡ to "m2"), so every parser sees one spelling.
 */
export function normalizeInput(raw: string): string {
  return raw.normalize("NFKC").replace(/\s+/g, " ").trim();
}

/** Trailing sentence punctuation and polite particles carry no answer: 「是的。」「有啊！」 */
export function stripTrailing(text: string): string {
  return text.replace(/[\s。.!！~～…]+$/u, "").replace(/(?<=.)[啊呀哈吧哦喔嘛]+$/u, "").trim();
}

/** Normalised and trimmed of trailing punctuation; the form most parsers start from. */
export function cleanAnswer(raw: string): string {
  return stripTrailing(normalizeInput(raw));
}
