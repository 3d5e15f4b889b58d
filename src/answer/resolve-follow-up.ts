/**
 * Reads a follow-up against the previous turn. 「那淄博呢？」 after
 * 「浙江省示范区要求现有知识产权服务机构至少多少家？」 becomes the earlier
 * question asked of Zibo; 「那证券化呢」 after a question on 质押融资 支持 keeps
 * the jurisdiction and swaps the topic in. A self-contained question is left alone.
 */
import type { PreviousTurn } from "./answer.types.ts";
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

/** How many characters of topic a message has once jurisdiction and filler words are gone. */
function topicLength(text: string): number {
  return text
    .replace(JURISDICTION_WORDS, "")
    .replace(LEADING, "")
    .replace(TRAILING, "")
    .replace(/[\p{P}\s]/gu, "")
    .replace(/的|是|吗|呢|啊|呀|那|这|样|如何|怎么样/g, "").length;
}

export function resolveFollowUp(question: string, history: readonly PreviousTurn[] | undefined): ResolvedQuestion {
  const now = detectJurisdiction(question).named;
  const previous = history?.at(-1);
  if (!previous) return { text: question, isFollowUp: false, jurisdictions: now };

  const marked = LEADING.test(question.trim()) || TRAILING.test(question.trim());
  const short = topicLength(question) <= 4;
  if (!(short || (marked && topicLength(question) <= 12))) {
    return { text: question, isFollowUp: false, jurisdictions: now };
  }

  const before = previous.jurisdictions?.length ? [...previous.jurisdictions] : detectJurisdiction(previous.question).named;
  const jurisdictions = now.length > 0 ? now : before;
  // The earlier question without its place words carries the topic; the new
  // words come last so that they add to it (「那证券化呢」 adds 证券化).
  const carried = previous.question.replace(JURISDICTION_WORDS, "").trim();
  // A clause that only switches the place (「那浙江呢？」 of 「那浙江呢？两边是同一个部门吗」) adds no words.
  const clauses = question.split(/(?<=[？?，,。！!；;])/u).filter((c) => topicLength(c) > 0);
  const added = clauses.join("").replace(JURISDICTION_WORDS, "").replace(LEADING, "").replace(TRAILING_MARKER, "").trim();
  return { text: added ? `${carried} ${added}` : carried, isFollowUp: true, jurisdictions };
}
