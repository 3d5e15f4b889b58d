/**
 * The offline answer: the relevant sentences of the retrieved pieces, quoted
 * verbatim with their citations and tied together in a sentence or two. It
 * never writes a figure of its own — every number in it is a quotation.
 */
import { articleOf, formatCitation } from "../knowledge/citation.ts";
import { POLICIES } from "../knowledge/policy-catalog.ts";
import type { PolicyId } from "../knowledge/policy-document.schema.ts";
import type { PolicyPiece } from "../knowledge/policy-piece.types.ts";
import type { Passage } from "../retrieval/passage.types.ts";
import { JURISDICTION_LABEL, ZIBO_TRIAL_NOTE } from "./answer-texts.ts";
import { JURISDICTION_OF } from "./detect-jurisdiction.ts";

export interface ExtractiveInput {
  /** per document to answer from, its retrieved passages, best first; Map order = section order */
  passagesByDoc: ReadonlyMap<PolicyId, readonly Passage[]>;
  /** all indexed pieces (to quote the rest of a list article) */
  pieces: readonly PolicyPiece[];
  /** words that show a sentence is relevant (topic words, their synonyms and sub-words), weighted by rarity */
  cues: readonly Cue[];
  /** the question asks for a list (哪些/几种/流程 …) */
  wantsList: boolean;
}

export interface Cue {
  text: string;
  weight: number;
}

export interface ExtractiveAnswer {
  text: string;
  citations: string[];
}

/** A piece longer than this is cut down to its relevant sentences. */
const LONG_PIECE = 150;
/** A sentence that states what is granted; it belongs with the condition before it. */
const CONSEQUENCE = /^(每年给予|给予|给于|每年|对其)/;
/** Extra pieces beyond the best one, per document. */
const MAX_EXTRA = 2;

const LIST_QUESTION =
  /哪些|哪几|几种|几类|几档|几项|几个方面|包括|包含|分别|什么条件|哪些条件|条件是|什么要求|什么材料|准备什么|提交什么|主要内容|看什么|程序|流程|步骤|怎么申报|如何申报|怎样申报|都有什么|有什么工作|做什么/;

export function isListQuestion(question: string): boolean {
  return LIST_QUESTION.test(question);
}

function sameArticle(a: PolicyPiece, b: PolicyPiece): boolean {
  return a.doc === b.doc && a.article === b.article;
}

/**
 * The sentences of a long piece that carry the cues (at least half the best
 * sentence's weight). A condition and the sentence granting something for it
 * (「…成绩显著的。每年给予不超过5万元…」) are kept together.
 */
export function relevantExcerpt(text: string, cues: readonly Cue[]): string {
  if (text.length <= LONG_PIECE) return text;
  const sentences = text.split(/(?<=[。；;！？\n])/).filter((s) => s.trim());
  const scores = sentences.map((s) => cues.reduce((n, c) => (s.includes(c.text) ? n + c.weight : n), 0));
  const best = Math.max(...scores);
  if (best <= 0) return text;
  const keep = new Set<number>();
  scores.forEach((score, i) => {
    if (score < best / 2) return;
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
}

/** Among the first few, the piece whose article covers most of the question (ties: the better ranked). */
function leadingPassage(passages: readonly Passage[]): Passage | undefined {
  return passages.slice(0, 3).reduce<Passage | undefined>((best, p) => (!best || p.coverage > best.coverage + 1e-9 ? p : best), undefined);
}

function quotesForDoc(passages: readonly Passage[], input: ExtractiveInput): Quote[] {
  const top = leadingPassage(passages);
  if (!top) return [];
  const articlePieces = input.pieces.filter((p) => sameArticle(p, top));
  const lead = articlePieces.find((p) => p.item === undefined);
  const items = articlePieces.filter((p) => p.item !== undefined);
  // A "list article" introduces its items (「…应具备以下条件：」, or a heading such as 申报程序).
  const introducesList = items.length > 0 && (lead ? /[：:]\s*$/.test(lead.text) : top.heading !== undefined);

  if (introducesList && (input.wantsList || top.item === undefined)) {
    const quotes: Quote[] = [];
    if (lead) quotes.push({ id: lead.id, text: lead.text });
    for (const item of items) quotes.push({ id: item.id, text: relevantExcerpt(item.text, input.cues), asItem: true });
    return quotes;
  }

  const quotes: Quote[] = [{ id: top.id, text: relevantExcerpt(top.text, input.cues) }];
  for (const p of passages.slice(0, 3)) {
    // A bare list lead (「考核评价的主要内容：」) says nothing without its items.
    if (p.id === top.id || (p.item === undefined && /[：:]\s*$/.test(p.text) && p.text.length <= 30)) continue;
    if (quotes.length > MAX_EXTRA) break;
    if (p.pieceCoverage >= Math.max(0.5, 0.8 * top.pieceCoverage) && !quotes.some((q) => q.id === p.id)) {
      quotes.push({ id: p.id, text: relevantExcerpt(p.text, input.cues) });
    }
  }
  // A short closing rule of the article (第九条「当年度优惠政策只享受一次，不重复支持」) applies to every item.
  if (top.item !== undefined && lead && !/[：:]\s*$/.test(lead.text) && lead.text.length <= 60) {
    if (!quotes.some((q) => q.id === lead.id)) quotes.push({ id: lead.id, text: lead.text });
  }
  return quotes;
}

function renderQuotes(quotes: readonly Quote[], pieces: readonly PolicyPiece[]): string[] {
  const lines: string[] = [];
  const first = quotes[0];
  if (first?.asItem) {
    // An article whose own text is only a heading (淄博第七条 申报程序): name it before its items.
    const piece = pieces.find((p) => p.id === first.id);
    const articleId = articleOf(first.id);
    lines.push(`${formatCitation(articleId)}${piece?.heading ? `（${piece.heading}）` : ""}：`);
  }
  for (const q of quotes) {
    if (q.asItem) lines.push(`  ${itemLabel(q.id)}「${q.text}」`);
    else lines.push(`${formatCitation(q.id)}：「${q.text.replace(/\n/g, "")}」`);
  }
  return lines;
}

/** The printed label of an item id: （三）, or 2． for Zibo 第七条/第八条. */
function itemLabel(id: string): string {
  const clause = formatCitation(id).replace(/^《[^》]+》第[^条]+条/, "");
  return clause.startsWith("第") ? clause.replace(/^第(\d+)项$/, "$1．") : clause;
}

export function composeExtractiveAnswer(input: ExtractiveInput): ExtractiveAnswer {
  const sections: string[] = [];
  const citations: string[] = [];
  const docs = [...input.passagesByDoc.keys()];
  const labelled = docs.length > 1;

  for (const doc of docs) {
    const quotes = quotesForDoc(input.passagesByDoc.get(doc)!, input);
    if (quotes.length === 0) continue;
    for (const q of quotes) if (!citations.includes(q.id)) citations.push(q.id);
    const head = labelled
      ? `【${JURISDICTION_LABEL[JURISDICTION_OF[doc]]}】${POLICIES[doc].shortName}的规定：`
      : `以下是${POLICIES[doc].shortName}中与您的问题直接相关的原文：`;
    sections.push([head, ...renderQuotes(quotes, input.pieces)].join("\n"));
  }

  const parts = [labelled ? "两份政策对此都有规定，分别如下。" : "", ...sections].filter(Boolean);
  if (citations.some((id) => id.startsWith("zb2020:"))) parts.push(ZIBO_TRIAL_NOTE);
  return { text: parts.join("\n\n"), citations };
}
