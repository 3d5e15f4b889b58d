/**
 * A jurisdiction's policy standing on a date, before any fact is known: what
 * the intake tells a user as soon as they choose Zibo (its one-year trial
 * ended on the date in zb2020.params.json), rather than only in the result.
 */
import { jurisdictionModule } from "./jurisdiction-registry.ts";
import { loadRuleParams } from "./load-rule-params.ts";
import { policyStanding, validityOf, type PolicyStanding } from "./policy-validity.ts";
import type { Jurisdiction } from "./zone-profile.schema.ts";

export function jurisdictionStanding(jurisdiction: Jurisdiction, asOf: string): PolicyStanding {
  const module = jurisdictionModule(jurisdiction);
  const file = loadRuleParams(module.paramsFile, module.paramsSchema);
  return policyStanding(validityOf(file, asOf), { asOf });
}
