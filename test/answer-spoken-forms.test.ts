/**
 * Questions typed the way people talk (「俺们…没通过会咋样」「还管用不」「评砸了」)
 * are answered as their written wording would be: the spoken forms are read as
 * the texts' words, and what follows from a failed check is answered by the
 * sentence that states it. Questions written fresh from the two texts; none is
 * in a question set.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answerer } from "../src/answer/answer.types.ts";
import { createAnswerer } from "../src/answer/answerer.ts";
import { readSpokenForms } from "../src/answer/spoken-forms.ts";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { localEmbeddingChoice } from "../src/retrieval/create-embeddings.ts";
import { createPolicyIndex } from "../src/retrieval/policy-index.ts";

describe("spoken forms are read as the written words", () => {
  it.each([
    ["淄博示范区申报要交啥材料？", "淄博示范区申报要交什么材料？"],
    ["啥子时候开始实施的？", "什么时候开始实施的？"],
    ["浙江示范区咋申报？", "浙江示范区怎么申报？"],
    ["材料往哪儿交？", "材料往哪里交？"],
    ["俺们园区够不够条件？", "我们园区够不够条件？"],
    ["咱有没有服务券？", "我们有没有服务券？"],
    ["俺是代理机构", "我是代理机构"],
    ["木有证书能申请吗", "没有证书能申请吗"],
    ["考核评砸了怎么办", "考核不合格怎么办"],
    ["考核没通过会怎样？", "考核不合格会怎样？"],
    ["认定不达标，还能保留吗", "认定不合格，还能保留吗"],
    ["考核没过关", "考核不合格"],
    // passed on for someone: who asks is no part of the question
    ["老板问申报淄博示范区先干啥", "申报淄博示范区先干什么"],
    ["领导让我问一下，浙江示范区多久考核一次", "浙江示范区多久考核一次"],
    // what to do now, getting something, an assessment not passed
    ["认定没过咋整？", "认定不合格怎么办？"],
    ["评上了能捞着啥", "评上了能得到什么"],
    ["考核都不行会怎样", "考核不合格会怎样"],
    // help, said in speech
    ["区县会在哪些方面帮一把？", "区县会在哪些方面支持？"],
    ["省里能帮个忙不", "省里能支持不"],
    // a demonstrative pointing back at the noun before it only repeats it
    ["浙江申报有没有专家评估这一步？", "浙江申报有没有专家评估？"],
    ["淄博管不管托管这块", "淄博管不管托管"],
    ["现场考察这个环节要不要", "现场考察要不要"],
  ])("「%s」 → 「%s」", (spoken, written) => {
    expect(readSpokenForms(spoken)).toBe(written);
  });

  it.each([
    // asked, not reported: a modal or 是 before the negation
    "考核能不能通过？",
    // a demonstrative that is the subject of its own clause
    "这一步怎么做？",
    "申报以后，这个环节谁负责？",
    "是不通过吗？",
    // another 通过: by way of
    "申报能不能不通过中介直接交？",
    "不通过区县直接报市里行吗？",
    // already written Chinese
    "考核不合格的，会取消资格吗？",
    // 问 that is the question's own verb
    "申报问题问谁？",
  ])("「%s」 is left as it is", (question) => {
    expect(readSpokenForms(question)).toBe(question);
  });
});

describe("everyday questions are answered, not refused", () => {
  let answerer: Answerer;

  beforeAll(async () => {
    const index = await createPolicyIndex({ pieces: listPieces(), embedding: localEmbeddingChoice() });
    answerer = createAnswerer({ index });
  }, 60_000);

  it("「考核不过关咋办」: what follows from failing (限期整改 … 摘牌), not how often the check is held", async () => {
    const r = await answerer.answer("浙江示范区考核不过关咋办？");
    expect(r.refused).toBe(false);
    const opening = r.text.split("\n\n")[0]!;
    expect(opening).toContain("评为不合格的，限期整改");
    expect(opening).toContain("第十六条");
    expect(opening).not.toContain("每两年考核一次");
  });

  it("「俺们…没通过会咋样」 without a jurisdiction: both texts' consequences, side by side", async () => {
    const r = await answerer.answer("俺们示范区考核没通过会咋样？");
    expect(r.refused).toBe(false);
    const [zhejiang, zibo] = r.text.split("\n");
    expect(zhejiang).toMatch(/^浙江省.*限期整改.*摘牌.*第十六条/);
    expect(zibo).toMatch(/^淄博市.*限期整改.*取消资格.*第十四条/);
  });

  it("「评砸了，是不是就没了」: a consequence in two steps gets no 是 or 不是, only the sentence", async () => {
    const r = await answerer.answer("浙江示范区考核评砸了，是不是就没了？");
    expect(r.refused).toBe(false);
    const opening = r.text.split("\n\n")[0]!;
    expect(opening).toMatch(/^评为不合格的，限期整改；整改仍不合格的，取消称号并予以摘牌/);
  });

  it("「还管用不」: asked whether the plan is still in force → when it took effect and its trial period", async () => {
    const r = await answerer.answer("淄博这个方案现在还管用不？");
    expect(r.refused).toBe(false);
    expect(r.text.split("\n\n")[0]).toContain("2020年8月25日起实施，试用期一年");
  });

  it("「俺们所里所有人…给不给钱」: who asks is no topic; the certificate support is the answer", async () => {
    const r = await answerer.answer("俺们所里所有人去年新考下来专利代理师证，淄博给不给钱？");
    expect(r.refused).toBe(false);
    expect(r.text.split("\n\n")[0]).toContain("一次性1万元支持（第九条（二））");
  });

  it("「老板问…先干啥」: the boss who asks is no topic; the first step is the answer", async () => {
    const r = await answerer.answer("老板问申报淄博示范区先干啥");
    expect(r.refused).toBe(false);
    expect(r.text.split("\n")[0]).toContain("（第七条第1项）");
  });

  it("「服务券是啥玩意儿」: 玩意儿 frames the ask like 东西; the vouchers are answered", async () => {
    const r = await answerer.answer("服务券是啥玩意儿");
    expect(r.refused).toBe(false);
    expect(r.text.split("\n")[0]).toContain("服务券支持");
  });

  it("「额外有啥待遇」: an everyday word for support is answered from the support article", async () => {
    const r = await answerer.answer("评上淄博示范区以后，区里额外有啥待遇？");
    expect(r.refused).toBe(false);
    expect(r.citations.some((c) => c.startsWith("zb2020:9"))).toBe(true);
  });
});
