/**
 * Everyday wording met in round 9e, each read by a general rule: money to be
 * had (有钱拿), the spoken pro-verbs' way of doing (搞法), what work there is
 * (忙啥), 干嘛 as a question word, moving in (入驻), changing a plan (改 →
 * 调整), a short name a text defines (工作方案 → 《建设方案》), 怎么办 after
 * what the asker means to do, and a trimmed sentence that never ends on a part
 * that only sets a time (「…审核后」). Questions written fresh from the two
 * texts; none is in a question set.
 */
import { describe, expect, it } from "vitest";
import { readSpokenForms } from "../src/answer/spoken-forms.ts";
import { yesNoAsk } from "../src/answer/yes-no-ask.ts";
import { definedShortNames, fullNamesUsedIn } from "../src/retrieval/defined-short-names.ts";
import { clauseKindTerms, questionKindTerms } from "../src/retrieval/answer-kinds.ts";
import { otherLevelZone } from "../src/answer/detect-other-level.ts";
import { sameOrDifferentAsk, sidesAgree } from "../src/answer/same-or-different.ts";
import { everydayForm } from "../src/retrieval/word-forms.ts";
import { getTokenizer } from "../src/retrieval/tokenizer.ts";
import { createTopicCoverage } from "../src/retrieval/topic-coverage.ts";
import { readEnglishQuestion } from "../src/answer/english-question.ts";
import { useOfflineAnswerer } from "./support/offline-answerer.ts";

describe("reading the question", () => {
  it("spoken forms: money to be had, a way of doing with 搞/弄/整, what work there is", () => {
    expect(readSpokenForms("考了证有钱拿吗")).toBe("考了证有支持吗");
    expect(readSpokenForms("没钱领了吗")).toBe("没支持了吗");
    expect(readSpokenForms("申报有几种弄法")).toBe("申报有几种方式");
    expect(readSpokenForms("建设单位平时忙啥")).toBe("建设单位平时有哪些工作");
    // 办法 is a word of the texts (本办法), not a way of doing
    expect(readSpokenForms("这个办法谁解释")).toBe("这个办法谁解释");
  });

  it("干嘛 asks for a thing, not yes or no; 想干嘛 and 是干嘛的 ask the purpose", () => {
    expect(yesNoAsk("浙江弄这个示范区是想干嘛")).toBeUndefined();
    expect(questionKindTerms("淄博搞示范区是想干嘛")).toContain("#purpose");
    expect(questionKindTerms("示范区是干什么的")).toContain("#purpose");
    expect(questionKindTerms("申报前要干什么")).not.toContain("#purpose");
  });

  it("怎么办 after what the asker means to do asks how, not what follows; after an outcome it asks what follows", () => {
    expect(questionKindTerms("我们打算调整指标怎么办")).not.toContain("#consequence");
    expect(questionKindTerms("认定没通过怎么办")).toContain("#consequence");
  });

  it("a short name defined in 《》 is read with its full name; one in quotes is not", () => {
    const defined = definedShortNames("制定《某某示范区建设工作方案》（以下简称《建设方案》），并……；制定某方案（以下简称“示范区”）。");
    expect(defined).toEqual([{ full: "某某示范区建设工作方案", short: "建设方案" }]);
    expect(fullNamesUsedIn("《建设方案》是考核的重要依据", defined)).toEqual(["某某示范区建设工作方案"]);
    expect(fullNamesUsedIn("示范区每两年考核一次", defined)).toEqual([]);
  });
});

