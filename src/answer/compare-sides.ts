/**
 * A question about both jurisdictions (「浙江和淄博分别……」「……？浙江和淄博比一比」)
 * read as one question per side: the words that only ask for the comparison
 * (分别, 比一比, 有什么区别 …) and the place names are taken out, and each side
 * is asked the rest under its own name. The answerer asks each side on its own
 * when the question as a whole finds no answer, so that a side the texts do
 * answer is not refused with the side they do not.
 */
import { jurisdictionNames } from "../knowledge/jurisdictions.ts";
import { detectJurisdiction, withoutPlaceNames, type Jurisdiction } from "./detect-jurisdiction.ts";
import { questionKindTerms } from "../retrieval/answer-kinds.ts";
import { ASK_WORD } from "./ask-word.ts";
import { sideClaims } from "./side-claims.ts";
import type { SideQuestion } from "./side-question.types.ts";
import { comparativeAsk, sideAskOf } from "./which-side-more.ts";


/** Words that ask to compare the sides (「比一比」「有什么区别」「分别」「一样吗」), not what about. */
export const COMPARING =
  /分别|各自|比一比|比一下|比比|比较一下|对比一下|对照一下|对比|比较|相比|(有)?(什么|啥|哪些|何)(区别|不同|差别|差异)|(是否|有没有)(一样|相同|一致|不同)|(一样|相同|一致)(吗|么)|有(没有)?(区别|差别|差异|不同)(吗|么)?|都/g;

/** A clause that only asks whether the sides name the same body (「是同一个部门吗」), after another clause. */
const SAME_ONE_CLAUSE = /(?<=[，,？?。；;]\s*)(是不是|是否|是)?同一(个|家|级)?(部门|单位|机构|机关)?(吗|么)?[？?。]?$/u;

/** What is left of 「像淄博那样」「跟浙江一样」 once the place is taken out. */
const REFERENCE = /(像|如同|同|跟|和)(的)?(那样|一样)(的)?/gu;

/** A comparison that asks how the sides differ (or whether they agree), not for one thing of each. */
const DIFFERENCE = /区别|不同|差别|差异|异同|一样|相同|一致/;

/** What is left of 「浙江的办法和淄博的方案」 once the places are taken out: the two documents, named by kind. */
const BOTH_DOCUMENTS = /(管理办法|办法|建设方案|方案|文件|政策)(和|跟|与|、)(管理办法|办法|建设方案|方案|文件|政策)[，,]?/u;
/**
 * 「哪一个写了具体的补助金额」「谁对核心区面积有硬性要求」「哪边会给区县加分」: which side does something is
 * asked of each side as whether it does (「浙江写了具体的补助金额吗？」); the lines say which.
 */
const WHICH_SIDE = /^(的)?(哪一个|哪个|哪边|哪一边|哪一方|哪方|哪家|谁)(?=[会有写规给要对在能把])/u;

/** The question asked of each jurisdiction it names, or undefined when it names fewer than two. */
export function sideQuestions(question: string): SideQuestion[] | undefined {
  const named = detectJurisdiction(question).named;
  if (named.length < 2) return undefined;
  const claims = sideClaims(question);
  if (claims) return claims;
  // 「浙江的依托单位和淄博的创建单位是不是都得做」: each side is asked of its own noun only.
  const own = ownNouns(question, named);
  if (own) {
    const asks = named.map((j) => ({ jurisdiction: j, asked: askedOfEach(own.get(j)!) }));
    if (asks.every((a) => a.asked !== undefined)) return asks.map((a) => ({ jurisdiction: a.jurisdiction, text: `${jurisdictionNames(a.jurisdiction).aliases[0]}${a.asked}` }));
  }
  const asked = askedOfEach(question);
  if (asked === undefined) return undefined;
  // 「浙江的办法和淄博的方案，哪一个写了…」: each side asks of its own document (「浙江的管理办法写了…吗」).
  const ofDocument = (j: Jurisdiction): string => {
    const names = jurisdictionNames(j);
    return BOTH_DOCUMENTS.test(withoutPlaceNames(question)) ? `的${names.shortName.replace(names.label, "")}` : "";
  };
  return named.map((j) => ({ jurisdiction: j, text: `${jurisdictionNames(j).aliases[0]}${ofDocument(j)}${asked}` }));
}

