/**
 * An embedding that needs no network and no model download: hashed character
 * n-grams (they catch paraphrases that jieba segments differently) and hashed
 * jieba words, both TF-IDF weighted with document frequencies fitted on the
 * policy pieces, each block L2-normalised, the whole vector unit length.
 *
 * It implements LangChain's `EmbeddingsInterface`, so the HNSWLib store takes it
 * exactly as it takes `OpenAIEmbeddings`; it does not extend LangChain's
 * `Embeddings` class, whose module (with its retrying caller) cost ~35 ms of
 * every start for a base class this one uses nothing of. Being fitted on the pieces, it is
 * rebuilt whenever they change — which the index manifest already detects by
 * their hash; `id` names the feature recipe.
 */
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { STOPWORDS } from "./domain-terms.ts";
import { getTokenizer, type Tokenizer } from "./tokenizer.ts";
import { recentMemo, type RecentMemo } from "./recent-memo.ts";

export const LOCAL_EMBEDDING_DIMENSIONS = 1024;
/** Change when the features change: a persisted index with another id is rebuilt. */
export const LOCAL_EMBEDDING_ID = `local-tfidf-ngram-v2-${LOCAL_EMBEDDING_DIMENSIONS}`;

const CHAR_BLOCK = LOCAL_EMBEDDING_DIMENSIONS / 2;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Where a feature adds into the vector, with which sign, and its IDF (fixed once fitted). */
interface Feature {
  slot: number;
  sign: number;
  idf: number;
}

/** Features kept between questions (the last so many, per block): hashing and IDF are a pure function of the feature. */
const MAX_KEPT_FEATURES = 20_000;

function normalizeBlock(vec: Float64Array, offset: number, size: number, scale: number): void {
  let sum = 0;
  for (let i = offset; i < offset + size; i++) sum += vec[i]! * vec[i]!;
  if (sum === 0) return;
  const f = scale / Math.sqrt(sum);
  for (let i = offset; i < offset + size; i++) vec[i]! *= f;
}

/**
 * The vector as the plain array hnswlib's `searchKnn` requires. `Array.from` walks a typed array
 * through its iterator, an object per element: ~90 KB and ~40 µs a text, a third of what a warm
 * answer allocated. A counted loop copies the same numbers.
 */
function toArray(vec: Float64Array): number[] {
  const out = new Array<number>(vec.length);
  for (let i = 0; i < vec.length; i++) out[i] = vec[i]!;
  return out;
}

function count(items: Iterable<string>): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of items) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

export class LocalHashEmbeddings implements EmbeddingsInterface {
  readonly id = LOCAL_EMBEDDING_ID;
  private readonly tokenizer: Tokenizer;
  private gramDf = new Map<string, number>();
  private termDf = new Map<string, number>();
  private docs = 0;
  private gramFeatures = recentMemo<Feature>(MAX_KEPT_FEATURES);
  private termFeatures = recentMemo<Feature>(MAX_KEPT_FEATURES);
  /** Where a vector is summed: one buffer for every text (embedding is synchronous), not 8 KB off the heap each time. */
  private readonly sums = new Float64Array(LOCAL_EMBEDDING_DIMENSIONS);

  /** `corpus`: the texts whose document frequencies weight the features (the indexed pieces). */
  constructor(corpus: readonly string[] = [], tokenizer: Tokenizer = getTokenizer()) {
    this.tokenizer = tokenizer;
    this.fit(corpus);
  }

  /** (Re)fits the document frequencies; vectors from before are no longer comparable. */
  fit(corpus: readonly string[]): this {
    this.gramDf = new Map();
    this.termDf = new Map();
    this.docs = corpus.length;
    // A feature's IDF is fitted: the kept features go with the old fit.
    this.gramFeatures = recentMemo<Feature>(MAX_KEPT_FEATURES);
    this.termFeatures = recentMemo<Feature>(MAX_KEPT_FEATURES);
    for (const text of corpus) {
      for (const g of this.grams(text).keys()) this.gramDf.set(g, (this.gramDf.get(g) ?? 0) + 1);
      for (const t of new Set(this.tokenizer.terms(text))) this.termDf.set(t, (this.termDf.get(t) ?? 0) + 1);
    }
    return this;
  }

  private idf(df: number): number {
    return Math.log((this.docs + 1) / (df + 1)) + 1;
  }

  /** Character 2- and 3-grams inside runs of topic words (a stopword breaks a run). */
  private grams(text: string): Map<string, number> {
    const out: string[] = [];
    let run = "";
    const flush = (): void => {
      for (let n = 2; n <= 3; n++) for (let i = 0; i + n <= run.length; i++) out.push(run.slice(i, i + n));
      if (run.length === 1) out.push(run);
      run = "";
    };
    for (const w of this.tokenizer.words(text)) {
      if (STOPWORDS.has(w)) flush();
      else run += w;
    }
    flush();
    return count(out);
  }

  private feature(kept: RecentMemo<Feature>, df: Map<string, number>, offset: number, size: number, name: string): Feature {
    return kept(name, () => {
      const h = fnv1a(name);
      // The sign bit spreads collisions around zero instead of piling them up.
      return { slot: offset + (h % size), sign: h & 0x80000000 ? -1 : 1, idf: this.idf(df.get(name) ?? 0) };
    });
  }

  /** Synchronous form, for the in-process hot path. */
  embedSync(text: string): number[] {
    const vec = this.sums.fill(0);
    for (const [g, c] of this.grams(text)) {
      const f = this.feature(this.gramFeatures, this.gramDf, 0, CHAR_BLOCK, g);
      vec[f.slot]! += f.sign * ((1 + Math.log(c)) * f.idf);
    }
    for (const [t, c] of count(this.tokenizer.terms(text))) {
      const f = this.feature(this.termFeatures, this.termDf, CHAR_BLOCK, CHAR_BLOCK, t);
      vec[f.slot]! += f.sign * ((1 + Math.log(c)) * f.idf);
    }
    normalizeBlock(vec, 0, CHAR_BLOCK, Math.SQRT1_2);
    normalizeBlock(vec, CHAR_BLOCK, CHAR_BLOCK, Math.SQRT1_2);
    return toArray(vec);
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((d) => this.embedSync(d));
  }

  async embedQuery(document: string): Promise<number[]> {
    return this.embedSync(document);
  }
}
