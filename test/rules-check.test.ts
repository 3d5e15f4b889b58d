import { describe, expect, it } from "vitest";
import { checkAllJurisdictions, checkJurisdiction, checkZone, isSideBySide } from "../src/rules/check-zone.ts";
import type { CheckResult } from "../src/rules/rule-result.types.ts";
import type { ZoneProfile } from "../src/rules/zone-profile.schema.ts";
import { ALL_ZB_SERVICES, zhejiangZone, ziboZone } from "./rules-fixtures.ts";

const condition = (r: CheckResult, id: string) => {
  const c = r.conditions.find((x) => x.id === id);
  if (!c) throw new Error(`no condition ${id}`);
  return c;
};
const codes = (r: CheckResult) => r.warnings.map((w) => w.code);
const zj = (edit: (p: ZoneProfile) => void = () => {}) => {
  const p = zhejiangZone();
  edit(p);
  return checkJurisdiction("zhejiang", p);
};
const zb = (edit: (p: ZoneProfile) => void = () => {}) => {
  const p = ziboZone();
  edit(p);
  return checkJurisdiction("zibo", p);
};

describe("Zhejiang 第六条", () => {
  it("a zone exactly at every threshold (20 institutions, 1000 m²) is eligible", () => {
    const r = zj();
    expect(r.verdict).toBe("eligible");
    expect(r.conditions.map((c) => [c.id, c.status])).toEqual([
      ["zj2018:6.1", "met"],
      ["zj2018:6.2", "met"],
      ["zj2018:6.3", "met"],
      ["zj2018:6.4", "met"],
    ]);
    expect(r.policy).toMatchObject({ id: "zj2018", effective: "2018-01-01", status: "in-force" });
  });

  describe("（三） institutions 19 / 20 / 21", () => {
    it("19 institutions → not met, 还差 1 家服务机构", () => {
      const r = zj((p) => (p.zone!.serviceInstitutions = 19));
      expect(condition(r, "zj2018:6.3")).toMatchObject({ status: "not-met", gap: "还差 1 家服务机构" });
      expect(r.verdict).toBe("not-eligible");
    });
    it("18 institutions → 还差 2 家服务机构", () => {
      expect(condition(zj((p) => (p.zone!.serviceInstitutions = 18)), "zj2018:6.3").gap).toBe("还差 2 家服务机构");
    });
    it("20 institutions → met (「20家以上」 includes 20)", () => {
      expect(condition(zj((p) => (p.zone!.serviceInstitutions = 20)), "zj2018:6.3").status).toBe("met");
    });
    it("21 institutions → met", () => {
      expect(condition(zj((p) => (p.zone!.serviceInstitutions = 21)), "zj2018:6.3").status).toBe("met");
    });
  });

  describe("（三） core area 999 / 1000 / 1001 m²", () => {
    it("999 m² → not met, 核心区面积差 1 平方米", () => {
      expect(condition(zj((p) => (p.zone!.coreAreaSqm = 999)), "zj2018:6.3")).toMatchObject({
        status: "not-met",
        gap: "核心区面积差 1 平方米",
      });
    });
    it("850 m² → 核心区面积差 150 平方米", () => {
      expect(condition(zj((p) => (p.zone!.coreAreaSqm = 850)), "zj2018:6.3").gap).toBe("核心区面积差 150 平方米");
    });
    it("1000 m² → met (「不少于1000平方米」)", () => {
      expect(condition(zj((p) => (p.zone!.coreAreaSqm = 1000)), "zj2018:6.3").status).toBe("met");
    });
    it("1001 m² → met", () => {
      expect(condition(zj((p) => (p.zone!.coreAreaSqm = 1001)), "zj2018:6.3").status).toBe("met");
    });
  });

  describe("（三） services", () => {
    it("no trademark, copyright or training → the gap names them in Chinese", () => {
      const r = zj((p) => (p.zone!.services = ["patent", "agency", "legal", "information", "commercialization", "consulting"]));
      expect(condition(r, "zj2018:6.3")).toMatchObject({ status: "not-met", gap: "缺少：商标、版权；培训" });
    });
    it("an empty service list lacks every field and every service type", () => {
      const r = zj((p) => (p.zone!.services = []));
      expect(condition(r, "zj2018:6.3").gap).toBe("缺少：专利、商标、版权；代理、法律、信息、商用化、咨询、培训");
    });
    it("all three shortfalls at once are all reported", () => {
      const r = zj((p) => {
        p.zone!.serviceInstitutions = 18;
        p.zone!.coreAreaSqm = 850;
        p.zone!.services = ["patent", "trademark", "agency", "legal", "information", "commercialization", "consulting", "training"];
      });
      expect(condition(r, "zj2018:6.3").gap).toBe("还差 2 家服务机构；核心区面积差 150 平方米；缺少：版权");
    });
    it("extra Zibo-only services do not hurt", () => {
      const r = zj((p) => p.zone!.services!.push("custody", "transfer"));
      expect(condition(r, "zj2018:6.3").status).toBe("met");
    });
  });

  describe("missing and failing facts", () => {
    it("institutions not given, everything else fine → unknown, needs review, the missing fact is named", () => {
      const r = zj((p) => delete p.zone!.serviceInstitutions);
      expect(condition(r, "zj2018:6.3")).toMatchObject({ status: "unknown", missing: ["zone.serviceInstitutions"] });
      expect(r.verdict).toBe("needs-review");
    });
    it("one failing fact makes the condition not met even while others are unknown", () => {
      const r = zj((p) => {
        delete p.zone!.serviceInstitutions;
        delete p.zone!.services;
        p.zone!.coreAreaSqm = 999;
      });
      expect(condition(r, "zj2018:6.3")).toMatchObject({ status: "not-met", gap: "核心区面积差 1 平方米" });
      expect(condition(r, "zj2018:6.3").missing).toEqual(["zone.serviceInstitutions", "zone.services"]);
      expect(r.verdict).toBe("not-eligible");
    });
    it("an empty profile → every condition unknown, verdict needs-review", () => {
      const r = checkJurisdiction("zhejiang", { asOf: "2026-11-22" });
      expect(r.conditions.every((c) => c.status === "unknown")).toBe(true);
      expect(r.verdict).toBe("needs-review");
      expect(r.conditions.flatMap((c) => c.missing ?? [])).toEqual([
        "carrier.type",
        "carrier.ownership",
        "zone.industryAdvantage",
        "zone.serviceInstitutions",
        "zone.coreAreaSqm",
        "zone.services",
        "zone.ipManagementSystem",
      ]);
    });
    it("industry advantage false → （二） not met; false is not the same as unknown", () => {
      expect(condition(zj((p) => (p.zone!.industryAdvantage = false)), "zj2018:6.2").status).toBe("not-met");
      expect(condition(zj((p) => delete p.zone!.industryAdvantage), "zj2018:6.2").status).toBe("unknown");
    });
    it("no IP management system → （四） not met with a gap", () => {
      const c = condition(zj((p) => (p.zone!.ipManagementSystem = false)), "zj2018:6.4");
      expect(c.status).toBe("not-met");
      expect(c.gap).toContain("知识产权管理制度");
    });
  });

  describe("（一） carrier", () => {
    it("a carrier type the clause does not name → not met, the gap lists the six types", () => {
      const c = condition(zj((p) => (p.carrier!.type = "other")), "zj2018:6.1");
      expect(c.status).toBe("not-met");
      expect(c.gap).toContain("科创服务中心、科技企业孵化器、众创空间、科技大市场、大学科技园、技术转移服务机构");
    });
    it("each of the six named carrier types is accepted", () => {
      for (const type of ["sci-tech-service-center", "incubator", "maker-space", "tech-market", "university-science-park", "tech-transfer-agency"] as const)
        expect(condition(zj((p) => (p.carrier!.type = type)), "zj2018:6.1").status).toBe("met");
    });
    it("ownership other than state-owned or private → not met; unknown ownership → unknown", () => {
      expect(condition(zj((p) => (p.carrier!.ownership = "other")), "zj2018:6.1").status).toBe("not-met");
      expect(condition(zj((p) => (p.carrier!.ownership = "private")), "zj2018:6.1").status).toBe("met");
      expect(condition(zj((p) => delete p.carrier!.ownership), "zj2018:6.1").status).toBe("unknown");
    });
  });

  it("county facts do not matter for Zhejiang", () => {
    const r = zj((p) => (p.county = { managementMechanism: false, developmentPlan: false, supportPolicies: false }));
    expect(r.verdict).toBe("eligible");
  });

  describe("area-not-preferred (第五条)", () => {
    it("a development zone is not among 高新园区、科技城、高新技术特色小镇 → warning, still eligible", () => {
      const r = zj((p) => (p.zone!.areaType = "development-zone"));
      expect(codes(r)).toContain("area-not-preferred");
      expect(r.verdict).toBe("eligible");
    });
    it("a characteristic town → no warning", () => {
      expect(codes(zj((p) => (p.zone!.areaType = "characteristic-town")))).not.toContain("area-not-preferred");
    });
    it("unknown area type → no warning", () => {
      expect(codes(zj((p) => delete p.zone!.areaType))).not.toContain("area-not-preferred");
    });
  });

  describe("validity: a trial with no end date", () => {
    it("in force on its first day, 2018-01-01", () => {
      expect(zj((p) => (p.asOf = "2018-01-01")).policy.status).toBe("in-force");
    });
    it("still in force in 2040, with no trial warning", () => {
      const r = zj((p) => (p.asOf = "2040-01-01"));
      expect(r.policy.status).toBe("in-force");
      expect(codes(r)).not.toContain("policy-trial-expired");
    });
    it("the day before, 2017-12-31 → not yet in force, reported, not thrown, and nothing can be applied for", () => {
      const r = zj((p) => (p.asOf = "2017-12-31"));
      expect(r.policy.status).toBe("not-yet-in-force");
      expect(codes(r)).toContain("policy-not-yet-in-force");
      expect(r.verdict).toBe("not-eligible");
      expect(r.conditions.every((c) => c.status === "met")).toBe(true);
    });
  });

  it("lists the five materials of 第九条 and the procedure of 第八–十条", () => {
    const r = zj();
    expect(r.materials.map((m) => m.clause)).toEqual(["zj2018:9.1", "zj2018:9.2", "zj2018:9.3", "zj2018:9.4", "zj2018:9.5"]);
    expect(r.materials[3]!.name).toBe("申报材料真实性承诺书");
    expect(r.procedureSteps!.map((s) => s.clause)).toEqual(["zj2018:8", "zj2018:9", "zj2018:9", "zj2018:9", "zj2018:10", "zj2018:10"]);
    expect(r.procedure[2]).toBe("向设区市知识产权局提出申报申请（第九条）");
  });

  it("the trace reads fact → parameter (value + clause) → result", () => {
    const c = condition(zj((p) => (p.zone!.serviceInstitutions = 18)), "zj2018:6.3");
    expect(c.trace![0]!.text).toBe("现有知识产权服务机构 18 家；第六条（三）要求现有知识产权服务机构 20 家以上（含本数） → 不满足，还差 2 家服务机构");
    expect(c.trace![0]!.clause).toBe("zj2018:6.3");
  });
});

