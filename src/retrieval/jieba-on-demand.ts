/**
 * jieba with its dictionary loaded as texts need it: exactly the words and
 * tags of `Jieba.withDict(dict)` (then `loadDict` of the added words), without
 * building the 349k-word trie at every start (120–170 ms of CPU and +55 MB,
 * the largest block of a one-question `cli ask`).
 *
 * Why the results are the same: without its HMM, jieba segments a text from
 * the dictionary words that occur in it — its DAG holds the text's substrings
 * that are words, each weighted ln(freq) − ln(total) — and tags a word from its
 * own entry; `cutAll` lists those same words. So a dictionary that holds every
 * word occurring in the text, with its frequency and tag, and has the same
 * `total` gives the same `cut`, `cutAll` and `tag`. Before jieba sees a text,
 * the words of each of its characters and every word starting with each pair
 * of neighbouring characters are added, found by binary search in jieba's
 * `dict.txt` (sorted by bytes, one word a line: sorted-lines.ts); `total`, the sum of all
 * frequencies, is kept by one placeholder entry holding what is not loaded.
 * `test/retrieval-jieba-on-demand.test.ts` compares it with the whole
 * dictionary on the policy texts, every question set and random texts.
 *
 * The keys a start needs for the policy texts (~15,000 characters and pairs,
 * each a binary search: half of this module's start-up CPU) are the same at
 * every start, so the build records them with their line ranges
 * (scripts/jieba-tables.mjs → dist/jieba/preload-keys.json) and a start loads
 * them in one `loadDict`, in the order they were recorded. Loading words that
 * a text does not contain changes nothing for that text, so the record only
 * saves work: a stale or missing one leaves the lookups to be done on demand.
 */
import { Jieba, type TaggedWord } from "@node-rs/jieba";
import { jiebaDict } from "./jieba-files.ts";
import { lineOfWord, linesStartingWith } from "./sorted-lines.ts";

export interface OnDemandJieba {
  /** `jieba.cut(text, false)` */
  cut(text: string): string[];
  /** `jieba.cutAll(text)` */
  cutAll(text: string): string[];
  /** `jieba.tag(text, false)` */
  tag(text: string): TaggedWord[];
  /** The keys loaded so far, in load order, with their lines in the dictionary: what the build records (`formatPreload`). */
  loadedKeys(): readonly LoadedKey[];
}

/** A character (`whole`: its own word) or a pair (the words starting with it) and its dictionary lines [start, end). */
export interface LoadedKey {
  key: string;
  whole: boolean;
  start: number;
  end: number;
}

const PRELOAD_FORMAT = "jieba-preload 1";

/** The build's record of loaded keys, for a dictionary of `dictBytes` bytes, as JSON (parsed faster than lines of text). */
export function formatPreload(keys: readonly LoadedKey[], dictBytes: number): string {
  return JSON.stringify({ format: PRELOAD_FORMAT, dictBytes, keys: keys.map((k) => [k.key, k.whole ? 1 : 0, k.start, k.end]) });
}

/** The keys of a record made for a dictionary of `dictBytes` bytes; [] for another dictionary, a malformed record or none (""). */
export function parsePreload(text: string, dictBytes: number): LoadedKey[] {
  try {
    const record = JSON.parse(text) as { format?: unknown; dictBytes?: unknown; keys?: unknown };
    if (record.format !== PRELOAD_FORMAT || record.dictBytes !== dictBytes || !Array.isArray(record.keys)) return [];
    return (record.keys as [string, number, number, number][]).map(([key, whole, start, end]) => ({ key: String(key), whole: whole === 1, start, end }));
  } catch {
    return [];
  }
}

/** Whether a recorded key's range is where this dictionary has the key's lines (checked before any is loaded). */
function rangeFits(bytes: Uint8Array, k: LoadedKey, scratch: Buffer): boolean {
  const { start, end } = k;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > bytes.length) return false;
  if (start > 0 && bytes[start - 1] !== NEWLINE) return false;
  // The key's UTF-8 bytes, written into a reused buffer (no allocation per key: ~2,600 keys a start).
  const length = scratch.write(k.key, 0);
  if (length === scratch.length) return false;
  const isKeysLine = (at: number): boolean => {
    if (at + length > bytes.length) return false;
    for (let i = 0; i < length; i++) if (bytes[at + i] !== scratch[i]) return false;
    return !k.whole || bytes[at + length] === SPACE;
  };
  // No line of the key: the line where it would sort is not one (a character that is no word may start others).
  return end === start ? !isKeysLine(start) : isKeysLine(start);
}

/** A word added on top of jieba's dictionary, as `loadDict` takes it after `withDict`. */
export interface AddedWord {
  word: string;
  freq: number;
  tag: string;
}

/**
 * The dictionary these figures were counted on (@node-rs/jieba 2.0.2, pinned in
 * package.json): its size in bytes and the sum of its frequencies, which is
 * jieba's `total`. A dictionary of another size has its sum counted at start
 * instead (a pass over 5 MB). The test recounts both from dict.txt.
 */
export const DICT_BYTES = 5_071_843;
export const DICT_FREQUENCY_SUM = 60_101_964;

