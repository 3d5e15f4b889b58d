/**
 * Round 9f: follow-ups that ask something of their own, the place a
 * conversation stays in, spoken idioms, counts and labels that say nothing
 * about the topic, characters the texts themselves use kept through the
 * traditional-to-simplified tables, and the kinds and words that told the
 * wrong clause. Questions written fresh from the two texts; none is in a
 * question set.
 */
import { describe, expect, it } from "vitest";
import { readEnglishQuestion } from "../src/answer/english-question.ts";
import { createQuestionNormalizer } from "../src/answer/normalize-question.ts";
import { resolveFollowUp } from "../src/answer/resolve-follow-up.ts";
import { readSpokenForms } from "../src/answer/spoken-forms.ts";
import { clauseKindTerms, questionKindTerms } from "../src/retrieval/answer-kinds.ts";
import { getTokenizer } from "../src/retrieval/tokenizer.ts";
import { createTopicCoverage } from "../src/retrieval/topic-coverage.ts";
import { useOfflineAnswerer } from "./support/offline-answerer.ts";

describe("reading the question", () => {
  it("the tables keep characters the texts use (显著, not 显着) and the particle 么, and still convert 示範區", () => {
    const normalize = createQuestionNormalizer(new Set("成绩显著示范区认定"));
    expect(normalize("成績顯著看哪些方面")).toContain("成绩显著");
    expect(normalize("是讓機構扎堆么")).toMatch(/么$/);
    expect(normalize("示範區")).toBe("示范区");
  });

  it("spoken idioms: 图个啥 asks the purpose, 听谁的 what prevails, 先整个方案 making one", () => {
    expect(readSpokenForms("搞这个到底图个啥")).toBe("搞这个到底目的是什么");
    expect(readSpokenForms("跟国家规定冲突了听谁的")).toBe("跟国家规定冲突了以什么为准");
    expect(readSpokenForms("要先整个方案吗")).toBe("要先做个方案吗");
    expect(readSpokenForms("整个方案都要改吗")).toBe("整个方案都要改吗");
  });

  it("a count with its classifier and a single letter label say nothing about the topic; a duration does", () => {
    const words = createTopicCoverage(getTokenizer()).weightedWords("A、B两家企业各赢了一件，试用期一年吗").map((w) => w.word);
    expect(words).not.toContain("两家");
    expect(words).not.toContain("一件");
    expect(words).not.toContain("a");
    expect(words).toContain("一年");
  });

  it("a compound whose part the text words otherwise matches by that part (市场秩序 ↔ 规范…市场)", () => {
    const topic = createTopicCoverage(getTokenizer());
    expect(topic.match("市场秩序", new Set(["市场", "规范"]))).toBeGreaterThan(topic.match("市场秩序", new Set(["市场"])));
  });

  it("kinds: 「谁和谁的对接」 asks between whom, not who does it; 「在…等工作」 states areas", () => {
    expect(questionKindTerms("还要促进谁和谁的供求对接")).not.toContain("#who");
    expect(questionKindTerms("最后谁来定")).toContain("#who");
    expect(clauseKindTerms("认定在专利清零、质押融资等工作成绩显著的")).toContain("#aspects");
    expect(clauseKindTerms("所在县（市、区）知识产权管理部门负责创建培育、政策支持等工作")).not.toContain("#aspects");
  });

  it("English: bad-faith filings and pay read as the texts' words", () => {
    expect(readEnglishQuestion("Would Zibo still pay if filings were bad-faith?").chinese).toBe("淄博支持非正常申请");
  });
});

describe("follow-ups", () => {
  const turn = (question: string) => [{ question }];

  it("with an ask and a term of the texts of its own, a follow-up is its own question in the same place", () => {
    const r = resolveFollowUp("那服务机构要几家", turn("浙江示范区申报条件是什么"));
    expect(r).toMatchObject({ text: "服务机构要几家", isFollowUp: true, jurisdictions: ["zhejiang"] });
  });

  it("a body named now takes the place of the one asked about before", () => {
    const r = resolveFollowUp("那设区市局和县里呢", turn("浙江示范区建设里省知识产权局管哪些事？"));
    expect(r.text).not.toContain("省知识产权局");
    expect(r.text).toContain("设区市局和县里");
  });

  it("an ask of its own replaces the earlier ask (为什么 → 啥样的)", () => {
    const r = resolveFollowUp("那具体优先选啥样的园区", turn("淄博为什么要在区县布局市级示范区？"));
    expect(r.text).not.toContain("为什么");
    expect(r.text).toContain("区县布局");
  });

  it("a question of its own naming no place stays in the one place the conversation is about, not in another's", () => {
    expect(resolveFollowUp("最后谁拍板定下来？", turn("淄博示范区申报要走哪几步？")).jurisdictions).toEqual(["zibo"]);
    expect(resolveFollowUp("考核多久一次？", turn("浙江和淄博的申报条件有什么区别？")).jurisdictions).toEqual([]);
  });
});

describe("answers", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("「省局管哪些事」 is answered with what the provincial office is in charge of, not the materials list", async () => {
    expect(await opening("浙江示范区建设里省知识产权局都管哪些事？")).toMatch(/^省知识产权局负责省级示范区的审查确认和管理/);
  });

  it("a list question still gets the list when its lead carries the question's words", async () => {
    expect(await opening("浙江示范区申报材料一共要准备几样？")).toMatch(/^共 5 项（第九条）/);
  });

  it("which work counts as outstanding is read from 「在…等工作成绩显著」", async () => {
    expect(await opening("托管服务要成绩显著，具体看哪些方面？")).toMatch(/专利清零.*质押融资等工作成绩显著/);
  });

  it("a follow-up naming other bodies is answered with those bodies' work", async () => {
    const r = await answerer().answer("那设区市局和县里呢", { history: [{ question: "浙江示范区建设里省知识产权局管哪些事？" }] });
    expect(r.text.split("\n\n")[0]).toMatch(/创建培育、示范申报、日常业务指导和政策支持/);
  });

  it("who decides, asked after the Zibo steps, is answered for Zibo only", async () => {
    const r = await answerer().answer("最后谁拍板定下来？", { history: [{ question: "淄博示范区申报要走哪几步？" }] });
    expect(r.refused).toBe(false);
    expect(r.text.split("\n\n")[0]).toMatch(/市知识产权事业发展中心.*确定市级示范区建设单位/);
    expect(r.text.split("\n\n")[0]).not.toMatch(/浙江/);
  });

  it("spoken idioms are answered: what prevails on a conflict, what the zone is for", async () => {
    expect(await opening("淄博那方案要是跟国家法规对不上 听谁的啊")).toMatch(/以国家法律法规为准/);
    expect(await opening("淄博搞市级示范区到底图个啥")).toMatch(/第二条/);
  });

  it("two asks, one about market order (秩序), are both answered (from the one list that holds both)", async () => {
    const text = await opening("淄博示范区在人才上要做哪些工作？对服务市场秩序有什么要求？");
    expect(text).toMatch(/高端人才和紧缺人才/);
    expect(text).toMatch(/反恶性低价竞争/);
  });
});
