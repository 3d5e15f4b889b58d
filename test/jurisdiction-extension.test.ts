/**
 * The claim of src/rules/jurisdiction-registry.ts: a jurisdiction is a params
 * file, a module and one registration. 示例市 (test/fixtures/jurisdiction-test/)
 * exists nowhere under src/; once registered, check, estimate, intake and
 * drafting handle it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { detectJurisdiction } from "../src/answer/detect-jurisdiction.ts";
import { draftApplication } from "../src/drafting/draft-application.ts";
import { advanceIntake, startIntake } from "../src/intake/index.ts";
import { JURISDICTION_LABELS } from "../src/knowledge/jurisdictions.ts";
import { checkAllJurisdictions, checkZone, isSideBySide } from "../src/rules/check-zone.ts";
import { estimateSupport } from "../src/rules/estimate/estimate-support.ts";
import { registerJurisdiction } from "../src/rules/jurisdiction-registry.ts";
import { loadRuleParams } from "../src/rules/load-rule-params.ts";
import { parseAgencyInput, parseZoneProfile } from "../src/rules/parse-rule-input.ts";
import { TESTLAND, testlandJurisdiction } from "./fixtures/jurisdiction-test/testland.jurisdiction.ts";

const NOW = new Date("2026-11-22T02:00:00Z");
/** Everything the replies show: texts and the labels of their buttons. */
const replyText = (replies: readonly unknown[]) => JSON.stringify(replies);

beforeAll(() => {
  registerJurisdiction(testlandJurisdiction);
});

