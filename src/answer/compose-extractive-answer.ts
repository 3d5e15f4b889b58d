/**
 * The offline answer: the relevant sentences of the retrieved pieces, quoted
 * verbatim with their citations and tied together in a sentence or two. Every
 * figure in it is a quotation, except the user's own figures worked out by the
 * rules of check and estimate (apply-own-numbers.ts).
 */
import { articleOf, formatCitation, parseCitation } from "../knowledge/citation.ts";
import { POLICIES } from "../knowledge/policy-catalog.ts";
import type { PolicyId } from "../knowledge/policy-document.schema.ts";
import type { PolicyPiece } from "../knowledge/policy-piece.types.ts";
import { GRANTS } from "../retrieval/domain-terms.ts";
import type { Passage } from "../retrieval/passage.types.ts";
import { ESTIMATE_HINT, JURISDICTION_LABEL, SELF_CHECK_HINT, trialNotes } from "./answer-texts.ts";
import type { OwnNumbersOutcome } from "./apply-own-numbers.ts";
import { composeConclusion, itemLabel, shapesAskedHere, type Cue } from "./compose-conclusion.ts";
import { JURISDICTION_OF } from "./detect-jurisdiction.ts";
import { lastingTitle } from "./lasting-title.ts";
import { listedMember, listedMemberLine } from "./listed-member.ts";
import { yesNoAsk, yesNoVerdict } from "./yes-no-ask.ts";

export interface ExtractiveInput {
  /** per document to answer from, its retrieved passages, best first; Map order = section order */
  passagesByDoc: ReadonlyMap<PolicyId, readonly Passage[]>;
  /** all indexed pieces (to quote the rest of a list article) */
  pieces: readonly PolicyPiece[];
  /** words that show a sentence is relevant (topic words, their synonyms and sub-words), weighted by rarity */
  cues: readonly Cue[];
  /** the question asks for a list (哪些/几种/流程 …) */
  wantsList: boolean;
  /** the kinds of answer asked for (`#who`, `#qty:家` …, QueryProfile.kinds) */
  kinds?: readonly string[];
  /** the question */
  question?: string;
  /** strings naming the thing asked about (QueryProfile.focusCues): the opening sentence carries them */
  focus?: readonly (readonly string[])[];
  /** the asker's own numbers worked out by the rules (apply-own-numbers.ts): they are the conclusion */
  ownNumbers?: OwnNumbersOutcome;
}

export type { Cue };

export interface ExtractiveAnswer {
  text: string;
  citations: string[];
}

/** A piece longer than this is cut down to its relevant sentences. */
const LONG_PIECE = 150;
/** A sentence longer than this is cut further at its semicolons. */
const LONG_SENTENCE = 80;
/** A sentence that states what is granted; it belongs with the condition before it. */
const CONSEQUENCE = /^(每年给予|给予|给于|每年|对其)/;
/** Extra pieces beyond the best one, per document. */
const MAX_EXTRA = 2;
/** Items covering the question at least this share of the best one's coverage are asked about alike. */
const LIKE_ITEMS = 0.9;
/** How far down the retrieved pieces to look for one that states the kind of answer asked for. */
const KIND_WINDOW = 5;

const LIST_QUESTION =
  /哪些|哪几|几种|几类|几个?档|几项|几样|多少(项|样|种|类)|几个方面|包括|包含|分别|(什么|啥)(玩意儿?|样的?|些)?(条件|要求|材料)|哪些条件|条件是|准备什么|提交什么|主要内容|(看|考|查|评|审)(些)?什么|程序|流程|步骤|怎么申报|如何申报|怎样申报|都有什么|有什么工作|做什么/;

/** A question for what there is, not for how much or whether: 什么, 啥 (not 为什么, 什么时候). */
const WHAT_IS_THERE = /(?<!为)(什么|啥)(?!时候|时间|意思)/;

/** What something requires, which the items of a list share rather than list. */
const ASKS_REQUIREMENT = /要求|条件|资格|资质|门槛|标准/;

export function isListQuestion(question: string): boolean {
  return LIST_QUESTION.test(question);
}

function sameArticle(a: PolicyPiece, b: PolicyPiece): boolean {
  return a.doc === b.doc && a.article === b.article;
}

/**
 * Sentences, ending at 。！？ or a line break. Semicolons only divide a long
 * sentence: in a short one the clauses belong together (「评为不合格的，限期整改；
 * 整改仍不合格的，取消称号并予以摘牌。」 is one consequence in two steps).
 */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[。！？\n])/)
    .flatMap((s) => (s.length > LONG_SENTENCE ? s.split(/(?<=[；;])/) : [s]))
    .filter((s) => s.trim());
}

