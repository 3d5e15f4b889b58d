/**
 * All intake questions and the few reads the engine needs over them:
 * which apply now, what depends on what, and each one's per-jurisdiction texts.
 */
import { jurisdictionModule } from "../rules/jurisdiction-registry.ts";
import { loadRuleParams } from "../rules/load-rule-params.ts";
import { requiredFacts } from "../rules/required-facts.ts";
import { resolveParams } from "../rules/rule-param.schema.ts";
import { todayInChina } from "../rules/today.ts";
import { JURISDICTIONS, jurisdictionSchema, type Jurisdiction } from "../knowledge/jurisdictions.ts";
import { AGENCY_QUESTIONS } from "./agency-questions.ts";
import { APPLICATION_QUESTIONS } from "./application-questions.ts";
import type { FactValue, IntakeFlow, IntakeState } from "./intake-state.schema.ts";
import type { FactCondition, ParamValues, PerJurisdiction, QuestionDef, ResolvedQuestion } from "./question.types.ts";

export const QUESTIONS: readonly QuestionDef[] = [...APPLICATION_QUESTIONS, ...AGENCY_QUESTIONS];

const BY_ID = new Map(QUESTIONS.map((q) => [q.id, q]));

export function questionById(id: string): QuestionDef | undefined {
  return BY_ID.get(id);
}

export function questionsOf(flow: IntakeFlow): readonly QuestionDef[] {
  return flow === "application" ? APPLICATION_QUESTIONS : AGENCY_QUESTIONS;
}

function isPer<T>(v: PerJurisdiction<T>): v is Record<Jurisdiction, T> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && JURISDICTIONS.every((j) => j in v);
}

function pick<T>(v: PerJurisdiction<T>, j: Jurisdiction | undefined): T {
  // The agency flow is Zibo-only; before a jurisdiction is chosen only unspecific texts are shown.
  return isPer(v) ? v[j ?? "zibo"] : v;
}

/** The flow's jurisdiction: chosen in the application flow, always Zibo for the agency estimate. */
export function jurisdictionOf(state: Pick<IntakeState, "flow" | "facts">): Jurisdiction | undefined {
  if (state.flow === "agency-estimate") return AGENCY_JURISDICTION;
  const parsed = jurisdictionSchema.safeParse(state.facts.jurisdiction);
  return parsed.success ? parsed.data : undefined;
}

/** The question's texts for a jurisdiction, with the rule parameters in force on `date` (default today). */
export function resolveQuestion(q: QuestionDef, j: Jurisdiction | undefined, date: string = todayInChina()): ResolvedQuestion {
  return {
    ...q,
    prompt: withParams(pick(q.prompt, j), paramsJurisdiction(q, j), date),
    why: withParams(pick(q.why, j), paramsJurisdiction(q, j), date),
    clause: q.clause === undefined ? undefined : pick(q.clause, j),
    options: q.options === undefined ? undefined : pick(q.options, j),
    example: pick(q.example, j),
  };
}

/** The agency estimate is Zibo's 第九条: its questions read Zibo's parameters whatever else is chosen. */
const AGENCY_JURISDICTION: Jurisdiction = "zibo";

function paramsJurisdiction(q: QuestionDef, j: Jurisdiction | undefined): Jurisdiction {
  return q.flow === "agency-estimate" ? AGENCY_JURISDICTION : (j ?? AGENCY_JURISDICTION);
}

/** A text that shows rule numbers, written with the parameters in force on `date`. */
function withParams(text: string | ((params: ParamValues) => string), j: Jurisdiction, date: string): string {
  return typeof text === "function" ? text(paramValues(j, date)) : text;
}

/** Every parameter of the jurisdiction's params file, as its value on `date`. */
function paramValues(j: Jurisdiction, date: string): ParamValues {
  const m = jurisdictionModule(j);
  const resolved = resolveParams(loadRuleParams(m.paramsFile, m.paramsSchema).parameters, date) as Record<string, { value: unknown }>;
  return Object.fromEntries(Object.entries(resolved).map(([name, p]) => [name, p.value]));
}

function sameValue(a: FactValue | undefined, b: FactValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function holds(cond: FactCondition, facts: Readonly<Record<string, FactValue>>): boolean {
  if ("all" in cond) return cond.all.every((c) => holds(c, facts));
  if ("any" in cond) return cond.any.some((c) => holds(c, facts));
  const value = facts[cond.fact];
  if ("is" in cond) return sameValue(value, cond.is);
  if ("isNot" in cond) return !sameValue(value, cond.isNot);
  return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== false && value !== 0;
}

const ruleFactCache = new Map<Jurisdiction, ReadonlySet<string>>();

/** Fact paths the jurisdiction's eligibility rules read (src/rules `requiredFacts`). */
export function ruleFacts(j: Jurisdiction): ReadonlySet<string> {
  let facts = ruleFactCache.get(j);
  if (!facts) {
    facts = new Set(requiredFacts(j).map((f) => f.path));
    ruleFactCache.set(j, facts);
  }
  return facts;
}

/**
 * Whether a question is asked in a jurisdiction. A zone fact is asked exactly
 * when that jurisdiction's rules read it — so Zibo never asks the core area
 * and Zhejiang never asks the county's mechanisms.
 */
export function askedIn(q: QuestionDef, j: Jurisdiction | undefined): boolean {
  if (q.flow !== "application") return true;
  if (q.jurisdictions && (j === undefined || !q.jurisdictions.includes(j))) return false;
  if (q.purpose !== "rule") return true;
  return j !== undefined && ruleFacts(j).has(q.id);
}

/** The answer means something else (or nothing) under another jurisdiction. */
function dependsOnJurisdiction(q: QuestionDef): boolean {
  if (q.flow !== "application" || q.purpose === "routing") return false;
  if (q.dependsOn?.includes("jurisdiction") || q.jurisdictions !== undefined) return true;
  return q.purpose === "rule" && !jurisdictionSchema.options.every((j) => askedIn(q, j));
}

/** The questions that apply to this state now, in asking order. */
export function applicableQuestions(state: Pick<IntakeState, "flow" | "facts">): QuestionDef[] {
  const j = jurisdictionOf(state);
  return questionsOf(state.flow).filter((q) => {
    if (!askedIn(q, j)) return false;
    return q.askIf === undefined || holds(q.askIf, state.facts);
  });
}

/** Numbered steps (「第 3/9 步」, 「修改 3」): applicable questions except the unnumbered routing choice. */
export function numberedQuestions(state: Pick<IntakeState, "flow" | "facts">): QuestionDef[] {
  return applicableQuestions(state).filter((q) => !q.unnumbered);
}

/** Questions whose answers go stale when `id` changes: declared `dependsOn`, and jurisdiction-specific facts. */
export function directDependents(id: string): QuestionDef[] {
  return QUESTIONS.filter(
    (q) => q.dependsOn?.includes(id) || (id === "jurisdiction" && dependsOnJurisdiction(q)),
  );
}

/** Every question that depends on `id`, directly or through another. */
export function dependentsOf(id: string): QuestionDef[] {
  const seen = new Set<string>();
  const queue = [id];
  const out: QuestionDef[] = [];
  while (queue.length > 0) {
    for (const q of directDependents(queue.shift()!)) {
      if (seen.has(q.id) || q.id === id) continue;
      seen.add(q.id);
      out.push(q);
      queue.push(q.id);
    }
  }
  return out;
}
