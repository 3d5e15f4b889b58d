import { describe, expect, it } from "vitest";
import type { Answerer, AnswerResult } from "../src/answer/answer.types.ts";
import { parseQuestionSet, QuestionSetError } from "../src/answer/eval-question.schema.ts";
import { evaluateQuestionSet } from "../src/answer/evaluate-question-set.ts";
import { percentile } from "../src/metrics/percentile.ts";

/** A hand-written answerer with canned replies: the evaluator is the subject here, not retrieval. */
function cannedAnswerer(replies: Record<string, Partial<AnswerResult>>): Answerer {
  return {
    async answer(question) {
      const r = replies[question] ?? {};
      return {
        text: r.text ?? "",
        citations: r.citations ?? [],
        refused: r.refused ?? false,
        jurisdictions: [],
        retrieved: r.retrieved ?? [],
        resolvedQuestion: question,
        mode: "offline",
      };
    },
  };
}

describe("evaluateQuestionSet computes the docs/question-sets.md metrics", () => {
  const questions = parseQuestionSet(
    [
      `{"id":"a","question":"A","gold":["zj2018:6"],"answerable":true,"mustMention":["1000"]}`,
      `{"id":"b","question":"B","gold":["zb2020:9.5"],"answerable":true,"mustMention":["3万元","发明"]}`,
      `{"id":"c","question":"C","gold":["zb2020:17"],"answerable":true}`,
      `{"id":"d","question":"D","answerable":false}`,
    ].join("\n"),
  );
  const answerer = cannedAnswerer({
    // items of the gold article count as that article: rank 1
    A: { retrieved: ["zj2018:6.3", "zj2018:6.1", "zj2018:9"], text: "不少于1000平方米" },
    // gold is an item, retrieval has its article second (after two pieces of 第七条): rank 2
    B: { retrieved: ["zb2020:7.1", "zb2020:7.2", "zb2020:9", "zb2020:5"], text: "不超过3万元" },
    // not in the first 5 distinct articles (zb2020:1 is the preamble), 6th
    C: { retrieved: ["zb2020:1", "zb2020:2", "zb2020:3", "zb2020:4", "zb2020:5", "zb2020:17"], refused: true },
    D: { refused: true },
  });

  it("recall@k counts distinct articles; MRR averages 1/rank over answerable questions", async () => {
    const r = await evaluateQuestionSet(answerer, questions);
    expect(r.n).toBe(4);
    expect(r.recallAt1).toBeCloseTo(1 / 3, 4);
    expect(r.recallAt3).toBeCloseTo(2 / 3, 4);
    expect(r.recallAt5).toBeCloseTo(2 / 3, 4);
    // MRR reads the whole retrieved list: C's gold at rank 6 still counts 1/6.
    expect(r.mrr).toBeCloseTo((1 + 1 / 2 + 1 / 6) / 3, 4);
  });

  it("refusal accuracy is over all questions; mention rate needs every string", async () => {
    const r = await evaluateQuestionSet(answerer, questions);
    expect(r.refusalAccuracy).toBeCloseTo(3 / 4, 4); // C was refused though answerable
    expect(r.mentionRate).toBeCloseTo(1 / 2, 4); // B lacks 发明
  });

  it("reports each question with what was retrieved, the refusal, the answer and the time", async () => {
    const r = await evaluateQuestionSet(answerer, questions);
    expect(r.questions.map((q) => q.id)).toEqual(["a", "b", "c", "d"]);
    expect(r.questions[0]).toMatchObject({ id: "a", retrieved: ["zj2018:6.3", "zj2018:6.1", "zj2018:9"], refused: false, answer: "不少于1000平方米" });
    expect(r.latencyMsP95).toBeGreaterThanOrEqual(r.latencyMsP50);
  });
});

describe("percentile", () => {
  it("is the nearest rank", () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(10);
    expect(percentile(values, 95)).toBe(19);
    expect(percentile([], 95)).toBe(0);
  });
});

describe("question-set files", () => {
  it("every bad line is reported with its line number", () => {
    const text = [`{"id":"a","question":"A","answerable":true,"gold":["zj2018:6"]}`, `not json`, `{"id":"c","answerable":"yes"}`, `{"id":"d","question":"D","answerable":true,"gold":["第六条"]}`].join("\n");
    try {
      parseQuestionSet(text);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(QuestionSetError);
      const problems = (err as QuestionSetError).problems.join("\n");
      expect(problems).toContain("第 2 行不是合法的 JSON");
      expect(problems).toContain("第 3 行");
      expect(problems).toContain("第 4 行");
      expect(problems).toContain("zj2018:6");
    }
  });
});

