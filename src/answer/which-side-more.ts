/**
 * 「浙江跟淄博谁要求的服务机构多？」「哪边核心区要求更大」 ask which side
 * states more (or less) of a measure. Each side is asked for its measure
 * (「浙江要求的服务机构是多少？」, compare-sides.ts), and the reply opens with
 * the side whose line states the larger figure of the unit both lines state
 * (「浙江省（省级）的多（20家 对 2家）。」), or 「一样」 when they agree.
 * Periods compare as lengths (每两年 is longer than 每年度). Only the grammar of
 * the ask is read — the question word (谁, 哪边) and a closed class of
 * adjectives of size — never the topics of the texts.
 */
import { JURISDICTIONS, jurisdictionNames, type Jurisdiction } from "../knowledge/jurisdictions.ts";
import { measuresIn, type StatedMeasure } from "../retrieval/answer-kinds.ts";
import { withoutListCounts } from "./compose-conclusion.ts";

export interface ComparativeAsk {
  /** the adjective as asked: 多, 高, 长, 严 … */
  adjective: string;
  /** 「淄博的条件比浙江的低吗」: whether the side named first has more (yes or no), not which side */
  yesNo: boolean;
  /** whether the side with the larger figure is the one asked for */
  larger: boolean;
  /** what each side is asked instead: 「是多少？」「多长时间？」 */
  sideAsk: string;
  /** how the verdict says it after the side, when not 「的」 and the adjective (「更频繁」) */
  verdict?: string;
}

/** Which of the sides: 谁, 哪边, 哪个地方, 哪一方 … */
const WHICH = /(谁|哪边|哪一边|哪个地方|哪个|哪一个|哪家|哪方|哪一方|哪里)(的)?/u;
/** Adjectives of size, each with whether it asks for the larger figure and how a side is asked for its own. */
const ADJECTIVES: Record<string, { larger: boolean; sideAsk: string; verdict?: string }> = {
  多: { larger: true, sideAsk: "是多少？" },
  高: { larger: true, sideAsk: "是多少？" },
  大: { larger: true, sideAsk: "是多少？" },
  严: { larger: true, sideAsk: "有哪些？" },
  长: { larger: true, sideAsk: "多长时间？" },
  久: { larger: true, sideAsk: "多长时间？" },
  少: { larger: false, sideAsk: "是多少？" },
  低: { larger: false, sideAsk: "是多少？" },
  小: { larger: false, sideAsk: "是多少？" },
  宽: { larger: false, sideAsk: "有哪些？" },
  松: { larger: false, sideAsk: "有哪些？" },
  短: { larger: false, sideAsk: "多长时间？" },
  // How often: the side with the shorter period is the more frequent.
  // (「浙江省（省级）的频繁」 is no Chinese: the verdict says 更频繁.)
  频繁: { larger: false, sideAsk: "多久一次？", verdict: "更频繁" },
  勤: { larger: false, sideAsk: "多久一次？", verdict: "更勤" },
};
/** The adjective closing the ask, with its degree words: 「更多一些呢？」「高点」. */
const CLOSING = new RegExp(
  // 多 before the adjective makes a question word (多少, 多久, 多大), no comparison.
  `(是不是|是否)?(更|更加|比较|还|要)?(?<!多)(${Object.keys(ADJECTIVES).join("|")})(一些|一点|些|点)?(吗|么|吧|呢|啊|呀)?[？?。！!]*$`,
  "u",
);
/** One side measured against the other: 「比浙江的低」「跟浙江的比」「相比」. */
const AGAINST = /[跟和与同]?比(起来|起)?|相比|较/u;
/** The question asks yes or no of it: 是不是更低, 是否更高, 更低吗. */
const YES_NO = /是不是|是否|吗|么|吧/u;

/** The comparative ask of a question naming both sides, or undefined when it asks no 「谁…多」 or 「…比…低吗」. */
export function comparativeAsk(question: string): ComparativeAsk | undefined {
  const closing = CLOSING.exec(question);
  if (!closing) return undefined;
  const which = WHICH.test(question);
  const yesNo = !which && AGAINST.test(question) && YES_NO.test(question);
  if (!which && !yesNo) return undefined;
  const adjective = closing[3]!;
  return { adjective, yesNo, ...ADJECTIVES[adjective]! };
}

