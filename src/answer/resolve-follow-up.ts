/**
 * Reads a follow-up against the previous turn. 「那淄博呢？」 after
 * 「浙江省示范区要求现有知识产权服务机构至少多少家？」 becomes the earlier
 * question asked of Zibo; 「那证券化呢」 after a question on 质押融资 支持 keeps
 * the jurisdiction and swaps the topic in. A self-contained question is left alone.
 */
import type { AnswerResult, PreviousTurn } from "./answer.types.ts";
import { DOMAIN_TERMS } from "../retrieval/domain-terms.ts";
import { ASK_WORD } from "./ask-word.ts";
import { countsWithoutNoun } from "./bare-count.ts";
import { detectJurisdiction, type Jurisdiction } from "./detect-jurisdiction.ts";

export interface ResolvedQuestion {
  text: string;
  isFollowUp: boolean;
  /** jurisdictions named now, or carried over from the previous turn */
  jurisdictions: Jurisdiction[];
}

const LEADING = /^(那|那么|那如果|如果是|要是|换成|换做|还有|另外|再问|同样|对于|关于|至于)/;
const TRAILING = /(呢|的呢|怎么样|咋样|又如何|又是怎样)[？?。!！\s]*$/;
// 「会咋样」「将如何」 mark a follow-up but ask what follows: there 咋样 stays with the new words.
const TRAILING_MARKER = /(呢|的呢|(?<![会将要])(?:怎么样|咋样)|又如何|又是怎样)[？?。!！\s]*$/;
const JURISDICTION_WORDS =
  /浙江省?|淄博市?|省级|市级|省里|市里|全省|本市|我市|本省|我省/g;

/** Bodies, which a follow-up puts in the place of the one asked about before (「那设区市局和县里呢」). */
const BODY = /省知识产权局|设区市知识产权局|市知识产权事业发展中心|事业发展中心|知识产权(管理|主管)部门|省局|设区市局|市局|县里|区县/gu;
/**
 * The earlier question's own ask (为什么, 有哪些, 多少 …): a follow-up with an ask of its own
 * replaces it (「那具体优先选啥样的园区」 after 「为什么要在区县布局」 asks which parks, not why).
 */
const EARLIER_ASK = /为什么|为何|为啥|是什么|有哪些|哪些|什么样|什么|多少|几[个家项件年次档种样]?|怎么样|怎样|怎么|如何|是否|谁|哪个|吗|呢/gu;

/** How many characters of topic a message has once jurisdiction and filler words are gone. */
function topicLength(text: string): number {
  return text
    .replace(JURISDICTION_WORDS, "")
    .replace(LEADING, "")
    .replace(TRAILING, "")
    .replace(/[\p{P}\s]/gu, "")
    .replace(/的|是|吗|呢|啊|呀|那|这|样|如何|怎么样/g, "").length;
}

/**
 * @param ownTopic the words of the texts the question uses (`QueryProfile.knownWords`), when the caller
 * has read them: a question with none is a bare ask about the conversation's topic.
 */
/** An answer as the turn a later question follows up: what it understood, which sides and clauses it answered. */
export function asPreviousTurn(result: AnswerResult): PreviousTurn {
  return { question: result.resolvedQuestion, jurisdictions: result.jurisdictions, citations: result.citations, ...(result.asked && { asked: result.asked }) };
}

export function resolveFollowUp(question: string, history: readonly PreviousTurn[] | undefined, ownTopic?: readonly string[]): ResolvedQuestion {
  const typed = detectJurisdiction(question);
  const previous = history?.at(-1);
  if (!previous) return { text: question, isFollowUp: false, jurisdictions: typed.named };
  // 「它还负责往省里和国家推荐吗？」 after a question on Zibo: 省里 names no place of its own (Zibo's
  // text, too, recommends to the province), and the conversation's place is named by name.
  const now = typed.genericOnly && placesOf(previous).length === 1 ? [] : typed.named;

  const marked = LEADING.test(question.trim()) || TRAILING.test(question.trim());
  // A bare ask using no word of the texts (「主要看哪些方面？」) asks about what the conversation is
  // about, however many characters its ask takes.
  const bareAsk = ownTopic?.length === 0 && ASK_WORD.test(question);
  // 「我们今年做了8笔，一共最多能拿多少？」 counts what the conversation named (笔 of the loans asked about).
  const short = topicLength(question) <= 4 || bareAsk || countsWithoutNoun(question);
  const before = placesOf(previous);
  if (!(short || (marked && topicLength(question) <= 12))) {
    // A question of its own that names no place stays in the one place the conversation is about
    // (「最后谁拍板定下来？」 after 「淄博示范区申报要走哪几步？」), as a clerk at the window would read it.
    const stays = now.length === 0 && before.length === 1 && !detectJurisdiction(question).otherPlaceOnly;
    return { text: question, isFollowUp: false, jurisdictions: stays ? before : now };
  }
  const jurisdictions = now.length > 0 ? now : before;
  return { text: ownQuestion(question) ?? carryTopic(question, previous), isFollowUp: true, jurisdictions };
}

/**
 * A question of its own that the texts do not answer alone, read once more as a follow-up of the
 * turn before (「评上优秀有啥用？」 after 「淄博示范区的认定结果分几档？」: what is rated excellent is the
 * zone of the conversation). Undefined without a turn before, or when the question names a term of the
 * texts with its ask (it was its own question, and carrying cannot change that).
 */
export function readAsFollowUp(question: string, history: readonly PreviousTurn[] | undefined): ResolvedQuestion | undefined {
  const previous = history?.at(-1);
  if (!previous || ownQuestion(question) !== undefined) return undefined;
  const now = detectJurisdiction(question).named;
  return { text: carryTopic(question, previous), isFollowUp: true, jurisdictions: now.length > 0 ? now : placesOf(previous) };
}

/** The places the turn before was about: those its answer covered, else those its question named. */
function placesOf(previous: PreviousTurn): Jurisdiction[] {
  return previous.jurisdictions?.length ? [...previous.jurisdictions] : detectJurisdiction(previous.question).named;
}

/**
 * A follow-up with an ask and a term of the texts of its own (「那申报书是谁来填」 after the materials) is
 * a question of its own, in the same place: the earlier ask would outweigh it. Its text without the
 * place and the opening 那, or undefined when it is no such question.
 */
function ownQuestion(question: string): string | undefined {
  const own = question.replace(JURISDICTION_WORDS, "").replace(LEADING, "").trim();
  return ASK_WORD.test(own) && DOMAIN_TERMS.some((t) => own.includes(t)) ? own : undefined;
}

/** The earlier question's topic with the follow-up's own words after it. */
function carryTopic(question: string, previous: PreviousTurn): string {
  // The earlier question without its place words carries the topic; the new
  // words come last so that they add to it (「那证券化呢」 adds 证券化).
  // A body named now takes the place of the one asked about before.
  const withoutPlace = previous.question.replace(JURISDICTION_WORDS, "");
  const carried = (question.match(BODY) ? withoutPlace.replace(BODY, "") : withoutPlace).trim();
  // A clause that only switches the place (「那浙江呢？」 of 「那浙江呢？两边是同一个部门吗」) adds no words.
  const clauses = question.split(/(?<=[？?，,。！!；;])/u).filter((c) => topicLength(c) > 0);
  const added = clauses.join("").replace(JURISDICTION_WORDS, "").replace(LEADING, "").replace(TRAILING_MARKER, "").trim();
  const topic = ASK_WORD.test(added) ? carried.replace(EARLIER_ASK, "") : carried;
  return added ? `${topic} ${added}` : carried;
}