describe("expect groups, tags and follow-up history", () => {
  const questions = parseQuestionSet(
    [
      `{"id":"e1","question":"三笔质押贷款加一个证券化最多多少？","gold":["zb2020:9.1"],"answerable":true,"tag":"own-numbers","expect":[["13万","130,000"]]}`,
      `{"id":"e2","question":"五个胜诉案件能拿25万吗","gold":["zb2020:9.4"],"answerable":true,"tag":"own-numbers","expect":[["不能"],["20万"]]}`,
      `{"id":"e3","question":"How often are Zhejiang zones assessed?","gold":["zj2018:14"],"answerable":true,"tag":"english","expect":[["two years","every 2 years"]]}`,
      `{"id":"e4","question":"那淄博呢？","history":["浙江省示范区多久考核一次？"],"gold":["zb2020:12"],"answerable":true,"tag":"follow-up"}`,
      `{"id":"e5","question":"示范区办公室电话多少","answerable":false,"tag":"off-topic"}`,
    ].join("\n"),
  );
  const seen: { question: string; history?: readonly unknown[] }[] = [];
  const canned = cannedAnswerer({
    "三笔质押贷款加一个证券化最多多少？": { text: "最高 13 万元（3×1万＋10万）", retrieved: ["zb2020:9.1"] },
    "五个胜诉案件能拿25万吗": { text: "每件最高5万元", retrieved: ["zb2020:9.4"] },
    "How often are Zhejiang zones assessed?": { text: "Every two years.\n\n第十四条：「示范区每两年考核一次」", retrieved: ["zj2018:14"] },
    "浙江省示范区多久考核一次？": { citations: ["zj2018:14"], retrieved: ["zj2018:14"] },
    "那淄博呢？": { retrieved: ["zb2020:12"] },
    "示范区办公室电话多少": { refused: true },
  });
  const answerer: Answerer = {
    async answer(question, options) {
      seen.push({ question, history: options?.history });
      return canned.answer(question, options);
    },
  };

  it("directAnswerRate counts a question only when every group has one alternative (thousands separators ignored)", async () => {
    const r = await evaluateQuestionSet(answerer, questions);
    expect(r.directAsked).toBe(3);
    expect(r.directAnswerRate).toBeCloseTo(2 / 3, 4); // e2 lacks 不能 and 20万
    expect(r.questions.find((q) => q.id === "e2")?.direct).toBe(false);
    expect(r.questions.find((q) => q.id === "e4")?.direct).toBeUndefined();
  });

  it("reports every metric per tag, and whether English questions were answered in English", async () => {
    const r = await evaluateQuestionSet(answerer, questions);
    expect(Object.keys(r.byTag).sort()).toEqual(["english", "follow-up", "off-topic", "own-numbers"]);
    expect(r.byTag["own-numbers"]).toMatchObject({ n: 2, recallAt3: 1, directAsked: 2, directAnswerRate: 0.5 });
    expect(r.byTag["off-topic"]).toMatchObject({ n: 1, refusalAccuracy: 1 });
    expect(r.byTag.english).toMatchObject({ n: 1, englishRate: 1, directAnswerRate: 1 });
    expect(r.questions.find((q) => q.id === "e3")?.english).toBe(true);
  });

  it("asks the earlier turns of a follow-up first and passes them as history", async () => {
    seen.length = 0;
    await evaluateQuestionSet(answerer, questions.filter((q) => q.id === "e4"));
    expect(seen.map((s) => s.question)).toEqual(["浙江省示范区多久考核一次？", "那淄博呢？"]);
    // The earlier turn's citations go with it: 「第二项」 counts the items of a list answer.
    expect(seen[1]!.history).toEqual([{ question: "浙江省示范区多久考核一次？", jurisdictions: [], citations: ["zj2018:14"] }]);
  });

  it("rejects an unknown tag and an empty expect group, in Chinese", () => {
    expect(() => parseQuestionSet(`{"id":"x","question":"X","answerable":true,"tag":"misc"}`)).toThrow(/tag 应为/);
    expect(() => parseQuestionSet(`{"id":"x","question":"X","answerable":true,"expect":[[]]}`)).toThrow(/每组至少一个/);
  });
});
