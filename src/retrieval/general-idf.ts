/**
 * How informative a word is in general Chinese: jieba's IDF table (270k
 * words, 6 MB of "word idf" lines). Decoding it to a string and indexing that
 * took 190–260 ms at start, a fifth of a one-question `cli ask`, so the table
 * stays as bytes: only the line starts are indexed, bucketed by the line's
 * first character (its UTF-8 bytes; 80–95 ms on the same machine), and a word
 * is compared byte-wise on demand, then cached.
 */
import { idf } from "@node-rs/jieba/dict.js";

export interface GeneralIdf {
  /** the IDF, or undefined for a word the table does not know */
  get(word: string): number | undefined;
}

const NEWLINE = 0x0a;
const SPACE = 0x20;

/** A line's first character as a number: its UTF-8 bytes (1–4) packed. */
function firstCharKey(bytes: Uint8Array, at: number): number {
  const lead = bytes[at] ?? 0;
  const length = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
  let key = 0;
  for (let i = 0; i < length; i++) key = key * 256 + (bytes[at + i] ?? 0);
  return key;
}

export function createGeneralIdf(table: Uint8Array = idf): GeneralIdf {
  const bytes = Buffer.from(table.buffer, table.byteOffset, table.byteLength);
  const buckets = new Map<number, number[]>();
  for (let i = 0; i < bytes.length; ) {
    const key = firstCharKey(bytes, i);
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = []));
    bucket.push(i);
    const end = bytes.indexOf(NEWLINE, i);
    if (end < 0) break;
    i = end + 1;
  }
  const cache = new Map<string, number | undefined>();

  return {
    get(word) {
      if (cache.has(word)) return cache.get(word);
      let value: number | undefined;
      const key = Buffer.from(`${word} `, "utf8");
      for (const offset of buckets.get(firstCharKey(key, 0)) ?? []) {
        if (bytes[offset + key.length - 1] !== SPACE) continue;
        if (bytes.compare(key, 0, key.length, offset, offset + key.length) === 0) {
          const end = bytes.indexOf(NEWLINE, offset);
          value = Number(bytes.toString("latin1", offset + key.length, end < 0 ? bytes.length : end).trim());
          break;
        }
      }
      cache.set(word, value);
      return value;
    },
  };
}