describe("Zibo 第五条", () => {
  it("a zone meeting （一）–（三） during the trial is eligible, with no trial warning", () => {
    const r = zb();
    expect(r.verdict).toBe("eligible");
    expect(r.policy.status).toBe("in-force");
    expect(codes(r)).toEqual([]);
  });

  describe("（三） institutions 1 / 2 / 3", () => {
    it("1 institution → not met, 还差 1 家服务机构", () => {
      expect(condition(zb((p) => (p.zone!.serviceInstitutions = 1)), "zb2020:5.3")).toMatchObject({
        status: "not-met",
        gap: "还差 1 家服务机构",
      });
    });
    it("2 institutions → met (「2家以上」 includes 2)", () => {
      expect(condition(zb((p) => (p.zone!.serviceInstitutions = 2)), "zb2020:5.3").status).toBe("met");
    });
    it("3 institutions → met", () => {
      expect(condition(zb((p) => (p.zone!.serviceInstitutions = 3)), "zb2020:5.3").status).toBe("met");
    });
    it("0 institutions → 还差 2 家服务机构", () => {
      expect(condition(zb((p) => (p.zone!.serviceInstitutions = 0)), "zb2020:5.3").gap).toBe("还差 2 家服务机构");
    });
  });

  it("（三） services missing custody and plant varieties → the gap names them", () => {
    const r = zb((p) => (p.zone!.services = ALL_ZB_SERVICES.filter((s) => s !== "custody" && s !== "plant-variety")));
    expect(condition(r, "zb2020:5.3")).toMatchObject({ status: "not-met", gap: "缺少：植物新品种、托管" });
  });

  it("Zhejiang's service types (legal, training …) do not satisfy Zibo's list", () => {
    const r = zb((p) => (p.zone!.services = ["patent", "trademark", "copyright", "agency", "legal", "information", "commercialization", "consulting", "training"]));
    expect(condition(r, "zb2020:5.3").gap).toBe("缺少：地理标志、植物新品种、专利检索分析、导航预警、评议评估、质押融资、转移转化、托管");
  });

  it("no core area given → Zibo does not need it", () => {
    const r = zb((p) => delete p.zone!.coreAreaSqm);
    expect(r.verdict).toBe("eligible");
  });

  describe("（一） county facts", () => {
    it("no support policies → not met", () => {
      expect(condition(zb((p) => (p.county!.supportPolicies = false)), "zb2020:5.1").status).toBe("not-met");
    });
    it("development plan not given → unknown, needs review", () => {
      const r = zb((p) => delete p.county!.developmentPlan);
      expect(condition(r, "zb2020:5.1")).toMatchObject({ status: "unknown", missing: ["county.developmentPlan"] });
      expect(r.verdict).toBe("needs-review");
    });
    it("one false and two unknown → not met", () => {
      const r = zb((p) => (p.county = { managementMechanism: false }));
      expect(condition(r, "zb2020:5.1").status).toBe("not-met");
      expect(condition(r, "zb2020:5.1").missing).toEqual(["county.developmentPlan", "county.supportPolicies"]);
    });
  });

  it("（二） industry advantage false → not met", () => {
    expect(condition(zb((p) => (p.zone!.industryAdvantage = false)), "zb2020:5.2").status).toBe("not-met");
  });

  describe("validity: one-year trial from 2020-08-25", () => {
    it("2021-08-24, the last trial day → in force", () => {
      const r = zb((p) => (p.asOf = "2021-08-24"));
      expect(r.policy.status).toBe("in-force");
      expect(codes(r)).not.toContain("policy-trial-expired");
    });
    it("2021-08-25 → trial-expired with the warning, conditions still evaluated", () => {
      const r = zb((p) => (p.asOf = "2021-08-25"));
      expect(r.policy.status).toBe("trial-expired");
      expect(codes(r)).toContain("policy-trial-expired");
      expect(r.warnings.find((w) => w.code === "policy-trial-expired")!.message).toContain("淄博市知识产权事业发展中心");
      expect(r.verdict).toBe("eligible");
    });
    it("2022-03-01 → trial-expired", () => {
      expect(zb((p) => (p.asOf = "2022-03-01")).policy.status).toBe("trial-expired");
    });
    it("2020-08-24, the day before it took effect → not yet in force", () => {
      expect(zb((p) => (p.asOf = "2020-08-24")).policy.status).toBe("not-yet-in-force");
      expect(zb((p) => (p.asOf = "2020-08-25")).policy.status).toBe("in-force");
    });
  });

  describe("area-not-preferred (第三条)", () => {
    it("a high-tech park is preferred in Zhejiang but not named by Zibo 第三条 → warning", () => {
      expect(codes(zb((p) => (p.zone!.areaType = "high-tech-park")))).toContain("area-not-preferred");
    });
    it("a development zone → no warning", () => {
      expect(codes(zb((p) => (p.zone!.areaType = "development-zone")))).not.toContain("area-not-preferred");
    });
  });

  it("lists the 申报书 of 第八条 and the steps of 第七条 and 第八条", () => {
    const r = zb();
    expect(r.materials).toHaveLength(1);
    expect(r.materials[0]).toMatchObject({ name: "《淄博市知识产权服务业集聚发展示范区申报书》", clause: "zb2020:8.1" });
    expect(r.procedureSteps!.map((s) => s.clause)).toEqual(["zb2020:7.1", "zb2020:7.2", "zb2020:7.3", "zb2020:8.2"]);
    expect(r.procedure[1]).toBe("向辖区内区县知识产权管理部门提出申报申请（第七条第2项）");
  });
});

