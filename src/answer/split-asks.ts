/**
 * A message with several asks (「浙江示范区多久考核一次？考核看哪些内容？」,
 * 「淄博的办法什么时候实施，试用期多长」, 「…以及考核结果分几档」) is read as
 * its asks, in order, so that each is answered under its own number.
 *
 * Clauses are cut at sentence ends (？！。；), commas and spaces, at an
 * enumeration comma (、) between items that each ask something, before the
 * connectives that start a new ask (以及, 还有, 另外, 此外, 顺便问) and at
 * numbered items (1. / （2） / ③ / 一是). A clause
 * is an ask when it asks something: an interrogative word (什么, 多少, 几, 哪,
 * 谁, 怎么, 咋, 多久 …), a question particle (吗, 呢), an A-not-A form
 * (够不够) or a question mark. Clauses that ask nothing (「园区有25家机构」)
 * are the asker's situation and stay with the ask after them (or, at the
 * end, before them). An ask that names no jurisdiction takes the one named
 * before it in the same message (「淄博的办法什么时候实施，试用期多长」 → 淄博
 * 试用期多长), or the only one the message names, wherever it stands. A figure
 * the asker states before the first ask (「我们区只有3家机构。」) is carried to
 * a later ask of the same measure that states none (「…还差几家？」).
 */
import { jurisdictionNames } from "../knowledge/jurisdictions.ts";
import { quantitiesIn, questionKindTerms } from "../retrieval/answer-kinds.ts";
import { ASKS_HOW_MANY } from "../retrieval/counting-words.ts";
import { INDEFINITE_FEW, NOT_MUCH, RHETORICAL } from "../retrieval/message-clauses.ts";
import { WHAT_ASKS, WHO_ASKS } from "../retrieval/what-asks.ts";
import { COMPARING } from "./compare-sides.ts";
import { detectJurisdiction, withoutPlaceNames, type Jurisdiction } from "./detect-jurisdiction.ts";

export interface Ask {
  /** the ask as typed (for its heading) */
  asked: string;
  /** what is answered: the ask, with the jurisdiction named earlier in the message when it names none */
  text: string;
}

const CLAUSE_END = /[？?！!。；;]+|[，,：:]\s*|\s+(?=\S)/g;
/** What only opens a message or an ask, dropped from its heading: 「请问：」「以及」. */
const OPENER = /^(请问一?下?|想问一?下?|我想问一?下?|问一下|以及|还有(?![没无])|另外|此外|顺便问一?下?|再问一?下?|并且想问)[，,：:\s]*/;
// 「还有没有…」 asks whether there is more; it is not the connective 还有.
const CONNECTIVE = /(以及|还有(?![没无])|另外|此外|顺便问一?下?|再问一?下?|并且想问)/g;
/** Numbered asks: 「1. …」「2、…」「（1）…」「①…」「一是…」; the number itself is dropped. */
const ENUMERATOR = /(?:^|(?<=[\s，,；;。？?！!：:]))(?:\d{1,2}[.．、)）]|[（(]\d{1,2}[)）]|[①-⑩]|[一二三四五六]是)\s*/g;
/** A clause that asks (几 as ASKS_HOW_MANY reads it: not 好几, 几乎). */
const ASKING = new RegExp(
  `${WHAT_ASKS}|多少|${ASKS_HOW_MANY}|哪|${WHO_ASKS}|怎|咋|如何|多久|多长|多大|多高|何时|为何|干嘛|是否|能否|可否|吗|呢|么[？?]?$|(.)[不没]\\1|分别|[？?]`,
);
/** A clause that opens with the other side of a choice (「…，还是先交区县？」). */
const ALTERNATIVE = /^(还是|或者是?|或是)/;
/** 「分别是多少」「各是多少」 alone ask for the items of the clause before, not something new. */
const ONLY_DISTRIBUTIVE = /^(那)?(分别|各自?)(是|为|有|给)?(多少|几|什么|哪些)[个项档家件万元钱]*[？?。]*$/;
/** 「办法里是怎么写的？」「具体咋规定的」: asks how the text words the ask before it, not something new. */
const ONLY_WORDING = /^(那)?(这|这个|这块)?(办法|方案|文件|政策|条文|原文|规定)?(里|上|中)?(面)?(具体)?(是)?(怎么|咋|如何)(写|规定|说|讲)的?(呀|啊|呢|来着)?[？?。]*$/;

/**
 * 「申报材料往哪儿交，浙江和淄博有啥区别？」: a clause that only asks to compare the places
 * (nothing left but the places, 和/跟 and the comparing words) asks the clause before it of each side.
 */
