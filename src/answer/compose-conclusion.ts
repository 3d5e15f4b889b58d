/**
 * The sentence a reply opens with: what was asked, answered. It is read off
 * the quoted clauses — never invented — by choosing the sentence that states
 * the kind of thing asked for (a figure in the unit asked, a date, a period,
 * who does it) and carries the thing asked about (the ask focus, 服务券 of
 * 「能给服务券吗」) and the question's rarer words — inside a long item too,
 * not the item's first sentence. A question for a list gets the whole list,
 * one line per item, each item's complete first sentence (「共 5 项：…」).
 */
import { formatCitation, formatClause } from "../knowledge/citation.ts";
import { BENEFIT_ASK, CONSEQUENCE_ASK, GRANTS, TITLE_REVIEWED, ZONES_CHOSEN } from "../retrieval/domain-terms.ts";

/** A word that shows a sentence is relevant, weighted by how rare it is in the texts. */
export interface Cue {
  text: string;
  weight: number;
}

export interface ConclusionQuote {
  id: string;
  /** the quoted text (a long piece cut to its relevant sentences) */
  text: string;
  asItem?: boolean;
  /** the piece's whole text, when `text` is an excerpt of it (a list line shows the item's own first sentence) */
  full?: string;
}

/** What shows that a clause states the kind of answer asked for. */
const KIND_SHAPES: Readonly<Record<string, RegExp>> = {
  "#date": /\d{4}年\d{1,2}月\d{1,2}日/,
  "#period": /每[^，。；]{0,4}(年|月)[^，。；]{0,4}一次|试用期|一年|每个?(年|季度|月)度?(给予|支持|补助|奖励)|一次性/,
  "#docno": /〔\d{4}〕\d+号/,
  "#who": /负责|组织实施|由[^，。；]{2,20}(实施|解释|负责)|向[^，。；]{2,20}(提出|提交|推荐)/,
  "#basis": /根据/,
  "#purpose": /为|促进|提升|推动/,
  "#place": /地区|区域|园区/,
  "#location": /地区|区域/,
  "#destination": /向[^，。；]{2,20}(提出|提交|推荐|报)/,
  "#scope": /服务需求|领域/,
  "#level": /(省级|市级)[^，。；]{0,16}示范区/,
  "#validity": /试用期|有效期|自\d{4}年\d{1,2}月\d{1,2}日起(实施|施行)/,
  "#aspects": /(?<!所)在[^。；]{2,80}等(方面|工作)/,
  "#lasting": TITLE_REVIEWED,
  "#quota": ZONES_CHOSEN,
};
/**
 * Kinds of answer read off the question here rather than in retrieval, because
 * they only choose the opening sentence: 「不合格会怎样」 asks what follows from
 * a condition, and is answered by a sentence that says what follows
 * (「评为不合格的，限期整改；……取消资格」), not by one that names the condition.
 * A gain (`#benefit`) is read in retrieval too; here its shape keeps the granting
 * sentence in a long article's excerpt.
 */
const ASKED_HERE: readonly { kind: string; question: RegExp; shape: RegExp }[] = [
  {
    // 「材料交到哪一级」「交给谁」: the body an application goes to.
    kind: "#recipient",
    // Either word order: 「交到哪」 or, with the preposition first, 「往哪儿交」.
    // Also as a choice between bodies (「往省里交还是先给市里」「交给区县还是市里」): where it goes is still asked.
    // 「找哪个部门解释」 asks who does something else (解释, 审核 …), not where to hand in.
    question: /(交|报|送|递|提交|申报|申请)(到|给|往|至)(哪|谁|什么)|(往|到|给)(哪|谁)[^，。？?]{0,3}(交|报|送|递|提交)|向(哪|谁)|找(谁|哪)(?![^，。？?]{0,6}(解释|负责|审核|审批|批准|考核|认定|指导|确认))|(往|向)[^，。？?]{1,6}(交|报|送|递|提交)[^，。？?]{0,2}还是|(交|报|送|递|提交)(到|给|往|至)[^，。？?]{1,6}还是/,
    shape: /向[^，。；]{2,20}(提出|提交|推荐|申报|报送)/,
  },
  {
    kind: "#consequence",
    // The retrieval kind's ask, and 咋样 as typed. What an outcome brings (「有什么好处」) is `#benefit`, a clause
    // that grants something, whatever its condition.
    question: new RegExp(`${CONSEQUENCE_ASK.source}|(会|将|要)咋样`),
    shape: /的，[^。；]*(整改|取消|摘牌|撤销|保留|推荐|给予|不予|加分|奖励)/,
  },
  // 「评上优秀有什么好处」: a sentence that grants something, which a long article's excerpt keeps
  // (「认定优秀或合格的，…优先推荐…」 after 「认定结果分为…三档」).
  { kind: "#benefit", question: BENEFIT_ASK, shape: GRANTS },
];
/** The shapes of the answers a question asks for that are read off the question here (ASKED_HERE). */
export function shapesAskedHere(question: string): RegExp[] {
  return ASKED_HERE.filter((k) => k.question.test(question)).map((k) => k.shape);
}
const KIND_BONUS = 3;
/** Kinds of answer a list of items gives item by item (composeConclusion). */
const LISTED_KINDS = new Set(["#aspects", "#benefit"]);
/** A sentence that names the thing asked about outranks one that only repeats the question's other words. */
const FOCUS_BONUS = 2;
const MAX_CONCLUSION = 90;

