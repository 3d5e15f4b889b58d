/**
 * All intake questions and the few reads the engine needs over them:
 * which apply now, what depends on what, and each one's per-jurisdiction texts.
 */
import { estimateJurisdictions, jurisdictionModule } from "../rules/jurisdiction-registry.ts";
import { loadRuleParams } from "../rules/load-rule-params.ts";
import { requiredFacts } from "../rules/required-facts.ts";
import { resolveParams } from "../rules/rule-param.schema.ts";
import { todayInChina } from "../rules/today.ts";
import { JURISDICTIONS, jurisdictionSchema, type Jurisdiction } from "../knowledge/jurisdictions.ts";
import { serviceOptions } from "./choice-options.ts";
import { AGENCY_QUESTIONS } from "./agency-questions.ts";
import { APPLICATION_QUESTIONS } from "./application-questions.ts";
import type { FactValue, IntakeFlow, IntakeState } from "./intake-state.schema.ts";
import type { FactCondition, ParamValues, QuestionDef, ResolvedQuestion } from "./question.types.ts";

export const QUESTIONS: readonly QuestionDef[] = [...APPLICATION_QUESTIONS, ...AGENCY_QUESTIONS];

const BY_ID = new Map(QUESTIONS.map((q) => [q.id, q]));

export function questionById(id: string): QuestionDef | undefined {
  return BY_ID.get(id);
}

export function questionsOf(flow: IntakeFlow): readonly QuestionDef[] {
  return flow === "application" ? APPLICATION_QUESTIONS : AGENCY_QUESTIONS;
}

/** The flow's jurisdiction: chosen in the application flow; for the agency estimate, the one that offers it. */
export function jurisdictionOf(state: Pick<IntakeState, "flow" | "facts">): Jurisdiction | undefined {
  if (state.flow === "agency-estimate") return agencyJurisdiction();
  const parsed = jurisdictionSchema.safeParse(state.facts.jurisdiction);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The question's texts for a jurisdiction, with the rule parameters in force
 * on `date` (default today): the module's own words where it has them
 * (src/rules/jurisdictions/*.intake.ts), else the general ones; a rule fact
 * cites the clause its rule reads it against.
 */
export function resolveQuestion(q: QuestionDef, j: Jurisdiction | undefined, date: string = todayInChina()): ResolvedQuestion {
  if (resolvedOn.date !== date) resolvedOn = { date, questions: new Map() };
  const key = `${q.id}\u0000${j ?? ""}`;
  let hit = resolvedOn.questions.get(key);
  // Only the catalog's own definitions are kept: a caller's ad-hoc definition is resolved each time.
  if (!hit || hit.def !== q) {
    hit = { def: q, resolved: Object.freeze(resolveUncached(q, j, date)) };
    if (BY_ID.get(q.id) === q) resolvedOn.questions.set(key, hit);
  }
  return hit.resolved;
}

/**
 * The questions resolved for one date: the texts depend only on the question,
 * the jurisdiction and the parameters in force that day, and every intake
 * message renders several of them (the question, the summary's lines), each
 * reading the rule parameters and the facts the rules need — a tenth of a
 * message's CPU before they were kept. A new day starts afresh.
 */
let resolvedOn: { date: string; questions: Map<string, { def: QuestionDef; resolved: ResolvedQuestion }> } = { date: "", questions: new Map() };

function resolveUncached(q: QuestionDef, j: Jurisdiction | undefined, date: string): ResolvedQuestion {
  const own = j === undefined ? undefined : jurisdictionModule(j).intake?.[q.id];
  const ruleFact = j === undefined || q.purpose !== "rule" ? undefined : requiredFacts(j, date).find((f) => f.path === q.id);
  const paramsOf = paramsJurisdiction(q, j);
  return {
    ...q,
    prompt: withParams(own?.prompt ?? q.prompt, paramsOf, date),
    why: withParams(own?.why ?? q.why, paramsOf, date),
    clause: own?.clause ?? q.clause ?? ruleFact?.clause,
    options: q.kind === "multi-choice" && ruleFact?.expected ? serviceOptions(ruleFact.expected) : q.options,
    example: own?.example ?? q.example,
  };
}

/** The jurisdiction whose support estimate the agency flow asks for (Zibo 第九条). */
export function agencyJurisdiction(): Jurisdiction {
  const [m] = estimateJurisdictions();
  if (!m) throw new Error("没有登记提供资助测算的地区");
  return m.jurisdiction;
}

function paramsJurisdiction(q: QuestionDef, j: Jurisdiction | undefined): Jurisdiction | undefined {
  return q.flow === "agency-estimate" ? agencyJurisdiction() : j;
}

/** A text that shows rule numbers, written with the parameters in force on `date`. */
function withParams(text: string | ((params: ParamValues) => string), j: Jurisdiction | undefined, date: string): string {
  if (typeof text === "string") return text;
  // Before a jurisdiction is chosen no question that shows a number is asked; say the general words if one is.
  return j === undefined ? text(new Proxy({}, { get: () => "规定的" })) : text(paramValues(j, date));
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
  return q.purpose === "rule" && !JURISDICTIONS.every((j) => askedIn(q, j));
}

/** The questions that apply to this state now, in asking order. */
export function applicableQuestions(state: Pick<IntakeState, "flow" | "facts">): QuestionDef[] {
  const j = jurisdictionOf(state);
  return questionsOf(state.flow).filter((q) => {
    if (!askedIn(q, j)) return false;
    return q.askIf === undefined || holds(q.askIf, state.facts);
  });
}

/**
 * Whether a condition can still come true: `undefined` while a fact it reads
 * is neither answered nor skipped. A skipped fact is decided (it holds no value).
 */
export function mayHold(cond: FactCondition, state: Pick<IntakeState, "facts" | "unknown">): boolean | undefined {
  if ("all" in cond) {
    const parts = cond.all.map((c) => mayHold(c, state));
    return parts.includes(false) ? false : parts.includes(undefined) ? undefined : true;
  }
  if ("any" in cond) {
    const parts = cond.any.map((c) => mayHold(c, state));
    return parts.includes(true) ? true : parts.includes(undefined) ? undefined : false;
  }
  if (state.facts[cond.fact] === undefined && !state.unknown.includes(cond.fact)) return undefined;
  return holds(cond, state.facts);
}

/**
 * The steps as counted in 「第 3/9 步」: the numbered questions that apply, plus
 * those whose condition is not decided yet. So an answer never adds a step
 * (「第 6/15 步」 is not followed by 「第 7/16 步」); an answer that makes some
 * questions unnecessary removes them, and the step that follows says so.
 */
export function plannedSteps(state: Pick<IntakeState, "flow" | "facts" | "unknown">): QuestionDef[] {
  const j = jurisdictionOf(state);
  return questionsOf(state.flow).filter((q) => {
    if (q.unnumbered || !askedIn(q, j)) return false;
    return q.askIf === undefined || mayHold(q.askIf, state) !== false;
  });
}

/** Numbered steps (「修改 3」 on the summary): applicable questions except the unnumbered routing choice. */
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
