/**
 * Lookups in a word table sorted by bytes, one `word field…` line each
 * (jieba's dict.txt as it ships; its IDF table as the build sorts it), read
 * in place: no decoding and no index built at start, a binary search over
 * the bytes per lookup, as the Unix `look` does. Lines sort as their words do
 * because the space ending a word sorts before every byte of a word; keys
 * must hold no space or control character.
 */

const NEWLINE = 0x0a;
const SPACE = 0x20;

export interface LineRange {
  /** first byte of the first line */
  start: number;
  /** first byte after the last line (start when there is none) */
  end: number;
}

/** The line starting at `at`, cut to the key's length, against the key: < 0 before it, 0 when it starts with the key. */
function comparePrefix(bytes: Uint8Array, at: number, key: Uint8Array): number {
  for (let k = 0; k < key.length; k++) {
    const difference = (at + k < bytes.length ? bytes[at + k]! : -1) - key[k]!;
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Start of the line after the one holding `at` (or the end of the bytes). */
export function nextLine(bytes: Uint8Array, at: number): number {
  while (at < bytes.length && bytes[at] !== NEWLINE) at++;
  return Math.min(at + 1, bytes.length);
}

/** Start of the first line that does not sort before the key. */
function lowerBound(bytes: Uint8Array, key: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    // lo is a line start, so the line holding the midpoint starts at lo or after it.
    let line = (lo + hi) >>> 1;
    while (line > lo && bytes[line - 1] !== NEWLINE) line--;
    if (comparePrefix(bytes, line, key) < 0) lo = nextLine(bytes, line);
    else hi = line;
  }
  return lo;
}

/** The lines whose word starts with the key (the word equal to the key among them). */
export function linesStartingWith(bytes: Uint8Array, key: Uint8Array): LineRange {
  const start = lowerBound(bytes, key);
  let end = start;
  while (end < bytes.length && comparePrefix(bytes, end, key) === 0) end = nextLine(bytes, end);
  return { start, end };
}

/** The line of the word equal to the key (an empty range when the table lacks it). */
export function lineOfWord(bytes: Uint8Array, key: Uint8Array): LineRange {
  const start = lowerBound(bytes, key);
  // The word itself sorts first among the words it starts.
  const found = start < bytes.length && comparePrefix(bytes, start, key) === 0 && bytes[start + key.length] === SPACE;
  return { start, end: found ? nextLine(bytes, start) : start };
}

/** The second field of the line starting at `at`, as text (up to the next space or the line's end). */
export function secondField(bytes: Uint8Array, at: number): string {
  let from = at;
  while (from < bytes.length && bytes[from] !== SPACE && bytes[from] !== NEWLINE) from++;
  let to = ++from;
  while (to < bytes.length && bytes[to] !== SPACE && bytes[to] !== NEWLINE && bytes[to] !== 0x0d) to++;
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString("latin1");
}
