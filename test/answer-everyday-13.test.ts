/**
 * Round 9o: a message that checks what the asker was told (who told it and the words that doubt it are no topic;
 * the claim is confirmed or corrected); what a zone or district gains (`#benefit`); how many zones there are
 * (`#tally`), which neither text states; 那么几家/好几年 ask no figure; an English term whose Chinese the texts never
 * use is named in the refusal. Questions written fresh from the two texts; none is in a set.
 */
import { describe, expect, it } from "vitest";
import { splitAsks } from "../src/answer/split-asks.ts";
import { yesNoAsk } from "../src/answer/yes-no-ask.ts";
import { questionKindTerms } from "../src/retrieval/answer-kinds.ts";
import { checkedClaim, doubtSpans, reportedSourceSpans } from "../src/retrieval/hearsay.ts";
import { useOfflineAnswerer } from "./support/offline-answerer.ts";

const sources = (q: string): string[] => reportedSourceSpans(q).map(([a, b]) => q.slice(a, b));

describe("a claim the asker heard and checks", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("reads who told it, not what a text says nor how it is put", () => {
    expect(sources("我们主任说淄博示范区是每两年认定一次的")).toEqual(["我们主任"]);
    expect(sources("听隔壁所的老哥说淄博给钱")).toEqual(["隔壁所的老哥"]);
    expect(sources("听说浙江的示范区有名额")).toEqual([]);
    expect(sources("办法里说依托单位要有法人资格")).toEqual([]);
    expect(sources("浙江示范区的考核怎么说")).toEqual([]);
    expect(sources("说实话我也不懂，说明书在哪")).toEqual([]);
  });

  it("finds the claim before the doubt, and none when what comes before asks for something", () => {
    expect(checkedClaim("听说淄博示范区每两年认定一次，是真的吗？")).toBe("淄博示范区每两年认定一次，");
    expect(checkedClaim("淄博那边服务机构弄个省级示范品牌能拿多少钱，靠谱不？")).toBeUndefined();
    expect(checkedClaim("淄博示范区每年认定一次吗？")).toBeUndefined();
    expect(doubtSpans("我寻思是不是听岔了").length).toBe(1);
  });

  it("corrects a wrong claim with 不对 and the clause that says otherwise", async () => {
    const r = await answerer().answer("我们主任说淄博示范区是每两年认定一次的，我是不是听错了？");
    expect(r.refused, r.text).toBe(false);
    expect(r.citations[0]).toBe("zb2020:12");
    expect(r.text).toMatch(/^不对。[^\n]*每年度认定一次/);
  });

  it("confirms a right claim with 没错, whoever told it and however long the chatter", async () => {
    const q = "刚被拉进群，群里有人讲浙江的示范区每两年考核一回，这话靠谱吗";
    expect(await opening(q)).toMatch(/^没错。[^\n]*每两年考核一次/);
    const r = await answerer().answer("前几天开会，隔壁园区的老哥跟我说，淄博新考下专利代理师证书的一次性给1万，真的假的？");
    expect(r.refused, r.text).toBe(false);
    expect(r.citations[0]).toBe("zb2020:9.2");
    expect(r.text).toMatch(/^没错。/);
  });

  it("says 不对 to a wrong amount heard", async () => {
    expect(await opening("听说淄博对新拿到专利代理师证书的每人一次性给3万，靠谱吗？")).toMatch(/^不对。[^\n]*1万元/);
  });

  it("answers the asked yes/no in its own verb when nothing heard is checked", () => {
    expect(yesNoAsk("淄博示范区是每年认定一次吗？")).toEqual({ yes: "是", no: "不是" });
    expect(yesNoAsk("听说淄博示范区每两年认定一次，是真的吗？")).toEqual({ yes: "没错", no: "不对" });
  });
});

describe("what a zone or its district gains", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("is asked in words the texts never use and answered by a clause that grants something", async () => {
    const r = await answerer().answer("浙江的示范区考核拿了优秀，能捞到啥实惠？");
    expect(r.refused, r.text).toBe(false);
    expect(r.citations[0]).toBe("zj2018:16");
    expect(r.text.split("\n\n")[0]).toContain("优先推荐");
    expect(await opening("淄博示范区认定优秀有啥buff加成？")).toContain("优先推荐");
  });

  it("reads the kind off the question", () => {
    expect(questionKindTerms("对区县自己有啥好处没")).toContain("#benefit");
    expect(questionKindTerms("淄博示范区认定几次")).not.toContain("#benefit");
  });
});

