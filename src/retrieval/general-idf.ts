/**
 * How informative a word is in general Chinese: jieba's IDF table (270k
 * words, 6 MB of "word idf" lines). Decoding it to a string and indexing that
 * took 190–260 ms at start, a fifth of a one-question `cli ask`, so the table
 * stays as bytes. The build writes a copy sorted by word (scripts/jieba-tables.mjs),
 * searched in place per word (sorted-lines.ts): nothing is indexed at start.
 * Without that copy (no build yet, or another table), the line starts are
 * indexed, bucketed by the line's first character (its UTF-8 bytes; 80–200 ms
 * a start), and a word is compared byte-wise on demand. Either way, cached.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../project-root.ts";
import { JIEBA_IDF_PATH } from "./jieba-files.ts";
import { lineOfWord, secondField } from "./sorted-lines.ts";

/** jieba's IDF table sorted by word, one line each, as the build writes it. */
export const SORTED_IDF_PATH = join(PROJECT_ROOT, "dist", "jieba", "idf-sorted.txt");

export interface GeneralIdf {
  /** the IDF, or undefined for a word the table does not know */
  get(word: string): number | undefined;
}

/** The IDF given a word the table does not know: about as rare as the rarest words it has. */
export const UNKNOWN_IDF = 11;

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

/**
 * The build's sorted copy of a table of `tableBytes` bytes, when it is there
 * and of that size (each line of the table, sorted, ended by a newline: one
 * byte more when the table's last line has none); else null.
 */
export function readSortedIdf(tableBytes: number, path = SORTED_IDF_PATH): Uint8Array | null {
  let sorted: Buffer;
  try {
    sorted = readFileSync(path);
  } catch {
    return null;
  }
  return sorted.byteLength === tableBytes || sorted.byteLength === tableBytes + 1 ? sorted : null;
}

/**
 * jieba's IDF table (or `table`), searched in the build's sorted copy; with
 * `sorted` null, indexed at start. Only the indexing reads the table itself.
 */
export function createGeneralIdf(
  table?: Uint8Array,
  sorted: Uint8Array | null = readSortedIdf(table?.byteLength ?? statSync(JIEBA_IDF_PATH).size),
): GeneralIdf {
  return sorted ? searchSorted(sorted) : indexByFirstCharacter(table ?? readFileSync(JIEBA_IDF_PATH));
}

/** Words with a space or a control character are in no table line. */
const UNSEARCHABLE = /[\u0000-\u0020]/;

function searchSorted(sorted: Uint8Array): GeneralIdf {
  const cache = new Map<string, number | undefined>();
  return {
    get(word) {
      if (cache.has(word)) return cache.get(word);
      let value: number | undefined;
      if (!UNSEARCHABLE.test(word)) {
        const { start, end } = lineOfWord(sorted, Buffer.from(word, "utf8"));
        if (end > start) value = Number(secondField(sorted, start));
      }
      cache.set(word, value);
      return value;
    },
  };
}

function indexByFirstCharacter(table: Uint8Array): GeneralIdf {
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
