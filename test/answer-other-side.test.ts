/**
 * A question about one text's zones on what only the other text provides
 * (「淄博示范区对面积有要求吗」) is told plainly that this text has none — 「没有。」
 * first for a yes/no question — and then, marked as for reference and not
 * applying, what the other text says, with its citation. Still counted as not
 * covered (refused), in Chinese and in English. Questions written fresh from
 * the two texts; none is in a question set.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answerer } from "../src/answer/answer.types.ts";
import { createAnswerer } from "../src/answer/answerer.ts";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { localEmbeddingChoice } from "../src/retrieval/create-embeddings.ts";
import { createPolicyIndex } from "../src/retrieval/policy-index.ts";

let answerer: Answerer;

beforeAll(async () => {
  const index = await createPolicyIndex({ pieces: listPieces(), embedding: localEmbeddingChoice() });
  answerer = createAnswerer({ index });
}, 60_000);

describe("what only the other text provides", () => {
  it("「淄博示范区对面积有要求吗」 → 「没有。」, then Zhejiang's 1000平方米 marked as not applying to Zibo", async () => {
    const r = await answerer.answer("淄博示范区对面积有要求吗？");
    // answered on Zibo's own list of conditions, quoted before the reference
    expect(r.refused).toBe(false);
    expect(r.citations[0]).toBe("zb2020:5");
    const paragraphs = r.text.split("\n\n");
    expect(paragraphs[0]).toBe("没有。淄博市建设方案没有这方面的规定（第五条列出的示范区条件中没有这一项）。");
    expect(paragraphs[1]).toMatch(/^依据：\n《淄博市[^》]+》第五条：「示范区应当具备下列条件：（一）/);
    const [reference, conclusion] = paragraphs.slice(2).join("\n").split("\n").filter(Boolean);
    expect(reference).toMatch(/^供参考，浙江省管理办法的相应规定如下（它不适用于淄博市.*示范区）：$/);
    expect(conclusion).toBe("核心区面积不少于1000平方米（第六条（三））。");
    expect(r.text).toContain("第六条（三）：「");
  });

  it("a Zibo-only support asked of Zhejiang: no 「有。」 of the other side after 「没有。」", async () => {
    const r = await answerer.answer("浙江示范区的服务机构有服务券支持吗？");
    expect(r.refused).toBe(true);
    expect(r.text).toMatch(/^没有。浙江省管理办法没有这方面的规定。\n\n供参考，淄博市建设方案的相应规定如下/);
    expect(r.text).not.toMatch(/：\n有。/);
    expect(r.text).toContain("知识产权服务券支持（第九条（二））");
  });

  it("「能不能」 about what one text does not mention hears no 「不能。」: no provision is no prohibition", async () => {
    const r = await answerer.answer("我们是个孵化器，能不能搞个淄博的示范区？");
    // Zibo lists its conditions (第五条) and a kind of carrier is none of them; Zhejiang's 第六条（一） follows
    expect(r.text).toMatch(/^淄博市建设方案没有这方面的规定（第五条列出的示范区条件中没有这一项）。\n\n依据：[\s\S]*供参考，浙江省管理办法的相应规定如下/);
    expect(r.text).not.toMatch(/^不能/);
    expect(r.text).toContain("科技企业孵化器");
  });

  it("neither text has it: the plain refusal naming what is missing, no other side", async () => {
    const r = await answerer.answer("淄博示范区的联系电话是多少？");
    expect(r.refused).toBe(true);
    expect(r.text).toMatch(/^淄博市建设方案没有写到“联系电话”/);
    expect(r.text).not.toContain("供参考，浙江省管理办法");
  });

  it("in English: 「No — the Zibo … has no such provision」, then Zhejiang's clause for reference, in English", async () => {
    const r = await answerer.answer("Is there an area requirement in Zibo?");
    expect(r.refused).toBe(true);
    const [lead, reference, conclusion] = r.text.split("\n").filter(Boolean);
    expect(lead).toBe("No — the Zibo Construction Plan (2020, trial) has no such provision.");
    expect(reference).toContain("what the Zhejiang (provincial) text says (it does not apply to Zibo (municipal) zones)");
    expect(conclusion).toMatch(/^The .*1,000 square metres.*Article 6 \(3\)\)$/);
  });
});
