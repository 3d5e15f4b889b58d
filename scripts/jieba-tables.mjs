// jieba's IDF table sorted by word, for src/retrieval/general-idf.ts to search in
// place instead of indexing 6 MB at every start. Written by the build
// (scripts/build.mjs) into dist/jieba/; rewritten when jieba's table changes size.
// And what a start would otherwise work out again (record-start-data.mjs).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const NEWLINE = 0x0a;

/** Path of the sorted table under dist/ (general-idf.ts's SORTED_IDF_PATH). */
export function sortedIdfPath(dist) {
  return join(dist, "jieba", "idf-sorted.txt");
}

/** Writes the sorted copy unless one of the right size is there; returns its path. */
export function writeSortedIdf(dist) {
  const target = sortedIdfPath(dist);
  const table = readFileSync(createRequire(import.meta.url).resolve("@node-rs/jieba/idf.txt"));
  const expected = table.byteLength + (table[table.byteLength - 1] === NEWLINE ? 0 : 1);
  if (existsSync(target) && statSync(target).size === expected) return target;
  const lines = [];
  for (let at = 0; at < table.byteLength; ) {
    let end = table.indexOf(NEWLINE, at);
    if (end < 0) end = table.byteLength;
    if (end > at) lines.push(table.subarray(at, end));
    at = end + 1;
  }
  // Byte order is what the lookup's binary search compares (UTF-8 bytes sort as code points).
  lines.sort(Buffer.compare);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, Buffer.concat(lines.flatMap((line) => [line, Buffer.from("\n")])));
  return target;
}

/**
 * Records, from the compiled dist/, what every start would work out again
 * (record-start-data.mjs): the digests of the validated policy files and the
 * jieba dictionary keys that building the policy index loads. Rewritten at
 * every build, as the texts, the domain terms or the indexing may have changed.
 */
export function writeStartData(dist) {
  const script = fileURLToPath(new URL("./record-start-data.mjs", import.meta.url));
  const r = spawnSync(process.execPath, [script, dist], { encoding: "utf8" });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(r.stderr.trim().split("\n").slice(-3).join(" "));
}
