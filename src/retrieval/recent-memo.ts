/**
 * A memo of the last `size` keys, the oldest dropped first, for pure
 * functions of the key. Small (16) it keeps what one answer works out for a
 * text and then asks for again (the same ask searched, then profiled; a side
 * searched per document) — the repeats inside an answer, not answers. Large
 * it bounds a cache of words or phrases that recur from question to question
 * (segmentation, coverage rows, embedding features).
 */
export interface RecentMemo<T> {
  /** The value kept for `key`, else `make()`'s, kept as the newest. */
  (key: string, make: () => T): T;
  /** The value kept for `key`, if any. */
  peek(key: string): T | undefined;
}

export function recentMemo<T>(size: number): RecentMemo<T> {
  const kept = new Map<string, T>();
  const memo = ((key: string, make: () => T): T => {
    const found = kept.get(key);
    if (found !== undefined) return found;
    const value = make();
    // Map keeps insertion order: the first key is the oldest.
    if (kept.size >= size) kept.delete(kept.keys().next().value!);
    kept.set(key, value);
    return value;
  }) as RecentMemo<T>;
  memo.peek = (key) => kept.get(key);
  return memo;
}
