/**
 * How much of a question a piece of text speaks about. Each topic word of the
 * question is weighted by how informative it is in general Chinese (jieba's
 * IDF: 天气 or 年费 weigh more than 条件), and counts as matched when the text
 * uses it, one of its SYNONYMS, or its sub-words. Out-of-domain questions
 * (高企认定, 商标注册补贴 in 杭州) keep their key words unmatched, so their
 * coverage stays low whatever retrieval ranks first.
 */
import { SYNONYMS } from "./domain-terms.ts";
import type { Tokenizer } from "./tokenizer.ts";

export interface WeightedWord {
  word: string;
  weight: number;
}

/** Matched word 1, synonym 0.8, sub-words up to 0.7 (share of them present). */
const SYNONYM_MATCH = 0.8;
const SUBWORD_MATCH = 0.7;

export interface TopicCoverage {
  weightedWords(query: string): WeightedWord[];
  /** 0 … 1: how strongly `terms` contains `word` */
  match(word: string, terms: ReadonlySet<string>): number;
  /** weighted share of the words matched by `terms`; 1 when there are no words */
  coverage(words: readonly WeightedWord[], terms: ReadonlySet<string>): number;
}

export function createTopicCoverage(tokenizer: Tokenizer): TopicCoverage {
  function weightOf(word: string): number {
    if (/^[\d.]+$/.test(word)) return 1; // a figure in the question rarely appears verbatim
    const w = Math.min(tokenizer.generalIdf(word), 12);
    return word.length === 1 ? w / 2 : w;
  }

  function match(word: string, terms: ReadonlySet<string>): number {
    if (terms.has(word)) return 1;
    const syns = SYNONYMS[word];
    if (syns?.some((s) => terms.has(s))) return SYNONYM_MATCH;
    const subs = tokenizer.subWords(word);
    if (subs.length === 0) return 0;
    const found = subs.filter((s) => terms.has(s)).length;
    return (SUBWORD_MATCH * found) / subs.length;
  }

  return {
    weightedWords(query) {
      const seen = new Set<string>();
      const out: WeightedWord[] = [];
      for (const word of tokenizer.topicWords(query)) {
        if (seen.has(word)) continue;
        seen.add(word);
        out.push({ word, weight: weightOf(word) });
      }
      return out;
    },
    match,
    coverage(words, terms) {
      let total = 0;
      let got = 0;
      for (const { word, weight } of words) {
        total += weight;
        got += weight * match(word, terms);
      }
      return total === 0 ? 1 : got / total;
    },
  };
}
