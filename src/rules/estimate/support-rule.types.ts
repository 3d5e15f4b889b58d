/**
 * One part of Zibo 第九条 as a pure function of the agency's facts and the
 * parameters in force: what it grants (items), what it does not and why,
 * and what would raise it (hints).
 */
import type { FactKind } from "../jurisdiction.types.ts";
import type { Zb2020Params } from "../jurisdictions/zibo.params.ts";
import type { ResolvedParams } from "../rule-param.schema.ts";
import type { ExactAgencyInput } from "./settle-uncertain-facts.ts";
import type { EstimateItem, IneligibleItem, RuleWarning, TraceStep } from "../rule-result.types.ts";

export type SupportParams = ResolvedParams<Zb2020Params>;

/** An item as one rule computes it on exact facts; the estimate adds confirmed/possible amounts. */
export type RuleItem = Omit<EstimateItem, "confirmedMax" | "possibleMax" | "possibleBasis">;

export interface SupportOutcome {
  items: RuleItem[];
  ineligible: IneligibleItem[];
  warnings: RuleWarning[];
  hints: string[];
  trace: TraceStep[];
}

export interface SupportRule {
  clause: string;
  title: string;
  /** the input facts it reads (for requiredAgencyFacts) */
  facts: { path: string; kind: FactKind; options?: readonly string[] }[];
  /** reads exact facts: ranges and unknowns are settled before (settle-uncertain-facts.ts) */
  evaluate(input: ExactAgencyInput, params: SupportParams): SupportOutcome;
}

export function emptyOutcome(): SupportOutcome {
  return { items: [], ineligible: [], warnings: [], hints: [], trace: [] };
}

/** The rule grants nothing: one ineligible entry and its trace line. */
export function notEligible(rule: Pick<SupportRule, "clause" | "title">, reason: string, extra: Partial<SupportOutcome> = {}): SupportOutcome {
  return {
    ...emptyOutcome(),
    ...extra,
    ineligible: [{ clause: rule.clause, title: rule.title, reason }, ...(extra.ineligible ?? [])],
    trace: [...(extra.trace ?? []), { clause: rule.clause, text: `${rule.title}：${reason} → 0 元` }],
  };
}

/** The rule grants one item: the item under the rule's clause and title, and its trace line. */
export function granted(
  rule: Pick<SupportRule, "clause" | "title">,
  item: Pick<RuleItem, "maxAmount" | "form" | "basis"> & { notes?: string[] },
  trace: string,
): SupportOutcome {
  return {
    ...emptyOutcome(),
    items: [{ clause: rule.clause, title: rule.title, ...item, notes: item.notes ?? [] }],
    trace: [{ clause: rule.clause, text: trace }],
  };
}
