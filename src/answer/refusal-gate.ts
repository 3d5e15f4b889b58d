/**
 * Whether a question is outside both policies. No list of forbidden
 * questions: it reads how much of the question's topic the best retrieved
 * articles speak about (`Passage.coverage`, informative words weighted by
 * IDF) and how close the best piece is in vector space. Questions about 高企认定,
 * 专利年费 or the weather keep their key words unmatched and stay below the line.
 * A question whose nouns the texts never use carry a large share of its topic
 * (「省知识产权局的局长是谁」: 局长) is about something the texts do not cover,
 * however well its other words match; so is a question whose asked-for
 * thing (「…的联系电话是多少」「有什么税收优惠」, see ask-focus.ts) the texts never name.
 */
import type { Passage, QueryProfile } from "../retrieval/passage.types.ts";

/**
 * A period, date or validity asked (「一年给一次还是就给一回」「多久考核一次」「到时候还在试用期内吗」), to whom
 * something is handed in (「材料第一步要先交到啥地方去」), whether a title lasts (「牌子能一直挂着吗」) or how many
 * zones are approved (「有没有名额」), that a best clause states.
 */
const ASKED_MEASURES = /^#(period|date|validity|destination|lasting|quota)$/;

export interface RefusalThresholds {
  /** below this best coverage among the top pieces, refuse */
  minCoverage: number;
  /** between minCoverage and this, also require `minSimilarity` */
  confidentCoverage: number;
  minSimilarity: number;
  /** how many of the top pieces are looked at */
  window: number;
  /** at or above this share of the weight of the question's nouns in nouns the texts never use (over a third), refuse */
  maxMissingNounShare?: number;
}

export const DEFAULT_THRESHOLDS: RefusalThresholds = {
  minCoverage: 0.7,
  confidentCoverage: 0.75,
  minSimilarity: 0.2,
  window: 3,
  maxMissingNounShare: 0.35,
};

export interface RefusalSignal {
  offTopic: boolean;
  bestCoverage: number;
  bestSimilarity: number;
}

/**
 * @param jointCoverage for a question naming both texts, how much of it their
 * best articles cover together (a comparison is answered by two articles).
 * @param statedUnits the units of the figures the asker states (「15家」 → 家; answer-kinds.ts quantitiesIn)
 */
export function judgeTopic(
  passages: readonly Passage[],
  profile: QueryProfile,
  t: RefusalThresholds = DEFAULT_THRESHOLDS,
  jointCoverage = 0,
  statedUnits: readonly string[] = [],
): RefusalSignal {
  const top = passages.slice(0, t.window);
  const bestCoverage = Math.max(0, jointCoverage, ...top.map((p) => p.coverage));
  const bestSimilarity = Math.max(0, ...top.map((p) => p.similarity));
  // The asker's own figure in the unit a best clause states a threshold in (「入驻了15家」 ↔ 「20家以上」),
  // or a period, date or validity asked that a best clause states (「各自哪天实施」 ↔ 「自2018年1月1日起实施」), ties
  // the question to that clause however far apart their wording is in vector space.
  const measured = top.some(
    (p) => p.coverage >= t.minCoverage && (statedUnits.some((u) => p.kinds.includes(`#qty:${u}`)) || profile.kinds.some((k) => ASKED_MEASURES.test(k) && p.kinds.includes(k))),
  );
  const offTopic =
    profile.topicWords.length === 0 ||
    profile.missingFocus.length > 0 ||
    profile.knownWords.length === 0 ||
    profile.missingNounShare >= (t.maxMissingNounShare ?? DEFAULT_THRESHOLDS.maxMissingNounShare!) ||
    bestCoverage < t.minCoverage ||
    (bestCoverage < t.confidentCoverage && bestSimilarity < t.minSimilarity && !measured);
  return { offTopic, bestCoverage, bestSimilarity };
}
