/**
 * Round 9j: the asker's story told beside an ask that says everything itself weighs nothing
 * (askerContextSpans); keeping or losing a title is asked as a consequence, not a condition; asks
 * typed as one run with no punctuation are cut where one ends (run-on-asks.ts); 「那淄博呢？」 after a
 * list of conditions is answered by the other text's list; an English yes/no question asks about the
 * object of its verb; a date or place no best clause states is not covered; more spoken and regional
 * forms (阿拉, 有戏, 说了算, 想知道…, V个); no verdict on a gradable adjective the texts do not judge; a
 * mistyped noun stopword (事范区); a kind the asker is, found in a clause's list, said to be listed; a
 * greeting or address alone is small talk; the asker's figure in a clause's unit needs no vector
 * similarity in the coverage band; 「3个小伙伴」 counts attorneys. Questions written fresh from the two texts; none is in a set.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { listedMember } from "../src/answer/listed-member.ts";
import { DEFAULT_THRESHOLDS } from "../src/answer/refusal-gate.ts";
import { punctuateRunOnAsks, type AskReader } from "../src/answer/run-on-asks.ts";
import { readSpokenForms } from "../src/answer/spoken-forms.ts";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { questionKindTerms } from "../src/retrieval/answer-kinds.ts";
import { localEmbeddingChoice } from "../src/retrieval/create-embeddings.ts";
import { askerContextSpans, situationSpans, smallTalkSpans } from "../src/retrieval/message-clauses.ts";
import { createPolicyIndex } from "../src/retrieval/policy-index.ts";
import { everydayForm } from "../src/retrieval/word-forms.ts";
import type { PolicyIndex } from "../src/retrieval/passage.types.ts";
import { useOfflineAnswerer } from "./support/offline-answerer.ts";

describe("the asker's story beside a self-contained ask", () => {
  const { answerer, opening } = useOfflineAnswerer();
  const ask = (q: string) => answerer().answer(q);
  const context = (q: string, ownWords: (t: string) => string[], leansBack = false): string[] =>
    askerContextSpans(q, situationSpans(q), ownWords, () => leansBack).map(([a, b]) => q.slice(a, b).replace(/[，。？]/g, ""));

  it("is context only when the ask asks for something, names the programme and has words of its own", () => {
    const two = () => ["考核", "结果"];
    expect(context("浙江示范区考核结果分几档？我们刚搬了新办公室。", two)).toEqual(["我们刚搬了新办公室"]);
    // A yes/no ask is asked of the situation told with it.
    expect(context("我们园区高校不多，会影响申报浙江示范区吗？", two)).toEqual([]);
    // 补贴 alone leaves what it is for to the situation.
    expect(context("我们公司要交年费，淄博示范区有什么补贴？", () => ["补贴"])).toEqual([]);
    // An ask pointing back (它) leans on what was said before it.
    expect(context("淄博这个方案是试行的，它的优惠政策有哪些？", two, true)).toEqual([]);
    // A figure is what an ask about the asker's numbers is about.
    expect(context("我们有3家服务机构，申报淄博示范区的数量要求是多少？", two)).toEqual([]);
  });

  it("answers an ask padded with the asker's own news", async () => {
    expect(await opening("浙江示范区考核结果分几档？我们是做版权代理的，今年刚搬了新办公室，人手也不够。")).toContain("三档");
  });

  it("still refuses what the texts lack, however the story runs", async () => {
    const r = await ask("淄博示范区的税收优惠有哪些？我们是做商标代理的，在张店，刚起步。");
    expect(r.refused).toBe(true);
    expect(r.text).toContain("税收");
  });
});

describe("the crowd addressed before the ask", () => {
  const { opening } = useOfflineAnswerer();

  it("「大伙谁知道」「群里有人知道」 are no part of what is asked", async () => {
    expect(await opening("大伙谁知道淄博示范区多久认定一次")).toContain("每年度认定一次");
    expect(await opening("群里有人知道浙江示范区考核结果分几档吗")).toContain("三档");
  });
});

describe("keeping or losing a title", () => {
  const { opening } = useOfflineAnswerer();

  it("is a consequence, not the conditions to earn it", async () => {
    expect(questionKindTerms("评了个不合格还能保住资格吗")).toContain("#consequence");
    expect(questionKindTerms("评了个不合格还能保住资格吗")).not.toContain("#condition");
    expect(questionKindTerms("申报淄博示范区有什么资格要求")).toContain("#condition");
    expect(await opening("淄博示范区认定不合格，还能保住资格吗")).toContain("限期整改");
  });
});

describe("asks typed as one run", () => {
  let index: PolicyIndex;
  beforeAll(async () => {
    index = await createPolicyIndex({ pieces: listPieces(), embedding: localEmbeddingChoice() });
  }, 60_000);
  const reader = (): AskReader => ({
    bestClause: async (q) => (await index.search(q, 3)).reduce<{ id: string; coverage: number } | undefined>((a, p) => (a && a.coverage >= p.coverage ? a : p), undefined),
    line: DEFAULT_THRESHOLDS.minCoverage,
    taggedWords: (t) => index.taggedWords(t),
  });
  const punctuate = (q: string) => punctuateRunOnAsks(q, reader());

  it("are cut where one ask ends and the next begins", async () => {
    expect(await punctuate("淄博的示范区每年认定几次认定结果分几档")).toBe("淄博的示范区每年认定几次，认定结果分几档");
    expect(await punctuate("浙江示范区依托单位要具备哪些条件多久考核一次")).toBe("浙江示范区依托单位要具备哪些条件，多久考核一次");
    expect(await punctuate("浙江的办法哪天实施淄博的方案哪天实施")).toBe("浙江的办法哪天实施，淄博的方案哪天实施");
    // A word said twice in a row marks the seam.
    expect(await punctuate("浙江示范区什么时候开始考核考核什么内容")).toBe("浙江示范区什么时候开始考核，考核什么内容");
  });

  it("a single ask with two question words stays whole", async () => {
    expect(await punctuate("哪一档能拿多少钱")).toBe("哪一档能拿多少钱");
    expect(await punctuate("淄博哪些机构能拿多少补贴")).toBe("淄博哪些机构能拿多少补贴");
    expect(await punctuate("淄博的示范区哪些服务机构能拿多少补贴")).toBe("淄博的示范区哪些服务机构能拿多少补贴");
    // What a classifier counts stays with it (几件发明专利).
    expect(await punctuate("淄博对代理几件发明专利的机构给多少奖励")).toBe("淄博对代理几件发明专利的机构给多少奖励");
    // Punctuated asks are split-asks' to cut, not this.
    expect(await punctuate("淄博每年认定几次？认定结果分几档？")).toBe("淄博每年认定几次？认定结果分几档？");
  });

  const { answerer } = useOfflineAnswerer();
  it("each ask is answered under its number", async () => {
    const r = await answerer().answer("浙江示范区依托单位要具备哪些条件多久考核一次");
    expect(r.text).toContain("您的问题有 2 问");
    expect(r.text).toContain("每两年考核一次");
    expect(r.citations).toEqual(expect.arrayContaining(["zj2018:6", "zj2018:14"]));
  });
});

describe("the other text's list after a list", () => {
  const { answerer } = useOfflineAnswerer();

  it("「那淄博呢？」 after Zhejiang's host conditions gets Zibo's conditions", async () => {
    const first = await answerer().answer("申报浙江示范区的依托单位得满足啥条件");
    const history = [{ question: "申报浙江示范区的依托单位得满足啥条件", answer: first.text, citations: first.citations, jurisdictions: first.jurisdictions }];
    const r = await answerer().answer("淄博呢？", { history });
    expect(r.refused, r.text).toBe(false);
    expect(r.citations[0]).toBe("zb2020:5");
    expect(r.text).toContain("相应的规定");
  });
});

describe("an English yes/no question asks about its verb's object", () => {
  const { answerer } = useOfflineAnswerer();
  const ask = (q: string) => answerer().answer(q);

  it("refuses an object the texts never name", async () => {
    const r = await ask("Does Zhejiang reimburse patent annuity fees for zone agencies?");
    expect(r.refused).toBe(true);
    expect(r.text).toContain("annuity");
  });

  it("answers one they do, subsidise and collaboration read as the texts' words", async () => {
    const loans = await ask("Does Zibo subsidise securitisation projects?");
    expect(loans.refused, loans.text).toBe(false);
    expect(loans.citations).toContain("zb2020:9.1");
    const abroad = await ask("Does the Zibo plan call for collaboration with overseas agencies?");
    expect(abroad.text.startsWith("Yes")).toBe(true);
    expect(abroad.citations).toContain("zb2020:6.6");
  });
});

describe("a date or a place no clause states", () => {
  const { answerer } = useOfflineAnswerer();

  it("is not answered by the clause that matched best", async () => {
    const r = await answerer().answer("浙江示范区今年的申报截止日期是哪天？");
    expect(r.refused).toBe(true);
    expect(r.text).toContain("具体日期");
    // A date the texts do state is answered.
    expect((await answerer().answer("淄博的方案哪天起实施？")).text.split("\n")[0]).toContain("2020年8月25日");
  });
});

describe("spoken and regional forms", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("are read as the texts' words", () => {
    expect(readSpokenForms("侬好，阿拉想问个事体")).toBe("你好，我们想问个事情");
    expect(readSpokenForms("麻烦问下淄博示范区每年认定几次")).toBe("淄博示范区每年认定几次");
    expect(readSpokenForms("俺们这经开区有戏没")).toBe("我们这经开区可以吗");
    expect(readSpokenForms("省局还是市局说了算")).toBe("省局还是市局确定");
    expect(readSpokenForms("照着哪个文件定的")).toBe("根据哪个文件定的");
    expect(readSpokenForms("帮我捋一哈")).toBe("帮我捋一下");
  });

  it("answer what they ask", async () => {
    expect(await opening("侬好，阿拉想报浙江示范区，核心区面积要多大啊")).toContain("1000平方米");
    expect(await opening("想知道浙江那个办法当初是照着哪个文件定的呀")).toContain("根据");
    // V个 is the verb (评个优秀 → 评), and a clause after a colon is a clause of its own.
    expect(everydayForm("评个", "v", () => "v")).toEqual({ base: "评", tag: "v" });
    expect(await opening("那浙江那边评个优秀也能优先推荐去国家级不？")).toContain("优先推荐");
  });

  it("a gradable adjective asked (难不难) gets no verdict the texts do not make", async () => {
    const r = await answerer().answer("浙江示范区考核评个优秀难不难");
    expect(r.text.startsWith("难。")).toBe(false);
    // 看不看 is settled by the sentence naming what is looked at.
    expect(await opening("淄博认定的时候看不看体制机制方面的经验")).toMatch(/^看。/);
  });
});

describe("a mistyped character that is a noun stopword", () => {
  const { answerer } = useOfflineAnswerer();

  it("事范区 is 示范区, also right after 淄博", async () => {
    const r = await answerer().answer("淄博事范区每年认定几次？");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toContain("按“示范区”理解了“事范区”");
    expect(r.text).toContain("每年度认定一次");
  });
});

describe("a kind the asker is, listed among others", () => {
  const { answerer } = useOfflineAnswerer();

  it("is said to be listed, answering by kind only, without a yes the rest of the conditions would have to earn", async () => {
    const r = await answerer().answer("俺们是国有的大学科技园，能当浙江示范区的依托单位不？");
    const opening = r.text.split("\n")[0]!;
    expect(opening.startsWith("就类型而言能：“大学科技园”属于这一项所列的类型（其余条件见本条各项）：")).toBe(true);
    expect(opening.startsWith("能。")).toBe(false);
  });

  it("only for a kind the asker is or asks about, not any word a list holds", () => {
    const sentence = "考核结果分为优秀、合格和不合格三档";
    expect(listedMember("评砸了牌子会不会被摘，是不是不合格就完了", sentence, ["合格", "不合格"])).toBeUndefined();
    expect(listedMember("我们是众创空间，能当依托单位吗", "科技企业孵化器、众创空间、科技大市场等创新创业载体", ["众创空间", "依托单位"])).toBe("众创空间");
  });
});

describe("the asker's own numbers, in everyday words", () => {
  const { opening } = useOfflineAnswerer();

  it("a greeting or address alone is no part of the question", async () => {
    expect(smallTalkSpans("家人们，我们园区有15家服务机构，还差几家")).toEqual([[0, 4]]);
    expect(await opening("老铁们，我们园区入驻了12家知识产权服务机构，想报浙江那个示范区，还差几家啊")).toContain("还差 8 家");
  });

  it("people counted with 个 before 代理师", async () => {
    expect(await opening("我们所今年有2个同事新考下了专利代理师证，淄博一共能给多少")).toContain("2 万元");
  });
});

describe("which level a zone is", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("asked as a choice of levels, in Chinese with a closing 哈 or in English, is answered by 第二条", async () => {
    expect(await opening("淄博整的这个示范区是市级的还是省级的哈")).toContain("市级示范区");
    const en = await answerer().answer("Is a Zibo demonstration zone a city-level or a provincial-level designation?");
    expect(en.citations[0]).toBe("zb2020:2");
    // A choice of two is no yes/no question.
    expect(en.text.startsWith("Yes")).toBe(false);
    expect(en.text.split("\n")[0]).toContain("municipal");
  });
});

describe("the programme's full name", () => {
  const { answerer } = useOfflineAnswerer();

  it("spelled out, does not rank the clauses that spell it over the one asked about", async () => {
    expect(readSpokenForms("浙江省级知识产权服务业集聚发展示范区申报要交哪些材料")).toBe("浙江省级示范区申报要交哪些材料");
    const r = await answerer().answer("请问浙江省级知产服务业集聚示范区申报都得准备哪些材料");
    expect(r.citations[0]).toBe("zj2018:9");
    expect(r.text).toContain("推荐意见");
  });
});

describe("a date asked that a best clause states", () => {
  const { answerer } = useOfflineAnswerer();

  it("needs no vector similarity in the coverage band: each side answers in its own words", async () => {
    const r = await answerer().answer("浙江的办法和淄博的方案各自打哪天起开始实行？");
    const lines = r.text.split("\n\n")[0]!.split("\n");
    expect(lines[0]).toBe("浙江省（省级）：本办法自2018年1月1日起实施（第十八条）。");
    expect(lines[1]).toContain("2020年8月25日");
  });
});

describe("more everyday words", () => {
  const { answerer } = useOfflineAnswerer();

  it("价格战 is the texts' 低价竞争, and 全称 only asks for a name", async () => {
    const war = await answerer().answer("浙江示范区对服务机构打价格战有什么要求？");
    expect(war.refused, war.text).toBe(false);
    expect(war.text).toContain("低价竞争");
    const name = await answerer().answer("淄博那个申报书的全称是啥？");
    expect(name.refused, name.text).toBe(false);
    expect(name.text).toContain("申报书");
  });
});
