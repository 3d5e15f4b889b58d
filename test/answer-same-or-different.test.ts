/**
 * 「…一样吗」「…相同吗」「…有区别吗」 about both texts: the reply opens with
 * 「不一样。」/「一样。」 read off the measures the two labelled lines state,
 * each side answered from its own best clause, and no side hears a yes/no
 * word for a question that asks whether they agree. Questions written fresh
 * from the two texts; none is in a question set.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answerer } from "../src/answer/answer.types.ts";
import { createAnswerer } from "../src/answer/answerer.ts";
import { sameOrDifferentAsk, sidesAgree } from "../src/answer/same-or-different.ts";
import { yesNoAsk } from "../src/answer/yes-no-ask.ts";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { localEmbeddingChoice } from "../src/retrieval/create-embeddings.ts";
import { createPolicyIndex } from "../src/retrieval/policy-index.ts";

const NONE = /没有这方面的规定/;

describe("asking whether two sides agree", () => {
  it.each([
    ["考核周期一样吗？", "一样", "不一样"],
    ["要求相同吗", "一样", "不一样"],
    ["两边是否一致？", "一样", "不一样"],
    ["一样不一样？", "一样", "不一样"],
    ["两地的考核有区别吗？", "没有区别", "有区别"],
    ["有没有差别？", "没有区别", "有区别"],
  ])("「%s」 → %s / %s", (question, same, different) => {
    expect(sameOrDifferentAsk(question)).toMatchObject({ same, different });
    expect(yesNoAsk(question)).toBeUndefined();
  });

  it("「有区别吗」 of lines worded alike: 「基本没有区别」, saying what is the same", () => {
    expect(sameOrDifferentAsk("两地的考核有区别吗？")?.alike).toBe("基本没有区别，内容一样，措辞略有不同。");
  });

  it.each(["浙江示范区多久考核一次？", "淄博有服务券吗？", "两边分别是多少？"])("「%s」 asks something else", (question) => {
    expect(sameOrDifferentAsk(question)).toBeUndefined();
  });

  it("differing periods or counts → different; equal ones → same; nothing in common → no word", () => {
    expect(sidesAgree(["示范区每两年考核一次", "示范区每年度认定一次"], NONE)).toBe("different");
    expect(sidesAgree(["服务机构20家以上", "服务点2家以上"], NONE)).toBe("different");
    expect(sidesAgree(["服务机构20家以上", "服务机构20家以上"], NONE)).toBe("same");
    expect(sidesAgree(["核心区面积不少于1000平方米", "淄博市建设方案没有这方面的规定。"], NONE)).toBe("different");
    expect(sidesAgree(["向设区市知识产权局提出申报申请", "向辖区内区县知识产权管理部门提出申报申请"], NONE)).toBeUndefined();
    // worded alike, each in its own text's terms (考核 ↔ 认定), no measure between them
    expect(sidesAgree(["浙江省（省级）：考核结果分为优秀、合格和不合格三档（第十六条）。", "淄博市（市级）：认定结果分为优秀、合格和不合格三档（第十四条）。"], NONE)).toBe("alike");
  });

  it("「对…的要求」 is a noun, not the modal 要: the question asks 有", () => {
    expect(yesNoAsk("浙江对面积有要求吗？")).toEqual({ yes: "有", no: "没有" });
  });
});

describe("comparisons that ask whether the two texts agree", () => {
  let answerer: Answerer;

  beforeAll(async () => {
    const index = await createPolicyIndex({ pieces: listPieces(), embedding: localEmbeddingChoice() });
    answerer = createAnswerer({ index });
  }, 60_000);

  it("「考核周期一样吗」 → 「不一样。」, then each side's period on its own line", async () => {
    const r = await answerer.answer("浙江和淄博的考核周期一样吗？");
    const [first, zhejiang, zibo] = r.text.split("\n");
    expect(first).toBe("不一样。");
    expect(zhejiang).toMatch(/^浙江省.*每两年考核一次.*第十四条/);
    expect(zibo).toMatch(/^淄博市.*每年度认定一次.*第十二条/);
  });

  it("「…数量的要求相同吗」: 相同 is the ask, not a word the texts lack → 20家 vs 2家, 「不一样。」", async () => {
    const r = await answerer.answer("浙江和淄博对服务机构数量的要求相同吗？");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/^不一样。\n浙江省.*20家以上.*\n淄博市.*2家以上/);
  });

  it("one side without the provision: 「不一样。」 and that side says so, with no 「不要。」 read off 要求", async () => {
    const r = await answerer.answer("浙江和淄博对核心区面积的要求一样吗？");
    expect(r.text.split("\n").slice(0, 3)).toEqual([
      "不一样。",
      "浙江省（省级）：核心区面积不少于1000平方米（第六条（三））。",
      "淄博市（市级）：淄博市建设方案没有这方面的规定。",
    ]);
  });

  it("「考核结果分几档，…一样吗」: worded alike in each text's terms → 「基本一样，措辞略有不同。」", async () => {
    const r = await answerer.answer("考核结果分几档，浙江和淄博一样吗？");
    expect(r.text.split("\n")[0]).toBe("基本一样，措辞略有不同。");
    expect(r.text).toContain("不合格三档（第十六条）");
    expect(r.text).toContain("不合格三档（第十四条）");
  });

  it("「两边…都要…吗」 with both sides 「要。」 → 「都要。」 first", async () => {
    const r = await answerer.answer("两边评示范区都要专家评估和现场考察吗？");
    const [both, zhejiang, zibo] = r.text.split("\n");
    expect(both).toBe("都要。");
    expect(zhejiang).toMatch(/^浙江省（省级）：要。.*组织专家评估和现场考察/);
    expect(zibo).toMatch(/^淄博市（市级）：要。.*组织专家评估和现场考察/);
  });

  it("「都有试用期吗」: the side whose corresponding clause sets none says 没有, no 「都」, and the reply opens with the side that has one", async () => {
    const r = await answerer.answer("浙江和淄博的示范区都有试用期吗？");
    const [lead, zhejiang, zibo] = r.text.split("\n");
    expect(lead).toBe("只有淄博市（市级）有。");
    expect(zhejiang).toBe("浙江省（省级）：没有。浙江省管理办法没有这方面的规定。");
    expect(zibo).toMatch(/^淄博市（市级）：有。.*试用期一年（第十七条）/);
  });

  it("「依托单位的条件有啥不同」: Zibo, which says 建设单位, answered by its own conditions (第五条), whole", async () => {
    const r = await answerer.answer("两边对依托单位的条件有啥不同？");
    expect(r.text).toMatch(/^浙江省（省级）：共 4 项（第六条）：/);
    expect(r.text).toMatch(/\n淄博市（市级）：淄博市建设方案的说法不同，相应的规定是：\n共 3 项（第五条）：\n（一）示范区所在区县高度重视/);
  });

  it("「申报材料有什么区别」: each side's whole list", async () => {
    const r = await answerer.answer("浙江和淄博的申报材料有什么区别？");
    expect(r.text).toMatch(/^浙江省（省级）：共 5 项（第九条）：/);
    expect(r.text).toContain("（五）相关附件材料。");
  });

  it("「往哪儿交，浙江和淄博有啥区别」: each side's recipient from its own clause", async () => {
    const r = await answerer.answer("申报材料往哪儿交，浙江和淄博有啥区别？");
    const [zhejiang, zibo] = r.text.split("\n");
    expect(zhejiang).toMatch(/^浙江省.*向省知识产权局提交/);
    expect(zibo).toMatch(/^淄博市.*向辖区内区县知识产权管理部门提出申报申请/);
  });
});
