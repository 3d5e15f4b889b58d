/**
 * Same-sound typos of domain words are read as the word meant (pinyin against
 * the texts' vocabulary), and nothing else is touched.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { createAnswerer } from "../src/answer/answerer.ts";
import { parseQuestionSet } from "../src/answer/eval-question.schema.ts";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { localEmbeddingChoice } from "../src/retrieval/create-embeddings.ts";
import type { PolicyIndex } from "../src/retrieval/passage.types.ts";
import { createPolicyIndex } from "../src/retrieval/policy-index.ts";

let index: PolicyIndex;
beforeAll(async () => {
  index = await createPolicyIndex({ pieces: listPieces(), embedding: localEmbeddingChoice() });
});

describe("typo correction by pinyin", () => {
  it.each([
    ["紫博示范区的申报程序是什么？", "紫博", "淄博"],
    ["浙江示范区的核心去面积要求多少？", "核心去面积", "核心区面积"],
    ["淄博对专利质压贷款有什么支持？", "专利质压贷款", "专利质押贷款"],
  ])("%s reads %s as %s", (question, from, to) => {
    const r = index.correctTypos(question);
    expect(r.corrections).toEqual([{ from, to }]);
    expect(r.text).toBe(question.replace(from, to));
  });

  it("leaves the hundreds of correctly written questions of the older sets alone", () => {
    for (const name of ["public", "heldout", "fresh", "fresh2", "fresh3", "fresh4"]) {
      const questions = parseQuestionSet(readFileSync(new URL(`./fixtures/questions-${name}.jsonl`, import.meta.url), "utf8"));
      for (const q of questions) expect(index.correctTypos(q.question).corrections, q.question).toEqual([]);
    }
  });

  it("a typo of the place name no longer turns the question into a refusal, and the reply says how it was read", async () => {
    const answerer = createAnswerer({ index });
    const r = await answerer.answer("淄博对专利质压贷款有什么支持？");
    expect(r.refused).toBe(false);
    expect(r.text).toContain("按“专利质押贷款”理解了“专利质压贷款”");
    expect(r.citations.some((c) => c.startsWith("zb2020:9"))).toBe(true);
  });
});
