/**
 * Comparisons asked the way people ask them (round 9d): which side has more
 * (「谁要求的…多」「…比浙江少吗」), one side measured against the other
 * (「有没有像淄博那样…」), a yes/no verb before what it asks about
 * (「有没有专家评审这一步」), a question naming the other text's document
 * (「浙江的管理办法有没有规定试用期」), and a question for what there is
 * (「能享受啥扶持」) over a list whose items it does not tell apart. Questions
 * written fresh from the two texts; none is in a question set.
 */
import { describe, expect, it } from "vitest";
import { askedOf, sideQuestions } from "../src/answer/compare-sides.ts";
import { comparativeAsk, openWithLarger } from "../src/answer/which-side-more.ts";
import { sidesLackingFocus } from "../src/answer/sides-lacking-focus.ts";
import { englishComparative } from "../src/answer/english-comparative.ts";
import { useOfflineAnswerer } from "./support/offline-answerer.ts";

const LABELS = ["浙江省（省级）：", "淄博市（市级）："];

describe("reading a comparative ask", () => {
  it.each([
    ["浙江跟淄博谁的机构要求多？", "多", true, false],
    ["两边哪个考核周期更长一些", "长", true, false],
    ["淄博和浙江哪边门槛低点？", "低", false, false],
    ["淄博的条件比浙江的宽松吗", "松", false, true],
    ["浙江的周期是不是比淄博短", "短", false, true],
  ])("「%s」 → %s", (question, adjective, larger, yesNo) => {
    expect(comparativeAsk(question)).toMatchObject({ adjective, larger, yesNo });
  });

  it.each(["浙江和淄博分别要求多少家？", "两边哪个部门负责，要多久？", "浙江和淄博的门槛高吗", "淄博服务券最多给多少"])("「%s」 is no comparative", (question) => {
    expect(comparativeAsk(question)).toBeUndefined();
  });

  it("each side is asked for its own figure, without 谁 and the adjective", () => {
    expect(sideQuestions("浙江跟淄博谁要求的服务机构多？")?.map((s) => s.text)).toEqual(["浙江要求的服务机构是多少？", "淄博要求的服务机构是多少？"]);
    expect(sideQuestions("浙江的考核周期比淄博长吗")?.map((s) => s.text)).toEqual(["浙江考核周期多长时间？", "淄博考核周期多长时间？"]);
  });

  it("the opening names the side with the larger figure of a unit both lines state, and says 一样 when they agree", () => {
    const reply = (a: string, b: string): string => `${LABELS[0]}${a}\n${LABELS[1]}${b}\n\n依据：…`;
    expect(openWithLarger("两边谁要求的机构多", reply("机构20家以上（第六条（三））。", "服务点2家以上（第五条（三））。"), LABELS)).toMatch(/^浙江省（省级）的多（20家 对 2家）。\n/);
    expect(openWithLarger("两边谁要求的机构少", reply("机构20家以上。", "服务点2家以上。"), LABELS)).toMatch(/^淄博市（市级）的少（2家 对 20家）。\n/);
    expect(openWithLarger("两边谁要求的机构多", reply("机构5家以上。", "机构5家以上。"), LABELS)).toMatch(/^一样（都是5家）。\n/);
    // 「共 4 项」 counts a list's items: no measure of how strict it is.
    expect(openWithLarger("两边谁的条件严", reply("共 4 项（第六条）：", "共 3 项（第五条）："), LABELS)).not.toMatch(/的严/);
    // Nothing to compare: the reply as it was.
    expect(openWithLarger("两边谁的机构多", reply("没有这方面的规定。", "服务点2家以上。"), LABELS)).toMatch(/^浙江省（省级）：/);
  });

  it("a question naming one policy's document is asked of the other in that one's word", () => {
    expect(askedOf("浙江的管理办法有没有规定试用期？", "zhejiang", "zibo")).toBe("浙江的建设方案有没有规定试用期？");
    // an office keeps its name
    expect(askedOf("浙江省知识产权局电话多少", "zhejiang", "zibo")).toBe("浙江省知识产权局电话多少");
  });
});

describe("a comparative asked in English", () => {
  it.each([
    ["Which requires more agencies, Zhejiang or Zibo?", true, false],
    ["Does Zibo require fewer agencies than Zhejiang?", false, true],
    // more often is the shorter period; less frequent the longer
    ["Which reviews its zones more often, Zhejiang or Zibo?", false, false],
    ["Is the review less frequent in Zibo than in Zhejiang?", true, true],
  ])("「%s」 → larger %s, yes/no %s", (question, larger, yesNo) => {
    expect(englishComparative(question, /^(is|does)\b/i.test(question))).toMatchObject({ larger, yesNo });
  });

  it.each(["How many agencies does Zibo require?", "What is the minimum core area in Zhejiang?"])("「%s」 is no comparative", (question) => {
    expect(englishComparative(question, false)).toBeUndefined();
  });
});

