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
import type { PolicyFigures } from "./jurisdiction-template.types.ts";

export type { PolicyFigures } from "./jurisdiction-template.types.ts";

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
