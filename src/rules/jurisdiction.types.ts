/**
 * What a jurisdiction module declares so the engine can check a zone against
 * it: its params file and schema, its conditions (built from fact tests),
 * its warnings. Materials and procedure come from the params file. Adding a
 * jurisdiction = a params file + a module + one registry line.
 */
import type { z } from "zod";
import type { PolicyId } from "../knowledge/policy-document.schema.ts";
import type { ConditionStatus, RuleWarning, TraceStep } from "./rule-result.types.ts";
import type { ParamDef, ResolvedParams, RuleParamsFile } from "./rule-param.schema.ts";
import type { Jurisdiction, ZoneProfile } from "./zone-profile.schema.ts";

export type FactKind = "boolean" | "count" | "area" | "enum" | "multi-enum" | "year" | "text";

/** A fact a rule reads: what the chat intake must ask for. */
export interface RequiredFact {
  /** dotted path into the input: `zone.serviceInstitutions`, `clients[].program` */
  path: string;
  /** the clause whose rule reads it */
  clause: string;
  kind: FactKind;
  /** allowed values of an enum / multi-enum */
  options?: string[];
  /** values the rule wants, from the parameters in force: one of them (enum), all of them (multi-enum) */
  expected?: string[];
  /** the question in Chinese (labels.ts) */
  label: string;
  /** condition = decides met/not-met; warning = only adds a warning; estimate = an amount of 第九条 */
  role: "condition" | "warning" | "estimate";
}

/** One fact checked against one parameter. */
export interface FactOutcome {
  status: ConditionStatus;
  path: string;
  detail: string;
  gap?: string;
  /** unknown because a range straddles the threshold: 「取决于确切数量：20 家以上则满足（第六条（三））」 */
  boundary?: string;
  trace: TraceStep;
}

export interface FactTest<R> {
  fact: { path: string; kind: FactKind; options?: readonly string[] };
  /** the values that satisfy it (enum: any one; multi-enum: all) */
  expected?(params: R): readonly string[];
  evaluate(profile: ZoneProfile, params: R): FactOutcome;
}

/** One condition (e.g. zj2018:6.3): met only when all its fact tests are. */
export interface ConditionRule<R> {
  id: string;
  label: string;
  tests: FactTest<R>[];
}

export interface WarningRule<R> {
  clause: string;
  fact: { path: string; kind: FactKind; options?: readonly string[] };
  evaluate(profile: ZoneProfile, params: R): RuleWarning | undefined;
}

export interface JurisdictionModule<P extends Record<string, ParamDef<unknown>> = Record<string, ParamDef<unknown>>> {
  jurisdiction: Jurisdiction;
  policyId: PolicyId;
  /** file name under knowledge/rules/ */
  paramsFile: string;
  paramsSchema: z.ZodType<RuleParamsFile<P>>;
  conditions: ConditionRule<ResolvedParams<P>>[];
  warnings: WarningRule<ResolvedParams<P>>[];
}

/** Identity with type inference for a module's own parameters. */
export function defineJurisdiction<P extends Record<string, ParamDef<unknown>>>(m: JurisdictionModule<P>): JurisdictionModule<P> {
  return m;
}
