/**
 * What an applicant changed after staff returned their application: the
 * answers that differ between the version returned and the current one, and
 * how the pre-check moved (verdict and each condition). One function for the
 * chat's 「查看」 and the web review desk, so both say the same thing.
 */
import { formatFactValue } from "../intake/format-fact-value.ts";
import type { FactValue } from "../intake/index.ts";
import { questionById, resolveQuestion } from "../intake/index.ts";
import type { CheckResult, ConditionStatus, Verdict } from "../rules/rule-result.types.ts";
import type { Jurisdiction } from "../rules/zone-profile.schema.ts";

export interface ProfileVersion {
  profile: unknown;
  checkResult: unknown;
}

export interface ReturnedVersion extends ProfileVersion {
  at: Date;
  actor: string;
  comment: string | null;
}

export interface FieldChange {
  /** fact path, e.g. "zone.serviceInstitutionCount" */
  path: string;
  label: string;
  before: string;
  after: string;
}

export interface ConditionChange {
  id: string;
  label: string;
  before: ConditionStatus | undefined;
  after: ConditionStatus | undefined;
}

export interface ChangesSinceReturn {
  returnedAt: Date;
  returnedBy: string;
  comment: string | null;
  fields: FieldChange[];
  verdict: { before: Verdict | undefined; after: Verdict | undefined };
  conditions: ConditionChange[];
}

/** A profile as fact values keyed by their dotted path (the intake's question ids). */
export function profileFacts(profile: unknown): Record<string, FactValue> {
  const facts: Record<string, FactValue> = {};
  const walk = (value: unknown, path: string) => {
    if (value === undefined || value === null) return;
    if (typeof value === "object" && !Array.isArray(value) && !isCompound(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    } else if (path !== "asOf") facts[path] = value as FactValue;
  };
  walk(profile, "");
  return facts;
}

/** Fact values that are objects themselves (a count with its note, a client list). */
function isCompound(value: object): boolean {
  return "count" in value || "clients" in value;
}

function display(path: string, value: FactValue | undefined, jurisdiction: Jurisdiction | undefined): { label: string; text: string } {
  const def = questionById(path);
  if (!def) return { label: path, text: value === undefined ? "未填写" : typeof value === "object" ? JSON.stringify(value) : String(value) };
  const q = resolveQuestion(def, jurisdiction);
  return { label: q.label, text: formatFactValue(q, value) };
}

/** Every collected answer of a profile as label and readable value, in the intake's order. */
export function describeProfile(profile: unknown, jurisdiction: Jurisdiction | undefined): { path: string; label: string; text: string }[] {
  return Object.entries(profileFacts(profile)).map(([path, value]) => ({ path, ...display(path, value, jurisdiction) }));
}

function asCheck(value: unknown): CheckResult | undefined {
  return value && typeof value === "object" && "verdict" in value ? (value as CheckResult) : undefined;
}

/** Differences between the returned version and `current`; `undefined` when it was never returned. */
export function changesSinceReturn(returned: ReturnedVersion | undefined, current: ProfileVersion): ChangesSinceReturn | undefined {
  if (!returned) return undefined;
  const before = profileFacts(returned.profile);
  const after = profileFacts(current.profile);
  const beforeCheck = asCheck(returned.checkResult);
  const afterCheck = asCheck(current.checkResult);
  const jurisdiction = afterCheck?.jurisdiction ?? beforeCheck?.jurisdiction;
  const paths = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const fields: FieldChange[] = [];
  for (const path of paths) {
    if (JSON.stringify(before[path]) === JSON.stringify(after[path])) continue;
    const was = display(path, before[path], jurisdiction);
    const now = display(path, after[path], jurisdiction);
    fields.push({ path, label: now.label, before: was.text, after: now.text });
  }
  const conditionIds = [...new Set([...(beforeCheck?.conditions ?? []), ...(afterCheck?.conditions ?? [])].map((c) => c.id))];
  const conditions: ConditionChange[] = [];
  for (const id of conditionIds) {
    const b = beforeCheck?.conditions.find((c) => c.id === id);
    const a = afterCheck?.conditions.find((c) => c.id === id);
    if (b?.status !== a?.status) conditions.push({ id, label: (a ?? b)!.label, before: b?.status, after: a?.status });
  }
  return {
    returnedAt: returned.at,
    returnedBy: returned.actor,
    comment: returned.comment,
    fields,
    verdict: { before: beforeCheck?.verdict, after: afterCheck?.verdict },
    conditions,
  };
}
