/**
 * jieba's dictionary and IDF table as files: `@node-rs/jieba/dict.js` reads
 * both (11 MB) when imported, though a start with the build's sorted IDF copy
 * needs only the dictionary.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { PROJECT_ROOT } from "../project-root.ts";

const resolve = createRequire(import.meta.url).resolve;
export const JIEBA_DICT_PATH = resolve("@node-rs/jieba/dict.txt");
export const JIEBA_IDF_PATH = resolve("@node-rs/jieba/idf.txt");

let dict: Buffer | undefined;

/** dict.txt's bytes, read once. */
export function jiebaDict(): Buffer {
  dict ??= readFileSync(JIEBA_DICT_PATH);
  return dict;
}

/** The build's record of the dictionary keys the policy texts need (scripts/jieba-tables.mjs; jieba-on-demand.ts). */
export const JIEBA_PRELOAD_PATH = join(PROJECT_ROOT, "dist", "jieba", "preload-keys.json");

/** That record's text, or "" when there is none (no build yet). */
export function jiebaPreloadText(path = JIEBA_PRELOAD_PATH): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}
