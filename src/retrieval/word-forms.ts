/**
 * Everyday word forms built on a plainer word, by the closed patterns of
 * Chinese word formation. A news-trained IDF table rarely sees the spoken
 * forms (批下来 10.7, 比一比 11.2, 弄法 11.4) and weighs them like technical
 * terms; read as the word they are built on (批, 比, 方式) they weigh and match
 * as that word does. Nothing here names a topic of the two texts.
 */

import { UNKNOWN_IDF } from "./general-idf.ts";

/**
 * Resultative and directional complements (补语) a verb takes in speech:
 * 批下来, 交到, 考下, 评上, 办完, 还给, 写进去, 拿来, 凑够. Longest first.
 */
const COMPLEMENTS = ["下来", "下去", "上来", "上去", "出来", "出去", "起来", "过来", "过去", "回来", "回去", "进来", "进去", "到", "下", "上", "进", "完", "好", "掉", "住", "着", "给", "走", "来", "去", "成", "够"];

/**
 * A potential complement (可能补语): V不C / V得C says whether V can be done to a result —
 * 看不懂, 搞不清, 拿得到, 交不上. What is done is V; 不懂/得到 only say whether it works.
 */
const POTENTIAL = /^(.)[不得](.{1,2})$/u;

/** Verb reduplication: AA, A一A and A了A (问问, 比一比, 看了看) — for AA only when A is a verb; ABAB (研究研究) also repeats nouns, so its base must be a verb. */
const REDUPLICATED_VERB = /^(.)[一了]?\1$/u;
const REDUPLICATED = /^(..)\1$/u;

/**
 * A verb, adjective or preposition under a negation the segmenter kept as one word (不在, 没过, 不算):
 * the negation is grammar, the verb says what about. (不合格, 不重复 are words of the
 * texts, which are never read as forms.)
 */
const NEGATED = /^[不没未](.{1,2})$/u;

/** V个 (评个优秀, 考个合格, 报个名): a verb with the measure word speech puts before its object. */
const VERB_WITH_MEASURE = /^(.)个$/u;
/**
 * V点 (领点奖励, 补点钱, 拿点): a verb with 「(一)点」, a little of its object. Only where the segmenter
 * reads 点 as a measure (m) or general Chinese knows the word no better than one it has never seen:
 * 要点, 考点, 试点 are words of their own.
 */
const VERB_A_LITTLE = /^(.)点$/u;

/**
 * An adverb the segmenter glued to the verb after it (先交, 再报, 都要, 先找): the order or scope of doing V.
 * Only where general Chinese barely knows the whole (BARELY_KNOWN): 先进, 再生, 还原, 就业 are words of their own.
 */
const ADVERB_BEFORE_VERB = /^[先再都也就才还又只](.{1,2})$/u;
/** Within this of an unseen word's IDF, general Chinese barely knows a word (先找 9.9, 先交 11.4; 再生 8.2). */
const BARELY_KNOWN = UNKNOWN_IDF - 1.5;

/** V法 (弄法, 搞法, 做法): the way of doing V; the texts' word for a way is 方式. */
const WAY_OF_DOING = /^(.)法$/u;
const WAY = "方式";

/**
 * A one-character root with the spoken noun suffix 子/儿 (案子, 本儿): the
 * everyday form of a two-character word on that root (案件); matched as an
 * abbreviation (topic-coverage.ts).
 */
const SPOKEN_NOUN = /^(.)[子儿]$/u;

export interface WordForm {
  /** the plainer word the form is read as */
  base: string;
  /** the base's part of speech (jieba tags): a verb for complements and reduplication, a noun for V法 */
  tag: string;
}

/**
 * The plainer word an everyday form is built on, or undefined.
 * @param tag the form's jieba tag
 * @param tagOf the dictionary tag of a word on its own (to tell a verb stem)
 * @param generalIdf how rare the word is in general Chinese (tokenizer.ts)
 */
export function everydayForm(word: string, tag: string, tagOf: (w: string) => string, generalIdf: (w: string) => number = () => 0): WordForm | undefined {
  const verb = REDUPLICATED_VERB.exec(word);
  // AA also doubles nouns and adverbs (天天, 常常): only a verb's is a verb.
  if (verb && (word.length === 3 || tagOf(verb[1]!).startsWith("v"))) return { base: verb[1]!, tag: "v" };
  const reduplicated = REDUPLICATED.exec(word);
  if (reduplicated) return tagOf(reduplicated[1]!).startsWith("v") ? { base: reduplicated[1]!, tag: "v" } : undefined;
  const spoken = SPOKEN_NOUN.exec(word);
  if (spoken && tag.startsWith("n")) return { base: spoken[1]!, tag: "n" };
  const measured = VERB_WITH_MEASURE.exec(word);
  if (measured && tagOf(measured[1]!).startsWith("v")) return { base: measured[1]!, tag: "v" };
  const aLittle = VERB_A_LITTLE.exec(word);
  if (aLittle && (tag.startsWith("m") || generalIdf(word) >= UNKNOWN_IDF) && tagOf(aLittle[1]!).startsWith("v")) return { base: aLittle[1]!, tag: "v" };
  const adverbFirst = ADVERB_BEFORE_VERB.exec(word);
  if (adverbFirst && generalIdf(word) >= BARELY_KNOWN && tagOf(adverbFirst[1]!).startsWith("v")) return { base: adverbFirst[1]!, tag: "v" };
  const way = WAY_OF_DOING.exec(word);
  if (way && tagOf(way[1]!).startsWith("v")) return { base: WAY, tag: "n" };
  const negated = NEGATED.exec(word);
  const negatedTag = negated ? tagOf(negated[1]!) : "";
  if (negated && /^(v|a|p)/.test(negatedTag)) return { base: negated[1]!, tag: negatedTag };
  const potential = POTENTIAL.exec(word);
  if (potential && tagOf(potential[1]!).startsWith("v")) return { base: potential[1]!, tag: "v" };
  if (!tag.startsWith("v")) return undefined;
  for (const c of COMPLEMENTS) {
    if (word.length > c.length && word.endsWith(c)) return { base: word.slice(0, -c.length), tag: "v" };
  }
  return undefined;
}