/**
 * 「浙江的依托单位和淄博的创建单位」: each side named with a noun of its own, joined. The question as asked of each
 * side, with the pair replaced by that side's own (「浙江的依托单位是不是都得做」), or undefined without such a pair
 * (or when the nouns are the documents themselves, BOTH_DOCUMENTS).
 */
function ownNouns(question: string, named: readonly Jurisdiction[]): Map<Jurisdiction, string> | undefined {
  const alias = (j: Jurisdiction): string => jurisdictionNames(j).aliases.filter((a) => a !== jurisdictionNames(j).level).sort((a, b) => b.length - a.length).join("|");
  for (const a of named) {
    for (const b of named) {
      if (a === b) continue;
      const pair = new RegExp(
        `(${alias(a)})的([^，,。？?和与跟及、的\\s]{2,8})(?:和|与|跟|及|、|以及)(${alias(b)})的([^，,。？?和与跟及、\\s]{2,8}?)(?=是不是|是否|都|有|要|能|需|得|各|分别|[，,。？?\\s]|$)`,
        "u",
      ).exec(question);
      if (!pair || pair[2] === pair[4] || BOTH_DOCUMENTS.test(`${pair[2]}和${pair[4]}`)) continue;
      const at = pair.index;
      const end = at + pair[0].length;
      const rewrite = (place: string, noun: string): string => `${question.slice(0, at)}${place}的${noun}${question.slice(end)}`;
      return new Map([
        [a, rewrite(pair[1]!, pair[2]!)],
        [b, rewrite(pair[3]!, pair[4]!)],
      ]);
    }
  }
  return undefined;
}

/** What each side is asked: the question with the places and the words that only compare taken out; undefined when nothing is left. */
function askedOfEach(question: string): string | undefined {
  const rest = withoutPlaceNames(question)
    .replace(COMPARING, "")
    // 「有没有像淄博那样规定试用期」: the other side only as the reference, with its name already gone.
    .replace(REFERENCE, "")
    // 「…由谁负责解释？是同一个部门吗」: whether the bodies are the same is read off the two lines
    // (same-or-different.ts); each side is asked the rest.
    .replace(SAME_ONE_CLAUSE, "")
    .replace(BOTH_DOCUMENTS, "")
    // 「浙江跟淄博比，谁…」: 比 left alone before the ask.
    .replace(/^[\p{P}\s]*比(起来)?[，,\s]+/u, "")
    .replace(/^[\p{P}\s]+|[，,、\s]+(?=[？?。]?$)/gu, "")
    .trim();
  if (rest.replace(/[\p{P}\s]/gu, "").length === 0) return undefined;
  // 「申报材料有什么区别」 asks what each side has: with the comparison taken out and no ask left
  // (「浙江的申报材料」), each side is asked for it whole.
  // 「谁要求的服务机构多」 asks each side for its figure (「要求的服务机构是多少？」), which-side-more.ts.
  const comparative = comparativeAsk(rest);
  const whichSide = !comparative && WHICH_SIDE.test(rest) && !ASK_WORD.test(rest.replace(WHICH_SIDE, ""));
  return comparative
    ? sideAskOf(rest, comparative)
    : whichSide
      ? `${rest.replace(WHICH_SIDE, "").replace(/[？?。]*$/u, "")}吗？`
    : DIFFERENCE.test(question) && !ASK_WORD.test(rest)
      ? // 「考核频率有啥不一样」 names the measure each side is asked for (频率: #period); else what each has.
        `${rest.replace(/[？?。]$/, "")}${questionKindTerms(rest).length > 0 ? "？" : "有哪些？"}`
      : rest;
}

/**
 * The question asked of jurisdiction `to` instead of `from`: its name of
 * `from`'s policy (「浙江的管理办法有没有规定试用期」) becomes `to`'s (「…建设方案…」),
 * so that the words naming the document are not taken for the thing asked
 * about in the other text. Place names stay: the caller searches `to`'s text
 * only, and 「浙江省知识产权局」 is an office, not a place to swap.
 */
export function askedOf(question: string, from: Jurisdiction, to: Jurisdiction): string {
  const [a, b] = [jurisdictionNames(from), jurisdictionNames(to)];
  // 「浙江省管理办法」 less 「浙江省」: the kind of document (管理办法, 建设方案).
  return question.replaceAll(a.shortName.replace(a.label, ""), b.shortName.replace(b.label, ""));
}
