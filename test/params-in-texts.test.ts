/**
 * Every text that shows a number of the law reads it from the parameters in
 * force: change a parameter (a new dated value, as a correction would be made)
 * and the intake's explanations, the agency questions, the check, the
 * estimate's readings, the drafts, the answer notes and the help text all say
 * the new number — and, on a date before the correction, still the old one.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trialNotes } from "../src/answer/answer-texts.ts";
import { englishTrialNotes } from "../src/answer/english-question.ts";
import { englishReviewScheduleLines, reviewScheduleLines } from "../src/answer/review-schedule.ts";
import { helpText } from "../src/assistant/help-text.ts";
import { buildDraftModels } from "../src/drafting/draft-application.ts";
import { editionOf } from "../src/drafting/document-model.ts";
import { renderMarkdown } from "../src/drafting/render-markdown.ts";
import { questionById, resolveQuestion } from "../src/intake/index.ts";
import { checkJurisdiction, estimateSupport } from "../src/rules/index.ts";
import { jurisdictionModule } from "../src/rules/jurisdiction-registry.ts";
import { reloadRuleParams, replaceRuleParams, RULES_DIR } from "../src/rules/load-rule-params.ts";
import type { Jurisdiction } from "../src/rules/zone-profile.schema.ts";
import { agency, zhejiangZone } from "./rules-fixtures.ts";

const CORRECTED_FROM = "2026-06-01";
const BEFORE = "2026-05-31";
const AFTER = "2026-11-22";

type ParamsJson = {
  validity: Record<string, { values: { from: string; value: unknown }[] }>;
  review?: Record<string, { values: { from: string; value: unknown }[] }>;
  parameters: Record<string, { values: { from: string; value: unknown }[] }>;
};

function corrected(j: Jurisdiction, edit: (file: ParamsJson) => void): void {
  const m = jurisdictionModule(j);
  const file = JSON.parse(readFileSync(`${RULES_DIR}${m.paramsFile}`, "utf8")) as ParamsJson;
  edit(file);
  replaceRuleParams(m.paramsFile, file, m.paramsSchema);
}

const correct = (param: { values: { from: string; value: unknown }[] }, value: unknown) => param.values.push({ from: CORRECTED_FROM, value });

beforeAll(() => {
  corrected("zhejiang", (f) => {
    correct(f.parameters.minServiceInstitutions!, 23);
    correct(f.parameters.minCoreAreaSqm!, 1234);
    correct(f.review!.intervalMonths!, 36);
  });
  corrected("zibo", (f) => {
    correct(f.parameters.inventionGrantTiers!, [
      { moreThan: 77, amount: 11000 },
      { moreThan: 133, amount: 33000 },
      { moreThan: 222, amount: 55000 },
    ]);
    correct(f.parameters.clientVouchers!, { zeroing: { minGrants: 2, amount: 12000 }, doubling: { minGrants: 6, amount: 60000 } });
    correct(f.parameters.pledgeLoanAward!, 15000);
    correct(f.validity.trialEnds!, "2027-08-24");
  });
});

afterAll(() => reloadRuleParams());

const why = (id: string, j: Jurisdiction, date: string) => resolveQuestion(questionById(id)!, j, date).why;
const prompt = (id: string, date: string) => resolveQuestion(questionById(id)!, "zibo", date).prompt;

describe("a corrected parameter changes every text that shows it", () => {
  it("intake explanations of the Zhejiang thresholds", () => {
    expect(why("zone.serviceInstitutions", "zhejiang", BEFORE)).toContain("20 家以上");
    expect(why("zone.serviceInstitutions", "zhejiang", AFTER)).toContain("23 家以上");
    expect(why("zone.coreAreaSqm", "zhejiang", BEFORE)).toContain("不少于 1000 平方米");
    expect(why("zone.coreAreaSqm", "zhejiang", AFTER)).toContain("不少于 1234 平方米");
  });

  it("agency questions: tiers, amounts and the clients' grant counts", () => {
    expect(why("inventionGrants", "zibo", BEFORE)).toContain("超过 70 件、120 件、200 件");
    expect(why("inventionGrants", "zibo", AFTER)).toContain("超过 77 件、133 件、222 件");
    expect(why("inventionGrants", "zibo", AFTER)).toContain("1.1 万元");
    expect(why("pledgeLoans", "zibo", AFTER)).toContain("1.5 万元");
    expect(prompt("clients.zeroing", BEFORE)).toContain("授权 1 件以上");
    expect(prompt("clients.doubling", AFTER)).toContain("授权 6 件以上");
  });

  it("the check's detail and gap", () => {
    const zone = zhejiangZone();
    const before = checkJurisdiction("zhejiang", { ...zone, asOf: BEFORE });
    const after = checkJurisdiction("zhejiang", { ...zone, asOf: AFTER });
    expect(before.verdict).toBe("eligible");
    expect(after.verdict).toBe("not-eligible");
    const c63 = after.conditions.find((c) => c.id === "zj2018:6.3")!;
    expect(`${c63.detail} ${c63.gap}`).toContain("23");
    expect(c63.gap).toContain("3 家");
  });

  it("the estimate's readings of 第九条", () => {
    const before = estimateSupport(agency({ year: 2026, asOf: BEFORE, inventionGrants: 100 }));
    const after = estimateSupport(agency({ year: 2026, asOf: AFTER, inventionGrants: 100 }));
    expect(before.assumptions.join("\n")).toContain("超过 70 件");
    expect(after.assumptions.join("\n")).toContain("超过 77 件");
    expect(after.assumptions.join("\n")).not.toContain("超过 70 件");
  });

  it("the drafts' indicator requirements", () => {
    const zone = { ...zhejiangZone(), asOf: AFTER };
    const text = buildDraftModels(zone, checkJurisdiction("zhejiang", zone))
      .map((d) => renderMarkdown(editionOf(d, "review")))
      .join("\n");
    expect(text).toContain("23");
    expect(text).toContain("1234");
    expect(text).not.toMatch(/20\s*家以上/);
  });

  it("the trial note of answers and the help text", () => {
    expect(trialNotes(["zb2020:9.5"], "2021-01-01")[0]).toContain("试用期一年（至2021年8月24日）");
    expect(trialNotes(["zb2020:9.5"], AFTER)[0]).toContain("2027年8月24日");
    expect(trialNotes(["zj2018:6.3"], AFTER)).toEqual([]);
    expect(helpText(false, "2021-01-01")).toContain("试用期一年（至2021年8月24日）");
    expect(helpText(false, AFTER)).toContain("至2027年8月24日");
  });

  it("the review schedule worked out from the asker's span of years, in Chinese and English", () => {
    expect(reviewScheduleLines("浙江示范区6年里考核几回？", ["zhejiang"], BEFORE)?.lines[0]).toBe("按第十四条，每两年一次：6年里 3 次（从评上起，每满一个周期一次）。");
    expect(reviewScheduleLines("浙江示范区6年里考核几回？", ["zhejiang"], AFTER)?.lines[0]).toBe("按第十四条，每三年一次：6年里 2 次（从评上起，每满一个周期一次）。");
    expect(englishReviewScheduleLines("How many times is a Zhejiang zone assessed over 6 years?", ["zhejiang"], AFTER)?.lines[0]).toMatch(/^2 times in 6 years — zones are reviewed once every 3 years/);
  });

  it("the English trial note", () => {
    expect(englishTrialNotes(["zb2020:9.5"], "2021-01-01")[0]).toContain("took effect on 25 August 2020 for a one-year trial ending on 24 August 2021 (Article 17)");
    expect(englishTrialNotes(["zb2020:9.5"], AFTER)[0]).toContain("for a trial ending on 24 August 2027");
    expect(englishTrialNotes(["zj2018:6.3"], AFTER)).toEqual([]);
  });
});
