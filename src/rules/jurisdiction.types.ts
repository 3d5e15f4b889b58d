/**
 * What a jurisdiction module declares: its names, its params file and schema,
 * its conditions (built from fact tests) and warnings, the support estimate
 * it offers (if any), the words its intake uses and its documents' template.
 * Materials and procedure come from the params file. Adding a jurisdiction =
 * a params file + a module + one registry line (jurisdiction-registry.ts).
 */
import type { z } from "zod";
import type { JurisdictionNames, PolicyId } from "../knowledge/jurisdictions.ts";
import type { JurisdictionTemplate } from "../drafting/jurisdiction-template.types.ts";
import type { AgencyInput } from "./agency-input.schema.ts";
import type { ConditionStatus, EstimateResult, RuleWarning, TraceStep } from "./rule-result.types.ts";
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

/** Every parameter's value on a date, by name: what a text that shows a number reads. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each module reads its own parameters by name
export type ParamValues = Readonly<Record<string, any>>;

/** A text of the intake: fixed, or written with the parameters in force. */
export type IntakeText = string | ((params: ParamValues) => string);

/**
 * The intake's words where this jurisdiction's policy has its own (its form's
 * name, its applicant's role), by question id; a question not listed here is
 * asked in the intake's general words (src/intake/application-questions.ts).
 */
export type IntakeWording = Readonly<Record<string, { prompt?: IntakeText; why?: IntakeText; example?: string; clause?: string }>>;

/** The support estimate a jurisdiction offers IP service agencies (Zibo 第九条). */
export interface SupportEstimate<P extends Record<string, ParamDef<unknown>>> {
  /** the article it reads: 「zb2020:9」 */
  clause: string;
  /** what the chat says when the estimate starts */
  intro: string;
  /** pure: the agency's facts, a date and the params file in; the estimate out */
  evaluate(input: AgencyInput, asOf: string, file: RuleParamsFile<P>): EstimateResult;
}

export interface JurisdictionModule<P extends Record<string, ParamDef<unknown>> = Record<string, ParamDef<unknown>>> {
  jurisdiction: Jurisdiction;
  policyId: PolicyId;
  /** label, level, aliases, application-number prefix, the policy's title (src/knowledge/jurisdictions.ts) */
  names: JurisdictionNames;
  /** file name under knowledge/rules/ (or a path, for a fixture) */
  paramsFile: string;
  paramsSchema: z.ZodType<RuleParamsFile<P>>;
  conditions: ConditionRule<ResolvedParams<P>>[];
  warnings: WarningRule<ResolvedParams<P>>[];
  estimate?: SupportEstimate<P>;
  intake?: IntakeWording;
  /** what the drafts of this jurisdiction say (titles, roles, clauses, tasks, indicators, materials) */
  documents: JurisdictionTemplate;
}

/** Identity with type inference for a module's own parameters. */
export function defineJurisdiction<P extends Record<string, ParamDef<unknown>>>(m: JurisdictionModule<P>): JurisdictionModule<P> {
  return m;
}