/**
 * The sentences of a long piece that carry the cues (at least half the best
 * sentence's weight). A condition and the sentence granting something for it
 * (「…成绩显著的。每年给予不超过5万元…」) are kept together.
 */
export function relevantExcerpt(text: string, cues: readonly Cue[], answering: readonly RegExp[] = []): string {
  if (text.length <= LONG_PIECE) return text;
  const sentences = sentencesOf(text);
  const scores = sentences.map((s) => cueScore(s, cues));
  const best = Math.max(...scores);
  if (best <= 0) return text;
  const keep = new Set<number>();
  scores.forEach((score, i) => {
    // A sentence on the topic that states what is asked (「不合格会怎样」 → 「评为不合格的，限期整改」) stays, however few cues it has.
    const states = score > 0 && answering.some((shape) => shape.test(sentences[i]!));
    if (score < best / 2 && !states) return;
    keep.add(i);
    if (i > 0 && CONSEQUENCE.test(sentences[i]!.trim())) keep.add(i - 1);
    if (i + 1 < sentences.length && CONSEQUENCE.test(sentences[i + 1]!.trim())) keep.add(i + 1);
  });
  let out = "";
  let last = -1;
  for (const i of [...keep].sort((a, b) => a - b)) {
    if (last >= 0 && i !== last + 1) out += "……";
    out += sentences[i]!.replace(/\n/g, "");
    last = i;
  }
  if (last < sentences.length - 1) out += "……";
  if (!keep.has(0)) out = `……${out}`;
  return out;
}

interface Quote {
  id: string;
  text: string;
  /** quoted as an item under its article's lead */
  asItem?: boolean;
  /** the piece's whole text when `text` is an excerpt */
  full?: string;
}

/** A bare list lead (「考核评价的主要内容：」) says nothing without its items. */
function isBareLead(p: PolicyPiece): boolean {
  return p.item === undefined && /[：:]\s*$/.test(p.text) && p.text.length <= 30;
}

/** How strongly a text itself carries the cues. */
function cueScore(text: string, cues: readonly Cue[]): number {
  return cues.reduce((n, c) => (text.includes(c.text) ? n + c.weight : n), 0);
}

/**
 * Among the first few, the piece whose article covers most of the question;
 * on a tie, the one whose own text carries the cues (「依托单位是不是建设主体」:
 * 第五条 says 建设主体 itself, 第六、七条 only under the chapter title
 * 「建设主体和主要工作」), then the better ranked.
 */
function leadingPassage(passages: readonly Passage[], cues: readonly Cue[], wantsList: boolean, leadOf: (p: Passage) => string): Passage | undefined {
  let best: Passage | undefined;
  // A question for a list (「要准备什么材料」) prefers, on a tie, an item of a list to a clause that
  // only names the list (第十条 「对申报材料进行审核」) — unless that clause's own text carries more of
  // the question (「省知识产权局管哪些事」: 第八条 names the office and what it does, not an item of 第九条).
  const listed = (p: Passage): number => (wantsList && p.item !== undefined ? 1 : 0);
  // For a list question an item speaks with its list's lead (「提交以下申报材料：」). Between
  // clauses a phrase opening with 的 (「的依托单位」) tells nothing its noun does not.
  const telling = cues.filter((c) => !c.text.startsWith("的"));
  const said = (p: Passage): number => cueScore(listed(p) ? `${leadOf(p)}${p.text}` : p.text, telling);
  for (const p of passages.slice(0, 3)) {
    if (!best || p.coverage > best.coverage + 1e-9) best = p;
    else if (Math.abs(p.coverage - best.coverage) > 1e-9) continue;
    else if (listed(p) !== listed(best)) {
      const [item, other] = listed(p) > listed(best) ? [p, best] : [best, p];
      best = said(item) >= said(other) ? item : other;
    }
    else if (said(p) > said(best)) best = p;
  }
  return best;
}

