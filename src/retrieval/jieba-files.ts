/**
 * jieba's dictionary and IDF table as files: `@node-rs/jieba/dict.js` reads
 * both (11 MB) when imported, though a start with the build's sorted IDF copy
 * needs only the dictionary.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const resolve = createRequire(import.meta.url).resolve;
export const JIEBA_DICT_PATH = resolve("@node-rs/jieba/dict.txt");
export const JIEBA_IDF_PATH = resolve("@node-rs/jieba/idf.txt");

let dict: Buffer | undefined;

/** dict.txt's bytes, read once. */
export function jiebaDict(): Buffer {
  dict ??= readFileSync(JIEBA_DICT_PATH);
  return dict;
}
