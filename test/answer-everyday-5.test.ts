/**
 * Round 9g: a date the asker names held against a text's trial period, 「那会儿」
 * read as a time (not the modal 会), an everyday form as specific as the word
 * it is built on, and an English conversation read in Chinese for its
 * follow-ups. Questions written fresh from the two texts; none is in a set.
 */
import { describe, expect, it } from "vitest";
import { datedSpan, trialDateLines } from "../src/answer/date-in-trial.ts";
import { yesNoAsk } from "../src/answer/yes-no-ask.ts";
import { readEnglishQuestion } from "../src/answer/english-question.ts";
import { policyValidityOn } from "../src/rules/policy-dates.ts";
import { useOfflineAnswerer } from "./support/offline-answerer.ts";

const TODAY = "2026-12-03";

describe("a date against the trial period", () => {
  it("a month is a span, a day a day", () => {
    expect(datedSpan("2021年2月还能用吗")).toEqual({ from: "2021-02-01", to: "2021-02-28", said: "2021年2月" });
    expect(datedSpan("2021年8月24日")).toEqual({ from: "2021-08-24", to: "2021-08-24", said: "2021年8月24日" });
    expect(datedSpan("明年还能用吗")).toBeUndefined();
  });

  it("inside, after, across the last day, and before the start — from the params file's dates", () => {
    const zibo = policyValidityOn("zb2020", TODAY);
    const ends = zibo.trialEnds!;
    const dayAfter = new Date(`${ends}T00:00:00Z`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    const after = dayAfter.toISOString().slice(0, 10);
    const said = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
    expect(trialDateLines(`${said(ends)}还在试用期内吗`, ["zibo"], TODAY)!.lines[0]).toMatch(/^在试用期内/);
    expect(trialDateLines(`${said(after)}还在试用期内吗`, ["zibo"], TODAY)!.lines[0]).toMatch(/^不在试用期内/);
    expect(trialDateLines(`${ends.slice(0, 4)}年${Number(ends.slice(5, 7))}月还有效吗`, ["zibo"], TODAY)!.lines[0]).toMatch(/跨过试用期的最后一天/);
    expect(trialDateLines("2019年5月还有效吗", ["zibo"], TODAY)!.lines[0]).toMatch(/^还没有实施/);
  });

  it("no verdict without a date, without an ask about force, or where no text has a trial", () => {
    expect(trialDateLines("淄博的方案还有效吗", ["zibo"], TODAY)).toBeUndefined();
    expect(trialDateLines("2021年10月申报要交什么材料", ["zibo"], TODAY)).toBeUndefined();
    expect(trialDateLines("浙江的办法2019年5月还有效吗", ["zhejiang"], TODAY)).toBeUndefined();
  });

  it("「那会儿」 is a time, not the modal 会", () => {
    expect(yesNoAsk("那会儿还在试用期内吗")?.yes).not.toBe("会");
  });
});

describe("English readings", () => {
  it("a glossary form with a hyphen is matched as the question is read (city-level, one-stop)", () => {
    expect(readEnglishQuestion("Is it a city-level zone?").chinese).toContain("市级");
    expect(readEnglishQuestion("Must they build a one-stop platform?").chinese).toContain("一站式知识产权服务平台");
  });

  it("the levels and the recommendation are read (national, provincial, nominate)", () => {
    expect(readEnglishQuestion("Can the centre nominate a zone for national or provincial status?").chinese).toMatch(/推荐.*国家.*省级/);
  });
});

describe("answers", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("a month after Zibo's trial is answered 「不在试用期内」 with the dates and 第十七条", async () => {
    const text = await opening("淄博的建设方案2021年11月还在试用期内吗？");
    expect(text).toMatch(/^不在试用期内：2021年11月已过淄博市建设方案的试用期/);
    expect(text).toMatch(/第十七条/);
    expect(text).not.toMatch(/资格自检/);
  });

  it("「看不懂」 weighs as the everyday verb it is built on, so the question about who interprets is answered", async () => {
    const r = await answerer().answer("浙江这个办法好多看不懂的，找谁解释");
    expect(r.text).not.toMatch(/没有写到“看不懂”/);
  });

  it("an English follow-up reads the earlier English question in Chinese", async () => {
    const r = await answerer().answer("What about Zibo?", { history: [{ question: "How often are Zhejiang demonstration zones assessed?" }] });
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/once a year|annual|every year/i);
  });
});
