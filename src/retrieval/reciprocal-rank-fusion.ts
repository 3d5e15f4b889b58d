/**
 * Reciprocal rank fusion (Cormack et al., 2009): score = Σ weight / (k + rank).
 * Rank-based, so BM25 scores and cosine similarities need no common scale.
 */
export interface RankedList<K> {
  /** item keys, best first */
  keys: readonly K[];
  weight?: number;
}

/** Each key's fused score, keys in the order first met (lists in order, each best first). */
export function reciprocalRankFusion<K>(lists: readonly RankedList<K>[], k = 60): Map<K, number> {
  const fused = new Map<K, number>();
  for (const { keys, weight = 1 } of lists) {
    keys.forEach((key, i) => fused.set(key, (fused.get(key) ?? 0) + weight / (k + i + 1)));
  }
  return fused;
}
