import { describe, expect, it } from "vitest";
import { requiredAgencyFacts, requiredFacts } from "../src/rules/required-facts.ts";

describe("requiredFacts", () => {
  it("Zibo asks for county facts and never for the core area", () => {
    const paths = requiredFacts("zibo").map((f) => f.path);
    expect(paths).toContain("county.managementMechanism");
    expect(paths).toContain("county.supportPolicies");
    expect(paths).not.toContain("zone.coreAreaSqm");
  });

  it("Zhejiang asks for the core area and carrier, never for county facts", () => {
    const facts = requiredFacts("zhejiang");
    expect(facts.map((f) => f.path)).toEqual([
      "carrier.type",
      "carrier.ownership",
      "zone.industryAdvantage",
      "zone.serviceInstitutions",
      "zone.coreAreaSqm",
      "zone.services",
      "zone.ipManagementSystem",
      "zone.areaType",
    ]);
    expect(facts.some((f) => f.path.startsWith("county."))).toBe(false);
  });

  it("each fact has its clause, kind, Chinese label, and options for enums", () => {
    const byPath = Object.fromEntries(requiredFacts("zhejiang").map((f) => [f.path, f]));
    expect(byPath["zone.coreAreaSqm"]).toMatchObject({ clause: "zj2018:6.3", kind: "area", role: "condition", label: "核心区面积（平方米）" });
    expect(byPath["carrier.type"]!.options).toContain("university-science-park");
    expect(byPath["zone.services"]).toMatchObject({ kind: "multi-enum" });
    expect(byPath["zone.areaType"]).toMatchObject({ clause: "zj2018:5", role: "warning" });
  });

  it("expected values come from the parameters: the services each jurisdiction wants, the carriers Zhejiang accepts", () => {
    const zb = Object.fromEntries(requiredFacts("zibo").map((f) => [f.path, f]));
    expect(zb["zone.services"]!.expected).toHaveLength(11);
    expect(zb["zone.services"]!.expected).toContain("plant-variety");
    const zj = Object.fromEntries(requiredFacts("zhejiang").map((f) => [f.path, f]));
    expect(zj["zone.services"]!.expected).toEqual(["patent", "trademark", "copyright", "agency", "legal", "information", "commercialization", "consulting", "training"]);
    expect(zj["carrier.ownership"]!.expected).toEqual(["state-owned", "private"]);
  });

  it("the estimate asks for the gate facts first, then each part of 第九条 once", () => {
    const facts = requiredAgencyFacts();
    expect(facts.slice(0, 3).map((f) => f.path)).toEqual(["year", "agency.inZone", "agency.patentAgencyQualified"]);
    const paths = facts.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(facts.find((f) => f.path === "inventionGrants")).toMatchObject({ clause: "zb2020:9.5", kind: "count" });
    expect(facts.find((f) => f.path === "custody.modes")!.options).toEqual(["full", "advisory", "single"]);
    expect(facts.every((f) => /[\u4e00-\u9fff]/.test(f.label))).toBe(true);
  });
});