function shapeOf(kind: string): RegExp | undefined {
  const here = ASKED_HERE.find((k) => k.kind === kind);
  if (here) return here.shape;
  if (kind.startsWith("#qty:")) {
    const unit = kind.slice(5);
    return new RegExp(`\\d+(?:\\.\\d+)?(?:家|件|项)?(?:、\\d+(?:\\.\\d+)?)*${unit === "万元" ? "万元" : unit}`);
  }
  return KIND_SHAPES[kind];
}

/** Above this length a sentence's semicolon clauses are read one by one. */
const LONG_SENTENCE = 80;

/**
 * Sentences; a long one is cut at its semicolons too. In a short one the
 * clauses belong together: 「评为不合格的，限期整改；整改仍不合格的，取消资格。」
 * is one consequence in two steps.
 */
function clausesOf(text: string): string[] {
  return text
    .replace(/\n/g, "")
    .split(/(?<=[。])/)
    .flatMap((s) => (s.length > LONG_SENTENCE ? s.split(/(?<=[；])/) : [s]))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The weight of the focus groups (one per word asked about) a sentence carries, each weighed as its heaviest cue. */
export function focusCarried(sentence: string, focus: readonly (readonly string[])[], cues: readonly Cue[]): { carried: number; total: number } {
  const weightOf = (f: string): number => cues.find((c) => c.text === f)?.weight ?? 1;
  let carried = 0;
  let total = 0;
  for (const group of focus) {
    const w = Math.max(...group.map(weightOf));
    total += w;
    if (group.some((f) => sentence.includes(f))) carried += w;
  }
  return { carried, total };
}

function score(sentence: string, cues: readonly Cue[], kinds: readonly string[], focus: readonly (readonly string[])[] = []): number {
  let s = cues.reduce((n, c) => (sentence.includes(c.text) ? n + c.weight : n), 0);
  s += FOCUS_BONUS * focusCarried(sentence, focus, cues).carried;
  for (const k of kinds) {
    const shape = shapeOf(k);
    if (shape?.test(sentence)) s += KIND_BONUS * Math.max(1, ...cues.map((c) => c.weight));
  }
  return s;
}

/** How a list's item count opens its conclusion (「共 4 项（第六条）：」): a count of items, no measure of what they say. */
export const LIST_COUNT = /共 ?(\d+) ?项/u;
const LIST_COUNTS = new RegExp(LIST_COUNT.source, "gu");

/** A text without its lists' item counts (which-side-more.ts, same-or-different.ts read measures of what they say). */
export const withoutListCounts = (text: string): string => text.replace(LIST_COUNTS, "");

/** The first step is asked (第一步, 首先, 先交/先报, 一开始). */
const FIRST_STEP = /第一步|头一步|首先|最先|一开始|先(交|报|递|送|找|提)/u;

/** Where a piece stands in its text (article, then item): 「zb2020:7.2」 → 7002. Sentences of one piece keep their order. */
function textOrder(id: string): number {
  const m = /:(\d+)(?:\.(\d+))?$/u.exec(id);
  return m ? Number(m[1]) * 1000 + Number(m[2] ?? 0) : Number.MAX_SAFE_INTEGER;
}

/** Conjunctions that only tie a comma-part to the one before it. */
const LEADING_CONJUNCTION = /^(并且|并|且|同时|以及)(?=[\u4e00-\u9fff])/u;

/** A comma-part that only sets a time or a condition for the part after it. */
const DEPENDENT_PART = /(后|时|前|之后|以后|期间|的)[，,]$/u;

/** Cuts a long sentence to its comma-parts that carry the cues (keeping their order). */
function trimSentence(sentence: string, cues: readonly Cue[], kinds: readonly string[], focus: readonly (readonly string[])[], asksAmount = false): string {
  if (sentence.length <= MAX_CONCLUSION) return sentence;
  const parts = sentence.split(/(?<=[，,])/);
  const scores = parts.map((p) => score(p, cues, kinds, focus));
  const best = Math.max(...scores);
  const keep = scores.map((s) => s >= best / 2 && s > 0);
  // 「…的支持标准是多少」: the part that names the thing (「每完成1项知识产权证券化工作,」) keeps the
  // figure that follows it (「给于不超过10万元支持」) — the amount is the answer.
  const amount = /\d\s*(万元|元|家|件|平方米)/;
  const statesAmount = parts.some((p, i) => keep[i] && amount.test(p));
  // So does a part about support (「每完成1项知识产权证券化工作,」) whose amount follows it: support is its amount.
  const aboutSupport = (i: number): boolean => /支持|补助|补贴|奖励|服务券/.test(parts[i + 1] ?? "");
  if (!statesAmount) keep.forEach((k, i) => k && i + 1 < parts.length && amount.test(parts[i + 1]!) && (asksAmount || aboutSupport(i)) && (keep[i + 1] = true));
  // A kept part that only sets a time or a condition (「…审核后，」「…调整的，」) is finished by the
  // part after it: 「报所在区县知识产权管理部门审核后」 alone leaves out where it goes next.
  for (let i = 0; i + 1 < parts.length; i++) if (keep[i] && DEPENDENT_PART.test(parts[i]!)) keep[i + 1] = true;
  const kept = parts.filter((_, i) => keep[i]).map((p) => p.trim());
  // A part cut from the middle may open with the conjunction that tied it to the part before (「并向…提出」).
  const text = kept.join("").replace(/[，,]$/, "。").replace(LEADING_CONJUNCTION, "");
  return text.length > 0 ? text : sentence.slice(0, MAX_CONCLUSION) + "……";
}

/** The length of the longest run of characters two texts share. */
function longestCommonRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let n = best + 1; i + n <= a.length && b.includes(a.slice(i, i + n)); n++) best = n;
  }
  return best;
}

