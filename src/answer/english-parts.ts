/**
 * The nouns of an English question and the phrase it asks for, by compromise's part-of-speech tagger. In
 * Chinese the nouns carry what a question is about and a noun the texts never
 * use keeps its full weight (topic-coverage.ts, jieba's tags); an English
 * question is weighed the same way, so 「Is there any office rent discount …」
 * is about rent and discounts, which neither text names, however well its other
 * words match. A tagger, not a word list: it reads nouns it has never seen
 * from their place in the sentence.
 *
 * compromise costs ~200 ms to load, so it is loaded on the first English
 * question, not at every start (a Chinese `cli ask` never pays for it).
 */
import { createRequire } from "node:module";

interface TaggedTerm {
  normal: string;
  tags: string[];
}
type Tagger = (text: string) => { json(): { terms: TaggedTerm[] }[] };

let tagger: Tagger | undefined;
function loadTagger(): Tagger {
  // 「compromise/two」 is the tagger without the phrase-level plugins of 「three」: all a noun needs.
  tagger ??= createRequire(import.meta.url)("compromise/two") as Tagger;
  return tagger;
}

export interface EnglishParts {
  /** lower-case words tagged as nouns (not pronouns: 「it」 is no topic) */
  nouns: ReadonlySet<string>;
  /**
   * The words of the noun phrase a 「what/which」 asks for, read from the tags, not from a list of
   * verbs: 「What's the submission deadline for …」 → submission, deadline; 「What corporate income
   * tax rate applies …」 → corporate, income, tax, rate; 「Is there any office rent discount …」 → office,
   * rent, discount; 「… get a fast-track work permit」 → fast, track, work, permit; 「how much office rent
   * subsidy …」 → office, rent, subsidy; 「Does Zibo subsidise trademark registration fees …」 → trademark,
   * registration, fees. Empty when the
   * question asks no what/which and whether nothing is there or given.
   */
  askedPhrase: string[];
}

const WORD = /[a-z]+/g;
/** The auxiliary that opens a yes/no question (「Does …」「Can …」). */
const AUXILIARY = /^(does|do|did|can|could|will|would|should|must|may)$/;
const isNoun = (t: TaggedTerm): boolean => t.tags.includes("Noun") && !t.tags.includes("Pronoun");

export function englishParts(question: string): EnglishParts {
  const terms = loadTagger()(question).json().flatMap((sentence) => sentence.terms);
  const nouns = new Set<string>();
  // 「zhejiang's」: the word without its possessive, as the question's word list reads it.
  for (const t of terms) if (isNoun(t)) for (const w of t.normal.toLowerCase().match(WORD) ?? []) nouns.add(w);
  const askedPhrase: string[] = [];
  // 「what/which …」 asks for the phrase after it; 「Is there any …」 and 「… get a …」 ask whether that
  // phrase is there or given.
  const opensAsked = (t: TaggedTerm, i: number): boolean =>
    /^(what|which)('s)?$/.test(t.normal.toLowerCase()) ||
    // 「How much office rent subsidy …」「how many yuan …」: the phrase after much/many is what is counted.
    (/^(much|many)$/.test(t.normal) && terms[i - 1]?.normal === "how") ||
    (t.normal === "there" && i > 0 && terms[i - 1]!.tags.includes("Copula")) ||
    (/^(get|receive|obtain|offer|provide)$/.test(t.normal) && /^(a|an|any)$/.test(terms[i + 1]?.normal ?? ""));
  // 「Does Zibo subsidise trademark registration fees …」: a yes/no question's auxiliary, its subject and
  // its main verb; the noun phrase after the verb is what is asked whether it is given.
  const afterMainVerb = (t: TaggedTerm, i: number): boolean =>
    i > 1 &&
    AUXILIARY.test(terms[0]!.normal) &&
    t.tags.includes("Verb") &&
    !t.tags.includes("Copula") &&
    !t.tags.includes("Auxiliary") &&
    terms.slice(1, i).every((s) => isNoun(s) || s.tags.includes("Determiner") || s.tags.includes("Adjective"));
  // The phrase after each opening: a yes/no ask and a how-much ask in one question (「Does Zibo
  // subsidise X …, and how much per mark?」) each ask for theirs.
  // Of a yes/no ask's object only the nouns: 「a fixed yearly quota」 asks about a quota.
  for (const [wh, nounsOnly] of [[terms.findIndex(opensAsked), false], [terms.findIndex(afterMainVerb), true]] as const) {
    let phrase = 0;
    for (const t of wh < 0 ? [] : terms.slice(wh + 1)) {
      // 「What is the …」「What's a …」: the copula and the article come before the phrase.
      if (phrase === 0 && (t.tags.includes("Copula") || t.tags.includes("Determiner"))) continue;
      if (!isNoun(t) && !t.tags.includes("Adjective")) break;
      if (nounsOnly && !isNoun(t)) continue;
      for (const w of t.normal.toLowerCase().match(WORD) ?? []) {
        if (!askedPhrase.includes(w)) askedPhrase.push(w);
        phrase++;
      }
    }
  }
  return { nouns, askedPhrase };
}
