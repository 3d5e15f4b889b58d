/**
 * The shape of one intake question. The catalog (application-questions.ts,
 * agency-questions.ts) is data of this shape; the engine only interprets it.
 */
import type { Jurisdiction } from "../rules/zone-profile.schema.ts";
import type { ChoiceSpec } from "./parsers/parse-choice.ts";
import type { FactValue, IntakeFlow } from "./intake-state.schema.ts";

/** How an answer is read; each kind maps to one parser (parse-answer.ts). */
export type AnswerKind =
  | "org-name"
  | "zone-name"
  | "person-name"
  | "address"
  | "credit-code"
  | "phone"
  | "count"
  | "area"
  | "yes-no"
  | "choice"
  | "multi-choice"
  | "year"
  | "date"
  | "clients";

/** The values of a jurisdiction's rule parameters on one date, by parameter name. */
export type { ParamValues } from "../rules/jurisdiction.types.ts";
import type { IntakeText } from "../rules/jurisdiction.types.ts";

/** When a question applies, as data over the facts collected so far. */
export type FactCondition =
  | { fact: string; is: FactValue }
  | { fact: string; isNot: FactValue }
  | { fact: string; nonEmpty: true }
  | { all: FactCondition[] }
  | { any: FactCondition[] };

export interface QuestionDef {
  /** stable id; also the fact path in the ZoneProfile/AgencyInput (virtual for wonCases.*, clients.*) */
  id: string;
  flow: IntakeFlow;
  /** jurisdiction routing, applicant data for the draft, zone facts, agency facts */
  group: "routing" | "applicant" | "zone" | "agency";
  /** "rule": read by check/estimate; "draft": only for the application documents */
  purpose: "routing" | "rule" | "draft";
  /**
   * asked only in these jurisdictions (application flow); changing jurisdiction clears the answer.
   * Zone facts need not say: they are asked where the rules read them (`requiredFacts`).
   */
  jurisdictions?: readonly Jurisdiction[];
  /** short name in the summary and progress line: 核心区面积 */
  label: string;
  /** other names for 「修改 面积」 */
  aliases: readonly string[];
  /** the general words; a jurisdiction's module may have its own (IntakeWording) */
  prompt: IntakeText;
  /**
   * one sentence: why the policy needs this fact. A text that shows a number
   * of the rules is a function of the parameters in force (values by name,
   * knowledge/rules/*.params.json), so correcting the number corrects it.
   */
  why: IntakeText;
  /** citation id of the clause the fact is read against (default: the rule's, or the module's) */
  clause?: string;
  kind: AnswerKind;
  /** a multi-choice rule fact offers what the jurisdiction's rules expect instead */
  options?: readonly ChoiceSpec[];
  /** unit shown after numbers: 家, 平方米, 笔 */
  unit?: string;
  example: string;
  /** cannot be left unknown (the flow cannot go on without it) */
  required?: boolean;
  /** not numbered as a step (the jurisdiction choice that shapes the rest) */
  unnumbered?: boolean;
  /** facts whose change makes this answer stale: it is cleared and asked again */
  dependsOn?: readonly string[];
  /** asked only when this holds; otherwise skipped (answers are kept, not cleared) */
  askIf?: FactCondition;
}

/** A question with its per-jurisdiction texts chosen. */
export interface ResolvedQuestion extends Omit<QuestionDef, "prompt" | "why" | "clause" | "options" | "example"> {
  prompt: string;
  why: string;
  clause?: string;
  options?: readonly ChoiceSpec[];
  example: string;
}