/** The quotes of one text, and whether they are the whole list the question asks for though it did not say 哪些. */
function quotesForDoc(passages: readonly Passage[], input: ExtractiveInput): { quotes: Quote[]; askedList: boolean } {
  const answeringShapes = shapesAskedHere(input.question ?? "");
  const leadOf = (p: Passage): string => input.pieces.find((q) => sameArticle(q, p) && q.item === undefined)?.text ?? "";
  const top = leadingPassage(passages, input.cues, input.wantsList, leadOf);
  if (!top) return { quotes: [], askedList: false };
  const articlePieces = input.pieces.filter((p) => sameArticle(p, top));
  const lead = articlePieces.find((p) => p.item === undefined);
  const items = articlePieces.filter((p) => p.item !== undefined);
  // A "list article" introduces its items (「…应具备以下条件：」, or a heading such as 申报程序).
  const introducesList = items.length > 0 && (lead ? /[：:]\s*$/.test(lead.text) : top.heading !== undefined);
  // An article under a heading (淄博第九条 保障措施) whose own text is a closing rule
  // (「当年度优惠政策只享受一次」) is a list too, when the question is about its items alike —
  // several of them cover it as well as the best one (「有哪些支持」), not one item of it (「授权的支持分几档」).
  const alike = passages.slice(0, 3).filter((p) => sameArticle(p, top) && p.item !== undefined && p.pieceCoverage >= LIKE_ITEMS * top.pieceCoverage);
  // A question for what there is (「有啥待遇」「能享受什么扶持」) whose first three pieces are all items of
  // that list, alike, names nothing that tells one item from another: it asks for the list.
  // A question for what the items require (「有什么资质要求」) asks what they share, not for them.
  const forTheList = input.wantsList
    ? alike.length >= 2
    : alike.length >= 3 && WHAT_IS_THERE.test(input.question ?? "") && !ASKS_REQUIREMENT.test(input.question ?? "");
  const headedList = items.length > 0 && top.heading !== undefined && forTheList;

  if ((introducesList && (input.wantsList || top.item === undefined)) || headedList) {
    // The items stating the figure asked for (「服务机构数量有什么要求」 → （三）「20家以上」)
    // come first, on their own; the whole list follows.
    const askedFigures = (input.kinds ?? []).filter((k) => k.startsWith("#qty:"));
    const kindsOf = new Map(passages.map((p) => [p.id, p.kinds]));
    const answering = items.filter((item) => kindsOf.get(item.id)?.some((k) => askedFigures.includes(k)));
    const quotes: Quote[] = [];
    if (answering.length < items.length) {
      for (const item of answering) quotes.push({ id: item.id, text: relevantExcerpt(item.text, input.cues, answeringShapes) });
    }
    if (lead) quotes.push({ id: lead.id, text: lead.text });
    for (const item of items) {
      if (!quotes.some((q) => q.id === item.id)) {
        quotes.push({ id: item.id, text: relevantExcerpt(item.text, input.cues, answeringShapes), asItem: true, full: item.text });
      }
    }
    return { quotes, askedList: headedList && !input.wantsList };
  }

  const quotes: Quote[] = [{ id: top.id, text: relevantExcerpt(top.text, input.cues, answeringShapes) }];
  for (const p of passages.slice(0, 3)) {
    if (p.id === top.id || isBareLead(p)) continue;
    if (quotes.length > MAX_EXTRA) break;
    if (p.pieceCoverage >= Math.max(0.5, 0.8 * top.pieceCoverage) && !quotes.some((q) => q.id === p.id)) {
      quotes.push({ id: p.id, text: relevantExcerpt(p.text, input.cues, answeringShapes) });
    }
  }
  // The question asks for a kind of statement (who receives the application, a
  // count, a date) that no quote makes: add the best retrieved piece that does
  // (「申报书交给哪个部门」 → 第九条 「向设区市知识产权局提出申报申请」).
  const asked = input.kinds ?? [];
  const kindsOf = new Map(passages.map((p) => [p.id, p.kinds]));
  if (asked.length > 0 && !quotes.some((q) => kindsOf.get(q.id)?.some((k) => asked.includes(k)))) {
    const answering = passages
      .slice(0, KIND_WINDOW)
      .find((p) => p.kinds.some((k) => asked.includes(k)) && p.pieceCoverage >= 0.5 * top.pieceCoverage && !isBareLead(p));
    if (answering && !quotes.some((q) => q.id === answering.id)) {
      quotes.push({ id: answering.id, text: relevantExcerpt(answering.text, input.cues, answeringShapes) });
    }
  }
  // A gain asked of someone (「对区县有啥好处」) may be granted in the quotes to someone else only (第十四条: 优先推荐,
  // to the zone), while a piece further down grants it to whom the question names (第十五条: 加分, to the 区县).
  // That piece is quoted too when its granting sentence carries a word of the question that no quoted granting
  // sentence does, at least as telling (rare in the texts) as any they carry; the conclusion then chooses
  // sentence by sentence. Only gains: other kinds (#who) are stated of the same thing throughout.
  if (asked.includes("#benefit") && quotes.length > 0) {
    // A condition standing as its own sentence (「…工作成绩显著的。每年给予…」) belongs to the grant after it.
    const grantsOf = (text: string): string =>
      sentencesOf(text)
        .map((s, i, all) => (i > 0 && /的[。；;]$/u.test(all[i - 1]!) ? `${all[i - 1]}${s}` : s))
        .filter((s) => GRANTS.test(s))
        .join("");
    const granted = quotes.map((q) => grantsOf(input.pieces.find((p) => p.id === q.id)?.text ?? q.text)).join("");
    const telling = Math.max(0, ...input.cues.filter((c) => granted.includes(c.text)).map((c) => c.weight));
    const newly = (p: Passage): number => Math.max(0, ...input.cues.filter((c) => !granted.includes(c.text) && grantsOf(p.text).includes(c.text)).map((c) => c.weight));
    const better = passages
      .filter((p) => !isBareLead(p) && !quotes.some((q) => q.id === p.id) && p.pieceCoverage >= 0.5 * top.pieceCoverage && newly(p) >= telling && newly(p) > 0)
      .sort((a, b) => newly(b) - newly(a))[0];
    if (better) quotes.push({ id: better.id, text: relevantExcerpt(better.text, input.cues, answeringShapes) });
  }
  // The same for the kinds read off the question itself (compose-conclusion.ts): 「材料交到哪一级」
  // → the lead of 第九条, 「……向设区市知识产权局提出申报申请」.
  if (answeringShapes.length > 0 && !quotes.some((q) => answeringShapes.some((shape) => shape.test(q.text)))) {
    const answering = passages.slice(0, KIND_WINDOW).find((p) => answeringShapes.some((shape) => shape.test(p.text)) && !isBareLead(p));
    if (answering && !quotes.some((q) => q.id === answering.id)) {
      quotes.push({ id: answering.id, text: relevantExcerpt(answering.text, input.cues, answeringShapes) });
    }
  }
  // A short closing rule of the article (第九条「当年度优惠政策只享受一次，不重复支持」) applies to every item.
  if (top.item !== undefined && lead && !/[：:]\s*$/.test(lead.text) && lead.text.length <= 60) {
    if (!quotes.some((q) => q.id === lead.id)) quotes.push({ id: lead.id, text: lead.text });
  }
  return { quotes, askedList: false };
}

