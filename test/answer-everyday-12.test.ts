/**
 * Round 9n: a long story told around an ask of its own; emoji, a closing 么, 没啥/啥的 and a choice asked over
 * two clauses read as chat writes them; kinds of answer come from what asks; officialese 硬杠杠; adverb+verb
 * and V够 forms; what 除了 sets aside; which side does something, asked of both; a text without a requirement the other text lists answers 「没有」 on its own list of
 * conditions. Questions written fresh from the two texts; none is in a set.
 */
import { describe, expect, it } from "vitest";
import { sideQuestions } from "../src/answer/compare-sides.ts";
import { notAmongConditions } from "../src/answer/listed-conditions.ts";
import { readSpokenForms } from "../src/answer/spoken-forms.ts";
import { splitAsks } from "../src/answer/split-asks.ts";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { quantitiesIn } from "../src/retrieval/answer-kinds.ts";
import { statesFigure } from "../src/retrieval/counting-words.ts";
import { situationSpans } from "../src/retrieval/message-clauses.ts";
import { everydayForm } from "../src/retrieval/word-forms.ts";
import { useOfflineAnswerer } from "./support/offline-answerer.ts";

const told = (q: string): string[] => situationSpans(q).map(([a, b]) => q.slice(a, b).trim());

describe("a long story around an ask of its own", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("sets the scene: its everyday words never make the ask 'not covered', nor do its words of the texts pull the answer", async () => {
    const q = "唉说来话长，我们园区去年就开始准备材料了，跑了市局好几趟，领导天天催进度，同事也换了两拨😩 浙江这边示范区到底多长时间考核一回？";
    const r = await answerer().answer(q);
    expect(r.refused, r.text).toBe(false);
    // 材料 and 市局 of the story do not turn the answer to the application materials (第九条)
    expect(r.citations[0]).toBe("zj2018:14");
    expect(r.text.split("\n\n")[0]).toContain("两年");
  });

  it("answers a choice between two bodies asked after it", async () => {
    const q = "我们是宁波的一个众创空间，资料准备得七七八八了，方案也找人改了好几稿，现在就卡在一件事上：这个申请是直接交省知识产权局，还是要先交给市里？";
    expect(await opening(q)).toContain("设区市");
  });

  it("asks no kind of answer in its small talk or situation (「家人们谁懂啊」 is no 谁, 「没啥背景」 no 背景)", async () => {
    const honours = await answerer().answer("家人们谁懂啊😭 我们园区刚挂上浙江省示范区的牌子，领导天天催台账，考核评了优秀以后到底有什么好处？");
    expect(honours.refused, honours.text).toBe(false);
    expect(honours.citations[0]).toBe("zj2018:16");
    const conditions = await answerer().answer("我们就是个小小的众创空间，民营的，没啥背景，浙江示范区对依托单位有什么条件？");
    expect(conditions.text).not.toMatch(/^您的问题有/);
    expect(conditions.text).toMatch(/^共 4 项（第六条）/);
  });

  it("keeps the story a yes/no ask is asked of (「…还没有发展规划，能申报吗」)", async () => {
    const r = await answerer().answer("我们区县有知识产权管理机制，也出了扶持政策，就是还没有知识产权服务业发展规划，能申报淄博示范区吗？");
    expect(r.citations[0]).toBe("zb2020:5.1");
    expect(r.text).toContain("规划");
  });

  it("is no story when it is one clause: that clause is what is asked about", async () => {
    const r = await answerer().answer("我们所在淄博示范区帮企业代理涉外专利案件胜诉了，维权代理费补助最高多少？");
    expect(r.refused, r.text).toBe(false);
    expect(r.citations).toContain("zb2020:9.4");
  });
});

describe("clauses as chat writes them", () => {
  it("an emoji ends a clause, a ZWJ sequence being one emoji", () => {
    expect(told("我整个人都懵了🙃浙江示范区多久考核一次？")).toEqual(["我整个人都懵了🙃"]);
    expect(told("家人们谁懂啊😭 我们园区挂牌了😮‍💨真是这样吗")).toEqual(["我们园区挂牌了😮‍💨"]);
  });

  it("a closing 么 asks; 那么/这么 inside a clause do not", () => {
    expect(told("当初没想那么多，现在还能申报么？")).toEqual(["当初没想那么多，"]);
  });

  it("没啥/没什么 (not any) and a list closed by 啥的 (and so on) ask nothing; 干啥的 and 有没有什么 do", () => {
    expect(told("我们没啥背景，能申报吗？")).toEqual(["我们没啥背景，"]);
    expect(told("有的就想单独办个年费监控啥的，托管分几种？")).toEqual(["有的就想单独办个年费监控啥的，"]);
    expect(told("这个中心是干啥的，在哪？")).toEqual([]);
    expect(told("有没有什么要求？我们没什么经验")).toEqual(["我们没什么经验"]);
  });

  it("the one place a message names is meant by the asks before it", () => {
    const asks = splitAsks("申报材料要准备哪些？淄博示范区的申报书交给谁？");
    expect(asks.map((a) => a.text)).toEqual(["淄博申报材料要准备哪些？", "淄博示范区的申报书交给谁？"]);
  });

  it("the first half of a choice asked over two clauses asks too", () => {
    expect(told("材料齐了，是直接送到市里，还是先过区县？")).toEqual(["材料齐了，"]);
  });

  it("a figure is told by digits or a counting numeral, not by the article 一", () => {
    expect(statesFigure("园区里有十八家机构")).toBe(true);
    expect(statesFigure("去年帮两家企业办了质押")).toBe(true);
    expect(statesFigure("我们是一家孵化器")).toBe(false);
    // a span of time told (「领导说每两年要考核一次」) is what a yes/no ask checks
    expect(statesFigure("领导说浙江那个示范区每两年要考核一次")).toBe(true);
    expect(statesFigure("干了快三个月")).toBe(true);
  });
});

