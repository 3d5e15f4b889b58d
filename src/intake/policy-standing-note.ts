/**
 * Said the moment the jurisdiction is known (chosen, given at the start, or
 * the Zibo-only agency estimate): a policy out of its trial — Zibo's plan,
 * a one-year trial — is a fact the user should hear before thirteen
 * questions, not after. The intake goes on as usual; the result repeats it.
 */
import { jurisdictionStanding } from "../rules/jurisdiction-standing.ts";
import { todayInChina } from "../rules/today.ts";
import type { Jurisdiction } from "../rules/zone-profile.schema.ts";

export function policyStandingNote(jurisdiction: Jurisdiction | undefined, at: string | Date): string[] {
  if (!jurisdiction) return [];
  const standing = jurisdictionStanding(jurisdiction, todayInChina(new Date(at)));
  if (standing.warnings.length === 0) return [];
  return [...standing.warnings.map((w) => `⚠️ 提示：${w.message}`), "下面照常逐项询问，最后的结果也会注明这一点。"];
}
