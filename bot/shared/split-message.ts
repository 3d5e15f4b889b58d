/**
 * Splits a long answer into messages a platform accepts (Telegram: 4,096
 * characters; WeCom text: 2,048 bytes of UTF-8) without breaking what a
 * reader needs whole: a citation such as 《淄博市…建设方案》第九条（五） or a
 * bare clause reference 第六条（三） is never cut. Among the allowed cut
 * points it prefers a paragraph break, then a line break, then the end of a
 * sentence, then a comma or space, and cuts anywhere else only when a
 * message would otherwise be less than half full.
 */

export interface SplitOptions {
  /** the most a message may hold, in `unit`s */
  maxLength: number;
  /** `utf16`: JavaScript string length (Telegram counts UTF-16 code units); `utf8`: bytes */
  unit?: "utf16" | "utf8";
}

const NUMBER = "[零〇一二三四五六七八九十百千两0-9]+";
// 第九条, 第九条（五）, 第七条2．, 第三条第二款 — the forms the two policies use.
const CLAUSE = `第${NUMBER}条(?:第${NUMBER}[款项])?(?:[（(]${NUMBER}[）)])*(?:${NUMBER}[．.](?![0-9]))?`;
const PROTECTED = new RegExp(`《[^《》\\n]{1,200}》(?:${CLAUSE})?|${CLAUSE}`, "g");

/** Cut-point quality: higher is better. */
function rankBefore(chars: string[], p: number): number {
  const prev = chars[p - 1];
  if (prev === "\n") return chars[p - 2] === "\n" ? 4 : 3;
  if (prev !== undefined && "。！？；!?;".includes(prev)) return 2;
  if (prev !== undefined && (/\s/.test(prev) || "，、,：:）)".includes(prev))) return 1;
  return 0;
}

/**
 * @example splitMessage(answer, { maxLength: 4000 })                 // Telegram
 * @example splitMessage(answer, { maxLength: 2000, unit: "utf8" })   // WeCom
 */
export function splitMessage(text: string, options: SplitOptions): string[] {
  const unit = options.unit ?? "utf16";
  const max = options.maxLength;
  if (max < 4) throw new RangeError("maxLength must be at least 4");
  const size = unit === "utf8" ? (c: string) => Buffer.byteLength(c, "utf8") : (c: string) => c.length;

  // Work on code points so a surrogate pair is never split.
  const chars = Array.from(text);
  const sizes = chars.map(size);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total <= max) return text.trim() === "" ? [] : [text.trim()];

  // blocked[p]: cutting before chars[p] would land inside a protected span.
  const blocked = new Uint8Array(chars.length + 1);
  const codePointAt: number[] = []; // UTF-16 index → code point index
  chars.forEach((c, i) => {
    for (let k = 0; k < c.length; k++) codePointAt.push(i);
  });
  codePointAt.push(chars.length);
  for (const m of text.matchAll(PROTECTED)) {
    const from = codePointAt[m.index]!;
    const to = codePointAt[m.index + m[0].length]!;
    for (let p = from + 1; p < to; p++) blocked[p] = 1;
  }

  const chunks: string[] = [];
  let start = 0;
  while (start < chars.length) {
    // Skip whitespace the previous cut left at the front.
    while (start < chars.length && /\s/.test(chars[start]!)) start++;
    if (start >= chars.length) break;

    let end = start;
    let used = 0;
    while (end < chars.length && used + sizes[end]! <= max) used += sizes[end++]!;
    if (end === chars.length) {
      chunks.push(chars.slice(start).join("").trimEnd());
      break;
    }

    // Best allowed cut in (start, end]: by rank, preferring a half-full message.
    const half = max / 2;
    let filled = used;
    const bestFull: (number | undefined)[] = [];
    const bestAny: (number | undefined)[] = [];
    for (let p = end; p > start; p--) {
      if (!blocked[p]) {
        const rank = rankBefore(chars, p);
        bestAny[rank] ??= p;
        if (filled >= half) bestFull[rank] ??= p;
      }
      filled -= sizes[p - 1]!;
    }
    const cut =
      [4, 3, 2, 1].map((r) => bestFull[r]).find((p) => p !== undefined) ??
      bestFull[0] ??
      [4, 3, 2, 1, 0].map((r) => bestAny[r]).find((p) => p !== undefined) ??
      // A single protected span longer than a whole message: nothing else to do.
      end;

    const chunk = chars.slice(start, cut).join("").trimEnd();
    if (chunk) chunks.push(chunk);
    start = cut;
  }
  return chunks;
}
