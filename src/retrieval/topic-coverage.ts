/**
 * How much of a question a piece of text speaks about. Each topic word of the
 * question is weighted by how informative it is in general Chinese (jieba's
 * IDF: 天气 or 年费 weigh more than 条件) and by its part of speech — the nouns
 * carry what a question is about (审查时间, 评估费), verbs less, and adverbs,
 * pronouns or conjunctions (只有, 之后, 够不够) very little — and counts as
 * matched when the text uses it, one of its SYNONYMS, or its sub-words.
 * Everyday phrasing (搞砸, 说了算, 准备) is told apart from the topic by
 * method, not by a list: a set phrase (jieba's l/i) or a common verb (general
 * IDF below COMMON_IDF) that the two texts never use (no word, synonym or
 * sub-word of it occurs) says how the asker talks, not what about, and weighs
 * like an adverb. A rarer verb the texts never use (减缓, 缴纳) and any noun
 * they never use (税收, 网址, 考试) keep their weight, so such questions stay
 * refused. The
 * kind of answer asked for (`#basis`, `#qty:家`, see answer-kinds.ts) is one
 * more word. Out-of-domain questions (高企认定, 商标注册补贴 in 杭州) keep
 * their key words unmatched, so their coverage stays low whatever retrieval
 * ranks first.
 */
import { asksForCondition, isKindTerm, formKindCues, questionKindTerms, STATED_DATE, STATED_YEAR, vagueCountUnits } from "./answer-kinds.ts";
import { COUNT_CLASSIFIERS, statesFigure } from "./counting-words.ts";
import { CONDITION_WORDS, DOMAIN_TERMS, FRAMING_WORDS, JURISDICTION_WORDS, LIGHT_VERBS, QUANTITY_UNITS, RULE_ATTRIBUTES, STOPWORDS, SYNONYMS } from "./domain-terms.ts";
import { askerContextSpans, ASKS_FOR_SOMETHING, INDEFINITE_FEW, isStory, NAMES_PROGRAMME, situationSpans, smallTalkSpans, TELLS_OF_ASKER, withoutSpans } from "./message-clauses.ts";
import { doubtSpans, reportedSourceSpans } from "./hearsay.ts";
import { isPlaceWithin } from "../knowledge/jurisdictions.ts";
import { recentMemo } from "./recent-memo.ts";
import { everydayForm } from "./word-forms.ts";
import type { Tokenizer } from "./tokenizer.ts";

/** Whether a word names an attribute of a rule (RULE_ATTRIBUTES), by its last two characters. */
export function isRuleAttribute(word: string): boolean {
  return RULE_ATTRIBUTES.has(word.slice(-2));
}

/** An ask that opens by turning from what was said before it (「那最终…」「那么…」; not the demonstrative 那个, 那边). */
const THEN = /^那么?(?![个些种样边里儿头时家条项位])/u;

/** A question word right after a word asks for it (「标准是多少」). */
const ASKED_RIGHT_AFTER = /^(是|为|有)?(多少|什么|啥|几|怎样|如何)/u;
/** A question word for a thing, with its measure, right after a verb: the thing asked is its object (「讲究哪几条原则」「看重什么条件」). */
const ASKS_OBJECT_AFTER = /^(哪|什么|啥)[些几一个条项种类样]*[的]?(?=[\u4e00-\u9fff])/u;

export interface WeightedWord {
  word: string;
  weight: number;
  /** a noun (or a domain term): what a question is about */
  noun?: boolean;
  /** the plainer word an everyday form is read as (批下来 → 批, 弄法 → 方式; word-forms.ts) */
  matchAs?: string;
  /** a one-character verb or spoken-noun root, which speech uses for a two-character word starting with it (评 for 评为, 案子 for 案件) */
  abbreviates?: boolean;
  /** the abbreviated root is a noun (牌 of 牌子), which a word of the texts may also end in (挂牌: a verb and its object) */
  nounRoot?: boolean;
  /** told only in the story around an ask of its own: counts where a text has it, never against one */
  scene?: boolean;
}

/** Matched word 1, synonym 0.8, sub-words up to 0.7 (share of the word's characters they cover). */
const SYNONYM_MATCH = 0.8;
const SUBWORD_MATCH = 0.7;
/**
 * A one-character verb the texts never use alone, when a word of the text
 * starts with it (评 → 评为/评估, 考 → 考核, 批 → 批复): spoken Chinese cuts a
 * two-character verb to its first character, but 考 may also be an exam, so
 * it counts half.
 */
const ABBREVIATION_MATCH = 0.5;
/**
 * A compound is head-final (评估费 is a fee): when its sub-words miss the last
 * character, the text names something else (评估, not a fee) and the match halves.
 */