describe("a 有-question's side lacking what is asked", () => {
  const focus = (): string[][] => [["试用期"]];
  const zj = { asked: "浙江有没有规定试用期？", refused: false, cited: "本办法自2018年1月1日起实施。" };
  const zb = { asked: "淄博有没有规定试用期？", refused: false, cited: "本办法自2020年8月25日起实施，试用期一年。" };

  it("is the side whose cited clauses do not name it while the other's do", () => {
    expect([...sidesLackingFocus("浙江有没有像淄博那样规定试用期？", [zj, zb], focus)]).toEqual([0]);
  });

  it("is no side when neither names it, when the ask is not 有, or when nothing is asked about", () => {
    expect(sidesLackingFocus("两边有没有规定试用期？", [zj, { ...zb, cited: "本办法自2020年8月25日起实施。" }], focus).size).toBe(0);
    expect(sidesLackingFocus("两边的试用期是多久？", [zj, zb], focus).size).toBe(0);
    expect(sidesLackingFocus("两边有没有规定？", [zj, zb], () => []).size).toBe(0);
  });
});

describe("answers to comparisons and one-sided questions", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("「谁…多」 opens with the side and both figures, then each side's clause", async () => {
    const text = await opening("淄博和浙江哪边要求的服务机构多一些？");
    expect(text).toMatch(/^浙江省（省级）的多（20家 对 2家）。/);
    expect(text).toContain("第六条（三）");
    expect(text).toContain("第五条（三）");
  });

  it("in English, 「Does Zibo require more agencies than Zhejiang?」 opens 「No — 」 with both figures, and no side's line says Yes", async () => {
    const r = await answerer().answer("Does Zibo require more IP service agencies than Zhejiang?");
    const lines = r.text.split("\n\n")[0]!.split("\n");
    expect(lines[0]).toBe("No — Zhejiang (provincial) has the larger figure: 20 against 2.");
    expect(lines.slice(1).join("\n")).not.toMatch(/Yes — /);
  });

  it("in English, 「Which reviews its zones more often?」 names the side with the shorter period", async () => {
    const r = await answerer().answer("Which one reviews its demonstration zones more often, Zhejiang or Zibo?");
    expect(r.text.split("\n")[0]).toBe("Zibo (municipal) does it more often: every year against every 2 years.");
  });

  it("「A 比 B 长吗」 is answered yes or no of the side named first", async () => {
    expect(await opening("淄博的认定周期比浙江的考核周期长吗？")).toMatch(/^不是，浙江省（省级）的长（每两年 对 每年度）。/);
  });

  it("「谁的条件更严」 compares the thresholds, not how many items each list has", async () => {
    expect(await opening("浙江和淄博谁对申报单位的条件要求更严？")).toMatch(/^浙江省（省级）的严（20家 对 2家）。/);
  });

  it("「多少服务机构」 asks for the count in 家", async () => {
    expect(await opening("浙江省级示范区得有多少服务机构？")).toContain("20家以上");
  });

  it("「有没有像淄博那样…」: the side whose clauses do not name the thing has none, the other has it", async () => {
    const text = await opening("浙江有没有像淄博那样给服务券？");
    expect(text).toMatch(/浙江省（省级）：没有。浙江省管理办法没有这方面的规定。/);
    expect(text).toMatch(/淄博市（市级）：有。[^\n]*服务券/);
  });

  it("a question naming the Zhejiang document about a Zibo-only rule says 没有, then gives Zibo's clause as reference", async () => {
    const r = await answerer().answer("浙江的管理办法里有没有试用期的说法？");
    expect(r.refused).toBe(true);
    expect(r.text).toMatch(/^没有。浙江省管理办法没有这方面的规定。/);
    expect(r.text).toContain("试用期一年（第十七条）");
  });

  it("「有没有X这一步」 hears 有 when the clause names X", async () => {
    expect(await opening("淄博认定示范区有没有现场考察这一环节？")).toMatch(/^有。/);
  });

  it("「能享受啥扶持」 over 第九条's items, none told apart, gets the whole list", async () => {
    const text = await opening("在淄博示范区里开代理公司，能享受到啥扶持？");
    expect(text).toMatch(/^共 5 项（第九条）/);
    // a question for what the items require is not a question for the list
    expect(await opening("淄博第九条的支持对服务机构有什么资质要求？")).not.toMatch(/^共 5 项/);
  });
});
