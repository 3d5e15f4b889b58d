/**
 * A reply opens with the answer: yes or no for a yes/no question (in the
 * question's own verb, read off the clause it rests on), the sentence of a
 * long item that answers the ask (not the item's first sentence), and the
 * whole list — every item complete — for a question asking for one.
 * Questions written fresh from the two texts; none is in a question set.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answerer } from "../src/answer/answer.types.ts";
import { createAnswerer } from "../src/answer/answerer.ts";
import { yesNoAsk } from "../src/answer/yes-no-ask.ts";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { localEmbeddingChoice } from "../src/retrieval/create-embeddings.ts";
import { createPolicyIndex } from "../src/retrieval/policy-index.ts";

let answerer: Answerer;

beforeAll(async () => {
  const index = await createPolicyIndex({ pieces: listPieces(), embedding: localEmbeddingChoice() });
  answerer = createAnswerer({ index });
}, 60_000);

/** The reply's opening paragraph (before 「依据：」). */
async function opening(question: string): Promise<string> {
  const r = await answerer.answer(question);
  expect(r.refused).toBe(false);
  return r.text.split("\n\n")[0]!;
}

describe("the yes and no words of a yes/no question are its own verb", () => {
  it.each([
    ["淄博的支持能不能叠加？", "能", "不能"],
    ["浙江有没有对服务机构数量的要求？", "有", "没有"],
    ["示范区是不是都有服务券？", "有", "没有"],
    ["申报是否需要承诺书？", "需要", "不需要"],
    ["考核不合格会被摘牌吗？", "会", "不会"],
    ["依托单位可不可以是大学科技园？", "可以", "不可以"],
  ])("「%s」 → %s / %s", (question, yes, no) => {
    expect(yesNoAsk(question)).toEqual({ yes, no });
  });

  it.each(["浙江示范区考核的主要内容是什么？", "区县那头能落着啥好处不？", "淄博示范区怎么申报？"])("「%s」 asks for something else", (question) => {
    expect(yesNoAsk(question)).toBeUndefined();
  });
});

describe("a yes/no question is answered yes or no first, then the sentence it rests on with its citation", () => {
  it("the clause says the opposite (不重复支持) → 「不能。」", async () => {
    expect(await opening("淄博示范区的优惠政策当年度能不能重复享受？")).toBe("不能。当年度优惠政策只享受一次，不重复支持（第九条）。");
  });

  it("the clause states another period than the one asked (每两年) → 「不是。」", async () => {
    expect(await opening("浙江示范区是不是每年都要考核？")).toBe("不是。示范区每两年考核一次，由省知识产权局组织实施（第十四条）。");
  });

  it("the clause states another amount than the one asked (1万元) → 「不是。」", async () => {
    const text = await opening("淄博对年度内新拿到专利代理师证书的，是不是一次性给3万？");
    expect(text).toMatch(/^不是。/);
    expect(text).toContain("给予一次性1万元支持（第九条（二））");
  });

  it("the question states what the clause excludes (无恶意非正常申请的) → 「不能。」", async () => {
    const text = await opening("淄博示范区内的机构代理发明专利有恶意非正常申请，还能拿授权那档支持吗？");
    expect(text).toMatch(/^不能。/);
    expect(text).toContain("无恶意非正常申请的");
    expect(text).toContain("（第九条（五））");
  });

  it("the clause names what is asked about → 「可以。」 with that clause", async () => {
    const text = await opening("浙江示范区依托单位可以是科技企业孵化器吗？");
    expect(text).toMatch(/^可以。具有较强实力的国有或民营的/);
    expect(text).toContain("科技企业孵化器");
    expect(text).toContain("（第六条（一））");
  });

  it("「有资金支持吗」 is answered 有 from the clause that provides funds", async () => {
    const text = await opening("浙江省的示范区能不能得到资金上的支持？");
    expect(text).toMatch(/^能。/);
    expect(text).toContain("落实配套资金");
  });

  it("a comparison: the side that has it says 有, the side whose text has none says 没有", async () => {
    const [zj, zb] = (await opening("浙江和淄博有没有对核心区面积的要求？")).split("\n");
    expect(zj).toBe("浙江省（省级）：有。核心区面积不少于1000平方米（第六条（三））。");
    expect(zb).toBe("淄博市（市级）：没有。淄博市建设方案没有这方面的规定。");
  });

  it("a question for a thing is not answered yes or no", async () => {
    expect(await opening("浙江示范区考核周期是多久？")).not.toMatch(/^(是|不是|有|没有)。/);
  });
});

describe("inside a long item, the opening is the sentence that answers the ask", () => {
  it("服务券 asked: 第九条（二）'s grant sentence, not its first sentence (the conditions)", async () => {
    expect(await opening("淄博示范区服务机构开展专利托管的，每年给多少服务券？")).toBe(
      "每年给予不超过5万元、3万元、1万元的知识产权服务券支持（第九条（二））。",
    );
  });
});