const MISSING_HEAD_FACTOR = 0.5;
/** Part-of-speech factors: nouns 1, verbs VERB_FACTOR, the rest LIGHT_FACTOR. */
const VERB_FACTOR = 0.7;
const LIGHT_FACTOR = 0.25;
/** A word of the texts told only in the story around an ask of its own (storySpans): the scene, not the ask. */
const STORY_FACTOR = 0.5;

/** Below this general-Chinese IDF a verb is everyday vocabulary (准备 5.0, 搞 6.5; 减缓 8.2, 缴纳 8.5). */
export const COMMON_IDF = 7;
const SET_PHRASE_TAG = /^(l|i)$/;
/** What 除了 sets aside, up to where the ask resumes (以外/之外, 还, 到底, 也, 都, or the clause's end). */
const EXCEPT = /除了[^，,。？?！!]{1,12}?(?=以外|之外|还|到底|也|都|[，,。？?！!]|$)/gu;
/** How many recent texts' clause roles are kept (one answer weighs and ranks the same text several times). */
const RECENT_TEXTS = 16;

/** Spans of a message by role (message-clauses.ts, storySpans). */
interface MessageRoles {
  situation: [number, number][];
  smallTalk: [number, number][];
  context: [number, number][];
  story: [number, number][];
}

/** A numeral phrase of how long or how often (好多年, 一阵, 好几回, 两三次, 一会儿). */
const DURATION_OR_FREQUENCY = /([年月天日周阵回次遍趟]|会儿)$/u;
/** A clause that assumes something (「条文有歧义的话」「如果条件都满足」「面积要是够了」). */
const PREMISE = /要是|如果|假如|假设|倘若|若是|的话[，,\s]*$/u;
/** Words that place what follows as where someone is (在, 位于, 地处, 落户, 坐落在). */
const LOCATED_IN = /(在|于|位于|地处|落户|来自)$/u;

/** Asking the assistant to do something: 帮我, 给俺, 替咱们, 帮忙 (before the verb). */
const FOR_ME = /(帮|给|替)(我|俺|咱)们?(再|先|好好)?$|帮忙(再|先)?$/u;

/**
 * Whether the word at `at` is a verb the asker asks the assistant to do: right after 帮我/给我 (「帮我捋一捋」
 * 「给我讲讲」), or reduplicated (「捋一捋」「看一看」「说说」, and 一捋 of it), the spoken form of a request.
 */
function asksAssistantTo(query: string, word: string, at: number): boolean {
  if (FOR_ME.test(query.slice(Math.max(0, at - 5), at))) return true;
  const verb = word.startsWith("一") && word.length === 2 ? word.slice(1) : word;
  if (verb.length !== 1) return false;
  const around = query.slice(Math.max(0, at - 2), at + word.length + 2);
  return around.includes(`${verb}一${verb}`) || around.includes(`${verb}${verb}`);
}

/** Weight of the answer kind (about that of a specific noun). */
const KIND_WEIGHT = 6;

/** Nouns (jieba tags); set phrases and idioms (l, i) are not: 说了算, 搞砸 say how, not what. */
const NOUN_TAG = /^(n|vn|an|j|eng|b|s)/;
/** Plain nouns: common, proper-but-not-personal, place and organisation names (not vn, nr). */
const PLAIN_NOUN_TAG = /^n([zgtls])?$/;
const DOMAIN = new Set(DOMAIN_TERMS);
/** Pronouns that always point back (它, 其), and demonstratives that do when no noun follows them (「这个能拿吗」, not 「这个示范区」). */
const POINTS_BACK = /^(它|它们|其)$/u;
// 该/此 point only before a noun (该单位); alone, 该 is the modal 「该往哪儿递」 (should).
const DEMONSTRATIVE = /^(这|那)/u;
const UNIT_FORMS = new Set(Object.values(QUANTITY_UNITS).flat());
const DATE_PARTS = new Set(["年", "月", "日", "号"]);
/** A numeral, ordinal or count with at most one count classifier (三家, 一件, 第二项, 两笔; not 一年, a duration). */
const NUMERAL_WORD = new RegExp(`^第?[零〇一二两三四五六七八九十百千万几\\d]+[${COUNT_CLASSIFIERS}]?$`, "u");

export interface TopicCoverage {
  weightedWords(query: string): WeightedWord[];
  /** The message without the story told around an ask for something of its own; the message itself otherwise. */
  askText(query: string): string;
  /** The part of speech a word counts as: its own tag, or for a set phrase the tag of its head (last part). */
  effectiveTag(word: string, tag: string): string;
  /** 0 … 1: how strongly `terms` contains `word` */
  match(word: string, terms: ReadonlySet<string>): number;
  /** 0 … 1: how strongly `terms` contains a weighted word (its everyday form's base, its abbreviation) */
  matchWord(word: WeightedWord, terms: ReadonlySet<string>): number;
  /** weighted share of the words matched by `terms`; 1 when there are no words */
  coverage(words: readonly WeightedWord[], terms: ReadonlySet<string>): number;
}

