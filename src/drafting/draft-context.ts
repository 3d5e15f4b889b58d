/**
 * What every document builder shares: the one document date, the
 * jurisdiction's template and the rule parameters in force on that date.
 */
import type { CheckResult } from "../rules/rule-result.types.ts";
import type { ZoneProfile } from "../rules/zone-profile.schema.ts";
import { isoDateInChina } from "./chinese-date.ts";
import { templateFor, type JurisdictionTemplate } from "./jurisdiction-templates.ts";
import { policyFigures, type PolicyFigures } from "./policy-figures.ts";

export interface DraftContext {
  /**
   * The one date every document prints — 填报日期, 编制日期, 自查基准日 and
   * 预审基准日 alike: the date the rules were checked on (the profile's asOf),
   * else today in China.
   */
  date: string;
  template: JurisdictionTemplate;
  figures: PolicyFigures;
}

export function draftContext(profile: ZoneProfile, check: CheckResult, now: Date = new Date()): DraftContext {
  const date = check.asOf ?? profile.asOf ?? isoDateInChina(now);
  return { date, template: templateFor(check.jurisdiction), figures: policyFigures(check.jurisdiction, date) };
}
