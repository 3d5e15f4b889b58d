/**
 * The rule parameters a document prints (thresholds, required services,
 * Zibo's 第九条 tiers), resolved for the document's date from
 * knowledge/rules/*.params.json — so a draft never states a number the rules
 * do not use.
 */
import { loadRuleParams } from "../rules/load-rule-params.ts";
import { jurisdictionModule } from "../rules/jurisdiction-registry.ts";
import { resolveParams } from "../rules/rule-param.schema.ts";
import type { Jurisdiction, Service } from "../rules/zone-profile.schema.ts";

export interface PolicyFigures {
  /** 现有知识产权服务机构 N 家以上 (zj2018:6.3) / 服务点（机构）N 家以上 (zb2020:5.3) */
  minServiceInstitutions: number;
  /** 核心区面积不少于 N 平方米 (zj2018:6.3); Zibo sets none */
  minCoreAreaSqm?: number;
  /**
   * What the institutions condition requires as groups: Zhejiang 第六条（三） is a
   * grid of IP kinds × service kinds; Zibo 第五条（三） one list.
   */
  serviceGroups: { title: string; services: Service[] }[];
  /** every required service, in the order the clause lists them */
  requiredServices: Service[];
  /** Zibo 第九条（五）: 「超过70件、120件、200件」 */
  inventionGrantTiers?: number[];
}

type Resolved = Record<string, { value: unknown } | undefined>;

function valueOf<T>(params: Resolved, key: string): T | undefined {
  return params[key]?.value as T | undefined;
}

export function policyFigures(jurisdiction: Jurisdiction, date: string): PolicyFigures {
  const m = jurisdictionModule(jurisdiction);
  const params = resolveParams(loadRuleParams(m.paramsFile, m.paramsSchema).parameters, date) as Resolved;
  const ipFields = valueOf<Service[]>(params, "requiredIpFields");
  const serviceTypes = valueOf<Service[]>(params, "requiredServiceTypes");
  const single = valueOf<Service[]>(params, "requiredServices");
  const serviceGroups =
    ipFields && serviceTypes
      ? [
          { title: "知识产权门类", services: ipFields },
          { title: "服务类型", services: serviceTypes },
        ]
      : [{ title: "服务需求", services: single ?? [] }];
  const tiers = valueOf<{ moreThan: number }[]>(params, "inventionGrantTiers");
  return {
    minServiceInstitutions: valueOf<number>(params, "minServiceInstitutions") ?? 0,
    ...(valueOf<number>(params, "minCoreAreaSqm") !== undefined ? { minCoreAreaSqm: valueOf<number>(params, "minCoreAreaSqm") } : {}),
    serviceGroups,
    requiredServices: serviceGroups.flatMap((g) => g.services),
    ...(tiers ? { inventionGrantTiers: tiers.map((t) => t.moreThan) } : {}),
  };
}