/**
 * @param usedByTexts whether the two texts use a word (or a synonym or sub-word
 * of it); without it every verb counts as a content verb.
 */
/**
 * Where in `query` a one-character count classifier right after a numeral the tagger split from it stands
 * (「一单」 → 一/单). The tagger drops spaces, so each word is found in the query itself.
 */
function classifiersAfterNumerals(query: string, tagged: readonly { word: string; tag: string }[]): Set<number> {
  const at = new Set<number>();
  let numeralEnd = -1;
  for (const { t, from } of located(query, tagged)) {
    if (from === numeralEnd && t.word.length === 1 && COUNT_CLASSIFIERS.includes(t.word)) at.add(from);
    numeralEnd = t.tag.startsWith("m") ? from + t.word.length : -1;
  }
  return at;
}

/** Each tagged word found in `query` in order, with where it starts and its place in `tagged` (the tagger drops spaces). */
function located<T extends { word: string }>(query: string, tagged: readonly T[]): { t: T; i: number; from: number }[] {
  const out: { t: T; i: number; from: number }[] = [];
  let cursor = 0;
  for (const [i, t] of tagged.entries()) {
    const from = query.indexOf(t.word, cursor);
    if (from < 0) continue;
    cursor = from + t.word.length;
    out.push({ t, i, from });
  }
  return out;
}

/**
 * Where in `query` a WHERE_NOUNS word heads a clause of a verb before 的 (「有看不懂的地方」「不明白之处」): a part of
 * something the asker describes, not a place asked about.
 */
function partsDescribed(query: string, tagged: readonly { word: string; tag: string }[]): Set<number> {
  const at = new Set<number>();
  for (const { t, i, from } of located(query, tagged)) {
    // (jieba tags some everyday verbs as names: 明白 → nr.)
    if (WHERE_NOUNS.has(t.word) && tagged[i - 1]?.word === "的" && /^(v|a|l|i|nr)/.test(tagged[i - 2]?.tag ?? "")) at.add(from);
  }
  return at;
}

/**
 * A clause that names what it is about with 对/关于/针对 and ends in 「…的X」 (「对外资机构进驻示范区的准入」), not one telling
 * what someone does or wants (「刚接手园区的活儿」「想找真金白银的奖补」).
 */
const TOPIC_PUT_FIRST = /(对|关于|针对)[^，,。？?！!]*的[\u4e00-\u9fff]{1,6}[\s\p{P}]*$/u;

/** Nouns that only say 「where」 (啥地方, 什么位置). */
const WHERE_NOUNS: ReadonlySet<string> = new Set(["地方", "地点", "位置", "地儿"]);
/** A body named only as the kind asked for (「哪个部门」「哪个机关」; not 单位, which the texts use for the applicants). */
const BODY_NOUNS: ReadonlySet<string> = new Set(["部门", "机关"]);
const WHICH_BEFORE = /(哪个|哪一个|哪|什么|啥|哪家)$/u;