/** The printed label of an item id: （三）, or 2． for Zibo 第七条/第八条. */
export function itemLabel(id: string): string {
  const clause = formatCitation(id).replace(/^《[^》]+》第[^条]+条/, "");
  return clause.startsWith("第") ? clause.replace(/^第(\d+)项$/, "$1．") : clause;
}

/** The short label of a clause: 第十四条, 第九条（五）. */
export function shortClause(id: string): string {
  return formatClause(id).replace(/^《[^》]+》/, "");
}

/**
 * An item as a line of a list: its complete first sentence (or clause, up to
 * a semicolon), never cut inside. A first sentence that is only a condition
 * (「……工作成绩显著的。」) keeps the sentence granting something for it
 * (「每年给予……服务券支持」): alone it says nothing.
 */
export function itemLine(text: string): string {
  const sentences = text
    .replace(/\n/g, "")
    .split(/(?<=[。；;])/)
    .map((x) => x.trim())
    .filter(Boolean);
  let line = sentences[0] ?? "";
  if (/的[。；;]$/.test(line) && sentences[1]) line += sentences[1];
  return line.replace(/[；;。]$/, "");
}

/**
 * One line answering the question from the quotes of one document, or
 * undefined when no quoted clause carries the question's words.
 */
export interface Conclusion {
  line: string;
  /** the sentence of the texts it states (undefined for a list) */
  sentence?: string;
  /** the quote it rests on (for a list, its first item) */
  id: string;
  /** the items of a list whose whole text the list already gives, word for word */
  givenWhole?: readonly string[];
}