function onlyComparing(clause: string): boolean {
  return withoutPlaceNames(clause).replace(COMPARING, "").replace(/[和跟与同及有是的\p{P}\s]/gu, "").length === 0;
}

/** How a question names a jurisdiction: its first alias (「浙江」「淄博」, src/knowledge/jurisdictions.ts). */
const jurisdictionText = (j: Jurisdiction): string => jurisdictionNames(j).aliases[0]!;

/** Cuts at sentence ends and commas, keeping each clause's own question mark. */
function clauses(message: string): string[] {
  const out: string[] = [];
  const marked = message.replace(ENUMERATOR, "\u0000").replace(CONNECTIVE, "\u0000$1");
  let at = 0;
  const push = (s: string) => {
    for (const part of s.split("\u0000")) if (part.replace(/[\p{P}\s]/gu, "").length > 0) out.push(part.trim());
  };
  for (const m of marked.matchAll(CLAUSE_END)) {
    const end = m.index + m[0].length;
    // A question mark belongs to its clause (it makes the clause an ask).
    push(marked.slice(at, /[？?]/.test(m[0]) ? end : m.index));
    at = end;
  }
  push(marked.slice(at));
  // 「要有多少家机构、核心区多大、由哪个部门确认？」: an enumeration comma separates asks
  // only when every item asks; 「优秀、合格分别怎么处理」 lists the things one ask is about.
  return out.flatMap((clause) => {
    const items = clause.split(/[、]/).map((i) => i.trim());
    return items.length > 1 && items.every((i) => ASKING.test(i)) ? items : [clause];
  });
}

export function splitAsks(message: string): Ask[] {
  const single = [{ asked: message, text: message }];
  const parts = clauses(message);
  if (parts.length < 2) return single;

  // Group: each ask collects the non-asking clauses before it; trailing ones join the last ask.
  const groups: string[][] = [];
  let pending: string[] = [];
  for (const p of parts) {
    // 「是不是一直有效，还是过一阵要重新考核？」: the other side of a choice, right after an ask not yet closed by a
    // question mark, is the same ask.
    const previous = groups.at(-1)?.at(-1);
    if (pending.length === 0 && previous !== undefined && !/[？?]$/.test(previous) && ALTERNATIVE.test(p)) {
      groups.at(-1)!.push(p);
      continue;
    }
    pending.push(p);
    const distributive = ONLY_DISTRIBUTIVE.test(p.replace(/\s/g, "")) || ONLY_WORDING.test(p.replace(/\s/g, "")) || onlyComparing(p);
    // 「没推多少」 tells, 「跟几家企业谈」 mentions a few, 「总不能光园区使劲吧」 takes for granted: none of them asks.
    if (ASKING.test(p.replace(NOT_MUCH, "").replace(INDEFINITE_FEW, "")) && !RHETORICAL.test(p) && !distributive) {
      groups.push(pending);
      pending = [];
    } else if (distributive && groups.length > 0) {
      groups.at(-1)!.push(...pending);
      pending = [];
    }
  }
  if (pending.length > 0) {
    if (groups.length === 0) return single;
    groups.at(-1)!.push(...pending);
  }
  if (groups.length < 2) return single;

  // 「…不知道该往哪儿递材料，淄博示范区的申报是先交区县还是…」: the one place a message names is meant by the
  // asks before it too; with two named, an ask takes the one named before it.
  const onlyPlace = detectJurisdiction(groups.flat().join("，")).named;
  let named: Jurisdiction[] = onlyPlace.length === 1 ? onlyPlace : [];
  // 「我们区只有3家机构。够不够淄博的要求？按浙江的标准还差几家？」: the figures the asker states first, in no
  // place's name, are their situation for every later ask of that measure that states none of its own.
  const stated = groups[0]!.filter((c) => !ASKING.test(c) && quantitiesIn(c).length > 0 && detectJurisdiction(c).named.length === 0);
  const statedUnits = new Set(stated.flatMap((c) => quantitiesIn(c).map((q) => `#qty:${q.unit}`)));
  return groups.map((g, i) => {
    const joined = g.map((c) => c.replace(OPENER, "")).filter(Boolean).join("，");
    const asked = /[？?]$/.test(joined) ? joined : `${joined}？`;
    const own = detectJurisdiction(asked).named;
    if (own.length > 0) named = own;
    const placed = own.length === 0 && named.length > 0 ? `${named.map(jurisdictionText).join("和")}${asked}` : asked;
    const carries = i > 0 && quantitiesIn(asked).length === 0 && questionKindTerms(asked).some((k) => statedUnits.has(k));
    return { asked, text: carries ? `${stated.join("，")}，${placed}` : placed };
  });
}
