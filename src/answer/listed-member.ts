/**
 * 「俺们是民营的众创空间，能当浙江示范区的依托单位不？」: a yes/no question about whether the asker's
 * kind counts, answered by a clause that lists kinds (「…科技企业孵化器、众创空间、科技大市场…等创新创业
 * 载体」). Whether the asker qualifies rests on more than the list, so no bare 「能。」 is said; what the list
 * settles is said plainly, in the asker's verb: 「就类型而言能：“众创空间”属于这一项所列的类型」 — for a kind the asker says they are
 * (「我们是…」) or asks whether it may serve or counts (「…能当…吗」「算不算」). Only grammar is read —
 * an item of an enumeration stands between 、 and 、, or before 和/及/等 — never the topics of the texts.
 */

/** Where an item of an enumeration stands: after 、/的/和/及 or the start, before 、/和/及/等/or the end. */
const itemPattern = (term: string): RegExp =>
  new RegExp(`(^|[、的和及或])${term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?=[、和及或等]|$|[，。；])`, "u");

/**
 * The question's word (its longest) that the sentence lists as one item among others, or undefined.
 * @param words the question's words the texts use (its cues)
 */
export function listedMember(question: string, sentence: string, words: readonly string[]): string | undefined {
  if (!sentence.includes("、")) return undefined;
  const kindAsked = (w: string): boolean =>
    new RegExp(`${ASKER_IS.source}[^，,。？?]{0,6}${w}`, "u").test(question) ||
    new RegExp(`${w}[^，,。？?]{0,4}${COUNTS_AS.source}`, "u").test(question) ||
    new RegExp(`${w}[^？?]{0,40}${POINTS_BACK.source}[^，,。？?]{0,4}${COUNTS_AS.source}`, "u").test(question) ||
    // 「有人说大学科技园性质是学校的，不算创新创业载体」: a claim that it does not count, a clause later.
    new RegExp(`${w}[^？?。]{0,20}${DOES_NOT_COUNT.source}`, "u").test(question);
  const listed = words.filter((w) => w.length >= 2 && /^[\u4e00-\u9fff]+$/u.test(w) && question.includes(w) && kindAsked(w) && itemPattern(w).test(sentence));
  return listed.sort((a, b) => b.length - a.length)[0];
}

/** The asker says what they are (「我们是民营的众创空间」). */
const ASKER_IS = /(我们|我|俺们|俺|咱们|咱|本单位|我单位)(是|属于)/u;
/** A kind asked whether it counts or may serve (「…能当依托单位吗」「…可以做…」「算不算」). */
const COUNTS_AS = /(能|可以|可不可以|能不能|可否|能否)(当|做|作为|成为)|算不算|算吗|属不属于|属于/u;

/** A claim that a kind does not count or may not serve (「不算…」「当不了依托单位」). */
const DOES_NOT_COUNT = /不算|算不上|当不了|做不了|不能当|不能做|不属于/u;

/** A later clause points back to the kind told before (「就一个众创空间，…这种能当依托单位不」). */
const POINTS_BACK = /(这种|这类|这样的|这个|这)/u;

/**
 * The line that says so, before the clause: the asker's own verb (能, 可以, 算, 属于) answers as far as the list
 * settles it — by kind — and the rest of the conditions are left to the article's other items.
 */
export function listedMemberLine(term: string, question: string): string {
  const verb = /属于/u.test(question) ? "属于" : /算/u.test(question) ? "算" : /可以|可否/u.test(question) ? "可以" : "能";
  return `就类型而言${verb}：“${term}”属于这一项所列的类型（其余条件见本条各项）：`;
}
