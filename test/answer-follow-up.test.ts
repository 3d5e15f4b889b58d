import { beforeAll, describe, expect, it } from "vitest";
import type { Answerer } from "../src/answer/answer.types.ts";
import { createAnswerer } from "../src/answer/answerer.ts";
import { resolveFollowUp } from "../src/answer/resolve-follow-up.ts";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { localEmbeddingChoice } from "../src/retrieval/create-embeddings.ts";
import { createPolicyIndex } from "../src/retrieval/policy-index.ts";

let answerer: Answerer;

beforeAll(async () => {
  const index = await createPolicyIndex({ pieces: listPieces(), embedding: localEmbeddingChoice() });
  answerer = createAnswerer({ index });
});

describe("follow-up questions use the conversation", () => {
  it("「那淄博呢？」 after a Zhejiang question asks the same of Zibo", async () => {
    const first = await answerer.answer("浙江省示范区要求现有知识产权服务机构至少多少家？");
    expect(first.jurisdictions).toEqual(["zhejiang"]);
    expect(first.text).toContain("20家以上");

    const next = await answerer.answer("那淄博呢？", { history: [{ question: first.resolvedQuestion, jurisdictions: first.jurisdictions }] });
    expect(next.refused).toBe(false);
    expect(next.jurisdictions).toEqual(["zibo"]);
    expect(next.citations).toContain("zb2020:5.3");
    expect(next.text).toContain("2家以上");
    expect(next.text).not.toContain("20家以上");
  });

  it("「那浙江的呢」 after a Zibo question switches back", async () => {
    const next = await answerer.answer("那浙江的呢", { history: [{ question: "淄博示范区多长时间认定一次？", jurisdictions: ["zibo"] }] });
    expect(next.jurisdictions).toEqual(["zhejiang"]);
    expect(next.citations).toContain("zj2018:14");
    expect(next.text).toContain("两年");
  });

  it("a follow-up that changes the topic keeps the jurisdiction: 「那证券化呢？」 after 质押融资", async () => {
    const next = await answerer.answer("那证券化呢？", {
      history: [{ question: "淄博对专利质押融资服务有什么支持？", jurisdictions: ["zibo"] }],
    });
    expect(next.jurisdictions).toEqual(["zibo"]);
    expect(next.text).toContain("知识产权证券化");
    // the opening line keeps the amount that follows the item named: support is its amount
    expect(next.text.split("\n")[0]).toMatch(/每完成1项知识产权证券化工作,给于不超过10万元支持（第九条（一））。$/);
  });

  it("without history, 「那淄博呢？」 alone is not enough to answer", async () => {
    const r = await answerer.answer("那淄博呢？");
    expect(r.refused).toBe(true);
  });

  it("a self-contained question is not merged with the previous one", () => {
    const r = resolveFollowUp("淄博示范区创建单位要开展哪些专利行动？", [{ question: "浙江省示范区多久考核一次？", jurisdictions: ["zhejiang"] }]);
    expect(r.isFollowUp).toBe(false);
    expect(r.text).toBe("淄博示范区创建单位要开展哪些专利行动？");
    expect(r.jurisdictions).toEqual(["zibo"]);
  });

  it("「那淄博的是谁定的」 after a Zhejiang question worded in Zhejiang's own terms (审定挂牌): Zibo's corresponding clause answers", async () => {
    const history = [{ question: "浙江省示范区最后是哪个部门审定挂牌的？", jurisdictions: ["zhejiang" as const] }];
    const next = await answerer.answer("那淄博的是谁定的", { history });
    expect(next.refused).toBe(false);
    expect(next.jurisdictions).toEqual(["zibo"]);
    const [lead, conclusion] = next.text.split("\n");
    expect(lead).toBe("淄博市建设方案的写法与上一问的第十条不同，相应的规定是：");
    expect(conclusion).toMatch(/^市知识产权事业发展中心组织专家评估和现场考察，择优遴选，确定市级示范区建设单位（第八条第2项）/);
    expect(next.citations[0]).toBe("zb2020:8.2");
  });

  it.each([
    ["淄博对专利质押融资服务有什么支持？"],
    ["淄博示范区的代理机构帮企业打赢一个涉外专利案，能补多少？"],
    ["淄博建示范区对所在区县年度考核有没有加分？"],
  ])("「浙江呢？」 after the Zibo-only 「%s」 says Zhejiang's text has no such provision, quoting nothing of it", async (question) => {
    const next = await answerer.answer("浙江呢？", { history: [{ question, jurisdictions: ["zibo"] }] });
    expect(next.refused).toBe(true);
    expect(next.text.split("\n")[0]).toBe("浙江省（省级）的浙江省管理办法没有写到这方面的规定（上一问的内容在这份政策里没有对应条款）。");
    expect(next.citations).toEqual([]);
  });

  it("「不合格会咋样」 after 「分几档」: 咋样 is the ask, answered with what follows a fail, both steps", async () => {
    const next = await answerer.answer("不合格会咋样", { history: [{ question: "淄博示范区认定结果分几档？", jurisdictions: ["zibo"] }] });
    expect(next.jurisdictions).toEqual(["zibo"]);
    expect(next.text.split("\n")[0]).toBe("评为不合格的，限期整改；整改仍不合格的，取消资格（第十四条）。");
  });
});