describe("everyday wording of what is asked", () => {
  const { opening } = useOfflineAnswerer();
  const tagOf = (w: string): string => (/^[交报找凑进]$/.test(w) ? "v" : "n");

  it("an adverb glued to a verb the segmenter barely knows (先交) and V够 (凑够) read as the verb", () => {
    expect(everydayForm("先交", "n", tagOf, () => 11.4)?.base).toBe("交");
    expect(everydayForm("先进", "a", tagOf, () => 6.3)).toBeUndefined();
    expect(everydayForm("凑够", "v", tagOf)?.base).toBe("凑");
  });

  it("what 除了 sets aside is not what is asked (「除了面子好看还有什么好处」)", async () => {
    expect(await opening("浙江示范区考核优秀的，除了面子好看还有什么好处？")).toContain("优先推荐申报国家知识产权服务业集聚区");
  });

  it("officialese 硬杠杠 asks the conditions; 凑够多少家 the threshold", async () => {
    expect(await opening("申报浙江省示范区的硬杠杠有哪些？")).toMatch(/^共 4 项（第六条）/);
    expect(await opening("区里的服务机构要凑够多少家才能申报浙江示范区？")).toContain("20家以上");
  });
});

describe("a requirement one text lists and the other does not", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("is answered 没有 on the asked text's own list of conditions, quoted and cited", async () => {
    const r = await answerer().answer("淄博示范区对核心区面积有没有要求？");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/^没有。[^\n]*第五条列出的示范区条件中没有这一项/);
    expect(r.citations).toContain("zb2020:5");
    // Zhejiang's figure follows, for reference only
    expect(r.text).toMatch(/供参考[\s\S]*1000平方米/);
  });

  it("after a question on the other text, too (「那淄博呢？」)", async () => {
    const lead = await opening("那淄博呢？", [{ question: "浙江示范区核心区面积要多大？" }]);
    expect(lead).toMatch(/淄博.*没有这方面的要求：第五条列出的示范区条件中没有这一项/);
  });

  it("and in English, citing Article 5", async () => {
    const r = await answerer().answer("Does Zibo require a minimum core area for its demonstration zones?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/^No — the Zibo Construction Plan[^\n]*its conditions \(Article 5\)/);
    expect(r.citations).toContain("zb2020:5");
  });

  it("side by side, in Chinese and in English", async () => {
    const zh = await answerer().answer("浙江和淄博两边都对示范区核心区面积有要求吗？");
    expect(zh.text).toMatch(/淄博市（市级）：没有。淄博市建设方案没有这方面的规定（第五条列出的示范区条件中没有这一项）。/);
    expect(zh.citations).toContain("zb2020:5");
    const en = await answerer().answer("Do the Zhejiang and Zibo demonstration zones both require a minimum core area?");
    expect(en.text).toMatch(/Zibo \(municipal\): No — [^\n]*its conditions \(Article 5\) include no such requirement\./);
  });

  it("is not how an out-of-scope requirement is answered", async () => {
    const r = await answerer().answer("淄博高新技术企业认定对知识产权有什么要求？");
    expect(r.refused, r.text).toBe(true);
    expect(r.citations).not.toContain("zb2020:5");
    // only a list of the zone's own conditions says which of them a question's item is
    const pieces = listPieces();
    expect(notAmongConditions(pieces, "zb2020", ["zb2020:9.1"])).toBeUndefined();
    expect(notAmongConditions(pieces, "zb2020", ["zj2018:6.3"])?.citation).toBe("zb2020:5");
  });
});

describe("where to hand in, asked as a choice", () => {
  const { opening } = useOfflineAnswerer();

  it("opens with the clause naming the body, not the form's name (「申报书交给区县还是市里」)", async () => {
    expect(await opening("申报书交给区县还是市里？")).toMatch(/^向辖区内区县知识产权管理部门提出申报申请/);
  });
});