describe("how many zones there are", () => {
  const { answerer } = useOfflineAnswerer();

  it("is no clause of either text: said plainly, in Chinese and in English", async () => {
    for (const q of ["浙江到现在一共评了几个示范区？", "淄博目前已经认定的示范区有哪些？"]) {
      const r = await answerer().answer(q);
      expect(r.refused, q).toBe(true);
      expect(r.text).toContain("已认定示范区的数量或名单");
    }
    const en = await answerer().answer("How many zones has Zibo designated so far?");
    expect(en.refused).toBe(true);
    expect(en.text).toMatch(/^Neither policy states how many zones have been designated/);
  });

  it("leaves the rules on how often zones are named answered", async () => {
    const r = await answerer().answer("淄博示范区一年认定几次？");
    expect(r.refused).toBe(false);
    expect(r.citations[0]).toBe("zb2020:12");
  });
});

describe("counting words that ask nothing", () => {
  const { opening } = useOfflineAnswerer();

  it("那么几家 and 好几年 state no count and ask no period", () => {
    expect(questionKindTerms("每年就批那么几家，是不是凉凉了")).not.toContain("#qty:家");
    expect(questionKindTerms("我们干了好几年了，淄博示范区给多少钱")).not.toContain("#period");
    expect(questionKindTerms("浙江示范区几年考核一次")).toContain("#period");
    expect(questionKindTerms("要几家服务机构")).toContain("#qty:家");
  });

  it("reads a quota as the number of zones the texts weigh", async () => {
    expect(await opening("浙江评示范区每年有名额限制吗？")).toContain("成熟一家，审定一家");
  });
});

describe("an English term the texts never use", () => {
  const { answerer } = useOfflineAnswerer();

  it("is named in the refusal", async () => {
    const r = await answerer().answer("Do applicants have to pay an application fee in Zhejiang?");
    expect(r.refused).toBe(true);
    expect(r.text).toMatch(/^Neither policy (says anything about "application fee"|states any fee or charge)/);
  });

  it("leaves a fee the texts do name answered", async () => {
    const r = await answerer().answer("Does Zibo cover agency fees for IP litigation?");
    expect(r.refused).toBe(false);
    expect(r.citations[0]).toBe("zb2020:9.4");
  });
});

describe("asks in one message that lean on each other", () => {
  const { answerer } = useOfflineAnswerer();
  const part = (text: string, n: number): string => text.split(/\n\n(?=\d\. )/u)[n]!;

  it("carries the figure the asker states first to a later ask of the same measure", async () => {
    const asks = splitAsks("我们区目前只有3家知识产权服务机构。够不够淄博的数量要求？要是按浙江省的标准，还差几家？");
    expect(asks).toHaveLength(2);
    expect(asks[1]!.text).toContain("3家");
    // a later ask with a figure of its own, or of another measure, takes none
    expect(splitAsks("园区有3家机构，淄博要几家？核心区多大？")[1]!.text).not.toContain("3家");
    const r = await answerer().answer("我们区目前只有3家知识产权服务机构。够不够淄博的数量要求？要是按浙江省的标准，还差几家？");
    expect(part(r.text, 2)).toContain("还差 17 家");
  });

  it("reads a bare 「淄博呢？」 with the ask before it, and an ask of its own as it stands", async () => {
    const r = await answerer().answer("浙江示范区多久考核一次？淄博呢？");
    expect(part(r.text, 2)).toMatch(/每年度认定一次[^\n]*第十二条/);
    const three = await answerer().answer("我们园区有12家服务机构，浙江要求多少家？淄博呢？核心区要多大？");
    expect(part(three.text, 2)).toContain("不少于 2 家");
    // asked of 淄博, which has none: said so, with 浙江's provision for reference rather than a bare 「没有写到」
    expect(part(three.text, 3)).toContain("淄博市建设方案没有这方面的规定");
    expect(part(three.text, 3)).toContain("1000平方米");
    expect(three.citations).toContain("zj2018:6.3");
  });
});
