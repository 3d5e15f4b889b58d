/**
 * Okapi BM25 over pre-tokenised documents. Small and in memory: the two
 * policies make about a hundred pieces, so building it at start costs
 * milliseconds and it need not be persisted.
 */

export interface WeightedTerm {
  term: string;
  /** 1 for a word of the question, less for sub-words and synonyms */
  weight: number;
}

export interface Bm25Hit {
  doc: number;
  score: number;
}

export interface Bm25Index {
  search(query: readonly WeightedTerm[], k: number): Bm25Hit[];
  /** document frequency of a term (0 = the corpus never uses it) */
  df(term: string): number;
  readonly size: number;
}

export function createBm25Index(docs: readonly (readonly string[])[], { k1 = 1.2, b = 0.75 } = {}): Bm25Index {
  const tf: Map<string, number>[] = [];
  const df = new Map<string, number>();
  const lengths = docs.map((d) => d.length);
  const avgdl = lengths.reduce((a, n) => a + n, 0) / Math.max(1, docs.length);
  for (const d of docs) {
    const counts = new Map<string, number>();
    for (const t of d) counts.set(t, (counts.get(t) ?? 0) + 1);
    tf.push(counts);
    for (const t of counts.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = docs.length;
  const idf = (t: string): number => {
    const f = df.get(t) ?? 0;
    return Math.log(1 + (n - f + 0.5) / (f + 0.5));
  };

  return {
    size: n,
    df: (t) => df.get(t) ?? 0,
    search(query, k) {
      // The same term may come from a word and a synonym; keep its highest weight.
      const q = new Map<string, number>();
      for (const { term, weight } of query) q.set(term, Math.max(q.get(term) ?? 0, weight));
      const hits: Bm25Hit[] = [];
      for (let i = 0; i < n; i++) {
        let score = 0;
        const counts = tf[i]!;
        const norm = k1 * (1 - b + (b * lengths[i]!) / avgdl);
        for (const [term, weight] of q) {
          const f = counts.get(term);
          if (!f) continue;
          score += weight * idf(term) * ((f * (k1 + 1)) / (f + norm));
        }
        if (score > 0) hits.push({ doc: i, score });
      }
      hits.sort((a, b2) => b2.score - a.score || a.doc - b2.doc);
      return hits.slice(0, k);
    },
  };
}
