/**
 * Approximate answers in the intake, as a user types them: each phrase is read
 * into a range and the intake says how it read it; a bare 「25」 for an area and
 * a figure beyond its plausible bound are asked back before they are recorded;
 * and the chat result equals the command-line result on the same facts.
 */
import { describe, expect, it } from "vitest";
import { advanceIntake, startIntake, type IntakeInput, type IntakeState, type IntakeStep } from "../src/intake/index.ts";
import type { FactValue } from "../src/intake/intake-state.schema.ts";
import { parseArea } from "../src/intake/parsers/parse-area.ts";
import { parseCount } from "../src/intake/parsers/parse-count.ts";
import { agencyInputSchema } from "../src/rules/agency-input.schema.ts";
import { checkJurisdiction } from "../src/rules/check-zone.ts";
import { estimateSupport } from "../src/rules/estimate/estimate-support.ts";
import { zoneProfileSchema } from "../src/rules/zone-profile.schema.ts";

const NOW = new Date("2021-07-15T02:00:00Z");
const text = (s: IntakeStep) => s.replies.map((r) => (r.kind === "document" ? "" : r.text)).join("\n");

function feed(first: IntakeStep, inputs: (string | IntakeInput)[]): IntakeStep[] {
  const steps = [first];
  for (const input of inputs) {
    const stored = JSON.parse(JSON.stringify(steps.at(-1)!.state)) as IntakeState;
    steps.push(advanceIntake(stored, input, NOW));
  }
  return steps;
}

const ZIBO_ZONE: Record<string, FactValue> = {
  "applicant.name": "淄博某创新创业园运营有限公司",
  "applicant.creditCode": "91370300MA3C7F5U2D",
  "applicant.contactName": "李强",
  "applicant.contactPhone": "13900000000",
  "applicant.address": "山东省淄博市张店区某路8号",
  "zone.name": "某创新创业园知识产权服务集聚区",
  "zone.areaType": "innovation-park",
  "carrier.type": "incubator",
  "carrier.ownership": "private",
  "zone.industryAdvantage": true,
  "zone.services": ["patent", "trademark", "copyright", "geographical-indication", "plant-variety", "patent-search-analysis", "navigation-warning", "evaluation", "pledge-financing", "transfer", "custody"],
  "county.managementMechanism": true,
  "county.developmentPlan": true,
  "county.supportPolicies": true,
};

function zhejiangAt(question: string) {
  const facts: Record<string, FactValue> = {
    ...ZIBO_ZONE,
    "zone.services": ["patent", "trademark", "copyright", "agency", "legal", "information", "commercialization", "consulting", "training"],
    "zone.serviceInstitutions": 25,
    "zone.coreAreaSqm": 1200,
    "zone.ipManagementSystem": true,
  };
  delete facts[question];
  return startIntake("application", { jurisdiction: "zhejiang", prefill: facts, now: NOW });
}

describe("approximate phrases become ranges, and the intake says how it read them", () => {
  it.each([
    ["100到130件", { min: 100, max: 130 }, "记为范围 100–130"],
    ["一百到一百三十件", { min: 100, max: 130 }, "记为范围 100–130"],
    ["二十来家", { min: 18, max: 22 }, "按约数记为 18–22"],
    ["20多家", { min: 21, max: 29 }, "记为范围 21–29"],
    ["十几家", { min: 11, max: 19 }, "记为范围 11–19"],
  ])("count 「%s」 → %o", (said, range, reading) => {
    const r = parseCount(said, "家");
    expect(r).toMatchObject({ ok: true, value: range });
    expect(r.ok && r.note).toContain(reading);
  });

  it.each([
    ["一千平左右", { min: 900, max: 1100 }, "按约数记为 900–1,100"],
    ["大概1000平", { min: 900, max: 1100 }, "按约数记为 900–1,100"],
    ["不到1000平", { min: 900, max: 999 }, "按接近但不到 1,000 记为 900–999"],
    ["1000-1200平方米", { min: 1000, max: 1200 }, "记为范围 1,000–1,200"],
  ])("area 「%s」 → %o", (said, range, reading) => {
    const r = parseArea(said);
    expect(r).toMatchObject({ ok: true, value: range });
    expect(r.ok && r.note).toContain(reading);
  });

  it("「20家以上」 keeps the lower bound and says so; an exact figure has no note", () => {
    expect(parseCount("20家以上", "家")).toMatchObject({ ok: true, value: 20, note: expect.stringContaining("只知道下限") });
    expect(parseCount("25家", "家")).toEqual({ ok: true, value: 25 });
  });

  it("a backwards range is refused with both numbers named", () => {
    expect(parseCount("130到100件", "件")).toMatchObject({ ok: false, message: expect.stringContaining("大于后一个数") });
  });
});

