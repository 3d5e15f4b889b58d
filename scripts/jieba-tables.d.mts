// Types of jieba-tables.mjs, a plain script because the build runs it before (or without) a compiler.
/** dist/jieba/idf-sorted.txt under the given dist/ */
export function sortedIdfPath(dist: string): string;
/** Writes jieba's IDF table sorted by word under dist/ unless a copy of the right size is there; returns its path. */
export function writeSortedIdf(dist: string): string;
