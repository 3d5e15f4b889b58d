/**
 * Coverage against a fixed list of term sets (each piece's, each article's,
 * the corpus'), with each question word's match against every set worked out
 * once and kept. `coverageOf` adds the weights in the words' order exactly as
 * `TopicCoverage.coverage` does, so its result is the same number.
 *
 * A word's matches depend only on the word (its everyday base and whether it
 * abbreviates) and on the sets, which do not change once the index is built;
 * what a question adds is the few words it has not seen yet. The table keeps
 * the last MAX_WORDS words (one number per set each).
 */
import { recentMemo } from "./recent-memo.ts";
import type { TopicCoverage, WeightedWord } from "./topic-coverage.ts";

const MAX_WORDS = 4096;

export interface CoverageTable {
  /** How strongly each set, by column, contains the word (`TopicCoverage.matchWord`). */
  matches(word: WeightedWord): Float64Array;
}

export function createCoverageTable(topic: TopicCoverage, sets: readonly ReadonlySet<string>[]): CoverageTable {
  const byWord = recentMemo<Float64Array>(MAX_WORDS);
  return {
    matches(w) {
      const key = `${w.word}\u0000${w.matchAs ?? ""}\u0000${w.abbreviates ? 1 : 0}${w.nounRoot ? 1 : 0}`;
      return byWord(key, () => {
        const row = new Float64Array(sets.length);
        for (let c = 0; c < sets.length; c++) row[c] = topic.matchWord(w, sets[c]!);
        return row;
      });
    },
  };
}

/** `TopicCoverage.coverage(words, sets[column])`, from the words' rows (`rows[j]` is `words[j]`'s). */
export function coverageOf(words: readonly WeightedWord[], rows: readonly Float64Array[], column: number): number {
  let total = 0;
  let got = 0;
  for (let j = 0; j < words.length; j++) {
    const w = words[j]!;
    const m = rows[j]![column]!;
    total += w.scene ? w.weight * m : w.weight;
    got += w.weight * m;
  }
  return total === 0 ? 1 : got / total;
}