describe("reading words", () => {
  const tagOf = (w: string): string => getTokenizer().tagOf(w);

  it("a negated verb or preposition the segmenter kept whole is read as the word under the negation", () => {
    expect(everydayForm("不在", "v", tagOf)?.base).toBe("在");
    expect(everydayForm("不算", "v", tagOf)?.base).toBe("算");
  });

  it("进/进去 are directional complements like 到 and 下来", () => {
    expect(everydayForm("写进去", "v", tagOf)?.base).toBe("写");
  });

  it("a one-character noun matches a compound of the text it heads", () => {
    const topic = createTopicCoverage(getTokenizer());
    const [ticket] = topic.weightedWords("券").filter((w) => w.word === "券");
    expect(topic.matchWord(ticket!, new Set(["服务券"]))).toBeGreaterThan(0);
    expect(topic.matchWord(ticket!, new Set(["服务机构"]))).toBe(0);
  });

  it("kinds: 〔2018〕132号 is a document number; 「A和B谁」 asks which side", () => {
    expect(clauseKindTerms("淄政办字〔2018〕132号")).toContain("#docno");
    expect(questionKindTerms("那个意见的文号是多少")).toContain("#docno");
    expect(questionKindTerms("浙江和淄博谁有具体措施")).not.toContain("#who");
    expect(questionKindTerms("这事谁负责")).toContain("#who");
  });

  it("a national scheme named inside a document's title is not a zone of another level", () => {
    expect(otherLevelZone("《国家知识产权服务业集聚发展区工作实施办法》文号是多少")).toBeUndefined();
    expect(otherLevelZone("国家知识产权服务业集聚发展区怎么申报")).toBeDefined();
  });

  it("「是同一个部门吗」 is answered by the bodies the two lines name", () => {
    const ask = sameOrDifferentAsk("两边是同一个部门负责解释的吗");
    expect(ask).toMatchObject({ same: "是", different: "不是", bodies: true });
    const none = /没有这方面的规定/;
    expect(sidesAgree(["浙江省（省级）：本办法由省知识产权局负责解释", "淄博市（市级）：本办法由市知识产权事业发展中心负责解释"], none, true)).toBe("different");
    expect(sidesAgree(["甲：由省知识产权局组织实施", "乙：由省知识产权局负责解释"], none, true)).toBe("same");
  });

  it("English domain terms of the texts are in the glossary (matching funds, incubator, integration)", () => {
    expect(readEnglishQuestion("Does the plan require matching funds?").chinese).toContain("配套资金");
    expect(readEnglishQuestion("Can an incubator apply?").chinese).toContain("孵化器");
    expect(readEnglishQuestion("What integration with local industry is sought?").chinese).toContain("融合");
  });
});

describe("answers", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("a new attorney's certificate, asked as 代理师 and 有钱拿, is answered with the one-off support", async () => {
    expect(await opening("所里代理师刚考出来证书，有钱拿吗")).toMatch(/^有。.*专利代理师证书.*一次性1万元/);
  });

  it("an agency moving in (入驻) is answered with the clause for agencies that 进驻 the zone", async () => {
    expect(await opening("代理机构入驻淄博示范区以后评上国家级示范品牌，给多少")).toMatch(/20\s?万元/);
  });

  it("「几种搞法」 of custody gets the three ways", async () => {
    expect(await opening("专利托管有几种搞法")).toMatch(/完全式.*顾问式.*单项式/);
  });

  it("「平时要忙啥」 of the host unit gets the list of its work, not the lead alone", async () => {
    const text = await opening("浙江的依托单位平时都忙啥");
    expect(text).toMatch(/^共 6 项（第七条）/);
    expect(text).toMatch(/（六）深化国际交流/);
  });

  it("「想干嘛」 is answered with the purpose, never with 「是。」", async () => {
    const text = await opening("淄博弄这个示范区到底是想干嘛");
    expect(text).not.toMatch(/^是。/);
    expect(text).toMatch(/第二条|建设方案（试行）/);
  });

  it("abroad said as 国外 finds the clause on overseas agencies", async () => {
    expect(await opening("示范区要跟国外的服务机构合作吗")).toMatch(/海外知名服务机构合作/);
  });

  it("changing the plan's targets midway, in everyday words, gets the adjustment sentence whole on both sides", async () => {
    const text = await opening("建设方案做到一半想改指标，咋办");
    expect(text).toMatch(/指标调整/);
    expect(text).toMatch(/报市知识产权事业发展中心同意（第十四条）/);
    expect(text).toMatch(/报省知识产权局同意（第十六条）/);
    expect(text).not.toMatch(/限期整改/);
  });

  it("questions with 不在/里头 or the bare 券 are not refused for those words", async () => {
    expect(await opening("我们所不在淄博示范区里头，那些补贴能拿不")).toMatch(/示范区内/);
  });

  it("a follow-up that switches the place and asks whether both sides name the same body answers both sides", async () => {
    const r = await answerer().answer("那浙江呢？两边是同一个部门吗", { history: [{ question: "淄博的示范区办法由谁负责解释？" }] });
    expect(r.refused).toBe(false);
    const text = r.text.split("\n\n")[0]!;
    expect(text).toMatch(/^不是。/);
    expect(text).toMatch(/省知识产权局负责解释/);
    expect(text).toMatch(/市知识产权事业发展中心负责解释/);
  });

  it("a document number asked of a cited document is read off the preamble", async () => {
    expect(await opening("淄博方案引用的《国家知识产权服务业集聚发展区工作实施办法》文号是多少？")).toMatch(/〔2014〕40号/);
  });

  it("Zhejiang's 工作方案 is the 《建设方案》 its later articles speak of", async () => {
    expect(await opening("浙江的工作方案里的指标要变更，怎么弄")).toMatch(/指标调整.*报省知识产权局同意/);
  });
});
