/**
 * Whether a word is English at all, by the `word-list` package (274,000 words of general English):
 * a real word the texts do not use (「fixing」) is no typo of one they use (「filing」), as a word of
 * general Chinese is no typo in correct-typos.ts. The list is read on the first lookup (an English
 * question with a long unknown word) and kept as one string per two-letter start, each searched
 * whole-line: 2.7 MB, not a set of 274,000 strings (~21 MB).
 */
import { readFileSync } from "node:fs";
import wordListPath from "word-list";

let buckets: Map<string, string> | undefined;

function loadBuckets(): Map<string, string> {
  const lists = new Map<string, string[]>();
  for (const word of readFileSync(wordListPath, "latin1").split("\n")) {
    if (!word) continue;
    const key = word.slice(0, 2);
    let list = lists.get(key);
    if (!list) lists.set(key, (list = []));
    list.push(word);
  }
  // 「\nword\n」 is found by one indexOf in its bucket.
  return new Map([...lists].map(([key, words]) => [key, `\n${words.join("\n")}\n`]));
}

export function isEnglishWord(word: string): boolean {
  buckets ??= loadBuckets();
  const lower = word.toLowerCase();
  return buckets.get(lower.slice(0, 2))?.includes(`\n${lower}\n`) ?? false;
}
