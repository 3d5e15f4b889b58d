/**
 * 「评上是不是就一劳永逸了」「牌子一直挂着了？」: whether a zone keeps its title for good. Each text answers it in
 * two places — how often zones are reviewed (「示范区每两年考核一次」) and when the title is withdrawn
 * (「评为不合格的，限期整改；整改仍不合格的，取消称号并予以摘牌」) — so the reply opens with both, each
 * with its clause, read off that document's own sentences. No sentence is written here but the opening
 * 「不是评上就一直保留」, which both clauses together say.
 */
import type { PolicyPiece } from "../knowledge/policy-piece.types.ts";
import { PERIODIC_REVIEW, TITLE_WITHDRAWN } from "../retrieval/domain-terms.ts";
import { shortClause } from "./compose-conclusion.ts";

export interface LastingTitle {
  line: string;
  /** the clauses it rests on, the review then the withdrawal, each with the sentences to quote of it */
  quotes: { id: string; text: string }[];
}

/** A sentence saying who keeps the title (「评为优秀或合格的，保留…称号」), quoted beside its withdrawal. */
const TITLE_KEPT = /保留[^。]{0,40}(称号|资格)/u;

/** The sentences of a clause, each ending in its full stop. */
function sentencesOf(text: string): string[] {
  return text
    .replace(/\n/g, "")
    .split(/(?<=。)/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

function firstSentence(pieces: readonly PolicyPiece[], shape: RegExp): { id: string; sentence: string } | undefined {
  for (const p of pieces) {
    const sentence = sentencesOf(p.text).find((s) => shape.test(s));
    if (sentence) return { id: p.id, sentence: sentence.replace(/。$/u, "") };
  }
  return undefined;
}

/** The opening for one document's pieces, or undefined when the document states no review or no withdrawal. */
export function lastingTitle(pieces: readonly PolicyPiece[]): LastingTitle | undefined {
  const review = firstSentence(pieces, PERIODIC_REVIEW);
  const withdrawal = firstSentence(pieces, TITLE_WITHDRAWN);
  if (!review || !withdrawal) return undefined;
  // The withdrawal sentence of a long article also says who keeps the title (「评为优秀或合格的，保留…」); only its
  // steps towards withdrawal (「评为不合格的，…取消称号…」) answer whether the title lasts.
  const steps = withdrawal.sentence.slice(Math.max(0, withdrawal.sentence.search(/(评为|认定)?不合格的/u)));
  const quoted = (id: string): { id: string; text: string } => {
    const sentences = sentencesOf(pieces.find((p) => p.id === id)!.text);
    const kept = sentences.map((s) => PERIODIC_REVIEW.test(s) || TITLE_WITHDRAWN.test(s) || TITLE_KEPT.test(s));
    const first = kept.indexOf(true);
    const last = kept.lastIndexOf(true);
    // The run from the first to the last sentence that bears on it, marked 「……」 where the clause goes on.
    return { id, text: `${first > 0 ? "……" : ""}${sentences.slice(first, last + 1).join("")}${last < sentences.length - 1 ? "……" : ""}` };
  };
  return {
    line: `不是评上就一直保留：${review.sentence}（${shortClause(review.id)}）；${steps}（${shortClause(withdrawal.id)}）。`,
    quotes: review.id === withdrawal.id ? [quoted(review.id)] : [quoted(review.id), quoted(withdrawal.id)],
  };
}
