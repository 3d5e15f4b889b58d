/**
 * Everyday wording met in round 9d, each read by a general rule: a choice
 * question's 还是 cut from the verb before it, a city or county word inside a
 * question that names Zhejiang, another place compared with ours or asked
 * about in a follow-up, a synonym the texts write as a phrase (好处 → 优先推荐),
 * the level of a zone, the areas of support, the documents a policy rests on,
 * and a yes/no for an amount the clause does not state. Questions written fresh
 * from the two texts; none is in a question set.
 */
import { describe, expect, it } from "vitest";
import { detectJurisdiction } from "../src/answer/detect-jurisdiction.ts";
import { yesNoVerdict } from "../src/answer/yes-no-ask.ts";
import { useOfflineAnswerer } from "./support/offline-answerer.ts";
import { getTokenizer } from "../src/retrieval/tokenizer.ts";

describe("reading the question", () => {
  it("还是 of a choice is its own word, not 交还 + 是", () => {
    const words = getTokenizer().words("材料是往省里交还是给市里");
    expect(words).toContain("还是");
    expect(words).not.toContain("交还");
  });

  it("a city or county word (市里, 区县) names Zibo only when no place is named by name", () => {
    expect(detectJurisdiction("浙江的材料是先交到市里吗").named).toEqual(["zhejiang"]);
    expect(detectJurisdiction("市里的示范区多久认定一次").named).toEqual(["zibo"]);
    expect(detectJurisdiction("张店的示范区归市里管吗").named).toEqual(["zibo"]);
    expect(detectJurisdiction("省里和市里的示范区有什么区别").named).toEqual(["zhejiang", "zibo"]);
  });

  it("another place joined to ours by 和/跟/比 is compared with it; one named as the asker's origin is not", () => {
    expect(detectJurisdiction("淄博跟上海比，哪边服务券多").comparedWithOther).toBe(true);
    expect(detectJurisdiction("江苏和浙江的示范区条件一样吗").comparedWithOther).toBe(true);
    expect(detectJurisdiction("我们是上海的公司，能申报淄博的示范区吗").comparedWithOther).toBe(false);
  });

  it("a yes/no for an amount is not answered yes by a clause that grants support without one", () => {
    const cues = [{ text: "补贴", weight: 1 }, { text: "支持", weight: 1 }];
    expect(yesNoVerdict("有写明金额的补贴吗", "在人才培养等方面给予支持", cues, [["补贴", "支持"]])).toBeUndefined();
    expect(yesNoVerdict("有写明金额的补贴吗", "给予不超过5万元的支持", cues, [["补贴", "支持"]])).toBe("yes");
  });
});

describe("answers", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("「往省里交还是给市里」 is answered with where the application goes, for Zhejiang only", async () => {
    const text = await opening("浙江的申报书是直接往省里交还是先给市里？");
    expect(text).toMatch(/向设区市知识产权局提出申报申请/);
    expect(text).not.toContain("淄博");
  });

  it("a follow-up naming another place, and a comparison with one, are refused as other places", async () => {
    const r = await answerer().answer("那上海的呢？", { history: [{ question: "淄博示范区每年认定几次？" }] });
    expect(r.refused).toBe(true);
    expect(r.text).toMatch(/不在我掌握的政策范围内/);
    const compared = await answerer().answer("浙江和广东的示范区，谁要求的服务机构多？");
    expect(compared.refused).toBe(true);
  });

  it("「有啥实惠」 after being rated excellent: 优先推荐, which the synonym finds as a phrase of the text", async () => {
    expect(await opening("浙江的示范区考核评上优秀有啥实惠？")).toMatch(/优先推荐申报国家知识产权服务业集聚区/);
  });

  it("「是哪一级的」 opens with the clause naming the level", async () => {
    expect(await opening("淄博这个示范区算哪一级的？")).toMatch(/市级示范区/);
  });

  it("「在哪些方面支持」 opens with the clause naming the areas", async () => {
    expect(await opening("淄博示范区所在的区县会在哪些方面出力？")).toMatch(/在扶持政策、公共服务平台搭建、服务体系建设、人才培养等方面/);
  });

  it("「依据哪些上级文件」 is asked for the basis, not refused for 上级", async () => {
    expect(await opening("浙江这个管理办法是依据哪些上级文件出台的？")).toMatch(/根据国家知识产权局《关于加快培育和发展知识产权服务业的指导意见》/);
  });

  it("「要准备什么材料」 gets the materials list, not the clause that only names 申报材料; 「考核考些啥」 the contents", async () => {
    expect(await opening("申报浙江省示范区得准备什么材料？")).toMatch(/^共 5 项（第九条）/);
    expect(await opening("淄博示范区认定都查些什么？")).toMatch(/^共 3 项（第十三条）/);
    // 「一共几样」 counts a list: the list answers it
    expect(await opening("淄博申报示范区的材料一共几样？")).toMatch(/^共 \d 项（第八条）/);
  });

  it("「那优秀的呢？」 after 「不合格会怎样」 opens with what follows from 优秀, not 不合格 again", async () => {
    const text = await opening("那评上优秀的呢？", [{ question: "淄博示范区认定不合格会怎样？" }]);
    expect(text).toMatch(/^认定优秀或合格的，保留/);
  });

  it("「现在还有效吗」 finds the clause saying when the text took effect, with no yes (a trial may have run out) and the trial note", async () => {
    const r = await answerer().answer("淄博的建设方案目前还适用吗？");
    expect(r.text.split("\n")[0]).toMatch(/^本办法自2020年8月25日起实施，试用期一年（第十七条）/);
    expect(r.text).toMatch(/试用期届满后是否延续，请向淄博市知识产权事业发展中心确认/);
    expect((await answerer().answer("淄博的方案现在还有效吗？")).text).not.toMatch(/^有。/);
    const en = await answerer().answer("Is the Zibo construction plan still in force?");
    expect(en.text).toMatch(/^This plan takes effect on 25 August 2020/);
    expect(en.text).not.toMatch(/^Yes/);
  });

  it("「偏向哪些区域」 finds where each text places its zones (浙江 says 地区, 淄博 区域 and 优先考虑)", async () => {
    const text = await opening("两边的示范区选址各自偏向什么样的区域？");
    expect(text).toContain("高新园区、科技城、高新技术特色小镇");
    expect(text).toContain("优先考虑在创新创业园区");
  });

  it("「申请表」 is the 申报书", async () => {
    expect(await opening("淄博示范区的申请表叫什么？")).toContain("申报书");
  });

  it("English: 「failing」 is 不合格, and hedges such as 「possible」 are no topic", async () => {
    expect(await opening("What happens to a Zhejiang zone after failing the assessment?")).toMatch(/unqualified must rectify/);
    expect(await opening("What are the possible results of the Zhejiang assessment?")).toMatch(/excellent/);
  });
});
