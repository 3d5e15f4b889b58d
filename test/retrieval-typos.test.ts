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

  it("leaves a real word beside a function word alone, however it sounds", () => {
    // 报给 sounds like 包给 (整包给服务机构), but 给 is all they share besides the sound
    expect(index.correctTypos("淄博示范区申报，是先报给哪一级部门？").corrections).toEqual([]);
    expect(index.correctTypos("淄搏的托官服务有补贴吗").corrections).toEqual([
      { from: "淄搏", to: "淄博" },
      { from: "托官", to: "托管" },
    ]);
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
