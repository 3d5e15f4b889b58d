/**
 * 「浙江和淄博的考核周期一样吗？」 asks whether two sides agree: the reply opens
 * 「不一样。」 (or 「一样。」) before the labelled lines, read off the measures the
 * lines state — figures in a unit (20家 ↔ 2家) and periods (每两年 ↔ 每年度) —
 * or 「不一样。」 when one side has no such provision. Lines stating no measure
 * in common open 「基本一样，措辞略有不同。」 when worded alike (ALIKE), else
 * with no word. 「两边都…吗」 opens 「都要。」 when both lines give the same
 * yes/no word, and 「只有淄博市（市级）有。」 when one says yes and the other no (or has no such provision). Only the grammar of the ask is read, never the topics of the texts.
 */
import { measuresIn } from "../retrieval/answer-kinds.ts";
import { LIST_COUNT, withoutListCounts } from "./compose-conclusion.ts";

export interface SameOrDifferentAsk {
  same: string;
  different: string;
  /** how lines worded alike open (default 「基本一样，措辞略有不同。」) */
  alike?: string;
  /** the ask is whether both sides name the same body (「是同一个部门吗」) */
  bodies?: boolean;
}

/** 一样吗, 相同吗, 一致吗, 一样不一样, 是否相同 … ; 有区别吗, 有没有差别, 有不同吗 … */
const SAME_ASK = /(一样|相同|一致)(吗|么|不|没)|(一样|相同|一致)不\1|是否(一样|相同|一致)|(一|相)不(一样|相同)/u;
/** 「是同一个部门吗」「是不是同一家」: whether the two sides name the same one (not 「同一年能…吗」). */
const SAME_ONE_ASK = /同一(个|家|级|种|类|套)[^，。？?]{0,10}(吗|么)|(是不是|是否|是)同一/u;
/** 部门, 单位, 机构, 谁: the ask is for a body. */
const ASKS_BODY = /部门|单位|机构|机关|谁/u;
const DIFFERENCE_ASK = /有(区别|差别|差异|不同)(吗|么|没)|(有没有|有无)(区别|差别|差异|不同)/u;
/** How much they differ: 差别大吗, 区别大不大, 差异大不大. */
const HOW_DIFFERENT_ASK = /(区别|差别|差异|不同)[^，。？?]{0,2}大(吗|么|不大|不)/u;
/** Whether they are about the same: 差不多吗, 是不是差不多, 大同小异吧. */
const ABOUT_SAME_ASK = /差不多|大同小异|大差不差|相差不大/u;

export function sameOrDifferentAsk(question: string): SameOrDifferentAsk | undefined {
  if (HOW_DIFFERENT_ASK.test(question)) return { same: "差别不大，规定一致", different: "有差别", alike: "差别不大，基本一样，措辞略有不同。" };
  if (ABOUT_SAME_ASK.test(question)) return { same: "差不多，规定一致", different: "不一样", alike: "差不多，基本一样，措辞略有不同。" };
  if (SAME_ASK.test(question)) return { same: "一样", different: "不一样" };
  if (DIFFERENCE_ASK.test(question)) return { same: "没有区别", different: "有区别", alike: "基本没有区别，内容一样，措辞略有不同。" };
  if (SAME_ONE_ASK.test(question)) return { same: "是", different: "不是", bodies: ASKS_BODY.test(question) };
  return undefined;
}

/** Each measure of a line as unit → values: 家 → {20}, period(months) → {24}. */
function measuresOf(line: string): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  // 「共 3 项（第十五条）」 counts a list's items, which says nothing of what they say.
  for (const m of measuresIn(withoutListCounts(line))) out.set(m.unit, (out.get(m.unit) ?? new Set()).add(m.value));
  return out;
}

const sameSet = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean => a.size === b.size && [...a].every((v) => b.has(v));

/**
 * The bodies a line names (省知识产权局, 市知识产权事业发展中心, 区县知识产权管理部门):
 * a name ends in the kind of body and starts after the word that governs it.
 */
const BODY = /[^由向报和及、，：。；\s（）]{1,10}?(知识产权局|事业发展中心|管理部门|主管部门)/gu;
const bodiesIn = (line: string): Set<string> => new Set(line.slice(line.indexOf("：") + 1).match(BODY) ?? []);

/**
 * Lines worded alike at least this much (Dice over character pairs) with no
 * measure between them say the same in each text's own terms: 「考核结果分为优秀、
 * 合格和不合格三档」↔「认定结果…三档」 0.87, the consequences of failing (摘牌 ↔
 * 取消资格) 0.80; different procedures and bodies (「向设区市知识产权局提出」↔
 * 「向辖区内区县知识产权管理部门提出」) stay near 0.5.
 */
const ALIKE = 0.8;
const COUNTERPART_LEAD = /^[^：]*的说法不同，相应的规定是：/u;

function pairsOf(text: string): Map<string, number> {
  const han = text.replace(/（第[^）]*）|[^\u4e00-\u9fff\d]/gu, "");
  const out = new Map<string, number>();
  for (let i = 0; i + 2 <= han.length; i++) out.set(han.slice(i, i + 2), (out.get(han.slice(i, i + 2)) ?? 0) + 1);
  return out;
}

