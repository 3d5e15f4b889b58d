/**
 * The quality bar of the offline default on five question sets: the public
 * one (test/fixtures/questions-public.jsonl, a copy of shared/eval/questions.jsonl),
 * our own held-out set (199 questions: paraphrases, colloquial forms, both
 * jurisdictions, other policies and places, prompt injection) and a fresh set
 * (56 questions across nearly every article, plus near-domain questions the
 * texts do not answer: other cities, 审查周期, 税收, 商标注册, 专利代理师考试,
 * 人才政策), written and measured before the method was tuned on it, and two
 * more fresh sets of 46 written the same way (fresh-2 was measured blind once,
 * then its misses studied; fresh-3 was measured blind at the end). Fresh-4
 * (51 questions: 申报/申请/评上/认定 mixed with the real topic — conditions,
 * counts, areas, who, when, money, materials, consequences — and 15
 * near-domain ones the texts do not answer) was measured blind (recall@3 .917,
 * refusal .863, mention .750), then the method (framing words, `#condition`,
 * `#place`) was improved on what its misses showed. Metrics as
 * `eval` computes them (docs/question-sets.md).
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Answerer } from "../src/answer/answer.types.ts";
import { createAnswerer } from "../src/answer/answerer.ts";
import { parseQuestionSet } from "../src/answer/eval-question.schema.ts";
import { evaluateQuestionSet } from "../src/answer/evaluate-question-set.ts";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { localEmbeddingChoice } from "../src/retrieval/create-embeddings.ts";
import { createPolicyIndex } from "../src/retrieval/policy-index.ts";

let answerer: Answerer;

beforeAll(async () => {
  const index = await createPolicyIndex({ pieces: listPieces(), embedding: localEmbeddingChoice() });
  answerer = createAnswerer({ index });
});

const SETS = {
  public: new URL("./fixtures/questions-public.jsonl", import.meta.url),
  "held-out": new URL("./fixtures/questions-heldout.jsonl", import.meta.url),
  fresh: new URL("./fixtures/questions-fresh.jsonl", import.meta.url),
  "fresh-2": new URL("./fixtures/questions-fresh2.jsonl", import.meta.url),
  "fresh-3": new URL("./fixtures/questions-fresh3.jsonl", import.meta.url),
  "fresh-4": new URL("./fixtures/questions-fresh4.jsonl", import.meta.url),
};

describe.each(Object.entries(SETS))("offline default on the %s question set", (_name, file) => {
  const questions = parseQuestionSet(readFileSync(file, "utf8"));

  it("finds the gold article in the top 3 for at least 90% of answerable questions", async () => {
    const report = await evaluateQuestionSet(answerer, questions);
    expect(report.recallAt3).toBeGreaterThanOrEqual(0.9);
  });

  it("refuses exactly the unanswerable questions at least 90% of the time", async () => {
    const report = await evaluateQuestionSet(answerer, questions);
    expect(report.refusalAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("mentions every required point in at least 85% of answers", async () => {
    const report = await evaluateQuestionSet(answerer, questions);
    expect(report.mentionRate).toBeGreaterThanOrEqual(0.85);
  });
});

describe("the held-out set is a real test", () => {
  const questions = parseQuestionSet(readFileSync(SETS["held-out"], "utf8"));
  it("has 40+ questions, 10+ of them unanswerable", () => {
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(questions.filter((q) => !q.answerable).length).toBeGreaterThanOrEqual(10);
  });
});

describe("the fresh set is a real test", () => {
  const questions = parseQuestionSet(readFileSync(SETS.fresh, "utf8"));
  const answerable = questions.filter((q) => q.answerable);
  it("has 28+ answerable questions with gold and required points, 12+ unanswerable", () => {
    expect(answerable.length).toBeGreaterThanOrEqual(28);
    expect(answerable.every((q) => (q.gold ?? []).length > 0)).toBe(true);
    expect(answerable.filter((q) => (q.mustMention ?? []).length > 0).length).toBeGreaterThanOrEqual(28);
    expect(questions.filter((q) => !q.answerable).length).toBeGreaterThanOrEqual(12);
  });

  it("asks about many articles of both texts", () => {
    const articles = new Set(answerable.flatMap((q) => q.gold ?? []));
    expect([...articles].filter((a) => a.startsWith("zj2018:")).length).toBeGreaterThanOrEqual(12);
    expect([...articles].filter((a) => a.startsWith("zb2020:")).length).toBeGreaterThanOrEqual(12);
  });
});