describe("a jurisdiction registered in a test (示例市, ts2024)", () => {
  it("the input schema accepts it and still refuses an unknown one, listing all three", () => {
    expect(parseZoneProfile({ jurisdiction: "testland" }).ok).toBe(true);
    const bad = parseZoneProfile({ jurisdiction: "nowhere" });
    expect(bad.ok ? [] : bad.errors.map((e) => e.message)[0]).toContain("testland（示例市）");
  });

  it("check: 5 institutions against its own 7家以上 → 还差 2 家, cited to its own clause", () => {
    const r = checkZone(
      { jurisdiction: TESTLAND, asOf: "2026-11-22", zone: { serviceInstitutions: 5, services: ["patent", "trademark", "custody"] } },
    );
    expect(isSideBySide(r)).toBe(false);
    if (isSideBySide(r)) return;
    expect(r.policy.title).toBe("示例市知识产权服务业集聚发展示范区管理办法（试行）");
    expect(r.verdict).toBe("not-eligible");
    const institutions = r.conditions.find((c) => c.id === "ts2024:5.1")!;
    expect(institutions.gap).toContain("还差 2 家");
    expect(r.conditions.find((c) => c.id === "ts2024:5.2")!.status).toBe("met");
  });

  it("check side by side: it is compared with Zhejiang and Zibo and named in the summary", () => {
    const r = checkAllJurisdictions({ asOf: "2026-11-22", zone: { serviceInstitutions: 8, services: ["patent", "trademark", "custody"] } });
    expect(r.results.map((x) => x.jurisdiction)).toContain(TESTLAND);
    expect(r.eligibleFor).toContain(TESTLAND);
    expect(r.summary).toContain("示例市示范区");
  });

  it("estimate: its own 第八条 through the registry — 3 new patent attorneys × the per-person award in force, cited to ts2024:8", () => {
    const input = parseAgencyInput({ jurisdiction: "testland", year: 2026, asOf: "2026-11-22", agency: {}, newPatentAttorneys: 3 });
    expect(input.ok).toBe(true);
    if (!input.ok) return;
    const r = estimateSupport(input.value);
    expect(r.policy.id).toBe("ts2024");
    expect(r.items.map((i) => [i.clause, i.confirmedMax])).toEqual([["ts2024:8", 15000]]);
    expect(r.totalMax).toBe(15000);
    // The amount is the params file's, not the module's: another per-person award, another total.
    const file = loadRuleParams(testlandJurisdiction.paramsFile, testlandJurisdiction.paramsSchema);
    const raised = structuredClone(file);
    raised.parameters.perNewPatentAttorney.values[0]!.value = 8000;
    expect(estimateSupport(input.value, { paramsFile: raised }).totalMax).toBe(24000);
    // A range of attorneys: its lower end confirmed, its upper possible.
    const ranged = parseAgencyInput({ jurisdiction: "testland", year: 2026, asOf: "2026-11-22", agency: {}, newPatentAttorneys: { min: 2, max: 4 } });
    if (!ranged.ok) throw new Error("range refused");
    const rr = estimateSupport(ranged.value);
    expect([rr.confirmedTotal, rr.possibleTotal]).toEqual([10000, 20000]);
  });

  it("estimate: a jurisdiction whose policy offers none is refused naming every one that does, the new one included", () => {
    const input = parseAgencyInput({ jurisdiction: "zhejiang", year: 2026, agency: {} });
    if (!input.ok) throw new Error("input refused");
    expect(() => estimateSupport(input.value)).toThrow(/浙江省的政策没有机构资助测算；可测算的地区：zibo（淄博市）、testland（示例市）/);
  });

  it("answers: a question naming its district is about it; one naming Zibo's is not", () => {
    expect(detectJurisdiction("示例区的示范区要几家服务机构？").named).toEqual([TESTLAND]);
    expect(detectJurisdiction("张店的示范区要几家服务机构？").named).toEqual(["zibo"]);
    expect(detectJurisdiction("两份政策有什么不同？").named).toContain(TESTLAND);
  });

  it("intake: offered as a choice, typed by its name; asks only the facts its rules read, in its own words and numbers", () => {
    const first = startIntake("application", { now: NOW });
    expect(replyText(first.replies)).toContain("示例市（市级示范区）");
    let step = advanceIntake(first.state, "示例", NOW);
    expect(step.state.facts.jurisdiction).toBe(TESTLAND);
    const asked: string[] = [];
    const answers: Record<string, string> = {
      "applicant.name": "示例科技园发展有限公司",
      "applicant.creditCode": "91350100M000100Y43",
      "applicant.contactName": "张三",
      "applicant.contactPhone": "13800000000",
      "applicant.address": "示例市示例区某某路 1 号",
      "zone.name": "示例知识产权服务业集聚发展示范区",
      "zone.serviceInstitutions": "8家",
      "zone.services": "全部",
    };
    for (let i = 0; i < 20 && step.state.status === "asking"; i++) {
      const id = step.state.pending!;
      asked.push(id);
      if (id === "zone.serviceInstitutions") expect(replyText(step.replies)).toContain("示例市要求服务机构 7 家以上");
      if (id === "zone.services") {
        const text = replyText(step.replies);
        for (const label of ["专利", "商标", "托管"]) expect(text).toContain(label);
        expect(text).not.toContain("核心区");
      }
      step = advanceIntake(step.state, answers[id] ?? "跳过", NOW);
    }
    expect(asked).toContain("zone.serviceInstitutions");
    // Zhejiang's core area and Zibo's county mechanisms are read by neither of its conditions.
    expect(asked).not.toContain("zone.coreAreaSqm");
    expect(asked).not.toContain("county.managementMechanism");
  });

  it("drafting: the application form carries its title, its clause and its own threshold", async () => {
    const profile = { jurisdiction: TESTLAND, asOf: "2026-11-22", applicant: { name: "示例科技园发展有限公司" }, zone: { serviceInstitutions: 8, services: ["patent" as const, "trademark" as const, "custody" as const] } };
    const check = checkZone(profile);
    if (isSideBySide(check)) throw new Error("one jurisdiction expected");
    const result = await draftApplication(profile, check, { editions: ["review"] });
    const all = result.files.map((f) => f.markdown).join("\n");
    expect(all).toContain("示例市知识产权服务业集聚发展示范区申报书");
    expect(all).toContain("7家以上");
    // (the fixture borrows the rest of its template from Zhejiang's, so only its own entries are asserted)
    expect(JURISDICTION_LABELS[TESTLAND]).toBe("示例市");
  });
});