/**
 * The placeholder holding the frequencies not yet loaded: two Unicode
 * noncharacters (U+FDD0, U+FDD1), which are never part of interchanged text,
 * so no question or policy text contains it.
 */
const PLACEHOLDER = "\uFDD0\uFDD1";
const PREPARED_MEMO_SIZE = 4096;
const NEWLINE = 0x0a;
const SPACE = 0x20;
const DIGIT_0 = 0x30;

/** Sum of the frequencies (each line's second field) of the lines in [start, end). */
export function frequencySum(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let total = 0;
  let field = 0;
  let freq = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b === NEWLINE) {
      total += freq;
      freq = 0;
      field = 0;
    } else if (b === SPACE) field++;
    else if (field === 1) freq = freq * 10 + (b - DIGIT_0);
  }
  return total + freq;
}

/** The first character of a word, or its first two: the key whose loading brings the word in. */
function keyOf(word: string): string {
  const [first = "", second = ""] = word;
  return first + second;
}

/**
 * `preload`: keys to load at once (the build's record, `parsePreload`); one
 * whose range does not fit this dictionary drops the whole record.
 */
export function createOnDemandJieba(added: readonly AddedWord[], bytes: Uint8Array = jiebaDict(), preload: readonly LoadedKey[] = []): OnDemandJieba {
  const jieba = new Jieba();
  const loadOrder: LoadedKey[] = [];
  /** Sum of the frequencies of the words loaded into jieba (the placeholder aside). */
  let loadedSum = 0;
  /** Characters and pairs whose words are loaded. */
  const loadedKeys = new Set<string>();
  /** Texts whose words are loaded (forgotten when full; loaded words stay). */
  const prepared = new Set<string>();

  // An added word that is in the dictionary keeps its dictionary tag and takes
  // the added frequency (that is what loadDict does to a word it has); it is
  // loaded right after its dictionary line, with its key's words.
  const addedByKey = new Map<string, { line: Buffer; freqChange: number }[]>();
  let total = bytes.byteLength === DICT_BYTES ? DICT_FREQUENCY_SUM : frequencySum(bytes);
  const lastOfEach = new Map<string, AddedWord>();
  for (const a of added) lastOfEach.set(a.word, { ...a, tag: lastOfEach.get(a.word)?.tag ?? a.tag });
  for (const { word, freq, tag } of lastOfEach.values()) {
    const { start, end } = lineOfWord(bytes, Buffer.from(word));
    const freqChange = freq - frequencySum(bytes, start, end);
    total += freqChange;
    const key = keyOf(word);
    addedByKey.set(key, [...(addedByKey.get(key) ?? []), { line: Buffer.from(`${word} ${freq} ${tag}\n`), freqChange }]);
  }

  const placeholder = () => Buffer.from(`${PLACEHOLDER} ${total - loadedSum} x\n`);

  /** Queues the words of a key not loaded yet: the character's own word (`whole`), or the words starting with the pair. */
  function queue(key: string, whole: boolean, lines: Uint8Array[], range?: { start: number; end: number }): void {
    if (loadedKeys.has(key)) return;
    loadedKeys.add(key);
    const { start, end } = range ?? (whole ? lineOfWord(bytes, Buffer.from(key)) : linesStartingWith(bytes, Buffer.from(key)));
    loadOrder.push({ key, whole, start, end });
    if (end > start) {
      lines.push(bytes.subarray(start, end));
      if (bytes[end - 1] !== NEWLINE) lines.push(Buffer.from("\n"));
      loadedSum += frequencySum(bytes, start, end);
    }
    for (const a of addedByKey.get(key) ?? []) {
      lines.push(a.line);
      loadedSum += a.freqChange;
    }
  }

  const preloaded: Uint8Array[] = [];
  const scratch = Buffer.alloc(64);
  if (preload.every((k) => rangeFits(bytes, k, scratch))) for (const k of preload) queue(k.key, k.whole, preloaded, k);
  jieba.loadDict(Buffer.concat([...preloaded, placeholder()]));

  /**
   * Loads every dictionary word that can occur in the text: the word of each
   * character and the words starting with each pair of neighbouring characters.
   * No word holds a space or a control character, so no key does either.
   */
  function prepare(text: string): void {
    // Answers segment the same passages again and again: a text seen before has its words loaded.
    if (prepared.has(text)) return;
    if (prepared.size >= PREPARED_MEMO_SIZE) prepared.clear();
    prepared.add(text);
    const lines: Uint8Array[] = [];
    let previous: string | undefined;
    for (const char of text) {
      if (char <= " ") {
        previous = undefined;
        continue;
      }
      queue(char, true, lines);
      if (previous !== undefined) queue(previous + char, false, lines);
      previous = char;
    }
    if (lines.length > 0) jieba.loadDict(Buffer.concat([...lines, placeholder()]));
  }

  return {
    cut(text) {
      prepare(text);
      return jieba.cut(text, false);
    },
    cutAll(text) {
      prepare(text);
      return jieba.cutAll(text);
    },
    tag(text) {
      prepare(text);
      return jieba.tag(text, false);
    },
    loadedKeys: () => loadOrder,
  };
}
