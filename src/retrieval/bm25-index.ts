/**
 * Okapi BM25 over pre-tokenised documents. Small and in memory: the two
 * policies make about a hundred pieces, so building it at start costs
 * milliseconds and it need not be persisted.
 *
 * Each term keeps its postings (the documents that use it, with the term's
 * part of their score worked out at build), so a search touches only the
 * documents of its terms instead of every document for every term. The sums
 * are added term by term in the query's order, as the plain loop over all
 * documents added them, so every score is the same number to the last bit.
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

/** A term's documents (ascending) and, for each, idf-free `f·(k1+1) / (f + norm)`. */
interface Postings {
  idf: number;
  docs: Int32Array;
  parts: Float64Array;
}

export function createBm25Index(docs: readonly (readonly string[])[], { k1 = 1.2, b = 0.75 } = {}): Bm25Index {
  const lengths = docs.map((d) => d.length);
  const avgdl = lengths.reduce((a, n) => a + n, 0) / Math.max(1, docs.length);
  const n = docs.length;
  const byTerm = new Map<string, { docs: number[]; parts: number[] }>();
  docs.forEach((d, i) => {
    const counts = new Map<string, number>();
    for (const t of d) counts.set(t, (counts.get(t) ?? 0) + 1);
    const norm = k1 * (1 - b + (b * lengths[i]!) / avgdl);
    for (const [t, f] of counts) {
      let list = byTerm.get(t);
      if (!list) byTerm.set(t, (list = { docs: [], parts: [] }));
      list.docs.push(i);
      list.parts.push((f * (k1 + 1)) / (f + norm));
    }
  });
  const postings = new Map<string, Postings>();
  for (const [t, list] of byTerm) {
    const f = list.docs.length;
    postings.set(t, {
      idf: Math.log(1 + (n - f + 0.5) / (f + 0.5)),
      docs: Int32Array.from(list.docs),
      parts: Float64Array.from(list.parts),
    });
  }
  const scores = new Float64Array(n);

  return {
    size: n,
    df: (t) => postings.get(t)?.docs.length ?? 0,
    search(query, k) {
      // The same term may come from a word and a synonym; keep its highest weight.
      const q = new Map<string, number>();
      for (const { term, weight } of query) q.set(term, Math.max(q.get(term) ?? 0, weight));
      scores.fill(0);
      for (const [term, weight] of q) {
        const p = postings.get(term);
        if (!p) continue;
        const wIdf = weight * p.idf;
        for (let j = 0; j < p.docs.length; j++) scores[p.docs[j]!]! += wIdf * p.parts[j]!;
      }
      const hits: Bm25Hit[] = [];
      for (let i = 0; i < n; i++) if (scores[i]! > 0) hits.push({ doc: i, score: scores[i]! });
      hits.sort((a, b2) => b2.score - a.score || a.doc - b2.doc);
      if (hits.length > k) hits.length = k;
      return hits;
    },
  };
}
