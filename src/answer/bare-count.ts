/**
 * A count that drops its noun (「我们今年做了8笔」「那要是5件呢」): spoken Chinese says what is counted
 * once and then only the classifier. Such a count leans on the conversation for what it counts.
 */

/** Nouns that, just after a count, say what it counts (「3笔质押贷款」「2位代理师」). */
export const COUNTED_NOUN = /质押|贷款|证券化|代理师|胜诉|官司|案子|案件|授权|企业|客户|公司|机构|服务点/.source;

/**
 * A numeral with a count classifier (not 个月, a duration) that ends its phrase — a stop, a particle, the end, or
 * 一共/加起来… (「做了8笔，」「超过120件呢」「有3家的话」) — where a noun would follow a count that names its thing
 * (「一个申请人」「3笔质押贷款」).
 */
const BARE_COUNT = /(\d+|[一二两三四五六七八九十百]+)\s*(?:[笔项单件起家位名]|个(?![月年工小]))(?=[，,。；;？?！!\s呢吗嘛啊呀吧了的]|$|一共|总共|加起来|合计)/u;

const NAMES_COUNTED = new RegExp(COUNTED_NOUN, "u");

/** Whether a message counts something it never names (「做了8笔，最多能拿多少」), nor names anything counted. */
export function countsWithoutNoun(message: string): boolean {
  return BARE_COUNT.test(message) && !NAMES_COUNTED.test(message);
}
