/**
 * How Chinese counts, read the same way wherever a message is taken apart:
 * which 几 asks a number, and which stretch tells one.
 */

/**
 * 几 asks (分几档), but not in 好几, 没几, 十几, 那么几/这么几, 前几天/近几年, 这几/那几, 几乎, 几十 (several,
 * hardly any, just a few, a few days ago, these few, almost). A regex source fragment.
 */
export const ASKS_HOW_MANY = "(?<![好没十前近这那]|[那这]么)几(?![乎十百千万])";

/** The classifiers a count takes in these messages (三家, 两笔, 第二项, 五位). */
export const COUNT_CLASSIFIERS = "个家件项笔次位名条种类档批单回样所";

/**
 * A Chinese numeral with a count classifier, 万/平 or a span of time (两家, 三十万, 一千平, 每两年; not 这两年, lately). A
 * lone 一 is usually an article (「我们是一家孵化器」「上一次」), as quantitiesIn reads it too.
 */
const NUMERAL = "(?:[一二两三四五六七八九十百千]{2,}|[二两三四五六七八九十百千])";
// 「这两年」「近几个月」「前两年」 say lately, not a span the asker counts.
const CHINESE_COUNT = new RegExp(`${NUMERAL}(?:个)?[${COUNT_CLASSIFIERS}万平]|(?<![这那近前头])${NUMERAL}(?:个)?[年月]`, "u");

/** Whether a stretch tells a figure: any digit, or a Chinese numeral (not a lone 一) that counts something. */
export function statesFigure(text: string): boolean {
  return /\d/.test(text) || CHINESE_COUNT.test(text);
}