export function createTopicCoverage(tokenizer: Tokenizer, usedByTexts: (word: string) => boolean = () => true): TopicCoverage {
  /**
   * jieba's dictionary tags many everyday verbs and adjectives as personal names (明白, 卡住 → nr; 巴拉 of 费劲巴拉 → nrt); the
   * texts name no person, so such a word they never use is read as the verb it mostly is. A word of the
   * texts keeps its tag (申请人 → nr, a noun).
   */
  const everydayTag = (word: string, tag: string): string => (/^nr/.test(tag) && !DOMAIN.has(word) && !usedByTexts(word) ? "v" : tag);

  /**
   * Chinese compounds are head-final, set phrases too: 联系电话 (l) names a
   * telephone number, 说了算 (l) and 搞砸 (l) say what someone does. A set
   * phrase counts as the part of speech of its head — its longest dictionary
   * suffix, else its last character.
   */
  const headTags = new Map<string, string>();
  function effectiveTag(word: string, rawTag: string): string {
    const tag = everydayTag(word, rawTag);
    if (!SET_PHRASE_TAG.test(tag)) return tag;
    let head = headTags.get(word);
    if (head === undefined) {
      const suffixes = tokenizer.subWords(word).filter((s) => word.endsWith(s)).sort((a, b) => b.length - a.length);
      head = tokenizer.tagOf(suffixes[0] ?? word.slice(-1));
      // A head that is itself a set phrase or idiom keeps the phrase's own tag.
      if (SET_PHRASE_TAG.test(head)) head = tag;
      headTags.set(word, head);
    }
    return head;
  }

  function roleFactor(word: string, rawTag: string): number {
    if (DOMAIN.has(word) || NOUN_TAG.test(effectiveTag(word, rawTag))) return 1;
    // A word the dictionary knows only as a name (巴拉 of 费劲巴拉), read as a verb: its IDF is the name's, and what
    // it says is how the asker talks.
    if (/^nr/.test(rawTag) && !usedByTexts(word)) return LIGHT_FACTOR;
    const tag = everydayTag(word, rawTag);
    const verbLike = tag.startsWith("v") || SET_PHRASE_TAG.test(tag);
    if (verbLike && !usedByTexts(word) && (SET_PHRASE_TAG.test(tag) || tokenizer.generalIdf(word) < COMMON_IDF)) return LIGHT_FACTOR;
    return verbLike && !LIGHT_VERBS.has(word) ? VERB_FACTOR : LIGHT_FACTOR;
  }

  function weightOf(word: string, tag: string): number {
    if (/^[\d.]+$/.test(word)) return 1; // a figure in the question rarely appears verbatim
    const w = Math.min(tokenizer.generalIdf(word), 12) * roleFactor(word, tag);
    return word.length === 1 ? w / 2 : w;
  }

  /** Share of `word`'s characters covered by the `parts` found in the text, and whether its last one is. */
  function covered(word: string, parts: readonly string[]): { share: number; head: boolean } {
    const mask = new Array<boolean>(word.length).fill(false);
    for (const p of parts) {
      for (let at = word.indexOf(p); at >= 0; at = word.indexOf(p, at + 1)) mask.fill(true, at, at + p.length);
    }
    return { share: mask.filter(Boolean).length / word.length, head: mask[word.length - 1]! };
  }

  function match(word: string, terms: ReadonlySet<string>): number {
    if (terms.has(word)) return 1;
    if (isKindTerm(word)) return 0;
    const syns = SYNONYMS[word];
    if (syns?.some((s) => terms.has(s))) return SYNONYM_MATCH;
    // A part the text words otherwise counts as found (市场秩序: 市场, and 秩序 as 规范).
    const found = tokenizer.subWords(word).filter((s) => terms.has(s) || SYNONYMS[s]?.some((x) => terms.has(x)));
    if (found.length === 0) return 0;
    const { share, head } = covered(word, found);
    return SUBWORD_MATCH * share * (head ? 1 : MISSING_HEAD_FACTOR);
  }

  /** A character of each term of a set that `pick` reads one from, kept per set (the sets never change). */
  function charsOf(cache: WeakMap<ReadonlySet<string>, Set<string>>, terms: ReadonlySet<string>, pick: (t: string) => string | undefined): Set<string> {
    let set = cache.get(terms);
    if (!set) {
      set = new Set([...terms].map(pick).filter((c): c is string => c !== undefined));
      cache.set(terms, set);
    }
    return set;
  }
  // First and last characters of the two-character words (for ABBREVIATION_MATCH), and the last
  // character of every word (the heads of its compounds).
  const leads = new WeakMap<ReadonlySet<string>, Set<string>>();
  const tails = new WeakMap<ReadonlySet<string>, Set<string>>();
  const heads = new WeakMap<ReadonlySet<string>, Set<string>>();
  const leadsOf = (terms: ReadonlySet<string>): Set<string> => charsOf(leads, terms, (t) => (t.length === 2 ? t[0] : undefined));
  const tailsOf = (terms: ReadonlySet<string>): Set<string> => charsOf(tails, terms, (t) => (t.length === 2 ? t[1] : undefined));
  const headsOf = (terms: ReadonlySet<string>): Set<string> => charsOf(heads, terms, (t) => (t.length >= 2 && !isKindTerm(t) ? t.at(-1) : undefined));

  function matchWord(w: WeightedWord, terms: ReadonlySet<string>): number {
    const direct = Math.max(match(w.word, terms), w.matchAs ? match(w.matchAs, terms) : 0);
    // A one-character noun is the head a compound of the text ends in (券 of 服务券, 链 of 服务链):
    // speech names the thing by its head once the compound is known.
    // Only a plain noun: 管 (vn) of 「省局管审批」 is a verb, not the head of 主管.
    if (direct === 0 && w.noun && w.word.length === 1 && !w.matchAs && tokenizer.tagOf(w.word) === "n") return headsOf(terms).has(w.word) ? ABBREVIATION_MATCH : 0;
    if (direct > 0 || !w.abbreviates) return direct;
    const root = w.matchAs ?? w.word;
    return leadsOf(terms).has(root) || (w.nounRoot && tailsOf(terms).has(root)) ? ABBREVIATION_MATCH : 0;
  }

  /** The words of the texts a stretch uses, besides the programme itself and places (askerContextSpans). */
  const ownTextWords = (text: string): string[] =>
    tokenizer.topicWords(text).filter((w) => w.length > 1 && !NAMES_PROGRAMME.test(w) && !JURISDICTION_WORDS.has(w) && usedByTexts(w));
  /**
   * A clause that uses a word of the texts, or consists of plain nouns only (「号码」 of 「有没有人知道号码」
   * names what is asked); not a verbal noun (救命) or a name (jieba's nr: 科普, 拜托 are mis-read as names).
   */
  const namesTopic = (clause: string): boolean => {
    const words = tokenizer.taggedTopicWords(clause);
    return words.some((w) => DOMAIN.has(w.word) || usedByTexts(w.word)) || (words.length > 0 && words.every((w) => PLAIN_NOUN_TAG.test(w.tag)));
  };
  /** A stretch leans on what was said before it when it uses 它/其, or 这/那 with no noun or word of the texts of its own after it. */
  const leansBack = (text: string): boolean => {
    const words = tokenizer.tagged(text);
    // 这/那 before a word of the texts (「这申请是直接交省局…」) says which, as before a noun.
    const names = (w: { word: string; tag: string } | undefined): boolean => !!w && (NOUN_TAG.test(w.tag) || (w.word.length > 1 && usedByTexts(w.word)));
    return words.some((w, i) => w.tag === "r" && (POINTS_BACK.test(w.word) || (DEMONSTRATIVE.test(w.word) && !names(words[i + 1]))));
  };

  /**
   * The clauses of a long story told before or around an ask that has a topic of its own (a word of the
   * texts, or a kind of answer: 「隔多久考一回」 asks a period): the story's words of the texts set the
   * scene and weigh STORY_FACTOR. A clause stating a figure (「园区有18家机构」) is what 「够不够」 asks
   * about and is no story; nor is anything when the ask leans on it (「这个能报吗」) or says nothing of its own.
   */
  function storySpans(
    query: string,
    situation: readonly [number, number][],
    smallTalk: readonly [number, number][],
    context: readonly [number, number][],
  ): [number, number][] {
    // 「评上优秀除了面子，还有没有实打实的好处」: a clause of 除了 sets aside part of the ask after it; it is no story.
    // The clauses told as context (askerContextSpans) are the asker's story too, for how long it is.
    const telling = situation.filter((s) => !smallTalk.some((t) => t[0] === s[0]) && !/除了/u.test(query.slice(s[0], s[1])));
    const told = telling.filter((s) => !context.some((t) => t[0] === s[0]));
    // 「…一个先交设区市、一个先交区县，那最终审定分别是谁」: an ask that turns from what is granted (那, 那么) to
    // something of its own has the clauses before it as its scene, however few.
    const asking = withoutSpans(query, situation);
    const turn = THEN.exec(asking.replace(/^[\s\p{P}]+/u, ""));
    if (!isStory(telling.map(([from, to]) => query.slice(from, to))) && !turn) return [];
    const asks = turn ? asking.replace(/^[\s\p{P}]+/u, "").slice(turn[0].length) : asking;
    const hasTopic = (text: string): boolean => ownTextWords(text).length > 0 || questionKindTerms(text).length > 0;
    // A figure told is what an ask of a measure, of enough or of yes/no works on (「园区有18家机构…还差几家」「…能申报吗」);
    // beside an ask for conditions or a body (`#condition`, `#who`) with no measure in it (「俺在科技局干了没两年…对区县
    // 政府有啥前提要求」) it is the story's.
    const asksThing = questionKindTerms(asks).some((k) => k === "#condition" || k === "#who") && !/多少|几|多大|多久|多长|够|差/u.test(asks);
    const story = (spans: readonly [number, number][]) => spans.filter((s) => asksThing || !statesFigure(query.slice(s[0], s[1])));
    if (hasTopic(asks) && !leansBack(asks)) return story(told);
    // 「…运气爆棚…打赢了官司…，不过我记得方案里说优惠不能重复拿，具体咋规定的来着」: a closing ask with no topic of
    // its own is about the clause told right before it; the clauses before that one are the story.
    const lastAsk = Math.max(...withoutSpansList(query, situation).map(([from]) => from));
    const topic = told.find(([, to]) => to === lastAsk);
    if (!topic || !hasTopic(query.slice(topic[0], topic[1]))) return [];
    const before = told.filter((s) => s[1] <= topic[0]);
    return isStory(before.map(([from, to]) => query.slice(from, to))) ? story(before) : [];
  }

  /** The spans of a message outside `spans` (its clauses that ask, when `spans` is its situation). */
  function withoutSpansList(query: string, spans: readonly [number, number][]): [number, number][] {
    const out: [number, number][] = [];
    let at = 0;
    for (const [from, to] of [...spans].sort((a, b) => a[0] - b[0])) {
      if (from > at) out.push([at, from]);
      at = Math.max(at, to);
    }
    if (at < query.length) out.push([at, query.length]);
    return out.filter(([from, to]) => query.slice(from, to).trim().length > 0);
  }

  /** An ask for a thing, a way or a choice; a yes/no ask (「…还没有发展规划，能申报吗」) is asked of the story told with it. */
  const asksForItsOwn = (asks: string): boolean => ASKS_FOR_SOMETHING.test(asks) || /还是/u.test(asks);

  /**
   * The kinds of answer a message asks for. Small talk asks none (「家人们谁懂啊」 is no #who); a clause that
   * asks nothing tells the asker's situation (「没啥背景」 is no #basis) and gives only the measure of a figure
   * it states (「园区有15家」: #qty:家). A year it states (「2021年为同一申请人打赢了6起，…最多补多少」) is
   * when the story happened, not a date asked for.
   */
  /**
   * @param setAside what 除了 sets aside (EXCEPT)
   */
  function askedKinds(query: string, situation: readonly [number, number][], smallTalk: readonly [number, number][], setAside: readonly [number, number][]): string[] {
    // A count told only vaguely (「服务机构没几家」) gives its measure as a figure does.
    const vague = vagueCountUnits(withoutSpans(query, smallTalk)).map((u) => `#qty:${u}`);
    // A few mentioned in passing (「跟几家企业谈」, INDEFINITE_FEW) is no count asked, nor what 除了 sets aside
    // (「除了场地和机构，…要不要出钱」: no area asked).
    const told = [...new Set([...questionKindTerms(withoutSpans(query, [...smallTalk, ...setAside]).replace(INDEFINITE_FEW, "")), ...vague])];
    if (situation.length === 0) return told;
    const asked = questionKindTerms(withoutSpans(query, situation));
    return told.filter((k) => k.startsWith("#qty:") || asked.includes(k));
  }

  /**
   * The message without the story told around an ask for something of its own (storySpans, asksForItsOwn):
   * what the ask itself says, for ranking. A yes/no ask keeps the story it is asked of.
   */
  function askText(query: string): string {
    const { situation, story } = rolesOf(query);
    return story.length > 0 && asksForItsOwn(withoutSpans(query, situation)) ? withoutSpans(query, story) : query;
  }

  /**
   * Where a message's clauses stand (message-clauses.ts): the situation told, small talk, the asker's story
   * beside a self-contained ask, the story around an ask of its own. Both weighing and ranking read them,
   * for the same text, so they are worked out once and kept.
   */
  const recentRoles = recentMemo<MessageRoles>(RECENT_TEXTS);
  function rolesOf(query: string): MessageRoles {
    return recentRoles(query, () => {
      const situation = situationSpans(query);
      // A clause that asks nothing and names nothing of the domain nor a figure (「孩子这周期末考试」
      // 「不说这个了」「今天降温注意加衣服」) is small talk around the question: none of its words, not even
      // those the texts happen to use (头, 说, 大), says anything of what is asked, so none is weighed.
      const smallTalk = smallTalkSpans(query, situation, namesTopic, ownTextWords);
      const context = askerContextSpans(query, situation, ownTextWords, leansBack, (text) => questionKindTerms(text).length);
      return { situation, smallTalk, context, story: storySpans(query, situation, smallTalk, context) };
    });
  }

  return {
    askText,
    weightedWords(query) {
      const { situation, smallTalk, context, story } = rolesOf(query);
      const exceptions = [...query.matchAll(EXCEPT)].map((m): [number, number] => [m.index!, m.index! + m[0].length]);
      const kinds = askedKinds(query, situation, smallTalk, exceptions);
      const hasQuantity = kinds.some((k) => k.startsWith("#qty:"));
      // A date asked for, or one the asker states (「2021年10月还在试用期内吗」): its digits and parts are no topic.
      const hasDate = kinds.includes("#date") || STATED_DATE.test(query) || STATED_YEAR.test(query);
      const framed = asksForCondition(kinds);
      const sources = reportedSourceSpans(query);
      const doubts = doubtSpans(query);
      const hasCondition = kinds.includes("#condition");
      const hasDestination = kinds.includes("#destination");
      const hasWho = kinds.includes("#who");
      const hasPeriod = kinds.includes("#period");
      const cues = formKindCues(query);
      const premises = asksForItsOwn(withoutSpans(query, situation)) ? situation.filter(([from, to]) => PREMISE.test(query.slice(from, to))) : [];
      // A clause that only names a topic put first (「浙江和淄博对外资机构进驻示范区的准入，哪边限制更少」) tells nothing of
      // the asker: its words are what is asked about.
      const told = situation.filter(([from, to]) => !TOPIC_PUT_FIRST.test(query.slice(from, to)) || TELLS_OF_ASKER.test(query.slice(from, to)));
      const classifierAt = classifiersAfterNumerals(query, tokenizer.tagged(query));
      const describedAt = partsDescribed(query, tokenizer.tagged(query));
      const seen = new Set<string>();
      const out: WeightedWord[] = [];
      let cursor = 0;
      for (const { word, tag } of tokenizer.taggedTopicWords(query)) {
        const at = query.indexOf(word, cursor);
        if (at >= 0) cursor = at + word.length;
        if (seen.has(word)) continue;
        seen.add(word);
        // A figure with its unit is represented by its `#qty:` / `#date` kind, not by its digits.
        if ((hasQuantity || hasDate) && /^[\d.]+$/.test(word)) continue;
        if (hasQuantity && UNIT_FORMS.has(word)) continue;
        if (hasDate && DATE_PARTS.has(word)) continue;
        if (hasCondition && CONDITION_WORDS.has(word)) continue;
        // 「交到啥地方」 asks to whom (`#destination`, a body): its 地方 only says where, as 条件 says `#condition`.
        if (hasDestination && WHERE_NOUNS.has(word)) continue;
        // 「有看不懂的地方」: the part the asker describes, not a place (partsDescribed).
        if (describedAt.has(at)) continue;
        // 「找哪个部门解释」「由什么机关负责」: the body asked for is the `#who` kind, not a word a clause must use.
        if (hasWho && BODY_NOUNS.has(word) && at >= 0 && WHICH_BEFORE.test(query.slice(Math.max(0, at - 3), at))) continue;
        // A word the texts never use that only says which measure is wanted (封顶 of
        // 「一年封顶多少」 is `#qty:万元`): the kind stands for it, as 条件 is `#condition`.
        if (cues.some((c) => c.includes(word)) && !usedByTexts(word)) continue;
        // A period asked as a choice (「一年一回还是两年一回」) is the `#period` kind, not its numerals.
        if (hasPeriod && tag.startsWith("m")) continue;
        // A place inside a jurisdiction told as where the asker is (「园区在杭州」「位于张店区」) says which text
        // applies, as 浙江 does; a city's own scheme (「杭州市的补贴」「宁波对服务业有什么补助」) is what is asked.
        if (at >= 0 && isPlaceWithin(word) && LOCATED_IN.test(query.slice(Math.max(0, at - 3), at))) continue;
        // Pronouns (咱, 这块, 各自) point at something; they never say what it is.
        if (tag === "r") continue;
        // A single Latin letter (A、B、C三家企业) only labels something.
        if (/^[a-z]$/i.test(word)) continue;
        // A numeral with its classifier (三家, 一件, 第二项) says how many or which, not what about.
        if (tag.startsWith("m") && NUMERAL_WORD.test(word)) continue;
        // A numeral phrase of time the texts never use (好多年, 一阵, 好几回) tells how long or how often in the
        // asker's telling (「搞了好多年了」「隔一阵要被考」); a period asked is its `#period` kind, not these words.
        if (tag.startsWith("m") && DURATION_OR_FREQUENCY.test(word) && !DOMAIN.has(word) && !usedByTexts(word)) continue;
        // …and so does a classifier the tagger cut off its numeral (「做成一单」: 一 + 单, which is no 单位), not
        // a word after one ending in 一 (「统一批」).
        if (classifierAt.has(at)) continue;
        // 「申报…需要什么条件」: 申报 says what the conditions are for (FRAMING_WORDS); an attribute
        // noun the texts word otherwise (额度, 职责) says which aspect is wanted (RULE_ATTRIBUTES).
        // The attribute asked for by the question word right after it (「奖励标准是多少」) names the
        // kind of answer, whether or not the texts use the word in another sense (标准制定).
        const askedAttribute = at >= 0 && ASKED_RIGHT_AFTER.test(query.slice(at + word.length));
        const aspect = isRuleAttribute(word) && !DOMAIN.has(word) && (!usedByTexts(word) || askedAttribute);
        // A word the texts never use in a clause that asks nothing (同事, 员工 of 「所里有2位同事新考下证书，
        // 能支持多少钱」) describes the asker's situation; what is asked about is in the asking clause.
        const inSpans = (spans: [number, number][]): boolean => at >= 0 && spans.some(([from, to]) => at >= from && at < to);
        if (inSpans(smallTalk)) continue;
        // 「…我寻思是不是听岔了」「真是这样吗」: the words that doubt what was heard ask to check it, about nothing (hearsay.ts).
        if (inSpans(doubts) && !DOMAIN.has(word)) continue;
        // The asker's story beside an ask that says everything itself (askerContextSpans): its everyday
        // words say nothing of what is asked; a term of the domain in it (「我们单位是个大学科技园」) may
        // still bear on the answer, and weighs lightly.
        const toldBeside = inSpans(context);
        if (toldBeside && !DOMAIN.has(word)) continue;
        // The story told around an ask of its own (storySpans: 「…市局的小姐姐打电话来说要准备考核材料…浙江这边
        // 示范区到底隔多久考一回啊」) sets the scene; the ask says what is wanted. Its everyday words say
        // nothing of it; its words of the texts count where a text has them, never against one.
        const scene = inSpans(story) && !withoutSpans(query, story).includes(word);
        if (scene && !DOMAIN.has(word) && !usedByTexts(word)) continue;
        // 「条文有歧义的话，找哪个部门解释」「面积要是够了，申请先交给谁」: a premise assumed before an ask for something
        // says when the ask holds; its words the texts never use are not what is asked.
        if (inSpans(premises) && !DOMAIN.has(word) && !usedByTexts(word)) continue;
        // 「除了面子上好看，到底有啥实际好处」「除了保住牌子还有啥」: what 除了 sets aside is not what is asked.
        const setAside = inSpans(exceptions) && !DOMAIN.has(word);
        // Who told the asker (「领导说…」「隔壁园区的哥们儿说…」) is how they heard it; what was told is the topic.
        const toldBy = inSpans(sources) && !DOMAIN.has(word);
        const describesAsker = toldBeside || setAside || toldBy || (inSpans(told) && !DOMAIN.has(word) && !usedByTexts(word));
        // An idiom the texts never use, told in the situation (「五花八门🤷」「以为万事大吉了」), colours the telling:
        // its last character (门) is no head noun. Asked about (「今天天气怎么样」), it is the topic.
        // …and so does a set phrase or idiom before 的 (「实打实的好处」「正儿八经的条件」): it describes the noun after it.
        const attributive = SET_PHRASE_TAG.test(tag) && !DOMAIN.has(word) && !usedByTexts(word) && at >= 0 && query.startsWith("的", at + word.length);
        const colours = (describesAsker && tag === "i") || attributive;
        // What the asker asks the assistant to do (「帮我捋一捋」「给我讲讲」「看一看」) is how they ask, not what about.
        const request = !DOMAIN.has(word) && !usedByTexts(word) && at >= 0 && asksAssistantTo(query, word, at);
        // A verb the texts never use before the question word of its object (「讲究哪几条原则」「看重什么」) only
        // links the subject to the thing asked, which the object names; the texts' own verb (遵循) may be any.
        const linksObject = /^v/.test(tag) && !DOMAIN.has(word) && !usedByTexts(word) && at >= 0 && ASKS_OBJECT_AFTER.test(query.slice(at + word.length));
        const factor =
          (framed && FRAMING_WORDS.has(word)) || aspect || describesAsker || attributive || request || linksObject ? LIGHT_FACTOR : scene ? STORY_FACTOR : 1;
        // An everyday form the texts never use (批下来, 比一比, 弄法) weighs and matches as its plainer word.
        const form = DOMAIN.has(word) || usedByTexts(word) ? undefined : everydayForm(word, tag, (w) => tokenizer.tagOf(w), (w) => tokenizer.generalIdf(w));
        if (form && (STOPWORDS.has(form.base) || JURISDICTION_WORDS.has(form.base))) continue; // 还给, 拿到: a function word and its complement
        const [base, baseTag] = form ? [form.base, form.tag] : [word, tag];
        out.push({
          word,
          weight: weightOf(base, baseTag) * factor,
          noun: DOMAIN.has(word) || (!colours && !linksObject && NOUN_TAG.test(effectiveTag(base, baseTag))),
          ...(form ? { matchAs: base } : {}),
          ...(base.length === 1 && (baseTag.startsWith("v") || form) ? { abbreviates: true } : {}),
          ...(base.length === 1 && form && baseTag.startsWith("n") ? { nounRoot: true } : {}),
          // What 除了 sets aside counts where a text has it, never against one, as the story's words do.
          ...(scene || setAside ? { scene: true } : {}),
        });
      }
      // A count told only in the story around an ask of its own (「机构走了好几家」) is part of the scene: its measure
      // counts where a text states it, never against one.
      const asking = story.length > 0 ? withoutSpans(query, story) : query;
      const askedMeasures = new Set([...questionKindTerms(asking), ...vagueCountUnits(asking).map((u) => `#qty:${u}`)]);
      for (const k of kinds) out.push({ word: k, weight: KIND_WEIGHT, ...(k.startsWith("#qty:") && !askedMeasures.has(k) ? { scene: true } : {}) });
      return out;
    },
    effectiveTag,
    match,
    coverage(words, terms) {
      let total = 0;
      let got = 0;
      for (const w of words) {
        const m = matchWord(w, terms);
        total += w.scene ? w.weight * m : w.weight;
        got += w.weight * m;
      }
      return total === 0 ? 1 : got / total;
    },
    matchWord,
  };
}
