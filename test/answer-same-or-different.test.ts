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
    expect(sameOrDifferentAsk(question)).toEqual({ same, different });
    expect(yesNoAsk(question)).toBeUndefined();
  });

  it.each(["浙江示范区多久考核一次？", "淄博有服务券吗？", "两边分别是多少？"])("「%s」 asks something else", (question) => {
    expect(sameOrDifferentAsk(question)).toBeUndefined();
  });

  it("differing periods or counts → different; equal ones → same; nothing in common → no word", () => {
    expect(sidesAgree(["示范区每两年考核一次", "示范区每年度认定一次"], NONE)).toBe("different");
    expect(sidesAgree(["服务机构20家以上", "服务点2家以上"], NONE)).toBe("different");
    expect(sidesAgree(["服务机构20家以上", "服务机构20家以上"], NONE)).toBe("same");
    expect(sidesAgree(["核心区面积不少于1000平方米", "淄博市建设方案没有这方面的规定。"], NONE)).toBe("different");
    expect(sidesAgree(["由省知识产权局组织实施", "由市知识产权事业发展中心组织实施"], NONE)).toBeUndefined();
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

  it("「往哪儿交，浙江和淄博有啥区别」: each side's recipient from its own clause", async () => {
    const r = await answerer.answer("申报材料往哪儿交，浙江和淄博有啥区别？");
    const [zhejiang, zibo] = r.text.split("\n");
    expect(zhejiang).toMatch(/^浙江省.*向省知识产权局提交/);
    expect(zibo).toMatch(/^淄博市.*向辖区内区县知识产权管理部门提出申报申请/);
  });
});
