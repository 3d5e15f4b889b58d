/** Named zone profiles and agency inputs shared by the rules tests. */
import type { AgencyInput } from "../src/rules/agency-input.schema.ts";
import type { ZoneProfile } from "../src/rules/zone-profile.schema.ts";

export const ALL_ZJ_SERVICES = ["patent", "trademark", "copyright", "agency", "legal", "information", "commercialization", "consulting", "training"] as const;
export const ALL_ZB_SERVICES = [
  "patent", "trademark", "copyright", "geographical-indication", "plant-variety", "patent-search-analysis",
  "navigation-warning", "evaluation", "pledge-financing", "transfer", "custody",
] as const;

/** A science-city service centre that meets every Zhejiang condition exactly at the thresholds. */
export function zhejiangZone(): ZoneProfile {
  return {
    jurisdiction: "zhejiang",
    asOf: "2026-11-22",
    applicant: { name: "某科技城科创服务中心有限公司" },
    carrier: { type: "sci-tech-service-center", ownership: "state-owned" },
    zone: {
      name: "某科技城知识产权服务业集聚区",
      areaType: "science-city",
      coreAreaSqm: 1000,
      serviceInstitutions: 20,
      services: [...ALL_ZJ_SERVICES],
      industryAdvantage: true,
      ipManagementSystem: true,
    },
  };
}

/** An innovation park in a supportive county that meets every Zibo condition, checked during the trial. */
export function ziboZone(): ZoneProfile {
  return {
    jurisdiction: "zibo",
    asOf: "2021-03-01",
    applicant: { name: "某区创新创业园运营公司" },
    carrier: { type: "incubator", ownership: "private" },
    zone: { name: "某创新创业园", areaType: "innovation-park", serviceInstitutions: 2, services: [...ALL_ZB_SERVICES], industryAdvantage: true },
    county: { managementMechanism: true, developmentPlan: true, supportPolicies: true },
  };
}

/** A qualified agency inside a Zibo zone, mid-2021, with nothing else reported yet. */
export function agency(extra: Partial<AgencyInput> = {}): AgencyInput {
  return {
    jurisdiction: "zibo",
    year: 2021,
    asOf: "2021-06-30",
    agency: { name: "淄博某专利代理公司", inZone: true, patentAgencyQualified: true },
    abnormalApplications: false,
    ...extra,
  };
}
