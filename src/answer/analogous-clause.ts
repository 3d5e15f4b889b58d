/**
 * The clause of one policy that corresponds to a clause of the other: 「那淄博的
 * 是谁定的？」 after 浙江 第十条 (省知识产权局……择优遴选，确定……建设单位) is
 * answered by 淄博 第八条第2项 (市知识产权事业发展中心……择优遴选，确定……),
 * although the follow-up's carried words (审定, 挂牌) are Zhejiang's own.
 *
 * Similarity is the geometric mean of two shares: of the source clause's
 * character pairs (weighted by how rare they are in both texts) that the
 * candidate has, and of the candidate's that the source has — so that a long
 * article and the short clause that is its counterpart still match. The two texts
 * word the same procedure alike (组织专家评估和现场考察，择优遴选), and a
 * provision one text alone has (淄博 第九条's subsidies, 第十五条's 加分) finds
 * no counterpart above the line in the other.
 */
import type { PolicyPiece } from "../knowledge/policy-piece.types.ts";

/**
 * The weakest correspondence accepted. Measured on the two texts, every piece
 * against its best match in the other: counterparts score 0.21–1.00 (浙江第八条
 * → 淄博第四条 0.26, 第十条 → 第八条第2项 0.43, 第十四条 → 第十二条 0.38);
 * 淄博 第九条's items match nothing above 0.12, 第十五条 (加分) 0.13.
 */
export const MIN_ANALOGY = 0.2;

export interface Analogy {
  piece: PolicyPiece;
  similarity: number;
}

const pairsOf = (text: string): Set<string> => {
  const han = text.replace(/[^\u3400-\u9fff]/g, "");
  const out = new Set<string>();
  for (let i = 0; i + 2 <= han.length; i++) out.add(han.slice(i, i + 2));
  return out;
};

/** A text's pairs, each pair's weight in the same order, and their sum (what `shareIn` divides by). */
interface WeightedPairs {
  pairs: ReadonlySet<string>;
  weights: Float64Array;
  total: number;
}

export function createAnalogyFinder(pieces: readonly PolicyPiece[]): (source: PolicyPiece, candidates: readonly PolicyPiece[]) => Analogy | undefined {
  const df = new Map<string, number>();
  const pairsByText = new Map<string, Set<string>>();
  for (const p of pieces) {
    const pairs = pairsOf(p.text);
    pairsByText.set(p.text, pairs);
    for (const pair of pairs) df.set(pair, (df.get(pair) ?? 0) + 1);
  }
  const weight = (pair: string): number => Math.log((pieces.length + 1) / ((df.get(pair) ?? 0) + 1));
  const weigh = (pairs: Set<string>): WeightedPairs => {
    const weights = Float64Array.from(pairs, weight);
    let total = 0;
    for (const w of weights) total += w;
    return { pairs, weights, total };
  };
  // The texts never change and every follow-up across the two texts weighs the same ones: their
  // pairs and weights are worked out here once, not per candidate per question (~5 % of a
  // comparison's time went to rebuilding them).
  const weighted = new Map([...pairsByText].map(([text, pairs]) => [text, weigh(pairs)]));
  const weightedOf = (text: string): WeightedPairs => weighted.get(text) ?? weigh(pairsOf(text));
  /** The weighted share of `a`'s pairs that `b` has too. */
  const shareIn = (a: WeightedPairs, b: WeightedPairs): number => {
    let found = 0;
    let i = 0;
    for (const pair of a.pairs) {
      if (b.pairs.has(pair)) found += a.weights[i]!;
      i++;
    }
    return a.total > 0 ? found / a.total : 0;
  };
  return (source, candidates) => {
    const own = weightedOf(source.text);
    let best: Analogy | undefined;
    for (const piece of candidates) {
      const theirs = weightedOf(piece.text);
      const similarity = Math.sqrt(shareIn(own, theirs) * shareIn(theirs, own));
      if (!best || similarity > best.similarity) best = { piece, similarity };
    }
    return best && best.similarity >= MIN_ANALOGY ? best : undefined;
  };
}
