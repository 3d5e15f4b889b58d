/**
 * Reciprocal rank fusion (Cormack et al., 2009): score = Σ weight / (k + rank).
 * Rank-based, so BM25 scores and cosine similarities need no common scale.
 */
export interface RankedList {
  /** item keys, best first */
  keys: readonly string[];
  weight?: number;
}

export function reciprocalRankFusion(lists: readonly RankedList[], k = 60): Map<string, number> {
  const fused = new Map<string, number>();
  for (const { keys, weight = 1 } of lists) {
    keys.forEach((key, i) => fused.set(key, (fused.get(key) ?? 0) + weight / (k + i + 1)));
  }
  return fused;
}
