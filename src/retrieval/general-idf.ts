/**
 * How informative a word is in general Chinese: jieba's IDF table (270k
 * words). Parsing it into a Map costs ~250 ms at start, a quarter of the cold
 * start budget, so only line offsets are indexed (by first character) and a
 * word is looked up on demand, then cached.
 */
import { idf } from "@node-rs/jieba/dict.js";

export interface GeneralIdf {
  /** the IDF, or undefined for a word the table does not know */
  get(word: string): number | undefined;
}

export function createGeneralIdf(table: Uint8Array = idf): GeneralIdf {
  const text = Buffer.from(table).toString("utf8");
  const buckets = new Map<number, number[]>();
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    let bucket = buckets.get(c);
    if (!bucket) buckets.set(c, (bucket = []));
    bucket.push(i);
    const end = text.indexOf("\n", i);
    if (end < 0) break;
    i = end + 1;
  }
  const cache = new Map<string, number | undefined>();

  return {
    get(word) {
      if (cache.has(word)) return cache.get(word);
      let value: number | undefined;
      const key = `${word} `;
      for (const offset of buckets.get(word.charCodeAt(0)) ?? []) {
        if (text.startsWith(key, offset)) {
          const end = text.indexOf("\n", offset);
          value = Number(text.slice(offset + key.length, end < 0 ? text.length : end));
          break;
        }
      }
      cache.set(word, value);
      return value;
    },
  };
}