describe("no jurisdiction → side by side", () => {
  const both = (edit: (p: ZoneProfile) => void = () => {}) => {
    const p: ZoneProfile = { ...zhejiangZone(), county: { managementMechanism: true, developmentPlan: true, supportPolicies: true } };
    delete p.jurisdiction;
    p.zone!.services = [...new Set([...p.zone!.services!, ...ALL_ZB_SERVICES])];
    p.asOf = "2021-05-01";
    edit(p);
    return checkZone(p);
  };

  it("a zone meeting both → both results, eligible for both", () => {
    const r = both();
    if (!isSideBySide(r)) throw new Error("expected side by side");
    expect(r.results.map((x) => x.jurisdiction)).toEqual(["zhejiang", "zibo"]);
    expect(r.eligibleFor).toEqual(["zhejiang", "zibo"]);
    expect(r.summary).toContain("可申报：浙江省示范区、淄博市示范区");
  });

  it("5 institutions → Zibo only; the summary says why not Zhejiang", () => {
    const r = both((p) => (p.zone!.serviceInstitutions = 5));
    if (!isSideBySide(r)) throw new Error("expected side by side");
    expect(r.eligibleFor).toEqual(["zibo"]);
    expect(r.results[0]!.verdict).toBe("not-eligible");
    expect(r.summary).toContain("可申报：淄博市示范区");
    expect(r.summary).toContain("浙江省示范区：不符合（第六条（三）：还差 15 家服务机构）");
  });

  it("checked after the Zibo trial → the summary says to confirm an extension", () => {
    const r = both((p) => (p.asOf = "2026-11-22"));
    if (!isSideBySide(r)) throw new Error("expected side by side");
    expect(r.results[1]!.policy.status).toBe("trial-expired");
    expect(r.summary).toContain("试用期已满");
  });

  it("nothing known → neither can be decided; the summary asks for more", () => {
    const r = checkAllJurisdictions({}, { today: "2021-05-01" });
    expect(r.asOf).toBe("2021-05-01");
    expect(r.eligibleFor).toEqual([]);
    expect(r.needsReviewFor).toEqual(["zhejiang", "zibo"]);
    expect(r.summary).toContain("需补充信息");
  });

  it("a failing fact in both → neither", () => {
    const r = both((p) => (p.zone!.industryAdvantage = false));
    if (!isSideBySide(r)) throw new Error("expected side by side");
    expect(r.eligibleFor).toEqual([]);
    expect(r.summary).toContain("均不符合申报条件");
  });
});

describe("asOf", () => {
  it("without asOf the caller's today is used", () => {
    const p = ziboZone();
    delete p.asOf;
    expect(checkJurisdiction("zibo", p, { today: "2021-08-25" }).asOf).toBe("2021-08-25");
    expect(checkJurisdiction("zibo", p, { today: "2021-08-25" }).policy.status).toBe("trial-expired");
  });
});
