/**
 * 「浙江有没有像淄博那样规定试用期」: asked with 有 of both sides, a side whose
 * cited clauses do not name what is asked (试用期) while another side's do has
 * no such provision — its nearest clause (浙江第十八条, the date it took effect)
 * is no answer to 有没有. Such a side is settled as 没有, as an answered side is
 * settled by its answer.
 */
import { checkedClaim } from "../retrieval/hearsay.ts";
import { yesNoAsk } from "./yes-no-ask.ts";

/** A claim that a side has something or has it not (有, 没有, 没, 无). */
const HAVING = /有|没|无/u;

export interface SideAnswer {
  /** the side's own question (compare-sides.ts) */
  asked: string;
  refused: boolean;
  /** the text of the clauses its answer cites */
  cited: string;
}

/**
 * The indices of the sides that lack what a 有-question asks about while another side has it.
 * @param focusOf per word naming the thing asked about, its strings (QueryProfile.focusCues)
 */
export function sidesLackingFocus(question: string, sides: readonly SideAnswer[], focusOf: (asked: string) => readonly (readonly string[])[]): Set<number> {
  const lacking = new Set<number>();
  // 「浙江有试用期，淄博没有，对吧？」 claims of each side that it has something or not (side-claims.ts).
  const claimsHaving = sides.every((s) => HAVING.test(checkedClaim(s.asked) ?? ""));
  if (yesNoAsk(question)?.yes !== "有" && !claimsHaving) return lacking;
  const names = (side: SideAnswer, groups: readonly (readonly string[])[]): boolean =>
    !side.refused && groups.every((g) => g.some((cue) => side.cited.includes(cue)));
  for (const [i, side] of sides.entries()) {
    const groups = focusOf(side.asked);
    if (groups.length === 0 || names(side, groups)) continue;
    if (sides.some((other) => other !== side && names(other, groups))) lacking.add(i);
  }
  return lacking;
}
