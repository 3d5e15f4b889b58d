/**
 * The facts each rule set reads — what the chat intake should ask, and no
 * more. Derived from the rules themselves, so a new condition brings its
 * question with it.
 *
 * @example requiredFacts("zibo").map((f) => f.path)
 *   // county.managementMechanism, …, zone.serviceInstitutions, zone.services, zone.areaType
 */
import { SUPPORT_RULES } from "./estimate/evaluate-support.ts";
import { jurisdictionModule } from "./jurisdiction-registry.ts";
import type { RequiredFact } from "./jurisdiction.types.ts";
import { factLabel } from "./labels.ts";
import { loadRuleParams } from "./load-rule-params.ts";
import { resolveParams } from "./rule-param.schema.ts";
import { todayInChina } from "./today.ts";
import type { Jurisdiction } from "./zone-profile.schema.ts";

export type { RequiredFact, FactKind } from "./jurisdiction.types.ts";

/**
 * Zone-profile facts read by one jurisdiction's conditions (role condition)
 * and warnings (role warning). `expected` comes from the parameters in force
 * on `date` (default today).
 */
export function requiredFacts(jurisdiction: Jurisdiction, date: string = todayInChina()): RequiredFact[] {
  const m = jurisdictionModule(jurisdiction);
  const params = resolveParams(loadRuleParams(m.paramsFile, m.paramsSchema).parameters, date);
  const out = new Map<string, RequiredFact>();
  for (const c of m.conditions)
    for (const t of c.tests) {
      if (out.has(t.fact.path)) continue;
      out.set(t.fact.path, {
        path: t.fact.path,
        clause: c.id,
        kind: t.fact.kind,
        ...(t.fact.options ? { options: [...t.fact.options] } : {}),
        ...(t.expected ? { expected: [...t.expected(params)] } : {}),
        label: factLabel(t.fact.path),
        role: "condition",
      });
    }
  for (const w of m.warnings)
    if (!out.has(w.fact.path))
      out.set(w.fact.path, {
        path: w.fact.path,
        clause: w.clause,
        kind: w.fact.kind,
        ...(w.fact.options ? { options: [...w.fact.options] } : {}),
        label: factLabel(w.fact.path),
        role: "warning",
      });
  return [...out.values()];
}

/** Agency-input facts the Zibo 第九条 estimate reads, in clause order. */
export function requiredAgencyFacts(): RequiredFact[] {
  const gate: RequiredFact[] = [
    { path: "year", clause: "zb2020:9", kind: "year", label: factLabel("year"), role: "estimate" },
    { path: "agency.inZone", clause: "zb2020:9", kind: "boolean", label: factLabel("agency.inZone"), role: "estimate" },
    {
      path: "agency.patentAgencyQualified",
      clause: "zb2020:9",
      kind: "boolean",
      label: factLabel("agency.patentAgencyQualified"),
      role: "estimate",
    },
  ];
  const out = new Map(gate.map((f) => [f.path, f]));
  for (const r of SUPPORT_RULES)
    for (const f of r.facts)
      if (!out.has(f.path))
        out.set(f.path, {
          path: f.path,
          clause: r.clause,
          kind: f.kind,
          ...(f.options ? { options: [...f.options] } : {}),
          label: factLabel(f.path),
          role: "estimate",
        });
  return [...out.values()];
}
