/**
 * Same-sound typos of domain words (淄搏 → 淄博, 托官 → 托管, 正券化 → 证券化,
 * 浙姜 → 浙江): a stretch of the question that is neither in the policy texts
 * nor a word of general Chinese, and that reads (pinyin, tones ignored, any
 * reading of a heteronym such as 甾 zāi/zī) exactly like a word of the domain
 * vocabulary differing in one character, is read as that word. The vocabulary
 * is the texts' own words plus the place and programme names — nothing fitted
 * to a question. Every correction is reported so the reply can say how the
 * question was read.
 */
import { pinyin, type PINYIN_STYLE } from "@napi-rs/pinyin";

/** Toneless pinyin (the package's const enum cannot be read at run time under isolatedModules). */
const PLAIN = 0 as PINYIN_STYLE;

export interface TypoCorrection {
  /** what the user wrote */
  from: string;
  /** the domain word it was read as */
  to: string;
}

export interface CorrectedText {
  text: string;
  corrections: TypoCorrection[];
}

export interface TypoCorrector {
  correct(text: string): CorrectedText;
}

export interface TypoCorrectorDeps {
  /** the words a typo may be corrected to (domain terms, words of the texts, place names) */
  vocabulary: Iterable<string>;
  /** the policy texts: a stretch that occurs in them is no typo */
  corpus: string;
  /** whether general Chinese knows the word (jieba's dictionary): a real word is no typo */
  isKnownWord(word: string): boolean;
  /** where the words of a text start (its segmentation): a typo starts and ends at word boundaries */
  wordStarts(text: string): ReadonlySet<number>;
  /** function words (有, 的, 一): nobody mistypes a content character as one of these */
  isFunctionWord(char: string): boolean;
}

const MIN_LENGTH = 2;
const MAX_LENGTH = 6;
/** From this length a one-character same-sound difference is a typo even when that character is a function word. */
const LONG_STRETCH = 4;
/** More readings than this for one stretch (many heteronyms) is too ambiguous to correct. */
const MAX_READINGS = 32;
const HAN = /^[\u4e00-\u9fff]+$/;

const readingCache = new Map<string, string[]>();

/** Toneless readings of one character (every reading of a heteronym). */
function readingsOf(char: string): string[] {
  let r = readingCache.get(char);
  if (!r) {
    const out = pinyin(char, { style: PLAIN, heteronym: true }) as string[][];
    r = [...new Set(out[0] ?? [char])];
    readingCache.set(char, r);
  }
  return r;
}

/** Every toneless reading of a word, as "zi bo"; undefined when there are too many. */
function readingsOfWord(word: string): string[] | undefined {
  let keys = [""];
  for (const c of word) {
    const next: string[] = [];
    for (const k of keys) for (const r of readingsOf(c)) next.push(k ? `${k} ${r}` : r);
    if (next.length > MAX_READINGS) return undefined;
    keys = next;
  }
  return keys;
}

/** The one position where two words of equal length differ; undefined when they differ in none or more. */
function differingAt(a: string, b: string): number | undefined {
  let at: number | undefined;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (at !== undefined) return undefined;
    at = i;
  }
  return at;
}

export function createTypoCorrector(deps: TypoCorrectorDeps): TypoCorrector {
  // One reading per vocabulary word is enough: the question's side tries every reading.
  const byReading = new Map<string, string[]>();
  for (const word of new Set(deps.vocabulary)) {
    if (word.length < MIN_LENGTH || word.length > MAX_LENGTH || !HAN.test(word)) continue;
    const key = (pinyin(word, { style: PLAIN }) as string[]).join(" ");
    const list = byReading.get(key) ?? [];
    list.push(word);
    byReading.set(key, list);
  }

  function candidate(stretch: string): string | undefined {
    if (!HAN.test(stretch) || deps.corpus.includes(stretch)) return undefined;
    const found = new Set<string>();
    for (const key of readingsOfWord(stretch) ?? []) {
      for (const word of byReading.get(key) ?? []) {
        const at = differingAt(word, stretch);
        // A short stretch typed with a function word (「有的」) is usually meant as written; in a
        // stretch of LONG_STRETCH or more characters that otherwise spells a domain word
        // (专利代里师 → 专利代理师), the same sound is the typo.
        // Nor is a short stretch whose characters kept are all function words (报给 is not 包给 mistyped):
        // one same-sounding content character is all it shares with the word, too little to guess by.
        if (at === undefined) continue;
        const kept = [...stretch].filter((_, i) => i !== at);
        if (stretch.length >= LONG_STRETCH || (!deps.isFunctionWord(stretch[at]!) && !kept.every((c) => deps.isFunctionWord(c)))) found.add(word);
      }
    }
    // Two different domain words sound alike: no guess. A real word of general Chinese is no typo.
    return found.size === 1 && !deps.isKnownWord(stretch) ? [...found][0] : undefined;
  }

  /** Whether a stretch starting at `from` (ending at a word boundary) is a typo of a longer word. */
  function startsCorrection(text: string, from: number, starts: ReadonlySet<number>): boolean {
    for (let len = Math.min(MAX_LENGTH, text.length - from); len > MIN_LENGTH; len--) {
      if (from + len < text.length && !starts.has(from + len)) continue;
      if (candidate(text.slice(from, from + len))) return true;
    }
    return false;
  }

  const memo = new Map<string, CorrectedText>();

  return {
    correct(text) {
      const hit = memo.get(text);
      if (hit) return { text: hit.text, corrections: [...hit.corrections] };
      const corrections: TypoCorrection[] = [];
      const starts = deps.wordStarts(text);
      let out = "";
      let i = 0;
      while (i < text.length) {
        let replaced = false;
        // 「园区现在」 holds 区现 (≈ 区县) across two words: only stretches that start a word are read.
        if (!starts.has(i)) {
          out += text[i++];
          continue;
        }
        // Longest stretch first: 正券化 → 证券化 rather than 正券 alone.
        for (let len = Math.min(MAX_LENGTH, text.length - i); len >= MIN_LENGTH; len--) {
          if (i + len < text.length && !starts.has(i + len)) continue;
          const stretch = text.slice(i, i + len);
          const word = candidate(stretch);
          // 「淄博事范区」: 淄博 is right as written, and its last character starts 示范区 — the typo is
          // there, not in 淄博市.
          if (word && differingAt(word, stretch) === len - 1 && startsCorrection(text, i + len - 1, starts)) continue;
          if (word) {
            corrections.push({ from: stretch, to: word });
            out += word;
            i += len;
            replaced = true;
            break;
          }
        }
        if (!replaced) out += text[i++];
      }
      const result = { text: out, corrections };
      if (memo.size > 512) memo.clear();
      memo.set(text, result);
      return { text: out, corrections: [...corrections] };
    },
  };
}
