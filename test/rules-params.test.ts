import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { clientProgramSchema, custodyModeSchema, wonCaseKindSchema } from "../src/rules/agency-input.schema.ts";
import { checkJurisdiction } from "../src/rules/check-zone.ts";
import { evaluateSupport } from "../src/rules/estimate/estimate-support.ts";
import { zb2020ParamsSchema } from "../src/rules/jurisdictions/zibo.jurisdiction.ts";
import { zj2018ParamsSchema } from "../src/rules/jurisdictions/zhejiang.jurisdiction.ts";
import {
  AREA_TYPE_LABELS,
  CARRIER_TYPE_LABELS,
  CLIENT_PROGRAM_LABELS,
  CUSTODY_MODE_LABELS,
  OWNERSHIP_LABELS,
  SERVICE_LABELS,
  WON_CASE_KIND_LABELS,
} from "../src/rules/labels.ts";
import { parseRuleParams, RULES_DIR, RuleParamsError } from "../src/rules/load-rule-params.ts";
import { areaTypeSchema, carrierTypeSchema, ownershipSchema, serviceSchema } from "../src/rules/zone-profile.schema.ts";
import { agency, zhejiangZone } from "./rules-fixtures.ts";

const raw = (file: string) => JSON.parse(readFileSync(`${RULES_DIR}${file}`, "utf8"));

describe("params files", () => {
  it("both shipped params files pass their strict schemas", () => {
    expect(() => parseRuleParams(raw("zj2018.params.json"), zj2018ParamsSchema)).not.toThrow();
    expect(() => parseRuleParams(raw("zb2020.params.json"), zb2020ParamsSchema)).not.toThrow();
  });

  it("every parameter carries a clause of its own policy, a unit and a dated value", () => {
    for (const [file, policy] of [["zj2018.params.json", "zj2018"], ["zb2020.params.json", "zb2020"]] as const) {
      for (const p of Object.values(raw(file).parameters) as { clause: string; unit: string; values: { from: string }[] }[]) {
        expect(p.clause.startsWith(`${policy}:`)).toBe(true);
        expect(p.unit.length).toBeGreaterThan(0);
        expect(p.values[0]!.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it("a misspelt key fails loudly, naming the key and suggesting the right one", () => {
    const bad = raw("zb2020.params.json");
    bad.parameters.minServiceInstitution = bad.parameters.minServiceInstitutions;
    delete bad.parameters.minServiceInstitutions;
    expect(() => parseRuleParams(bad, zb2020ParamsSchema, "zb2020.params.json")).toThrow(RuleParamsError);
    try {
      parseRuleParams(bad, zb2020ParamsSchema, "zb2020.params.json");
    } catch (err) {
      const msg = (err as Error).message;
      expect(msg).toContain("parameters.minServiceInstitution：不认识的字段（是否想写 minServiceInstitutions？");
      expect(msg).toContain("parameters.minServiceInstitutions：缺少此项");
    }
  });

  it("a parameter without its clause, or citing the other policy, is refused", () => {
    const noClause = raw("zj2018.params.json");
    delete noClause.parameters.minCoreAreaSqm.clause;
    expect(() => parseRuleParams(noClause, zj2018ParamsSchema)).toThrow(/parameters\.minCoreAreaSqm\.clause：缺少此项/);
    const wrongPolicy = raw("zj2018.params.json");
    wrongPolicy.parameters.minCoreAreaSqm.clause = "zb2020:5.3";
    expect(() => parseRuleParams(wrongPolicy, zj2018ParamsSchema)).toThrow(/条款 zb2020:5.3 不属于 zj2018/);
  });

  it("a count written as text is refused", () => {
    const bad = raw("zb2020.params.json");
    bad.parameters.wonCaseAnnualCap.values[0].value = "200000";
    expect(() => parseRuleParams(bad, zb2020ParamsSchema)).toThrow(/wonCaseAnnualCap\.values\[0\]\.value/);
  });
});

describe("dated parameter values", () => {
  it("a corrected threshold applies from its date, the old one before it", () => {
    const file = parseRuleParams(raw("zj2018.params.json"), zj2018ParamsSchema);
    file.parameters.minServiceInstitutions.values.push({ from: "2025-01-01", value: 15 });
    const profile = zhejiangZone();
    profile.zone!.serviceInstitutions = 16;
    expect(checkJurisdiction("zhejiang", { ...profile, asOf: "2024-12-31" }, { paramsFile: file }).verdict).toBe("not-eligible");
    expect(checkJurisdiction("zhejiang", { ...profile, asOf: "2025-01-01" }, { paramsFile: file }).verdict).toBe("eligible");
  });

  it("a corrected amount changes the estimate and the stated reading", () => {
    const file = parseRuleParams(raw("zb2020.params.json"), zb2020ParamsSchema);
    file.parameters.pledgeLoanAward.values.push({ from: "2021-01-01", value: 20000 });
    const r = evaluateSupport(agency({ pledgeLoans: 2 }), "2021-06-30", file);
    expect(r.totalMax).toBe(40000);
    expect(r.assumptions[2]).toContain("2 万元");
  });
});

describe("labels", () => {
  it.each([
    ["carrier types", carrierTypeSchema.options, CARRIER_TYPE_LABELS],
    ["ownership", ownershipSchema.options, OWNERSHIP_LABELS],
    ["area types", areaTypeSchema.options, AREA_TYPE_LABELS],
    ["services", serviceSchema.options, SERVICE_LABELS],
    ["custody modes", custodyModeSchema.options, CUSTODY_MODE_LABELS],
    ["won-case kinds", wonCaseKindSchema.options, WON_CASE_KIND_LABELS],
    ["client programmes", clientProgramSchema.options, CLIENT_PROGRAM_LABELS],
  ])("every %s value has a Chinese label", (_name, options, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...options].sort());
    for (const v of Object.values(labels as Record<string, string>)) expect(v).toMatch(/[\u4e00-\u9fff]/);
  });
});
