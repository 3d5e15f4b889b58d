/**
 * 「浙江和淄博的考核周期一样吗？」 asks whether two sides agree: the reply opens
 * 「不一样。」 (or 「一样。」) before the labelled lines, read off the measures the
 * lines state — figures in a unit (20家 ↔ 2家) and periods (每两年 ↔ 每年度) —
 * or 「不一样。」 when one side has no such provision. Lines stating no measure
 * in common are given without a word: whether two wordings agree is not read
 * here. Only the grammar of the ask is read, never the topics of the texts.
 */
import { periodsIn, quantitiesIn } from "../retrieval/answer-kinds.ts";

export interface SameOrDifferentAsk {
  same: string;
  different: string;
}

/** 一样吗, 相同吗, 一致吗, 一样不一样, 是否相同 … ; 有区别吗, 有没有差别, 有不同吗 … */
const SAME_ASK = /(一样|相同|一致)(吗|么|不|没)|(一样|相同|一致)不\1|是否(一样|相同|一致)|(一|相)不(一样|相同)/u;
const DIFFERENCE_ASK = /有(区别|差别|差异|不同)(吗|么|没)|(有没有|有无)(区别|差别|差异|不同)/u;

export function sameOrDifferentAsk(question: string): SameOrDifferentAsk | undefined {
  if (SAME_ASK.test(question)) return { same: "一样", different: "不一样" };
  if (DIFFERENCE_ASK.test(question)) return { same: "没有区别", different: "有区别" };
  return undefined;
}

/** Each measure of a line as unit → values: 家 → {20}, period(months) → {24}. */
function measuresOf(line: string): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  const add = (unit: string, value: number): void => {
    out.set(unit, (out.get(unit) ?? new Set()).add(value));
  };
  for (const q of quantitiesIn(line, { chineseNumerals: false })) add(q.unit, q.value);
  for (const months of periodsIn(line)) add("period", months);
  return out;
}

const sameSet = (a: ReadonlySet<number>, b: ReadonlySet<number>): boolean => a.size === b.size && [...a].every((v) => b.has(v));

/**
 * Whether the two sides' lines agree: "different" when one side has no such
 * provision or a measure of a unit both state differs, "same" when every such
 * measure agrees, undefined when they state no measure in common.
 * @param noProvision how a line says its text has no such provision
 */
export function sidesAgree(lines: readonly [string, string], noProvision: RegExp): "same" | "different" | undefined {
  const missing = lines.filter((l) => noProvision.test(l)).length;
  if (missing === 2) return undefined;
  if (missing === 1) return "different";
  const [a, b] = lines.map(measuresOf) as [Map<string, Set<number>>, Map<string, Set<number>>];
  const shared = [...a.keys()].filter((unit) => b.has(unit));
  if (shared.length === 0) return undefined;
  return shared.every((unit) => sameSet(a.get(unit)!, b.get(unit)!)) ? "same" : "different";
}

/** How a side's line says its text has no such provision (answerer.ts). */
const NO_PROVISION = /没有这方面的规定/u;

/**
 * The reply with 「不一样。」/「一样。」 before its conclusion when the question
 * asks whether two sides agree and the conclusion is two labelled lines.
 * @param labels the line openings of the sides (「浙江省（省级）：」 …)
 */
export function openWithAgreement(question: string, reply: string, labels: readonly string[]): string {
  const ask = sameOrDifferentAsk(question);
  if (!ask) return reply;
  const cut = reply.indexOf("\n\n");
  const conclusion = cut < 0 ? reply : reply.slice(0, cut);
  const lines = conclusion.split("\n").filter((l) => labels.some((label) => l.startsWith(label)));
  if (lines.length !== 2) return reply;
  const verdict = sidesAgree([lines[0]!, lines[1]!], NO_PROVISION);
  return verdict ? `${verdict === "same" ? ask.same : ask.different}。\n${reply}` : reply;
}