/** 「（一）至（四）」, 「（三）」; numbered items (淄博第七条 2．) read 「第2至5项」. */
function itemRunLabel(first: string, last: string): string {
  const [a, b] = [itemLabel(first), itemLabel(last)];
  const numbered = /^(\d+)．$/;
  if (numbered.test(a)) return first === last ? `第${a.replace("．", "")}项` : `第${a.replace("．", "")}至${b.replace("．", "")}项`;
  return first === last ? a : `${a}至${b}`;
}

/**
 * The quotes under their citations. Items the conclusion already lists word for word are not
 * printed twice: a run of them reads 「（一）至（四）原文见上」 under the article it cites, which
 * keeps a whole-list answer inside one chat message (WeCom's 2,048 bytes).
 */
function renderQuotes(quotes: readonly Quote[], pieces: readonly PolicyPiece[], givenWhole: ReadonlySet<string> = new Set()): string[] {
  const lines: string[] = [];
  const first = quotes[0];
  if (first?.asItem) {
    // An article whose own text is only a heading (淄博第七条 申报程序): name it before its items.
    const piece = pieces.find((p) => p.id === first.id);
    const articleId = articleOf(first.id);
    lines.push(`${formatCitation(articleId)}${piece?.heading ? `（${piece.heading}）` : ""}：`);
  }
  let given: string[] = [];
  const flushGiven = () => {
    if (given.length > 0) lines.push(`  ${itemRunLabel(given[0]!, given.at(-1)!)}原文见上。`);
    given = [];
  };
  const follows = (id: string) => given.length === 0 || parseCitation(id)?.item === (parseCitation(given.at(-1)!)?.item ?? NaN) + 1;
  for (const q of quotes) {
    if (q.asItem && givenWhole.has(q.id)) {
      if (!follows(q.id)) flushGiven();
      given.push(q.id);
      continue;
    }
    flushGiven();
    if (q.asItem) lines.push(`  ${itemLabel(q.id)}「${q.text}」`);
    else lines.push(`${formatCitation(q.id)}：「${q.text.replace(/\n/g, "")}」`);
  }
  flushGiven();
  return lines;
}


