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
/** How it is done, asked between the name and the verb: 怎么, 如何, 咋, 怎样. */
const HOW = /^(怎么|如何|咋|怎样|是怎么|是如何)$/u;

/**
 * Where the name standing right before `end` begins: the noun parts before it (and the words `inName` lets in),
 * less a place it opens with (「淄博市高新技术企业认定」: where it is recognised is no part of its name).
 */
function nameStart(tagged: readonly TaggedWord[], end: number, inName: (k: number) => boolean): number {
  let from = end;
  while (from > 0 && (NOUN_PART.test(tagged[from - 1]!.tag) || inName(from - 1))) from--;
  while (from < end && tagged[from]!.tag.startsWith("ns")) from++;
  return from;
}

/**
 * The recognition named that no text writes (「高新技术企业认定」), or undefined.
 * @param written whether the texts write a phrase
 */
export function otherRecognition(tagged: readonly TaggedWord[], written: (phrase: string) => boolean): string | undefined {
  for (const [i, w] of tagged.entries()) {
    if (!RECOGNISED.has(w.word)) continue;
    // 「…示范中心的认定标准」「…示范企业怎么评定」: the noun phrase may stand before a 的 or a question word of how.
    const end = tagged[i - 1] && (tagged[i - 1]!.word === "的" || HOW.test(tagged[i - 1]!.word)) ? i - 1 : i;
    // A name may hold verbs between its nouns (「高价值专利培育示范中心」: 培育 vn, 示范 v), never last, where a verb
    // says what is done (「服务机构申请认定」).
    const from = nameStart(tagged, end, (k) => k < end - 1 && /^v/.test(tagged[k]!.tag) && k >= 1 && /^(n|nz|vn)/.test(tagged[k - 1]!.tag));
    const phrase = tagged.slice(from, end).map((t) => t.word).join("");
    // One noun (「园区认定」「资格认定」「年度认定」) says of what or how, no other programme; two or more name one.
    if (end - from < 2 || NAMES_PROGRAMME.test(phrase) || written(phrase)) continue;
    return `${phrase}${w.word}`;
  }
  return undefined;
}

/** Kinds of policy document: a noun phrase ending in one names a document. */
const DOCUMENT = new Set(["办法", "条例", "细则", "意见"]);
/** How the two texts themselves are named (试行办法, 管理办法, 实施办法): no other document. */
const OWN_DOCUMENT_WORDS = /^(试行|暂行|实施|管理|建设|这个|该|本)$/u;

/**
 * 「淄博市专利资助办法规定发明专利授权资助多少」: another policy document named (a noun phrase of two words or more
 * ending in 办法/条例/细则/意见) that the texts never write, or undefined. Only the tagger's nouns are read.
 * @param written whether the texts write a phrase
 */
export function otherDocument(tagged: readonly TaggedWord[], written: (phrase: string) => boolean): string | undefined {
  for (const [i, w] of tagged.entries()) {
    if (!DOCUMENT.has(w.word)) continue;
    const from = nameStart(tagged, i, (k) => tagged[k]!.tag === "vn");
    const parts = tagged.slice(from, i).filter((t) => !OWN_DOCUMENT_WORDS.test(t.word));
    const phrase = tagged.slice(from, i + 1).map((t) => t.word).join("");
    if (parts.length === 0 || NAMES_PROGRAMME.test(phrase) || written(phrase)) continue;
    return phrase;
  }
  return undefined;
}

/** Verbs of winning a title or status (「拿下专精特新小巨人」「争取…」「评上…」). */
const WINS = /^(拿下|评上|获评|争取|冲|冲击|创成|摘得)$/u;
/** Words a name may run through after such a verb: nouns and their kin, and one-character modifiers (特, 新, 小). */
const NAME_PART = (t: TaggedWord): boolean => NOUN_PART.test(t.tag) || /^b/.test(t.tag) || (t.word.length === 1 && /^(a|d)/.test(t.tag));

/**
 * 「老板非要今年拿下专精特新小巨人，…要满足啥」: a title the asker means to win whose head noun (巨人) the texts never
 * write, in a question that does not name the zone — another programme, on which the texts say nothing. A head the
 * texts write (「争取省级示范品牌」「冲国家级科技企业孵化器」) is left to the rest of the reading.
 * @param written whether the texts write a phrase
 */
export function otherGoal(tagged: readonly TaggedWord[], written: (phrase: string) => boolean): string | undefined {
  if (NAMES_PROGRAMME.test(tagged.map((t) => t.word).join(""))) return undefined;
  for (const [i, w] of tagged.entries()) {
    if (!WINS.test(w.word)) continue;
    let end = i + 1;
    while (end < tagged.length && NAME_PART(tagged[end]!)) end++;
    // The name ends in its head noun.
    while (end > i + 1 && !/^n/.test(tagged[end - 1]!.tag)) end--;
    const parts = tagged.slice(i + 1, end);
    const head = parts.at(-1)?.word ?? "";
    if (parts.length < 2 || head.length < 2 || written(head)) continue;
    return parts.map((t) => t.word).join("");
  }
  return undefined;
}
