/**
 * 「核心区面积这个硬指标，淄博和浙江一样吗」: a figure asked of several jurisdictions in a unit (平方米) that one
 * text states nowhere while another does. That side has no such provision, whatever other words of the question
 * its clauses share (淄博第十四条's 指标) — the kinds each text states are read from the texts (`statedKinds`).
 */
import type { Jurisdiction } from "../rules/index.ts";

/**
 * Whether `side` states none of the figures asked while another of `sides` states one.
 * @param kinds the kinds the question asks (QueryProfile.kinds; figures are `#qty:…`)
 */
export function figureUnstated(
  kinds: readonly string[],
  side: Jurisdiction,
  sides: readonly Jurisdiction[],
  statedKinds: (j: Jurisdiction) => ReadonlySet<string>,
): boolean {
  const figures = kinds.filter((k) => k.startsWith("#qty:"));
  const states = (j: Jurisdiction): boolean => figures.some((k) => statedKinds(j).has(k));
  return figures.length > 0 && !states(side) && sides.some(states);
}