describe("intake transcripts", () => {
  it("「二十来家」 for Zhejiang's 20-institution threshold is recorded as 18–22, not 20, and the check names the boundary", () => {
    const steps = feed(zhejiangAt("zone.serviceInstitutions"), ["二十来家", "确认"]);
    expect(text(steps[1]!)).toContain("✓ 已记录：");
    expect(text(steps[1]!)).toContain("18–22 家（「二十来家」按约数记为 18–22 家）");
    expect(text(steps[1]!)).toMatch(/服务机构[^\n]*：18–22 家/);
    const done = steps[2]!.event;
    expect(done.type).toBe("completed");
    if (done.type !== "completed" || done.action !== "check") throw new Error("no check");
    expect(done.profile.zone?.serviceInstitutions).toEqual({ min: 18, max: 22 });
    const check = checkJurisdiction("zhejiang", done.profile);
    expect(check.verdict).toBe("needs-review");
    expect(check.conditions.find((c) => c.id === "zj2018:6.3")!.detail).toContain("取决于确切数量：20 家以上则满足（第六条（三））");
  });

  it.each([
    ["一千平左右", { min: 900, max: 1100 }],
    ["不到1000平", { min: 900, max: 999 }],
  ])("area 「%s」 goes into the profile as a range", (said, range) => {
    const steps = feed(zhejiangAt("zone.coreAreaSqm"), [said]);
    expect(steps[1]!.state.facts["zone.coreAreaSqm"]).toEqual(range);
    expect(text(steps[1]!)).toContain("平方米（「");
  });

  it("a bare 「25」 for an area is asked back; 「是」 records 25 m²", () => {
    const steps = feed(zhejiangAt("zone.coreAreaSqm"), ["25", "是"]);
    expect(text(steps[1]!)).toContain("您填写的是 25 平方米，确认吗？");
    expect(steps[1]!.state.facts["zone.coreAreaSqm"]).toBeUndefined();
    expect(steps[1]!.event.type).toBe("confirm-answer");
    expect(steps[2]!.state.facts["zone.coreAreaSqm"]).toBe(25);
  });

  it("a bare 「25」 answered 「不对」 asks again; the next answer with a unit is recorded at once", () => {
    const steps = feed(zhejiangAt("zone.coreAreaSqm"), ["25", "不对", "2.5万平方米"]);
    expect(text(steps[2]!)).toContain("请重新填写");
    expect(steps[2]!.state.facts["zone.coreAreaSqm"]).toBeUndefined();
    expect(steps[3]!.state.facts["zone.coreAreaSqm"]).toBe(25000);
  });

  it("a bare 「25」 followed by a new answer takes the new answer; buttons work too", () => {
    expect(feed(zhejiangAt("zone.coreAreaSqm"), ["25", "1200平"])[2]!.state.facts["zone.coreAreaSqm"]).toBe(1200);
    expect(feed(zhejiangAt("zone.coreAreaSqm"), ["25", { choice: "unsure:yes" }])[2]!.state.facts["zone.coreAreaSqm"]).toBe(25);
  });

  it("1 万亿件 is asked back 「您填写的是 1 万亿件，确认吗？」", () => {
    const first = startIntake("agency-estimate", { prefill: { year: 2021, "agency.inZone": true, "agency.patentAgencyQualified": true, pledgeLoans: 0, securitizations: 0, "custody.modes": [], newPatentAttorneys: 0, "brand.national": false, "brand.provincial": false, "wonCases.foreign": 0, "wonCases.major": 0, abnormalApplications: false }, now: NOW });
    expect(first.state.pending).toBe("inventionGrants");
    const steps = feed(first, ["1万亿件"]);
    expect(text(steps[1]!)).toContain("您填写的是 1 万亿件，确认吗？");
    expect(steps[1]!.state.facts.inventionGrants).toBeUndefined();
  });
});

describe("chat and command line give the same result on the same facts", () => {
  it("an agency intake with ranges and a skipped fact equals estimate on the same JSON", () => {
    const first = startIntake("agency-estimate", { now: NOW });
    const answers = ["2021", "跳过", "是", "1到3笔", "0", "1", "是", "0", "否", "否", "0", "0", "否", "115到130件", "0", "0", "确认"];
    const steps = feed(first, answers);
    const done = steps.at(-1)!.event;
    expect(done.type).toBe("completed");
    if (done.type !== "completed" || done.action !== "estimate") throw new Error(text(steps.at(-1)!));
    const chat = estimateSupport(done.input);
    const json = JSON.parse(JSON.stringify(done.input));
    expect(json).toMatchObject({ pledgeLoans: { min: 1, max: 3 }, inventionGrants: { min: 115, max: 130 } });
    expect(json.agency.inZone).toBeUndefined();
    const cli = estimateSupport(agencyInputSchema.parse(json));
    expect(chat).toEqual(cli);
    expect(cli.confirmedTotal).toBe(0);
    expect(cli.possibleTotal).toBe(30000 + 50000 + 30000);
    expect(cli.toConfirm[0]!.path).toBe("agency.inZone");
  });

  it("an application intake with 「二十来家」 equals check on the same profile JSON", () => {
    const steps = feed(zhejiangAt("zone.serviceInstitutions"), ["二十来家", "确认"]);
    const done = steps[2]!.event;
    if (done.type !== "completed" || done.action !== "check") throw new Error("no check");
    const fromJson = zoneProfileSchema.parse(JSON.parse(JSON.stringify(done.profile)));
    expect(checkJurisdiction("zhejiang", done.profile)).toEqual(checkJurisdiction("zhejiang", fromJson));
  });
});
