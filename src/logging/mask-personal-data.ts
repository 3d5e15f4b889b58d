/**
 * Masks personal data before it reaches a log line or a stored log: mobile
 * numbers (138****8000), landlines (0533-****4567) and unified social credit
 * codes (9133**********1F8X). Applied to every string a log record carries,
 * so callers cannot forget it.
 *
 * It recognises every spelling the intake parsers accept, by construction:
 * the text is first normalised character by character the way the parsers
 * normalise it (NFKC: full-width digits and letters, ＋, circled digits…),
 * and between the characters of a number it allows exactly the separators
 * the parsers strip (PHONE_SEPARATORS, CREDIT_CODE_SEPARATORS). Letters of a
 * code may be lower case, as the parser upper-cases them. The match is then
 * replaced in the original text, so the rest of the line is left as written.
 */
import { CREDIT_CODE_SEPARATORS } from "../intake/parsers/parse-credit-code.ts";
import { PHONE_SEPARATORS } from "../intake/parsers/parse-mobile.ts";

const P = `[${PHONE_SEPARATORS}]*`;
const C = `[${CREDIT_CODE_SEPARATORS}]*`;
const digits = (n: number, sep: string) => `(?:${sep}\\d){${n}}`;

// +86 / 0086 / 86 before a mobile number; +86 / 0086 in place of a landline's leading 0.
const COUNTRY = `(?:\\+${P}|0${P}0${P})?8${P}6${P}`;
const MOBILE = new RegExp(`(?<![0-9])(?:${COUNTRY})?(1${P}[3-9]${digits(9, P)})(?![0-9])`, "gu");
// Area codes as parsePhone reads them: 010 and 02x, else 0 + three digits; then 7–8 digits.
const LANDLINE = new RegExp(
  `(?<![0-9])(?:(?:\\+${P}|0${P}0${P})8${P}6|0(?:${P}0)?)${P}(1${P}0|2${P}\\d|[3-9]${P}\\d${P}\\d)(${digits(7, P)}(?:${P}\\d)?)(?![0-9])`,
  "gu",
);
// GB 32100-2015 shape: 18 letters or digits, the 3rd–8th digits (the administrative-division code).
// Any letter, not only the code alphabet: a mistyped code (O for 0) is still someone's code.
const CODE_CHAR = "[0-9A-Za-z]";
const CREDIT_CODE = new RegExp(`(?<![0-9A-Za-z])${CODE_CHAR}${C}${CODE_CHAR}${digits(6, C)}(?:${C}${CODE_CHAR}){10}(?![0-9A-Za-z])`, "gu");

interface Normalised {
  text: string;
  /** for each UTF-16 index of `text`, the index in the original where its character starts */
  start: number[];
  /** … and where it ends */
  end: number[];
}

/** NFKC per character, remembering where each normalised character came from. */
function normalise(raw: string): Normalised {
  let text = "";
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  for (const ch of raw) {
    const n = ch.normalize("NFKC");
    text += n;
    for (let k = 0; k < n.length; k++) {
      start.push(i);
      end.push(i + ch.length);
    }
    i += ch.length;
  }
  return { text, start, end };
}

const onlyDigits = (s: string) => s.replace(/[^0-9]/g, "");
const onlyCode = (s: string) => s.replace(/[^0-9A-Za-z]/g, "").toUpperCase();

interface Span {
  from: number;
  to: number;
  masked: string;
}

function findSpans(n: Normalised): Span[] {
  const spans: Span[] = [];
  // Earlier kinds win (a code is checked before the phone numbers in it). What a kind matched is
  // blanked out before the next kind looks, so a later match can neither start inside an earlier
  // one nor run from it into the number beside it (a code's last digits + 「 86158…」 would
  // otherwise swallow the start of the phone number that follows, leaving its rest unmasked).
  let text = n.text;
  const pass = (pattern: RegExp, mask: (m: RegExpExecArray) => string) => {
    const found: RegExpExecArray[] = [...text.matchAll(pattern)];
    for (const m of found) {
      spans.push({ from: n.start[m.index]!, to: n.end[m.index + m[0].length - 1]!, masked: mask(m) });
      text = text.slice(0, m.index) + "#".repeat(m[0].length) + text.slice(m.index + m[0].length);
    }
  };
  pass(CREDIT_CODE, (m) => {
    const code = onlyCode(m[0]);
    return `${code.slice(0, 4)}**********${code.slice(-4)}`;
  });
  pass(MOBILE, (m) => {
    const d = onlyDigits(m[1]!);
    return `${d.slice(0, 3)}****${d.slice(-4)}`;
  });
  pass(LANDLINE, (m) => `0${onlyDigits(m[1]!)}-****${onlyDigits(m[2]!).slice(-4)}`);
  return spans.sort((a, b) => a.from - b.from);
}

/** Plain ASCII without a digit holds no number in any spelling: skip the per-character work. */
const MAYBE = /[0-9\u0080-\uffff]/u;

export function maskPersonalData(text: string): string {
  if (!MAYBE.test(text)) return text;
  const spans = findSpans(normalise(text));
  if (spans.length === 0) return text;
  let out = "";
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.from) + s.masked;
    at = s.to;
  }
  return out + text.slice(at);
}

/** How deep a log payload is copied; anything deeper is left out rather than logged unmasked. */
const MAX_DEPTH = 12;
const TOO_DEEP = "[…]";

/** Deep copy of a log payload with every string (keys included) masked. */
export function maskDeep(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === "string") return maskPersonalData(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > MAX_DEPTH || seen.has(value)) return TOO_DEEP;
  seen.add(value);
  try {
    if (value instanceof Error) {
      const out: Record<string, unknown> = { name: value.name, message: maskPersonalData(value.message) };
      if (value.stack) out.stack = maskPersonalData(value.stack);
      for (const [k, v] of Object.entries(value)) out[maskPersonalData(k)] = maskDeep(v, depth + 1, seen);
      if (value.cause !== undefined) out.cause = maskDeep(value.cause, depth + 1, seen);
      return out;
    }
    if (value instanceof Date) return value;
    if (ArrayBuffer.isView(value)) return `[${value.byteLength} 字节]`;
    if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1, seen));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[maskPersonalData(k)] = maskDeep(v, depth + 1, seen);
    return out;
  } finally {
    seen.delete(value);
  }
}
