/**
 * Answer or refuse by what is asked for: a question that shares the texts'
 * words but asks for something they never state (a phone number, an address,
 * a tax break, the national scheme's procedure) is refused saying what is not
 * in them; the same words asking for what they do state are answered.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answerer } from "../src/answer/answer.types.ts";
import { createAnswerer } from "../src/answer/answerer.ts";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { askFocus, NOUN_LIKE } from "../src/retrieval/ask-focus.ts";
import { everydayForm } from "../src/retrieval/word-forms.ts";
import { localEmbeddingChoice } from "../src/retrieval/create-embeddings.ts";
import { createPolicyIndex } from "../src/retrieval/policy-index.ts";
import { getTokenizer } from "../src/retrieval/tokenizer.ts";

let answerer: Answerer;

beforeAll(async () => {
  const index = await createPolicyIndex({ pieces: listPieces(), embedding: localEmbeddingChoice() });
  answerer = createAnswerer({ index });
}, 60_000);

/** The words `askFocus` reads as the thing asked for. */
function focusOf(question: string): string[] {
  const words = getTokenizer().tagged(question);
  return askFocus(words, (w) => NOUN_LIKE.test(w.tag)).map((i) => words[i]!.word);
}

describe("the object of the ask", () => {
  it.each([
    ["淄博市知识产权局的地址在哪？", ["地址"]],
    ["示范区的服务机构能享受什么税收优惠？", ["税收", "优惠"]],
    // 贷款贴息: a verb right after a noun makes one noun phrase with it (the interest subsidy of loans).
    ["淄博示范区的服务机构可以申请贷款贴息吗？", ["贷款", "贴息"]],
    ["浙江示范区考核结果分几档？", []],
    // after a yes-no verb (A-not-A or written), past a verb of its own: the nouns it asks about
    ["淄博示范区有没有专家评审这一步", ["专家", "评审"]],
    ["浙江是否要求核心区面积", ["核心区面积"]],
    ["淄博需不需要现场考察", ["现场考察"]],
  ])("「%s」 asks for %j", (question, expected) => {
    expect(focusOf(question)).toEqual(expected);
  });
});

describe("asked for something the texts never state: refused, saying what is missing first", () => {
  it.each([
    ["淄博市知识产权事业发展中心的联系电话是多少？", "淄博市建设方案没有写到“联系电话”"],
    ["淄博市知识产权事业发展中心的办公地址在哪里？", "淄博市建设方案没有写到“地址”"],
    ["示范区的服务机构能享受什么税收优惠？", "两份政策都没有写到“税收”"],
    ["淄博示范区的服务机构可以申请贷款贴息吗？", "淄博市建设方案没有写到“贴息”"],
    ["专利代理师证书在哪里考？", "两份政策都没有写到“地点或地址”"],
  ])("「%s」", async (question, opening) => {
    const r = await answerer.answer(question);
    expect(r.refused).toBe(true);
    expect(r.citations).toEqual([]);
    expect(r.text.startsWith(opening)).toBe(true);
    expect(r.text).not.toContain("直接相关");
  });

  it("the same certificate, asked for what the texts do state, is answered with its clause", async () => {
    const r = await answerer.answer("淄博年度内新获得专利代理师证书的给多少支持？");
    expect(r.refused).toBe(false);
    expect(r.text).toContain("1万元");
    expect(r.citations).toContain("zb2020:9.2");
  });
});

describe("a zone of another level (the national scheme)", () => {
  it("how to apply for a national zone: neither text governs it; their recommendation clauses follow, marked as not the answer", async () => {
    const r = await answerer.answer("国家级知识产权服务业集聚区怎么申报？");
    expect(r.refused).toBe(true);
    expect(r.citations).toEqual([]);
    expect(r.text).toMatch(/^两份政策都没有写到国家级知识产权服务业集聚区怎样申报/);
    const [, nearby = ""] = r.text.split("不是对这个问题的回答）：");
    expect(nearby).toContain("优先推荐申报国家知识产权服务业集聚区");
    expect(nearby).toMatch(/第十六条|第十四条/);
  });

  it("the national office's zones (「国家知识产权局的示范区有哪些」) are the national scheme too, not 第一条's mention of the office", async () => {
    const r = await answerer.answer("国家知识产权局的示范区有哪些？");
    expect(r.refused).toBe(true);
    expect(r.text).toMatch(/^两份政策都没有写到国家知识产权局的示范区/);
  });

  it("the recommendation itself, which the texts state, is answered", async () => {
    const r = await answerer.answer("浙江示范区考核优秀的能推荐到国家级吗？");
    expect(r.refused).toBe(false);
    expect(r.citations).toContain("zj2018:16");
    expect(r.text).toContain("优先推荐");
  });

  it("a national brand level (Zibo 第九条（三）) is no other zone: answered", async () => {
    const r = await answerer.answer("机构进驻淄博示范区以后拿到国家级示范品牌，奖多少钱？");
    expect(r.refused).toBe(false);
    expect(r.text).toContain("20万元");
  });
});