/** A side's question: the comparative taken out (谁, 更多, 跟…比) and the side's own ask put in. */
export function sideAskOf(rest: string, ask: ComparativeAsk): string {
  const stem = rest
    .replace(CLOSING, "")
    .replace(new RegExp(WHICH.source, "gu"), "")
    .replace(new RegExp(`(${AGAINST.source})[，,]?`, "gu"), "")
    .replace(/[，,\s的]+$/u, "");
  return `${stem}${ask.sideAsk}`;
}

/** The one figure of a line per unit (a period as 「period」), when a unit has one figure only. */
function singleMeasures(full: string): Map<string, Measure> {
  // 「共 4 项（第六条）」 counts a list's items; how many conditions there are is no measure of them.
  const all = new Map<string, Measure[]>();
  for (const m of measuresIn(withoutListCounts(full))) all.set(m.unit, [...(all.get(m.unit) ?? []), m]);
  return new Map([...all].filter(([, v]) => v.length === 1 && v[0]!.value > 0).map(([unit, v]) => [unit, v[0]!]));
}

/** A figure compared: a period in months (unit 「period」), else the figure in its unit (answer-kinds.ts). */
export type Measure = StatedMeasure;

/**
 * Which of two sides' texts states the larger (or, `larger` false, the smaller) figure of a unit both
 * state once: its index (undefined when the figures agree) with both figures; undefined when nothing compares.
 */
export function largerSide(texts: readonly [string, string], larger: boolean): { index: 0 | 1 | undefined; won: Measure; lost: Measure } | undefined {
  const [a, b] = texts.map(singleMeasures) as [ReturnType<typeof singleMeasures>, ReturnType<typeof singleMeasures>];
  const unit = [...a.keys()].find((u) => b.has(u));
  if (!unit) return undefined;
  const [x, y] = [a.get(unit)!, b.get(unit)!];
  if (x.value === y.value) return { index: undefined, won: x, lost: y };
  return x.value > y.value === larger ? { index: 0, won: x, lost: y } : { index: 1, won: y, lost: x };
}

/**
 * The reply with 「<side>的多（20家 对 2家）。」 before its conclusion, when the
 * question asks which side has more and its two labelled lines state one figure
 * each of a unit they share; the reply unchanged otherwise.
 * @param labels the line openings of the sides (「浙江省（省级）：」 …)
 */
export function openWithLarger(question: string, reply: string, labels: readonly string[]): string {
  const ask = comparativeAsk(question);
  if (!ask) return reply;
  const cut = reply.indexOf("\n\n");
  // A side's line runs on over the items of its list (「共 4 项：」 then （一）…).
  const lines: string[] = [];
  for (const l of (cut < 0 ? reply : reply.slice(0, cut)).split("\n")) {
    if (labels.some((label) => l.startsWith(label))) lines.push(l);
    else if (lines.length > 0) lines[lines.length - 1] += `\n${l}`;
  }
  if (lines.length !== 2) return reply;
  const found = largerSide([lines[0]!, lines[1]!], ask.larger);
  if (!found) return reply;
  const label = (line: string): string => line.slice(0, line.indexOf("："));
  const { index, won, lost } = found;
  if (index === undefined) return `${ask.yesNo ? "不是，" : ""}一样（都是${won.text}）。\n${reply}`;
  const winner = lines[index]!;
  const verdict = `${label(winner)}${ask.verdict ?? `的${ask.adjective}`}（${won.text} 对 ${lost.text}）。`;
  if (!ask.yesNo) return `${verdict}\n${reply}`;
  // 「淄博的条件比浙江的低吗」 asks of the side named first.
  const subject = firstNamed(question);
  // A line's label begins with its jurisdiction's first alias (「浙江省（省级）」 with 浙江).
  const subjectWins = subject !== undefined && label(winner).startsWith(jurisdictionNames(subject).aliases[0]!);
  return `${subjectWins ? "是" : "不是"}，${verdict}\n${reply}`;
}

/** The jurisdiction the question names first. */
function firstNamed(question: string): Jurisdiction | undefined {
  let best: { at: number; j: Jurisdiction } | undefined;
  for (const j of JURISDICTIONS) {
    for (const alias of jurisdictionNames(j).aliases) {
      const at = question.indexOf(alias);
      if (at >= 0 && (!best || at < best.at)) best = { at, j };
    }
  }
  return best?.j;
}
