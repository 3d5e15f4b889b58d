/**
 * A text that lists what a zone must meet (「示范区应当具备下列条件：」) and has no such requirement as
 * the one asked: 「淄博示范区对核心区面积有要求吗」 — Zhejiang's 第六条（三） sets 1000平方米; Zibo's
 * conditions are all in its 第五条, and none is an area. That list is where the answer stands: the
 * reply says 「没有」 and cites it, so the asker sees what the text does require instead.
 */
import { articleOf, chineseNumber, formatCitation, formatClause } from "../knowledge/citation.ts";
import type { PolicyId } from "../knowledge/policy-document.schema.ts";
import type { PolicyPiece } from "../knowledge/policy-piece.types.ts";
import { clauseKindTerms } from "../retrieval/answer-kinds.ts";
import { itemsOfArticle } from "../knowledge/article-items.ts";

/** The article of a text whose lead lists its conditions (the `#condition` kind of statement: 「应具备以下条件」). */
export function conditionsArticle(pieces: readonly PolicyPiece[], doc: PolicyId): PolicyPiece | undefined {
  return pieces.find((p) => p.doc === doc && p.item === undefined && clauseKindTerms(p.text).includes("#condition"));
}

export interface NotAmongConditions {
  /** 「第五条列出的示范区条件中没有这一项」 */
  note: string;
  /** the conditions article (zb2020:5) */
  citation: string;
  /** its lead and items, quoted: 「《…》第五条：「示范区应当具备下列条件：（一）…」」 */
  quote: string;
}

/**
 * When what the other text answers with (`otherCitations`) is one of its listed conditions and `doc`
 * lists conditions too, the note that this one is not among them; undefined otherwise.
 */
export function notAmongConditions(pieces: readonly PolicyPiece[], doc: PolicyId, otherCitations: readonly string[]): NotAmongConditions | undefined {
  const list = conditionsArticle(pieces, doc);
  if (!list) return undefined;
  const asked = otherCitations.some((id) => {
    const other = pieces.find((p) => p.id === id);
    const otherList = other && conditionsArticle(pieces, other.doc);
    return !!otherList && other.doc !== doc && articleOf(other.id) === articleOf(otherList.id);
  });
  if (!asked) return undefined;
  const items = itemsOfArticle(pieces, list.id);
  const quote = `${formatCitation(list.id)}：「${[list.text, ...items.map((p) => `（${chineseNumber(p.item!)}）${p.text}`)].join("")}」`;
  return { note: `${formatClause(list.id)}列出的示范区条件中没有这一项`, citation: list.id, quote };
}