describe("everyday forms of words the texts use", () => {
  const tagOf = (w: string) => getTokenizer().tagOf(w);

  it.each([
    ["批下来", "v", "批"],
    ["交到", "v", "交"],
    ["比一比", "nr", "比"],
    ["看了看", "v", "看"],
    ["弄法", "n", "方式"],
    ["案子", "n", "案"],
    ["挂牌", "v", undefined],
    ["税收", "n", undefined],
    // potential complements: whether V can be done, V is what is done
    ["看不懂", "v", "看"],
    ["拿得到", "v", "拿"],
    ["不合格", "a", undefined],
  ])("%s (%s) is read as %s", (word, tag, base) => {
    expect(everydayForm(word, tag, tagOf)?.base).toBe(base);
  });

  it.each([
    ["浙江示范区批下来了会给挂牌吗？", "挂牌", "zj2018:10"],
    ["淄博的专利托管都有哪几种搞法？", "顾问式", "zb2020:9.2"],
    ["淄博示范区多久评一回？", "每年度认定一次", "zb2020:12"],
    ["淄博胜诉一个涉外案子能补几万？", "5 万元", "zb2020:9.4"],
  ])("「%s」 is answered from its clause", async (question, expected, citation) => {
    const r = await answerer.answer(question);
    expect(r.refused).toBe(false);
    expect(r.text).toContain(expected);
    expect(r.citations).toContain(citation);
  });

  it("a comparison is covered by one article of each text together: both dates, each cited", async () => {
    const r = await answerer.answer("淄博的建设方案和浙江的管理办法分别从哪天开始实施？");
    expect(r.refused).toBe(false);
    expect(r.text).toContain("2018年1月1日");
    expect(r.text).toContain("2020年8月25日");
    expect(r.citations).toEqual(expect.arrayContaining(["zj2018:18", "zb2020:17"]));
  });

  it("a same-sound typo with a function-word character inside a long domain word is read as the word, and said", async () => {
    const r = await answerer.answer("淄博新拿到专利代里师证书的给多少钱？");
    expect(r.refused).toBe(false);
    expect(r.text).toContain("按“专利代理师”理解了“专利代里师”");
    expect(r.text).toContain("1万元");
  });
});

describe("measures, bodies and English asks", () => {
  it("「封顶」 only says which measure is wanted (an amount): the cap is answered", async () => {
    const r = await answerer.answer("淄博一个机构一年胜诉补助封顶多少？");
    expect(r.refused).toBe(false);
    expect(r.text).toContain("20万元");
    expect(r.citations).toContain("zb2020:9.4");
  });

  it("「市局」 in a Zhejiang question is the city bureau of the Zhejiang text; the approving body is answered", async () => {
    const r = await answerer.answer("浙江示范区市局和省局谁管审批？");
    expect(r.refused).toBe(false);
    expect(r.text.split("\n")[0]).toContain("省知识产权局负责省级示范区的审查确认");
    expect(r.citations[0]).toBe("zj2018:8");
  });

  it("an English question asking for a thing the texts never name is refused in English, naming it", async () => {
    const r = await answerer.answer("What is the fax of the Zhejiang Provincial IP Office?");
    expect(r.refused).toBe(true);
    expect(r.text).toMatch(/^Neither policy says anything about "fax"\./);
  });

  it("an English question whose bound word (minimum) the glossary lacks is still answered", async () => {
    const r = await answerer.answer("What is the minimum core area required for a Zhejiang demonstration zone?");
    expect(r.refused).toBe(false);
    expect(r.text).toContain("1000");
  });
});

describe("an attribute of a rule asked for in other words than the text's", () => {
  it.each([
    ["淄博专利托管服务券的额度是多少？", "5万元", "zb2020:9.2"],
    ["浙江示范区依托单位的主要职责有哪些？", "招引和培育知识产权服务机构", "zj2018:7"],
    ["淄博示范区不合格的后果是什么？", "取消资格", "zb2020:14"],
  ])("「%s」 is answered: the attribute (额度, 职责, 后果) says which aspect of the clause is wanted", async (question, expected, citation) => {
    const r = await answerer.answer(question);
    expect(r.refused).toBe(false);
    expect(r.text).toContain(expected);
    expect(r.citations).toContain(citation);
  });
});
