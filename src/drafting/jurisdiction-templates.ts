/**
 * Which template a draft follows: the one its jurisdiction's module carries
 * (the shape: jurisdiction-template.types.ts; the data: src/rules/jurisdictions/*.documents.ts).
 */
import { jurisdictionModule } from "../rules/jurisdiction-registry.ts";
import type { Jurisdiction } from "../rules/zone-profile.schema.ts";
import type { Indicator, JurisdictionTemplate, PolicyFigures } from "./jurisdiction-template.types.ts";

export type { Indicator, IndicatorBaseline, JurisdictionTemplate, KeyProject, MaterialTemplate, Phase, PlanTask } from "./jurisdiction-template.types.ts";

/** The jurisdiction's documents template, from its module (src/rules/jurisdiction-registry.ts). */
export function templateFor(jurisdiction: Jurisdiction): JurisdictionTemplate {
  return jurisdictionModule(jurisdiction).documents;
}

/** An indicator's requirement as printed, its numbers from the rule parameters. */
export function indicatorRequirement(i: Indicator, figures: PolicyFigures): string {
  return typeof i.requirement === "string" ? i.requirement : i.requirement(figures);
}