export function composeConclusion(
  quotes: readonly ConclusionQuote[],
  asked: { cues: readonly Cue[]; kinds: readonly string[]; wantsList: boolean; question?: string; focus?: readonly (readonly string[])[] },
): Conclusion | undefined {
  const question = asked.question ?? "";
  const input = { ...asked, kinds: [...new Set([...asked.kinds, ...ASKED_HERE.filter((k) => k.question.test(question)).map((k) => k.kind)])] };
  let best: { sentence: string; id: string; score: number } | undefined;
  // A question for a kind of answer (多少家, 什么时候, 谁) is answered by a sentence that states
  // one: when a quoted sentence on the topic does, the others are not candidates, however
  // many of the question's words they repeat (「依托单位要有多少家服务机构」 → 「20家以上」).
  const focus = asked.focus ?? [];
  const candidates = quotes.flatMap((q) => clausesOf(q.text).map((sentence) => ({ sentence, id: q.id, score: score(sentence, input.cues, input.kinds, focus) })));
  const stating = candidates.filter((c) => c.score > 0 && input.kinds.some((k) => shapeOf(k)?.test(c.sentence)));
  // What follows from a condition is read from the sentence whose condition (before 「的，」) is the
  // one asked about: 「不合格会怎样」 → 「评为不合格的，……」, not 「认定优秀或合格的，……」.
  const consequence = ASKED_HERE.find((k) => k.kind === "#consequence")!.shape;
  // The thing asked about decides first (「那优秀的呢？」 after 「不合格会怎样」: 优秀, though the resolved
  // question still carries 不合格), then the longest stretch the condition shares with the question.
  const FOCUS_FIRST = 100;
  const conditionMatch = (c: { sentence: string }): number => {
    if (!input.kinds.includes("#consequence") || !consequence.test(c.sentence)) return 0;
    const condition = c.sentence.split("的，")[0]!;
    // A one-character word (评 of 评上) is too ambiguous to name a condition.
    const named = focus.some((group) => group.some((f) => f.length > 1 && condition.includes(f)));
    return (named ? FOCUS_FIRST : 0) + longestCommonRun(condition, question);
  };
  for (const c of stating.length > 0 ? stating : candidates) {
    if (!best || conditionMatch(c) > conditionMatch(best) || (conditionMatch(c) === conditionMatch(best) && c.score > best.score)) best = c;
  }
  // 「第一步要先交到哪」: of the sentences saying where an application goes, the first step is the earliest in the
  // text (「向设区市知识产权局提出申报申请」 before 「向省知识产权局提交」), whichever repeats more of the question.
  if (FIRST_STEP.test(question) && input.kinds.some((k) => k === "#destination" || k === "#recipient")) {
    const steps = stating.filter((c) => KIND_SHAPES["#destination"]!.test(c.sentence));
    const first = steps.reduce<(typeof steps)[number] | undefined>((a, c) => (!a || textOrder(c.id) < textOrder(a.id) ? c : a), undefined);
    if (first) best = first;
  }
  // A figure, date or body asked for is one clause's statement; otherwise a question for a list gets the list.
  // Areas (「在…等方面」) and grants (「能享受到啥扶持」 over 第九条's items) are lists themselves: a question for
  // a list of items still gets the items.
  const statesKind = best !== undefined && input.kinds.some((k) => !LISTED_KINDS.has(k) && shapeOf(k)?.test(best.sentence));
  const items = quotes.filter((q) => q.asItem);
  if (input.wantsList && items.length >= 2 && !statesKind) {
    const article = shortClause(items[0]!.id).replace(/（.*$|第\d+项$/, "");
    // Each item under its own label in the text (（一）, 2．), so a list never reads as numbered asks.
    const lines = items.map((q, i) => `${itemLabel(q.id)}${itemLine(q.full ?? q.text)}${i === items.length - 1 ? "。" : "；"}`);
    const whole = (text: string) => text.replace(/\n/g, "").trim().replace(/[；;。]$/, "");
    const givenWhole = items.filter((q) => q.full === undefined || q.full === q.text).filter((q) => itemLine(q.text) === whole(q.text)).map((q) => q.id);
    return { line: [`共 ${items.length} 项（${article}）：`, ...lines].join("\n"), id: items[0]!.id, givenWhole };
  }
  if (!best || best.score <= 0) return undefined;
  const asksAmount = /多少|几/.test(question);
  const sentence = trimSentence(best.sentence.replace(/^……|……$/g, ""), input.cues, input.kinds, focus, asksAmount).replace(/[；;，,：:]$/, "。");
  const stated = sentence.endsWith("。") ? sentence.slice(0, -1) : sentence;
  return { line: `${stated}（${shortClause(best.id)}）。`, sentence: stated, id: best.id };
}
