/**
 * 「申请高新技术企业认定需要有多少件发明专利」: a recognition the asker means (X认定, X评定) that is not the zone
 * both texts are about. Its words may each be in the texts (高新技术 of 「高新技术特色小镇」, 企业, 认定), so
 * coverage alone answers it from a clause that counts 发明专利 for another purpose. The noun phrase right
 * before 认定 names what is recognised; when the texts never write it, they say nothing of that recognition.
 * Only grammar is read (the tagger's nouns), never a list of other programmes.
 */
import { NAMES_PROGRAMME } from "../retrieval/message-clauses.ts";

export interface TaggedWord {
  word: string;
  tag: string;
}

/** Tags of the words a noun phrase is built from (nouns, place and organisation names, idioms used as nouns). */
const NOUN_PART = /^(n|nz|nt|ns|nr|l|j|an)/;
const RECOGNISED = new Set(["认定", "评定"]);

/**
 * The recognition named that no text writes (「高新技术企业认定」), or undefined.
 * @param written whether the texts write a phrase
 */
export function otherRecognition(tagged: readonly TaggedWord[], written: (phrase: string) => boolean): string | undefined {
  for (const [i, w] of tagged.entries()) {
    if (!RECOGNISED.has(w.word)) continue;
    // 「…示范中心的认定标准」: the noun phrase may stand before a 的.
    const end = tagged[i - 1]?.word === "的" ? i - 1 : i;
    let from = end;
    // A name may hold verbs between its nouns (「高价值专利培育示范中心」: 培育 vn, 示范 v), never last, where a verb
    // says what is done (「服务机构申请认定」).
    while (from > 0 && (NOUN_PART.test(tagged[from - 1]!.tag) || (from < end && /^v/.test(tagged[from - 1]!.tag) && from >= 2 && /^(n|nz|vn)/.test(tagged[from - 2]!.tag)))) from--;
    // Where it is recognised (「淄博市高新技术企业认定」「淄博园区认定」) is not what: the place is no part of its name.
    while (from < end && tagged[from]!.tag.startsWith("ns")) from++;
    const phrase = tagged.slice(from, end).map((t) => t.word).join("");
    // One noun (「园区认定」「资格认定」「年度认定」) says of what or how, no other programme; two or more name one.
    if (end - from < 2 || NAMES_PROGRAMME.test(phrase) || written(phrase)) continue;
    return `${phrase}${w.word}`;
  }
  return undefined;
}
