import { beforeAll, describe, expect, it } from "vitest";
import type { Answerer } from "../src/answer/answer.types.ts";
import { createAnswerer } from "../src/answer/answerer.ts";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { localEmbeddingChoice } from "../src/retrieval/create-embeddings.ts";
import { createPolicyIndex } from "../src/retrieval/policy-index.ts";

describe("offline answers work out the figures a user states with the rules of check and estimate", () => {
  let answerer: Answerer;
  beforeAll(async () => {
    const index = await createPolicyIndex({ pieces: listPieces(), embedding: localEmbeddingChoice() });
    answerer = createAnswerer({ index });
  });

  it("15 agencies for a Zhejiang zone: quotes 第六条（三）, says 5 short, offers the self-check", async () => {
    const r = await answerer.answer("园区里只有15家代理机构，够申报浙江的示范区吗？");
    expect(r.citations).toContain("zj2018:6.3");
    expect(r.text.split("\n")[0]).toBe("浙江省：按第六条（三），现有知识产权服务机构 15 家，少于 20 家，还差 5 家服务机构，暂不满足。");
    expect(r.text).toContain("「我想申报示范区」");
  });

  it("25 agencies but 800 平方米: one condition met, the other 200 short", async () => {
    const r = await answerer.answer("我们孵化器是国有的，园区里有25家服务机构，场地800平方米，能不能申报浙江省示范区？");
    expect(r.text).toContain("现有知识产权服务机构 25 家，不少于 20 家");
    expect(r.text).toContain("核心区面积差 200 平方米");
  });

  it("130 grants in Zibo: the tier and its amount, and the estimate is offered", async () => {
    const r = await answerer.answer("我们代理的本市发明专利今年授权了130件，能拿多少支持？");
    expect(r.citations).toContain("zb2020:9.5");
    expect(r.text.split("\n")[0]).toContain("最高 3 万元（130 件 > 120 件");
    expect(r.text).toContain("再获授权 71 件可进入 5 万元档");
    expect(r.text).toContain("「测算一下我们能拿多少资助」");
  });

  it("a question without a figure gets the quotation only", async () => {
    const r = await answerer.answer("申报浙江省示范区，核心区面积至少要多少平方米？");
    expect(r.text).toContain("不少于1000平方米");
    expect(r.text).not.toContain("测算结果");
    expect(r.text).not.toContain("我想申报示范区");
  });
  it("an agency's own 130 grants meet the tiers, not a client programme's 「1件以上」 it never named", async () => {
    const r = await answerer.answer("我们代理的发明专利今年授权了130件，能拿多少");
    expect(r.text.split("\n")[0]).toContain("代理本市发明专利授权数量）：最高 3 万元");
    expect(r.text).not.toContain("专利清零、专利倍增企业服务券）：最高");
  });

  it("exactly 120 grants with the words of the 专利倍增 clause still meet the tiers, in the lower one", async () => {
    const r = await answerer.answer("代理发明专利授权正好120件能拿多少");
    expect(r.text.split("\n")[0]).toContain("最高 1 万元（120 件 > 70 件");
    expect(r.text).not.toContain("专利清零、专利倍增企业服务券）：最高");
  });

});

describe("per-unit sums, caps and asked amounts go through estimate", () => {
  let answerer: Answerer;
  beforeAll(async () => {
    const index = await createPolicyIndex({ pieces: listPieces(), embedding: localEmbeddingChoice() });
    answerer = createAnswerer({ index });
  });

  it("two pledge loans and one securitisation: 12 万 with the arithmetic, 第九条's closing sentence read into it, not appended", async () => {
    const r = await answerer.answer("淄博这边我们今年做了2笔专利质押贷款和1个证券化，最多能拿多少？");
    expect(r.text.split("\n")[0]).toContain("最高 12 万元（2 × 10,000 + 1 × 100,000 = 120,000 元）");
    expect(r.text).toContain("「当年度优惠政策只享受一次，不重复支持」在此按");
    expect(r.citations).not.toContain("zb2020:9");
  });

  it("six won cases and a hoped-for 30 万: no, at most 20 万 a year", async () => {
    const r = await answerer.answer("我们帮区内企业打赢了6件涉外专利官司，淄博能补30万吗？");
    const first = r.text.split("\n")[0]!;
    expect(first.startsWith("不能。")).toBe(true);
    expect(r.text).toContain("最多 20 万元");
  });

  it("grants stated before a client programme are the agency's own: 210 件 → the 5 万 tier, and the two zeroing clients besides", async () => {
    const r = await answerer.answer("我们所今年代理发明专利授权210件，还帮两家企业专利清零，淄博一共能拿多少？");
    expect(r.text).toContain("代理本市发明专利授权数量）：最高 5 万元（210 件 > 200 件");
    expect(r.text).toContain("所服务企业2（专利清零");
  });

  it("grants stated after the programme tell about that client: 专利倍增 with 6 grants → the 5 万 voucher", async () => {
    const r = await answerer.answer("我们帮一家企业专利倍增，代理发明专利授权6件，能拿多少服务券？");
    expect(r.text.split("\n")[0]).toContain("最高 5 万元服务券（所服务企业（专利倍增，授权 6 件）");
  });

  it("a provincial brand is not the national one: at most 10 万, not the national 20 万 as a possibility", async () => {
    const r = await answerer.answer("服务机构进驻淄博示范区后拿了省级示范品牌，能奖多少？");
    expect(r.text.split("\n")[0]).toContain("最高 10 万元（省级 100,000）");
    expect(r.text).not.toContain("国家级 200,000");
  });

  it.each([
    ["我们今年做了3笔专利质押融资，淄博是不是给30万？", "不是。"],
    ["我们今年做了3笔专利质押融资，淄博可不可以补30万？", "不可以。"],
    ["做了2笔专利质押融资，能拿1万吗？", "能，在上限之内。"],
  ])("a hoped-for amount is answered in the question's own verb: 「%s」 → 「%s」", async (question, lead) => {
    const r = await answerer.answer(question);
    expect(r.text.split("\n")[0]!.startsWith(`${lead}测算结果：第九条（一）`)).toBe(true);
  });
});
