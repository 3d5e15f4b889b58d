/**
 * A clause asked for by its number (「第九条（五）是什么」「第7条第2项」) is quoted
 * whole with its citation; a number neither text has is said to be missing; a
 * number with more asked only says where to look. Questions written fresh; none
 * is in a question set.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answerer } from "../src/answer/answer.types.ts";
import { createAnswerer } from "../src/answer/answerer.ts";
import { asksForClauseOnly, readArticleReference } from "../src/answer/article-reference.ts";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { localEmbeddingChoice } from "../src/retrieval/create-embeddings.ts";
import { createPolicyIndex } from "../src/retrieval/policy-index.ts";

describe("clause numbers as people write them", () => {
  it.each([
    ["第九条（五）是什么", 9, 5],
    ["第9条(5)", 9, 5],
    ["第七条第2项", 7, 2],
    ["第十六条第三款", 16, 3],
    ["第十六条", 16, undefined],
    ["第二十条讲的啥", 20, undefined],
  ])("「%s」 → article %d, item %s", (question, article, item) => {
    const r = readArticleReference(question)!;
    expect(r.article).toBe(article);
    expect(r.item).toBe(item);
  });

  it("the rest of the question is returned without the number", () => {
    expect(readArticleReference("淄博第九条（五）的服务券最多多少？")!.rest).toBe("淄博的服务券最多多少？");
    expect(readArticleReference("服务券最多多少？")).toBeUndefined();
  });

  it.each(["是什么？", "讲的啥", "说了什么", "是什么意思", "的内容", "", "有哪些规定？"])("「%s」 asks only for the clause", (rest) => {
    expect(asksForClauseOnly(rest)).toBe(true);
  });

  it.each(["的服务券最多多少？", "里不合格怎么处理？"])("「%s」 asks more than the clause", (rest) => {
    expect(asksForClauseOnly(rest)).toBe(false);
  });
});

describe("answers to a clause number", () => {
  let answerer: Answerer;

  beforeAll(async () => {
    const index = await createPolicyIndex({ pieces: listPieces(), embedding: localEmbeddingChoice() });
    answerer = createAnswerer({ index });
  }, 60_000);

  it("「淄博第九条（五）是什么」: the item quoted whole, cited", async () => {
    const r = await answerer.answer("淄博第九条（五）是什么？");
    expect(r.refused).toBe(false);
    expect(r.citations).toEqual(["zb2020:9.5"]);
    expect(r.text).toMatch(/^《淄博市知识产权服务业集聚发展示范区建设方案（试行）》第九条（五）：「示范区内有专利代理资质的知识产权服务机构，代理的我市发明专利当年度授权数量超过70件/);
  });

  it("no place named: each text's clause of that number, under its label", async () => {
    const r = await answerer.answer("第九条第五项讲的啥");
    expect(r.text).toMatch(/^【浙江省（省级）】\n.*第九条（五）：「相关附件材料。」\n\n【淄博市（市级）】\n.*第九条（五）：「示范区内/);
    expect(r.citations).toEqual(["zj2018:9.5", "zb2020:9.5"]);
  });

  it("a numbered step (第7条第2项) in Arabic numerals", async () => {
    const r = await answerer.answer("淄博第7条第2项是什么意思");
    expect(r.text).toContain("第七条第2项：「向辖区内区县知识产权管理部门提出申报申请；」");
  });

  it("a number the text does not have: said so, with how many articles it has", async () => {
    const r = await answerer.answer("淄博第二十条是什么？");
    expect(r.refused).toBe(true);
    expect(r.text).toMatch(/^淄博市建设方案没有第二十条（共十七条）。/);
  });

  it("a number with a question about it: the answer from that clause, not a refusal naming 「第九条」", async () => {
    const r = await answerer.answer("淄博第九条（五）的服务券最多多少？");
    expect(r.refused).toBe(false);
    expect(r.text.split("\n")[0]).toContain("给予不超过1万元、5万元的服务券支持（第九条（五））");
  });

  it("in English, 「Article 9 (5)」 is the clause, not the figures 9 and 5: answered from Zibo 第九条（五）", async () => {
    const r = await answerer.answer("What does Article 9 (5) of the Zibo plan say?");
    expect(r.refused).toBe(false);
    expect(r.text.split("\n")[0]).toMatch(/70, 120 or 200 .*\(Zibo Construction Plan \(2020, trial\), Article 9 \(5\)\)$/);
  });

  it("in English, the conclusion is read from the numbered article, not a better-worded neighbour", async () => {
    const r = await answerer.answer("What does Article 16 of the Zhejiang measures say about failing zones?");
    expect(r.text.split("\n")[0]).toMatch(/\(Zhejiang Measures \(2018\), Article 16\)$/);
  });

  it("no place named, the number says which text: 「第十六条里不合格怎么处理」 → 浙江第十六条 only", async () => {
    const r = await answerer.answer("第十六条里不合格怎么处理？");
    expect(r.text.split("\n")[0]).toBe("评为不合格的，限期整改；整改仍不合格的，取消称号并予以摘牌（第十六条）。");
    expect(r.citations.every((c) => c.startsWith("zj2018:16"))).toBe(true);
  });
});