export function composeExtractiveAnswer(input: ExtractiveInput): ExtractiveAnswer {
  const sections: string[] = [];
  const citations: string[] = [];
  const conclusions: string[] = [];
  const docs = [...input.passagesByDoc.keys()];
  const labelled = docs.length > 1;
  const own = input.ownNumbers;

  for (const doc of docs) {
    const found = quotesForDoc(input.passagesByDoc.get(doc)!, input);
    let quotes = found.quotes;
    // An estimate has read 第九条's closing sentence into its amounts; quoted on its own it would seem to contradict them.
    if (own?.estimated) quotes = quotes.filter((q) => q.id !== "zb2020:9");
    // The clauses the worked-out conclusion rests on are quoted first (a list keeps its order), retrieved
    // or not: 「只有一家服务机构」 is worked out against 第五条（三） however the search ranked it.
    if (own) {
      const unquoted = input.pieces.filter((p) => p.doc === doc && own.clauses.includes(p.id) && !quotes.some((q) => q.id === p.id));
      quotes = [...unquoted.map((p) => ({ id: p.id, text: p.text })), ...quotes];
    }
    if (own && !quotes.some((q) => q.asItem)) quotes = [...quotes.filter((q) => own.clauses.includes(q.id)), ...quotes.filter((q) => !own.clauses.includes(q.id))];
    if (quotes.length === 0) continue;
    const head = labelled
      ? `【${JURISDICTION_LABEL[JURISDICTION_OF[doc]]}】${POLICIES[doc].shortName}：`
      : `${POLICIES[doc].shortName}原文：`;
    let givenWhole = new Set<string>();
    // 「评上是不是就一劳永逸了」: the review and the withdrawal of the title answer it together (lasting-title.ts).
    const lasting = !own && input.kinds?.includes("#lasting") ? lastingTitle(input.pieces.filter((p) => p.doc === doc)) : undefined;
    if (lasting) {
      conclusions.push(labelled ? `${JURISDICTION_LABEL[JURISDICTION_OF[doc]]}：${lasting.line}` : lasting.line);
      quotes = [...lasting.quotes, ...quotes.filter((q) => !lasting.quotes.some((l) => l.id === q.id))];
    } else if (!own) {
      const focus = input.focus ?? [];
      const wantsList = input.wantsList || found.askedList;
      const conclusion = composeConclusion(quotes, { cues: input.cues, kinds: input.kinds ?? [], wantsList, question: input.question, focus });
      if (conclusion) {
        givenWhole = new Set(conclusion.givenWhole ?? []);
        // A yes/no question hears yes or no first, read off the sentence it rests on (yes-no-ask.ts).
        const yesNo = input.question ? yesNoAsk(input.question) : undefined;
        const verdict = yesNo && conclusion.sentence ? yesNoVerdict(input.question!, conclusion.sentence, input.cues, focus) : undefined;
        // With no verdict, a kind the asker names that the clause lists among others is said to be listed.
        // …and a claim that it does not count (「…不算创新创业载体，真是这样吗」) is denied, then said to be listed.
        const member = yesNo && verdict !== "yes" && conclusion.sentence ? listedMember(input.question!, conclusion.sentence, input.cues.map((c) => c.text)) : undefined;
        const line =
          yesNo && verdict
            ? `${verdict === "yes" ? yesNo.yes : yesNo.no}。${verdict === "no" && member ? listedMemberLine(member, input.question!) : ""}${conclusion.line}`
            : member
              ? `${listedMemberLine(member, input.question!)}${conclusion.line}`
              : conclusion.line;
        conclusions.push(labelled ? `${JURISDICTION_LABEL[JURISDICTION_OF[doc]]}：${line}` : line);
        // The clause the conclusion rests on is quoted (and cited) first; a list keeps its order.
        const at = quotes.findIndex((q) => q.id === conclusion.id);
        if (at > 0 && !quotes[at]!.asItem) quotes = [quotes[at]!, ...quotes.slice(0, at), ...quotes.slice(at + 1)];
      }
    }
    for (const q of quotes) if (!citations.includes(q.id)) citations.push(q.id);
    sections.push([head, ...renderQuotes(quotes, input.pieces, givenWhole)].join("\n"));
  }
  // The clauses the worked-out conclusion rests on are cited first.
  if (own) citations.splice(0, citations.length, ...own.clauses, ...citations.filter((c) => !own.clauses.includes(c)));

  const conclusion = own ? own.lines : conclusions;
  const parts = [
    conclusion.length > 0 ? conclusion.join("\n") : "",
    sections.length > 0 ? `依据：\n${sections.join("\n\n")}` : "",
  ].filter(Boolean);
  if (own && !own.noHint) parts.push(own.estimated ? ESTIMATE_HINT : SELF_CHECK_HINT);
  parts.push(...trialNotes(citations));
  return { text: parts.join("\n\n"), citations };
}
