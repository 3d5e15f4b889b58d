/**
 * 「第二条说的是啥意思」「第三项里的服务资源具体指什么」 right after an answer that listed the items of
 * one article: in a conversation the ordinal counts the items of that list, not the articles of a
 * text — as a clerk who has just read out a list would take it. The question is read with the item's
 * own number and place (「浙江第十五条（二）说的是啥意思」), so the clause-number path quotes that
 * item, or looks there first when more is asked (article-reference.ts).
 *
 * Only when the earlier answer cited two or more items of one article, the question names no place and
 * no article of its own (「第九条（五）」), and the list has an item of that number.
 */
import { chineseNumber, parseCitation } from "../knowledge/citation.ts";
import { policyNames } from "../knowledge/jurisdictions.ts";
import { parseChineseNumeral } from "../retrieval/answer-kinds.ts";
import type { PreviousTurn } from "./answer.types.ts";
import { detectJurisdiction } from "./detect-jurisdiction.ts";

const ORDINAL = /第\s*([0-9一二三四五六七八九十两]+)\s*(?:条|项|点|个|款|部分)/u;
/** An article with its item (「第九条（五）」「第7条第2项」): a clause number of its own, not a count. */
const OWN_CLAUSE = /第\s*[0-9一二三四五六七八九十百两]+\s*条\s*(?:[（(]|第)/u;

export function readOrdinalOfList(question: string, previous: PreviousTurn | undefined): string | undefined {
  const m = ORDINAL.exec(question);
  if (!m || !previous?.citations || OWN_CLAUSE.test(question) || detectJurisdiction(question).named.length > 0) return undefined;
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : parseChineseNumeral(m[1]!.replace(/两/g, "二"));
  const items = previous.citations.map(parseCitation).filter((c) => c !== undefined && c.item !== undefined);
  const list = items.filter((c) => c!.doc === items[0]?.doc && c!.article === items[0]?.article);
  if (list.length < 2 || !list.some((c) => c!.item === n)) return undefined;
  const { doc, article } = list[0]!;
  // The place by the name a chat message uses for it (「浙江」), which the reply's reading keeps.
  return question.replace(m[0], `${policyNames(doc).aliases[0]}第${chineseNumber(article)}条（${chineseNumber(n!)}）`);
}
