/**
 * The jurisdictions and their policies, named once. Everything that says
 * `Jurisdiction`, `PolicyId` or shows a jurisdiction's name reads it from
 * here; a leaf (imports only zod) so the store, the rules, the intake and the
 * answers can all depend on it.
 */
import { z } from "zod";

const JURISDICTION_NAMES = {
  zhejiang: { policy: "zj2018", label: "浙江省", level: "省级", numberPrefix: "ZJ" },
  zibo: { policy: "zb2020", label: "淄博市", level: "市级", numberPrefix: "ZB" },
} as const;

export type Jurisdiction = keyof typeof JURISDICTION_NAMES;
export type PolicyId = (typeof JURISDICTION_NAMES)[Jurisdiction]["policy"];

export const JURISDICTIONS = Object.keys(JURISDICTION_NAMES) as [Jurisdiction, ...Jurisdiction[]];
export const jurisdictionSchema = z.enum(JURISDICTIONS);

/** Which policy governs a jurisdiction, and the other way round. */
export const POLICY_OF = Object.fromEntries(JURISDICTIONS.map((j) => [j, JURISDICTION_NAMES[j].policy])) as Record<Jurisdiction, PolicyId>;
export const JURISDICTION_OF = Object.fromEntries(JURISDICTIONS.map((j) => [POLICY_OF[j], j])) as Record<PolicyId, Jurisdiction>;

export const POLICY_IDS = JURISDICTIONS.map((j) => POLICY_OF[j]) as [PolicyId, ...PolicyId[]];
export const policyIdSchema = z.enum(POLICY_IDS);

/** 「浙江省」「淄博市」 */
export const JURISDICTION_LABELS = Object.fromEntries(JURISDICTIONS.map((j) => [j, JURISDICTION_NAMES[j].label])) as Record<Jurisdiction, string>;

/** 「浙江省（省级）」: the name with the level of government, where both policies are compared. */
export function jurisdictionWithLevel(j: Jurisdiction): string {
  return `${JURISDICTION_NAMES[j].label}（${JURISDICTION_NAMES[j].level}）`;
}

/** The letters application numbers start with (ZJ-2026-0001). */
export const APPLICATION_NUMBER_PREFIX = Object.fromEntries(JURISDICTIONS.map((j) => [j, JURISDICTION_NAMES[j].numberPrefix])) as Record<Jurisdiction, string>;