describe("which side does something, asked of both", () => {
  const { answerer } = useOfflineAnswerer();
  const sides = (q: string): string[] => sideQuestions(q)!.map((s) => s.text);

  it("is asked of each side as whether it does, of its own document", () => {
    expect(sides("浙江的办法和淄博的方案，哪一个写了具体的资金补助金额？")).toEqual([
      "浙江的管理办法写了具体的资金补助金额吗？",
      "淄博的建设方案写了具体的资金补助金额吗？",
    ]);
    expect(sides("浙江跟淄博比，谁对示范区核心区面积有硬性要求？")).toEqual(["浙江对示范区核心区面积有硬性要求吗？", "淄博对示范区核心区面积有硬性要求吗？"]);
    // 谁 as what is asked of each side stays
    expect(sides("浙江和淄博分别由谁负责解释？")).toEqual(["浙江由谁负责解释？", "淄博由谁负责解释？"]);
  });

  it("answers side by side, the side without it saying so", async () => {
    const r = await answerer().answer("浙江的办法和淄博的方案，哪一个写了具体的资金补助金额？");
    expect(r.refused, r.text).toBe(false);
    const [zhejiang, zibo] = r.text.split("\n");
    expect(zhejiang).toMatch(/^浙江省（省级）：.*没有这方面的规定/);
    expect(zibo).toMatch(/^淄博市（市级）：.*万元/);
  });
});

/**
 * Written after blind18's two runs, from its failing colloquial and off-topic questions (blind18 is a
 * development set from here on); the questions below are new.
 */
describe("dialect, chat and indefinite words", () => {
  const { answerer } = useOfflineAnswerer();

  it("reads Sichuan 好多 (how much, before a question mark) and 莫得, Cantonese 咩 and 着数, chat's zf and thx", () => {
    expect(readSpokenForms("能拿好多嘛？")).toBe("能拿多少嘛？");
    expect(readSpokenForms("园区里好多机构")).toBe("园区里好多机构");
    expect(readSpokenForms("莫得非正常申请")).toBe("没有非正常申请");
    expect(readSpokenForms("有咩着数？系唔系真嘅咩？")).toBe("有什么好处？是不是真的吗？");
    expect(readSpokenForms("zf最多给多少 thx")).toBe("政府最多给多少 ");
  });

  it("reads Sichuan 好大/好久 in an ask, northern 俩, 这疙瘩 and 搁, Wu 勿, 拎勿清 and 伐要", () => {
    expect(readSpokenForms("核心区到底要好大面积才得行哦？")).toBe("核心区到底要多大面积才得行哦？");
    expect(readSpokenForms("好大的园区")).toBe("好大的园区");
    expect(readSpokenForms("俺们这疙瘩园区搁淄博张店，就这俩够不够数啊？")).toBe("我们这里园区在淄博张店，就这两个够不够数啊？");
    expect(readSpokenForms("我拎勿清，伐要搞错，交到啥地方去？")).toBe("我弄不清，不要搞错，交到什么地方去？");
  });

  it("谁也/谁都 and 什么都 ask nothing", () => {
    expect(told("最后谁也说服不了谁，核心区面积最少得多大？")).toEqual(["最后谁也说服不了谁，"]);
    expect(told("我们什么都没准备，申报要交哪些材料？")).toEqual(["我们什么都没准备，"]);
  });

  it("a verb of wondering (寻思, 琢磨) only introduces the ask", async () => {
    const r = await answerer().answer("领导让俺琢磨申报浙江省示范区的事儿，俺就寻思得有多少家知识产权服务机构才够格啊？");
    expect(r.refused, r.text).toBe(false);
    expect(r.text.split("\n")[0]).toContain("20家以上");
  });

  it("a way to reach an office is never in the texts, alone or as a compound's head", async () => {
    for (const q of ["淄博市知识产权事业发展中心的办公电话是多少？有事想问问", "省知识产权局管示范区的处室邮箱是什么？"]) {
      const r = await answerer().answer(q);
      expect(r.refused, r.text).toBe(true);
      expect(r.text).toMatch(/^[^\n]*没有写到[^\n]*“[^”]*(电话|邮箱)”/);
    }
  });
});

/** Written after blind20's two runs, from its failing lines (blind20 is a development set from here on); the questions below are new. */
describe("figures, periods and validity as people state them", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("1200平 is an area; 这两项/那几家 point back and state no figure", () => {
    expect(quantitiesIn("核心区有一千二百平，服务机构18家，这两项够吗").map((q) => q.text)).toEqual(["一千二百平", "18家"]);
    expect(quantitiesIn("3平台")).toEqual([]);
  });

  it("works an area stated as 平 against the threshold", async () => {
    expect(await opening("我们核心区900平，服务机构25家，按浙江的办法这两项哪项不达标？")).toMatch(/核心区面积 900 平方米，少于 1,000 平方米/);
  });

  it("「批下来以后多久考核一次」 asks a period, not a wait", async () => {
    expect(await opening("浙江示范区批下来以后多久考核一次？")).toContain("每两年考核一次");
  });

  it("a validity asked with the asker's plan is tied to the clause stating the trial", async () => {
    const r = await answerer().answer("我们计划2021年12月拿淄博这个试行方案去报，到那时候方案还在试用期里吗？");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/^不在试用期内/);
  });
});
