/**
 * The sentence a reply opens with: what was asked, answered. It is read off
 * the quoted clauses — never invented — by choosing the clause that carries
 * the question's words and states the kind of thing asked for (a figure in
 * the unit asked, a date, a period, who does it); a question for a list gets
 * the whole list in one line (「共 5 项：…」).
 */
import { formatClause } from "../knowledge/citation.ts";

/** A word that shows a sentence is relevant, weighted by how rare it is in the texts. */
export interface Cue {
  text: string;
  weight: number;
}

export interface ConclusionQuote {
  id: string;
  text: string;
  asItem?: boolean;
}

/** What shows that a clause states the kind of answer asked for. */
const KIND_SHAPES: Readonly<Record<string, RegExp>> = {
  "#date": /\d{4}年\d{1,2}月\d{1,2}日/,
  "#period": /每[^，。；]{0,4}(年|月)[^，。；]{0,4}一次|试用期|一年/,
  "#who": /负责|组织实施|由[^，。；]{2,20}(实施|解释|负责)|向[^，。；]{2,20}(提出|提交|推荐)/,
  "#basis": /根据/,
  "#purpose": /为|促进|提升|推动/,
  "#place": /地区|区域|园区/,
  "#location": /地区|区域|向[^，。；]{2,20}(提出|提交|推荐)/,
  "#scope": /服务需求|领域/,
};
const KIND_BONUS = 3;
const MAX_CONCLUSION = 90;

function shapeOf(kind: string): RegExp | undefined {
  if (kind.startsWith("#qty:")) {
    const unit = kind.slice(5);
    return new RegExp(`\\d+(?:\\.\\d+)?(?:家|件|项)?(?:、\\d+(?:\\.\\d+)?)*${unit === "万元" ? "万元" : unit}`);
  }
  return KIND_SHAPES[kind];
}

function clausesOf(text: string): string[] {
  return text
    .replace(/\n/g, "")
    .split(/(?<=[。；])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function score(sentence: string, cues: readonly Cue[], kinds: readonly string[]): number {
  let s = cues.reduce((n, c) => (sentence.includes(c.text) ? n + c.weight : n), 0);
  for (const k of kinds) {
    const shape = shapeOf(k);
    if (shape?.test(sentence)) s += KIND_BONUS * Math.max(1, ...cues.map((c) => c.weight));
  }
  return s;
}

/** Cuts a long sentence to its comma-parts that carry the cues (keeping their order). */
function trimSentence(sentence: string, cues: readonly Cue[], kinds: readonly string[]): string {
  if (sentence.length <= MAX_CONCLUSION) return sentence;
  const parts = sentence.split(/(?<=[，,])/);
  const scores = parts.map((p) => score(p, cues, kinds));
  const best = Math.max(...scores);
  const kept = parts.filter((_, i) => scores[i]! >= best / 2 && scores[i]! > 0);
  const text = kept.join("").replace(/[，,]$/, "。");
  return text.length > 0 ? text : sentence.slice(0, MAX_CONCLUSION) + "……";
}

/** The short label of a clause: 第十四条, 第九条（五）. */
export function shortClause(id: string): string {
  return formatClause(id).replace(/^《[^》]+》/, "");
}

const itemHead = (text: string): string => {
  const head = text.replace(/\n/g, "").split(/[。；;]/)[0]!.replace(/[；;。]$/, "");
  return head.length > 40 ? `${head.slice(0, 40)}…` : head;
};

/**
 * One line answering the question from the quotes of one document, or
 * undefined when no quoted clause carries the question's words.
 */
export function composeConclusion(
  quotes: readonly ConclusionQuote[],
  input: { cues: readonly Cue[]; kinds: readonly string[]; wantsList: boolean },
): string | undefined {
  let best: { sentence: string; id: string; score: number } | undefined;
  for (const q of quotes) {
    for (const s of clausesOf(q.text)) {
      const sc = score(s, input.cues, input.kinds);
      if (!best || sc > best.score) best = { sentence: s, id: q.id, score: sc };
    }
  }
  // A figure, date or body asked for is one clause's statement; otherwise a question for a list gets the list.
  const statesKind = best !== undefined && input.kinds.some((k) => shapeOf(k)?.test(best.sentence));
  const items = quotes.filter((q) => q.asItem);
  if (input.wantsList && items.length >= 2 && !statesKind) {
    const article = shortClause(items[0]!.id).replace(/（.*$|第\d+项$/, "");
    return `共 ${items.length} 项（${article}）：${items.map((q, i) => `${i + 1}. ${itemHead(q.text)}`).join("；")}。`;
  }
  if (!best || best.score <= 0) return undefined;
  const sentence = trimSentence(best.sentence.replace(/^……|……$/g, ""), input.cues, input.kinds).replace(/[；;，,]$/, "。");
  return `${sentence.endsWith("。") ? sentence.slice(0, -1) : sentence}（${shortClause(best.id)}）。`;
}
