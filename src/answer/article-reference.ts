/**
 * A question that names a clause by its number (「第九条（五）是什么」「淄博第7条第2项
 * 讲的啥」「第十六条的不合格怎么处理」): the number says where the answer is, and is
 * no topic word the texts lack. Read as people write clause numbers — Chinese or
 * Arabic numerals, the item as （五）, (5), 第五项 or 第5款 — with the rest of the
 * question returned without it.
 */
import { chineseNumber } from "../knowledge/citation.ts";
import { POLICIES } from "../knowledge/policy-catalog.ts";
import type { PolicyPiece } from "../knowledge/policy-piece.types.ts";
import { parseChineseNumeral } from "../retrieval/answer-kinds.ts";
import type { AnswerResult } from "./answer.types.ts";
import { clauseText, noSuchClauseText, trialNotes } from "./answer-texts.ts";
import { POLICY_OF, type Jurisdiction } from "./detect-jurisdiction.ts";

export interface ArticleReference {
  article: number;
  item?: number;
  /** the question without the reference (「第九条（五）的服务券最多多少」 → 「的服务券最多多少」) */
  rest: string;
}

const NUMERAL = "[0-9一二三四五六七八九十百两]+";
const REFERENCE = new RegExp(
  `第\\s*(${NUMERAL})\\s*条(?:\\s*(?:[（(]\\s*(${NUMERAL})\\s*[）)]|第\\s*(${NUMERAL})\\s*[项款]))?`,
  "u",
);

const numberOf = (s: string | undefined): number | undefined =>
  s === undefined ? undefined : /^\d+$/.test(s) ? Number(s) : parseChineseNumeral(s.replace(/两/g, "二"));

/** The first clause number a question names, or undefined. */
export function readArticleReference(question: string): ArticleReference | undefined {
  const m = REFERENCE.exec(question);
  if (!m) return undefined;
  const article = numberOf(m[1]);
  if (article === undefined || article < 1) return undefined;
  const item = numberOf(m[2] ?? m[3]);
  return { article, item, rest: `${question.slice(0, m.index)}${question.slice(m.index + m[0].length)}` };
}

/** What is left asks only what the clause says (「是什么」「讲的啥」「说的是啥意思」「内容」), nothing about a topic. */
const ASKS_CONTENT = /^[\s，,。？?！!的了呢吗啊呀]*(是|有|讲|说|写|规定)?(了|的)?(是)?(什么|啥|哪些)?(意思|内容|规定)?(是什么|是啥|有哪些)?[\s，,。？?！!的了呢吗啊呀]*$/u;

/** Whether the question, its reference and place names taken out, asks only for the clause's text. */
export function asksForClauseOnly(rest: string): boolean {
  return ASKS_CONTENT.test(rest);
}

/** The pieces a reference names in one text: the item, or the article with its items; empty when it has none. */
export function referencedPieces<P extends { doc: string; article: number; item?: number }>(reference: ArticleReference, doc: string, pieces: readonly P[]): P[] {
  return pieces.filter((p) => p.doc === doc && p.article === reference.article && (reference.item === undefined || p.item === reference.item));
}

/** A clause asked for by its number, quoted from each text of `scope` that has it (the named ones, or both). */
export function answerClauseByNumber(reference: ArticleReference, scope: readonly Jurisdiction[], pieces: readonly PolicyPiece[], question: string): AnswerResult {
  const byPolicy = scope
    .map((jurisdiction) => ({ jurisdiction, pieces: referencedPieces(reference, POLICY_OF[jurisdiction], pieces) }))
    .filter((b) => b.pieces.length > 0);
  const label = `第${chineseNumber(reference.article)}条${reference.item === undefined ? "" : `第${chineseNumber(reference.item)}项`}`;
  if (byPolicy.length === 0) {
    const scopes = scope.map((j) => ({ name: POLICIES[POLICY_OF[j]].shortName, lastArticle: Math.max(...pieces.filter((p) => p.doc === POLICY_OF[j]).map((p) => p.article)) }));
    return {
      text: noSuchClauseText(label, scopes),
      citations: [],
      refused: true,
      refusalReason: "off-topic",
      jurisdictions: [],
      retrieved: [],
      resolvedQuestion: question,
      mode: "offline",
    };
  }
  const citations = byPolicy.flatMap((b) => b.pieces.map((p) => p.id));
  return {
    text: [clauseText(byPolicy), ...trialNotes(citations)].join("\n\n"),
    citations,
    refused: false,
    jurisdictions: byPolicy.map((b) => b.jurisdiction),
    retrieved: citations,
    resolvedQuestion: question,
    mode: "offline",
  };
}
