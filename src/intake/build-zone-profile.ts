/**
 * The collected facts of an application intake as a `ZoneProfile` (the input
 * of `check` and `draft`). Only facts of questions that apply are included; a
 * fact left unknown is left out, which the rules read as unknown, not false.
 */
import { zoneProfileSchema, type ZoneProfile } from "../rules/zone-profile.schema.ts";
import type { IntakeState } from "./intake-state.schema.ts";
import { chinaDate } from "./parsers/parse-date.ts";
import { applicableQuestions } from "./question-catalog.ts";

/** Sets `a.b.c` in a plain object, creating the intermediate objects. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

export function buildZoneProfile(state: IntakeState, now: Date): ZoneProfile {
  if (state.flow !== "application") throw new Error(`buildZoneProfile needs an application intake, got ${state.flow}`);
  const profile: Record<string, unknown> = { asOf: chinaDate(now) };
  for (const q of applicableQuestions(state)) {
    const value = state.facts[q.id];
    if (value !== undefined) setPath(profile, q.id, value);
  }
  return zoneProfileSchema.parse(profile);
}