/** Dice similarity of two texts' character pairs. */
function likeness(a: string, b: string): number {
  const [pa, pb] = [pairsOf(a), pairsOf(b)];
  let shared = 0;
  let total = 0;
  for (const [pair, n] of pa) (shared += Math.min(n, pb.get(pair) ?? 0)), (total += n);
  for (const n of pb.values()) total += n;
  return total > 0 ? (2 * shared) / total : 0;
}

/**
 * Whether the two sides' lines agree: "different" when one side has no such
 * provision or a measure of a unit both state differs, "same" when every such
 * measure agrees, "alike" when they state no measure in common but are worded
 * alike (ALIKE), undefined otherwise. Asked whether they name the same body,
 * the bodies the lines name decide.
 * @param noProvision how a line says its text has no such provision
 */
export function sidesAgree(lines: readonly [string, string], noProvision: RegExp, compareBodies = false): "same" | "alike" | "different" | undefined {
  const missing = lines.filter((l) => noProvision.test(l)).length;
  if (missing === 2) return undefined;
  if (missing === 1) return "different";
  if (compareBodies) {
    const [a, b] = lines.map(bodiesIn) as [Set<string>, Set<string>];
    if (a.size > 0 && b.size > 0) return sameSet(a, b) ? "same" : "different";
  }
  // Lists of different lengths differ; of the same length, what their items say decides.
  const counts = lines.map((l) => LIST_COUNT.exec(l)?.[1]);
  if (counts[0] && counts[1] && counts[0] !== counts[1]) return "different";
  const [a, b] = lines.map(measuresOf) as [Map<string, Set<number>>, Map<string, Set<number>>];
  const shared = [...a.keys()].filter((unit) => b.has(unit));
  if (shared.length > 0) return shared.every((unit) => sameSet(a.get(unit)!, b.get(unit)!)) ? "same" : "different";
  // Each line's own label (「浙江省（省级）：」) is no part of what it says, nor the lead of a side answered by its
  // counterpart clause (「淄博市建设方案的说法不同，相应的规定是：」, answer-sides.ts).
  const said = lines.map((l) => l.slice(l.indexOf("：") + 1).replace(COUNTERPART_LEAD, ""));
  return likeness(said[0]!, said[1]!) >= ALIKE ? "alike" : undefined;
}

/** The labelled lines of a reply's conclusion (its first paragraph). */
function sideLines(reply: string, labels: readonly string[]): string[] {
  const cut = reply.indexOf("\n\n");
  const conclusion = cut < 0 ? reply : reply.slice(0, cut);
  // A side's line runs on over the items of its list (「共 3 项（第十五条）：」 then （一）…).
  const lines: string[] = [];
  for (const l of conclusion.split("\n")) {
    if (labels.some((label) => l.startsWith(label))) lines.push(l);
    else if (lines.length > 0) lines[lines.length - 1] += `\n${l}`;
  }
  return lines;
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
  const lines = sideLines(reply, labels);
  if (lines.length !== 2) return reply;
  const verdict = sidesAgree([lines[0]!, lines[1]!], NO_PROVISION, ask.bodies);
  const lead = { same: `${ask.same}。`, alike: ask.alike ?? `基本${ask.same}，措辞略有不同。`, different: `${ask.different}。` } as const;
  return verdict ? `${lead[verdict]}\n${reply}` : reply;
}

/** 「两边都要…吗」「都能…吗」「是不是都…」: a question whether each side does it. */
const BOTH_ASK = /都[^，。？?]*(吗|么|不|没)[？?。]*$|都[^，。？?]*(.)[不没]\2|(是不是|是否)都/u;

/**
 * The reply with 「都要。」/「都没有。」 before its conclusion when the question asks
 * whether both sides do something and both labelled lines open with the same
 * yes or no word (「要。」「能。」「没有。」, yes-no-ask.ts).
 */
export function openWithBoth(question: string, reply: string, labels: readonly string[]): string {
  if (!BOTH_ASK.test(question)) return reply;
  const lines = sideLines(reply, labels);
  if (lines.length !== 2) return reply;
  const sideOf = (line: string): string => line.slice(0, line.indexOf("："));
  // One side with no such provision: not both — say which one has it (「只有淄博市（市级）有这方面的规定。」).
  const without = lines.map((l) => NO_PROVISION.test(l));
  const words = lines.map((l) => /^[^：]*：([^。，]{1,3})。/u.exec(l)?.[1]);
  if (words[0] && words[0] === words[1]) return `都${words[0]}。\n${reply}`;
  // 「有。」 on one line and 「没有。」 on the other: say which one does (「只有淄博市（市级）有。」).
  const yes = words.findIndex((w, i) => w !== undefined && words[1 - i] === negationOf(w));
  if (yes >= 0) return `只有${sideOf(lines[yes]!)}${words[yes] === "是" ? "是这样" : words[yes]}。\n${reply}`;
  if (without[0] !== without[1]) return `只有${sideOf(lines[without[0] ? 1 : 0]!)}有这方面的规定。\n${reply}`;
  return reply;
}

/** 有 → 没有, 要 → 不要, 能 → 不能 (the no words of yes-no-ask.ts). */
function negationOf(yes: string): string {
  return yes === "有" ? "没有" : `不${yes}`;
}