describe("a question for a list gets the whole list, every item complete", () => {
  it("依托单位的条件: four items under their own labels, none cut with …", async () => {
    const lines = (await opening("浙江省示范区对依托单位提了哪些条件？")).split("\n");
    expect(lines[0]).toBe("共 4 项（第六条）：");
    expect(lines.slice(1).map((l) => l.slice(0, 3))).toEqual(["（一）", "（二）", "（三）", "（四）"]);
    expect(lines.join("")).not.toContain("…");
    // the ends of long items are there
    expect(lines[1]).toContain("技术转移服务机构等创新创业载体");
    expect(lines[3]).toContain("培训等服务需求");
  });

  it("items the list already gives word for word are cited, not printed a second time (a whole-list answer fits one WeCom message)", async () => {
    const r = await answerer.answer("浙江省示范区对依托单位提了哪些条件？");
    const [, evidence] = r.text.split("依据：");
    expect(evidence).toContain("第六条：「示范区建设的依托单位一般应具备以下条件：」");
    expect(evidence).toContain("（一）至（四）原文见上。");
    expect(evidence).not.toContain("技术转移服务机构等创新创业载体");
    expect(r.citations).toEqual(expect.arrayContaining(["zj2018:6.1", "zj2018:6.4"]));
    expect(Buffer.byteLength(r.text)).toBeLessThan(2048);
  });

  it("an item whose list line is only its first sentence keeps its quote as evidence (淄博第九条（四）'s yearly cap)", async () => {
    const r = await answerer.answer("淄博示范区的服务机构能拿到哪些支持？");
    const [conclusion, evidence] = r.text.split("依据：");
    expect(conclusion).not.toContain("最多补助20万元");
    expect(evidence).toMatch(/（四）「[^」]*同一申请人每个年度内的胜诉案件最多补助20万元。」/);
    expect(evidence).toContain("（三）原文见上。");
  });

  it("淄博第九条's supports (an article under a heading whose own text is a closing rule): all five items, a condition kept with its grant", async () => {
    const lines = (await opening("淄博示范区的服务机构能拿到哪些支持？")).split("\n");
    expect(lines[0]).toBe("共 5 项（第九条）：");
    expect(lines).toHaveLength(6);
    expect(lines[2]).toContain("每年给予不超过5万元、3万元、1万元的知识产权服务券支持");
    expect(lines.join("")).not.toContain("…");
  });
});

describe("development-set weak spots, fixed by method", () => {
  it("a noun the texts never use in a clause that asks nothing (实习生) describes the asker, and does not refuse the ask after it", async () => {
    const r = await answerer.answer("我们所里的实习生今年考下了专利代理师证书，淄博一次性补多少？");
    expect(r.refused).toBe(false);
    expect(r.text.split("\n")[0]).toBe("年度内新获得国家专利代理师证书的，给予一次性1万元支持（第九条（二））。");
  });

  it("the same noun in the clause that asks stays heavy: a question about it is still refused", async () => {
    const r = await answerer.answer("淄博示范区的服务机构给实习生发补贴吗？");
    expect(r.refused).toBe(true);
  });

  it("「那淄博呢？」 after a figure in 平方米 the Zibo text never states: says so, not the 家 clause as its counterpart", async () => {
    const next = await answerer.answer("那淄博呢？", { history: [{ question: "浙江示范区核心区至少多大？", jurisdictions: ["zhejiang"] }] });
    // Zibo's conditions (第五条) set no area: that list, not the 家 clause, is what it answers with
    expect(next.text.split("\n")[0]).toBe("淄博市（市级）的淄博市建设方案没有这方面的要求：第五条列出的示范区条件中没有这一项。");
    expect(next.citations).toEqual(["zb2020:5"]);
  });

  it("「往哪儿递，浙江跟淄博有什么不同」 is one ask of both sides (the second clause only compares), each line naming where it goes", async () => {
    const r = await answerer.answer("申报书往哪儿递，浙江跟淄博有什么不同？");
    expect(r.text).not.toMatch(/^您的问题有/);
    const [zj, zb] = r.text.split("\n");
    expect(zj).toMatch(/^浙江省（省级）：.*向设区市知识产权局提出申报申请/);
    expect(zb).toMatch(/^淄博市（市级）：.*区县知识产权管理部门/);
  });
});

describe("an attribute asked for by the question word after it names the kind of answer", () => {
  it("「证券化的支持标准是多少」: 标准 (which the texts use as 标准制定) does not refuse it; the opening keeps the figure after the part naming the thing", async () => {
    const r = await answerer.answer("淄博对知识产权证券化的支持标准是多少？");
    expect(r.refused).toBe(false);
    expect(r.text.split("\n")[0]).toBe("每完成1项知识产权证券化工作,给于不超过10万元支持（第九条（一））。");
  });
});

describe("own numbers in everyday units", () => {
  it("「核心区就600平」 is 600 平方米: the reply works out the gap to 1000", async () => {
    const r = await answerer.answer("我们核心区就600平，浙江那边面积够不够？");
    expect(r.refused).toBe(false);
    expect(r.text.split("\n")[0]).toContain("差 400 平方米");
  });
});
