/**
 * Typos of the English words the texts use (「zhejaing」「patnet」「demostration」「subsidey」), read
 * as the word meant, as same-sound typos are in Chinese (correct-typos.ts): a word nobody here knows
 * and general English does not have either (english-words.ts: 「fixing」 is no typo of 「filing」),
 * of five letters or more, one edit away — a letter added, dropped, replaced, or two neighbours swapped
 * (Damerau–Levenshtein distance, the `damerau-levenshtein` package), its first letter kept — from a
 * word of the renderings or the glossary, is that word; the most used one when several are. Shorter
 * words are left alone: at four letters one edit reaches too many words. Every correction is reported
 * so the reply can say how the question was read.
 */
import { createRequire } from "node:module";
import { stemmer } from "stemmer";
import { englishVocabulary } from "./english-vocabulary.ts";
import { isEnglishWord } from "./english-words.ts";

type Distance = (a: string, b: string) => { steps: number };
const distance = createRequire(import.meta.url)("damerau-levenshtein") as Distance;

export interface EnglishTypo {
  from: string;
  to: string;
}

const MIN_TYPO_LENGTH = 5;

/** The word a misspelt word is read as, or undefined when it is known or nothing known is one edit away. */
function meantWord(word: string): string | undefined {
  const { stems, counts } = englishVocabulary();
  if (word.length < MIN_TYPO_LENGTH || stems.has(stemmer(word)) || isEnglishWord(word)) return undefined;
  let best: { word: string; count: number } | undefined;
  for (const [known, count] of counts) {
    // A typo keeps the word's first letter (zhejaing, patnet, demostration): only those are measured.
    if (known[0] !== word[0] || Math.abs(known.length - word.length) > 1 || known.length < MIN_TYPO_LENGTH - 1) continue;
    if (distance(word, known).steps !== 1) continue;
    if (!best || count > best.count) best = { word: known, count };
  }
  return best?.word;
}

/** The question with its misspelt words read as the words meant (case kept where it was a capital), and what was read so. */
export function correctEnglishTypos(question: string): { text: string; corrections: EnglishTypo[] } {
  const corrections: EnglishTypo[] = [];
  const text = question.replace(/[A-Za-z]+/g, (word) => {
    const meant = meantWord(word.toLowerCase());
    if (!meant) return word;
    const to = /^[A-Z]/.test(word) ? meant.charAt(0).toUpperCase() + meant.slice(1) : meant;
    corrections.push({ from: word, to });
    return to;
  });
  return { text, corrections };
}

/** How the reply says it read the misspelt words: 「(Read "Zhejaing" as "Zhejiang".)」 */
export function englishReadingNote(corrections: readonly EnglishTypo[]): string {
  return `(Read ${corrections.map((c) => `"${c.from}" as "${c.to}"`).join(", ")}.)`;
}
