/**
 * What retrieval returns: a policy piece (item or article text, with its
 * citation id) and how well it matched.
 */
import type { PolicyPiece } from "../knowledge/policy-piece.types.ts";
import type { PolicyId } from "../knowledge/policy-document.schema.ts";
import type { CorrectedText } from "./correct-typos.ts";

export interface Passage extends PolicyPiece {
  /** fused rank score (reciprocal rank fusion of keyword and vector lists); only for ordering */
  score: number;
  /** 1-based rank in the keyword (BM25) list, undefined when absent */
  keywordRank?: number;
  /** 1-based rank in the vector list, undefined when absent */
  vectorRank?: number;
  /** cosine similarity of the piece's vector to the question's, 0 … 1 */
  similarity: number;
  /**
   * Share (0 … 1) of the question's topic words — weighted by how informative
   * they are — that this piece's article uses. Refusal reads it.
   */
  coverage: number;
  /** the same share for the piece alone (its text, heading and lead) */
  pieceCoverage: number;
  /**
   * The kinds of statement the piece makes (answer-kinds.ts): `#basis`,
   * `#period`, `#who`, `#qty:家` (a figure in 家) …
   */
  kinds: string[];
}

export interface SearchOptions {
  /** only these documents (a question that names 浙江 or 淄博) */
  docs?: readonly PolicyId[];
}

/** How much of a question the knowledge base speaks about at all. */
export interface QueryProfile {
  /** topic words of the question (no stopwords, no jurisdiction words) */
  topicWords: string[];
  /** topic words the two texts use (directly, by a sub-word or by a synonym) */
  knownWords: string[];
  /** topic words the texts never use */
  unknownWords: string[];
  /**
   * Nouns of the question the texts never use (局长, 地址, 税收), heaviest
   * first, with the share of the weight of the question's nouns they carry:
   * what the texts do not cover.
   */
  missingNouns: string[];
  missingNounShare: number;
  /**
   * Words naming the thing asked for (ask-focus.ts: 「联系电话是多少」「什么税收优惠」
   * 「可以申请贴息吗」) that the texts never use — nouns, or verbs rarer than
   * everyday ones. The texts cannot answer a question whose asked-for thing
   * they never name, however many of its other words they share.
   */
  missingFocus: string[];
  /**
   * What shows that a sentence speaks of the thing asked for: per ask-focus
   * word the texts use, the word, its synonyms and its heads (支持 of 资金支持 —
   * compounds are head-final). The reply opens with the sentence that carries them.
   */
  focusCues: string[][];
  /** weighted share of known topic words, 0 … 1 (1 when there are no topic words) */
  corpusCoverage: number;
  /** strings that mark a sentence as relevant: topic words, their synonyms and sub-words */
  cues: string[];
  /** the kinds of answer asked for (`#who`, `#qty:家` …; see answer-kinds.ts) */
  kinds: string[];
}

/**
 * The retrieval port. Everything about LangChain, hnswlib and jieba stays
 * behind it; the answerer and the tests see only passages.
 */
export interface PolicyIndex {
  /** the best `k` pieces for a question, best first */
  search(query: string, k: number, options?: SearchOptions): Promise<Passage[]>;
  profile(query: string): QueryProfile;
  /**
   * How much of the question the articles of these pieces speak about together
   * (a comparison: 「浙江的管理办法和淄博的建设方案分别哪天实施」 is covered by two
   * articles, one of each text, never by one).
   */
  jointCoverage(query: string, ids: readonly string[]): number;
  /** the question with same-sound typos of domain words corrected (淄搏 → 淄博), and what was corrected */
  correctTypos(query: string): CorrectedText;
  /** the kinds of statement some piece of a document makes (answer-kinds.ts): 浙江省管理办法 states no `#qty:万元` */
  statedKinds(doc: PolicyId): ReadonlySet<string>;
  /** a text's words with their parts of speech (jieba tags), as the index segments it */
  taggedWords(text: string): readonly { word: string; tag: string }[];
  /** all indexed pieces, in document order */
  readonly pieces: readonly PolicyPiece[];
  /** which embedding built the vectors (part of the persisted manifest) */
  readonly embeddingId: string;
  /** how the index came to be in this process */
  readonly origin: { loadedFromDisk: boolean; ms: number; directory: string | undefined };
}
