/**
 * The warm search's shortcuts give the numbers the plain computations gave
 * (issue 13): BM25 by postings against a loop over every document, the
 * coverage table against `TopicCoverage.coverage`, and the recent-text memo.
 */
import { describe, expect, it } from "vitest";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { createBm25Index, type WeightedTerm } from "../src/retrieval/bm25-index.ts";
import { coverageOf, createCoverageTable } from "../src/retrieval/coverage-table.ts";
import { recentMemo } from "../src/retrieval/recent-memo.ts";
import { getTokenizer } from "../src/retrieval/tokenizer.ts";
import { createTopicCoverage } from "../src/retrieval/topic-coverage.ts";

/** BM25 as it was computed before the postings: every query term against every document. */
function plainBm25(docs: readonly (readonly string[])[], query: readonly WeightedTerm[], k1 = 1.2, b = 0.75) {
  const tf = docs.map((d) => {
    const m = new Map<string, number>();
    for (const t of d) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  });
  const df = new Map<string, number>();
  for (const m of tf) for (const t of m.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const avgdl = docs.reduce((a, d) => a + d.length, 0) / docs.length;
  const q = new Map<string, number>();
  for (const { term, weight } of query) q.set(term, Math.max(q.get(term) ?? 0, weight));
  const hits: { doc: number; score: number }[] = [];
  docs.forEach((d, i) => {
    let score = 0;
    const norm = k1 * (1 - b + (b * d.length) / avgdl);
    for (const [term, weight] of q) {
      const f = tf[i]!.get(term);
      if (!f) continue;
      const n = df.get(term)!;
      score += weight * Math.log(1 + (docs.length - n + 0.5) / (n + 0.5)) * ((f * (k1 + 1)) / (f + norm));
    }
    if (score > 0) hits.push({ doc: i, score });
  });
  return hits.sort((a, c) => c.score - a.score || a.doc - c.doc);
}

const tokenizer = getTokenizer();
const pieces = listPieces();
const docs = pieces.map((p) => tokenizer.terms(p.text));
const QUESTIONS = [
  "浙江省示范区要求多少家服务机构？",
  "淄博对专利质押融资服务有什么支持，贴息比例多少？",
  "核心区面积不少于多少平方米",
  "考核不合格会怎样，整改以后还不合格呢",
  "服务券 服务券 发明专利授权 托管",
  "今天天气怎么样",
];

describe("BM25 by postings", () => {
  it("scores and ranks every question as the loop over all documents did, to the last bit", () => {
    const index = createBm25Index(docs);
    for (const question of QUESTIONS) {
      const words = tokenizer.topicWords(question);
      const query = [...words.map((term) => ({ term, weight: 1 })), ...words.flatMap((w) => tokenizer.subWords(w).map((term) => ({ term, weight: 0.5 })))];
      expect(index.search(query, docs.length)).toEqual(plainBm25(docs, query));
    }
  });

  it("keeps a term's highest weight when it comes twice", () => {
    const index = createBm25Index([["a", "b"], ["b"], ["c"]]);
    const twice = index.search([{ term: "b", weight: 0.5 }, { term: "b", weight: 1 }], 3);
    expect(twice).toEqual(index.search([{ term: "b", weight: 1 }], 3));
    expect(index.df("b")).toBe(2);
    expect(index.df("z")).toBe(0);
  });
});

describe("the coverage table", () => {
  it("gives every set the coverage TopicCoverage.coverage gives it", () => {
    const topic = createTopicCoverage(tokenizer);
    const sets = docs.map((d) => new Set(d));
    const table = createCoverageTable(topic, sets);
    for (const question of QUESTIONS) {
      const words = topic.weightedWords(question);
      const rows = words.map((w) => table.matches(w));
      sets.forEach((set, column) => expect(coverageOf(words, rows, column)).toBe(topic.coverage(words, set)));
    }
  });

  it("counts a question without words as covered, as coverage does", () => {
    expect(coverageOf([], [], 0)).toBe(1);
  });
});

describe("the recent-text memo", () => {
  it("works a text out once while it is among the last few, and again after", () => {
    const memo = recentMemo<number>(2);
    let made = 0;
    const make = () => ++made;
    expect(memo("a", make)).toBe(1);
    expect(memo("a", make)).toBe(1);
    memo("b", make);
    memo("c", make); // "a" is now the oldest beyond two
    expect(memo.peek("a")).toBeUndefined();
    expect(memo("a", make)).toBe(4);
    expect(memo.peek("c")).toBe(3);
  });
});
