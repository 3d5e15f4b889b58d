/**
 * The English words known here: those of the unofficial renderings of both
 * texts and of the glossary. Read once — the knowledge does not change while
 * the process lives — as Porter stems (an English question's word is known when
 * its stem is: 「organises」 meets 「organised」) and as words with how often
 * they occur (what a misspelt word is read as, english-typos.ts).
 */
import { stemmer } from "stemmer";
import { loadEnglishRenderings, loadGlossary } from "../knowledge/load-english.ts";

export interface EnglishVocabulary {
  stems: ReadonlySet<string>;
  /** each lower-case word and how often the renderings and the glossary use it */
  counts: ReadonlyMap<string, number>;
}

let vocabulary: EnglishVocabulary | undefined;

export function englishVocabulary(): EnglishVocabulary {
  if (!vocabulary) {
    const counts = new Map<string, number>();
    const add = (text: string): void => {
      for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
    };
    for (const r of loadEnglishRenderings().values()) {
      add(r.title);
      for (const t of Object.values(r.pieces)) add(t);
    }
    const g = loadGlossary();
    for (const e of [...g.terms, ...g.questionWords]) for (const en of e.en) add(en);
    vocabulary = { stems: new Set([...counts.keys()].map((w) => stemmer(w))), counts };
  }
  return vocabulary;
}
