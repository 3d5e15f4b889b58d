/**
 * English questions. A question written in English is read into Chinese
 * search words through the bilingual glossary (knowledge/en/glossary.json),
 * answered from the same retrieval, and the reply is written in English: the
 * conclusion from the unofficial English rendering of the clause, then the
 * clause quoted in the original Chinese with its citation, then its English
 * rendering. English words that neither the glossary nor the renderings know
 * (weather, tomorrow …) count against the question as unknown Chinese words do.
 */
import { stemmer } from "stemmer";
import { loadGlossary } from "../knowledge/load-english.ts";
import type { RefusalReason } from "./answer.types.ts";
import { englishParts, type EnglishParts } from "./english-parts.ts";
import { englishVocabulary } from "./english-vocabulary.ts";

export { englishCitation, englishTrialNotes } from "./english-citation.ts";

const LATIN = /[A-Za-z]/g;
const HAN = /[\u3400-\u9fff]/g;

/** Written in English: Latin letters outnumber Chinese characters two to one, and there are a few words. */
export function isEnglishQuestion(text: string): boolean {
  const latin = (text.match(LATIN) ?? []).length;
  const han = (text.match(HAN) ?? []).length;
  return latin >= 6 && latin >= 2 * han;
}

/**
 * Whether a message is English in its conversation: an English question, or a short one with Latin letters and
 * no Chinese (「And 5?」「Zibo?」) right after an English question (`previousAsked`, PreviousTurn.asked).
 */
export function isEnglishTurn(text: string, previousAsked: string | undefined): boolean {
  if (isEnglishQuestion(text)) return true;
  return previousAsked !== undefined && isEnglishQuestion(previousAsked) && /[A-Za-z]/.test(text) && (text.match(HAN) ?? []).length === 0;
}

export const STOPWORDS = new Set(
  ("a an the of for to in on at by and or is are was were be been do does did can could will would should shall may might must " +
    "i we you he she it they my our your their me us them this that these those what which who whom when where why how " +
    "much many there here with from as about into any some all each per if not no yes get gets got give gives given need needs " +
    "have has had than then so also only just please tell know want like one two say says said both either " +
    // hedges and intensifiers: how sure or how exact, never what about
    "possible possibly actually really exactly currently still ever even such whether something anything " +
    // conjunctions and placeholders: how the asker talks, never what about (「while fixing things」)
    "while whilst though although thing things stuff " +
    // what people call either text in general (as 这个办法/这个方案 does): which text is said by its place, never what about
    "scheme schemes programme programmes program programs initiative initiatives").split(" "),
);

/** Inflected function words count as the word (needed, wants, getting): compared by Porter stem. */
let stopStems: Set<string> | undefined;
function isStopword(w: string): boolean {
  stopStems ??= new Set([...STOPWORDS].map(stem));
  return STOPWORDS.has(w) || stopStems.has(stem(w));
}

/** Places outside both policies, as people write them in English. */
const OTHER_PLACES =
  /\b(beijing|shanghai|tianjin|chongqing|guangdong|guangzhou|shenzhen|jiangsu|nanjing|suzhou|jinan|qingdao|wuhan|chengdu|hong kong|macau|taiwan|usa|united states|america|japan|europe|germany|uk|britain|korea)\b/i;
const OUR_PLACES = /\b(zhejiang|zibo|hangzhou|ningbo|wenzhou)\b/i;

const BOTH_PLACES = /\b(both|the two) (places|policies|texts|sides|cities|jurisdictions)\b/i;

/** Our jurisdictions an English question names, in the order it names them. */
export function namedInEnglish(question: string): ("zhejiang" | "zibo")[] {
  // 「both places」「the two policies」 name both, as 两地/两份政策 do in Chinese.
  if (BOTH_PLACES.test(question)) return ["zhejiang", "zibo"];
  const at = (re: RegExp): number => question.search(re);
  const found = [
    { j: "zhejiang" as const, at: at(/\b(zhejiang|hangzhou|ningbo|wenzhou)\b/i) },
    { j: "zibo" as const, at: at(/\bzibo\b/i) },
  ];
  return found.filter((f) => f.at >= 0).sort((a, b) => a.at - b.at).map((f) => f.j);
}

/** Porter stems, so 「organises」 meets 「organised」 and 「assessment」 meets 「assessed」. */
export const stem = (w: string): string => stemmer(w);

/**
 * The thing an English question asks for, as ask-focus.ts reads Chinese: the
 * noun phrase of 「What is the X of …」「Which X …」, up to a preposition or
 * the end. Only grammar: question words, articles, prepositions.
 */
const ENGLISH_FOCUS = /\b(?:what|which)\s+(?:is|are|was|were)\s+(?:the\s+|a\s+|an\s+)?([a-z]+(?:\s+[a-z]+){0,3}?)\s*(?=\b(?:of|for|in|at|to|from|on|by|with|that|when|does|do|must|should|can)\b|[?.!]|$)/i;

/** Bounds and totals (as 至少/最多 in Chinese): they say which figure is wanted, not what it is of. */
const BOUND_WORDS = /^(minimum|maximum|max|min|top|most|least|highest|lowest|largest|smallest|total|exact|overall)$/;
/**
 * Nouns that name an attribute any rule states about its subject (size, amount, period, level, rate,
 * steps), as RULE_ATTRIBUTES in Chinese: 「What's the minimum size of the core area」 asks about the
 * core area; the texts word its size otherwise (「1000平方米」), so the attribute never decides a refusal.
 */
const ATTRIBUTE_WORDS =
  /^(size|area|amount|sum|number|count|quantity|standard|limit|cap|ceiling|level|grade|tier|rate|ratio|proportion|share|percentage|period|term|duration|length|range|scope|content|contents|form|type|kind|sort|way|procedure|process|steps?|result|consequence|duty|duties|responsibility|responsibilities|obligation|role|name|title)s?$/;
/** Units a figure is asked in (「How many yuan …」「how many square metres」): the kind of figure, not what it is of. */
const UNIT_WORDS = /^(yuan|rmb|cny|renminbi|dollars?|percent|square|metres?|meters?|sqm|years?|months?|weeks?|days?|times?|points?)$/;
/** Participles (required, submitted, remaining) qualify the thing; they do not name it. */
const PARTICIPLE = /(ed|ing)$/;

/** 「What tax breaks do agencies get」: the noun phrase between the question word and its verb. */
const ENGLISH_FOCUS_BEFORE_VERB = /\b(?:what|which)\s+((?!is\b|are\b|was\b|were\b)[a-z]+(?:\s+[a-z]+){0,2}?)\s+(?:do|does|did|can|could|will|would|should|must|is|are)\b/i;

/** 「How do I register a trademark」: the action asked how to do; texts that never name it cannot tell how. */
const HOW_TO_FOCUS = /\bhow\s+(?:do|does|can|could|should|would|to)\s+(?:(?:i|we|you|they|one)\s+)?([a-z]+)/i;

export function englishAskFocus(question: string): string[] {
  const phrase = ENGLISH_FOCUS.exec(question)?.[1] ?? ENGLISH_FOCUS_BEFORE_VERB.exec(question)?.[1] ?? HOW_TO_FOCUS.exec(question)?.[1];
  if (!phrase) return [];
  return phrase
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length >= 3 && !isStopword(w) && !BOUND_WORDS.test(w) && !PARTICIPLE.test(w));
}

export interface EnglishReading {
  /** the Chinese search words the question was read into */
  chinese: string;
  /** every English form of the glossary entries the question used (「fails」 → fail, unqualified …): the same term in other words */
  synonyms: string[];
  /** content words nobody here knows (not in the glossary nor in the renderings) */
  unknownWords: string[];
  /** the domain terms of the glossary the question used, as asked (「application fee」), with the Chinese each was read as (申请费) */
  terms: { en: string; zh: string }[];
  /** the unknown words that are nouns (english-parts.ts): what the question is about, weighed in full */
  unknownNouns: string[];
  /** content words in all */
  contentWords: string[];
  /** words of the asked-for thing (englishAskFocus) nobody here knows: the texts cannot answer it */
  unknownFocus: string[];
  /** names a place outside both policies and neither of ours */
  otherPlace: boolean;
  /** the clause named by its number (「Article 9 (5)」) */
  clause?: { article: number; item?: number };
}

/** One form of a glossary entry as a question is searched for it; `term` for a domain term, not a question word. */
interface GlossaryNeedle {
  needle: string;
  zh: string;
  forms: readonly string[];
  term: boolean;
}
let needles: GlossaryNeedle[] | undefined;
/**
 * Every English form of the glossary as the question is searched for it, longest first (「ip service
 * agencies」 before 「agencies」), read the way the question is (「bad-faith」, 「city-level」: words
 * apart). The glossary never changes, so this is made once.
 */
function glossaryNeedles(): GlossaryNeedle[] {
  if (!needles) {
    const g = loadGlossary();
    needles = [...g.questionWords.map((e) => ({ ...e, term: false })), ...g.terms.map((e) => ({ ...e, term: true }))]
      .flatMap((e) => e.en.map((en) => ({ en, zh: e.zh, forms: e.en, term: e.term })))
      .sort((a, b) => b.en.length - a.en.length)
      .map(({ en, zh, forms, term }) => ({ needle: ` ${en.replace(/[^a-z0-9]+/g, " ")} `, zh, forms, term }));
  }
  return needles;
}

/** Modifiers that say only that something exists now (existing agencies, the current zone). */
const NOW_MODIFIERS = /\b(existing|current|currently|present|presently)\b/g;

/** 「Article 9 (5)」「Art. 16」「Article 7, item 2」: a clause named by its number. */
const ENGLISH_CLAUSE = /\b(?:article|art\.?)\s*(\d+)(?:\s*\(\s*(\d+)\s*\)|,?\s*(?:item|point|paragraph|para\.?)\s*(\d+))?/i;

export function readEnglishQuestion(asIs: string): EnglishReading {
  // The clause number is read as Chinese writes it (第9条（5）, article-reference.ts), not as figures.
  const reference = ENGLISH_CLAUSE.exec(asIs);
  const item = reference?.[2] ?? reference?.[3];
  const clause = reference ? `第${reference[1]}条${item ? `（${item}）` : ""}` : "";
  const question = reference ? asIs.replace(reference[0], " ") : asIs;
  // 「when」 inside a sentence joins clauses (「does Zibo pay when our staff obtain …」); only opening one does it ask for a date.
  const asked = question.replace(/(^|[.?!]\s*)when\b/gi, "$1WHEN").replace(/\bwhen\b/g, " ").replace(/WHEN/g, "when");
  // 「the number of existing IP service agencies」: a modifier that only says the things are there now stands
  // between the words of a glossary phrase (number of … agencies) and adds nothing the texts distinguish.
  let rest = ` ${asked.toLowerCase().replace(NOW_MODIFIERS, " ").replace(/[^a-z0-9]+/g, " ")} `;
  const found: { at: number; zh: string }[] = [];
  const terms: { en: string; zh: string }[] = [];
  const synonyms = new Set<string>();
  for (const { needle, zh, forms, term } of glossaryNeedles()) {
    let at = rest.indexOf(needle);
    while (at >= 0) {
      found.push({ at, zh });
      if (term) terms.push({ en: needle.trim(), zh });
      for (const f of forms) synonyms.add(f);
      rest = rest.slice(0, at) + " ".repeat(needle.length - 1) + rest.slice(at + needle.length - 1);
      at = rest.indexOf(needle);
    }
  }
  const figures = question.match(/\d+(?:[.,]\d+)?/g) ?? [];
  const words = question.toLowerCase().match(/[a-z]+/g) ?? [];
  // Bounds (minimum, maximum, top) say which figure is wanted, as 至少/最多 do in Chinese: not content.
  const contentWords = words.filter((w) => w.length >= 3 && !isStopword(w) && !BOUND_WORDS.test(w));
  const { stems } = englishVocabulary();
  const unknownWords = contentWords.filter((w) => !stems.has(stem(w)));
  // Chinese the asker quotes (「'patent zero-clearing' (专利清零)」) is the surest reading of all.
  const quoted = question.match(/[\u4e00-\u9fff]{2,}/gu) ?? [];
  const chinese = clause + [...found.sort((a, b) => a.at - b.at).map((f) => f.zh), ...quoted, ...figures].join("");
  // The tagger (~0.6 ms) is asked only when some word is unknown — a question the texts fully know needs no
  // weights — and only when the weights are read: an instruction or another place is refused before.
  let parts: EnglishParts | undefined;
  const tagged = (): EnglishParts => (parts ??= unknownWords.length > 0 ? englishParts(question) : { nouns: new Set<string>(), askedPhrase: [] });
  let unknownFocus: string[] | undefined;
  let unknownNouns: string[] | undefined;
  return {
    chinese,
    synonyms: [...synonyms],
    unknownWords,
    terms,
    get unknownNouns() {
      return (unknownNouns ??= unknownWords.filter((w) => tagged().nouns.has(w)));
    },
    contentWords,
    get unknownFocus() {
      // The asked-for thing by grammar (englishAskFocus) and by the tags (「What's the submission deadline」).
      const askedFor = () => [...englishAskFocus(question), ...tagged().askedPhrase].filter((w) => !ATTRIBUTE_WORDS.test(w) && !UNIT_WORDS.test(w) && !BOUND_WORDS.test(w));
      return (unknownFocus ??= [...new Set(askedFor())].filter((w) => unknownWords.includes(w)));
    },
    otherPlace: OTHER_PLACES.test(question) && !OUR_PLACES.test(question),
    clause: reference ? { article: Number(reference[1]), item: item === undefined ? undefined : Number(item) } : undefined,
  };
}

/** What an English refusal says first, by reason (the Chinese leads are in answer-texts.ts). */
export const ENGLISH_REFUSAL_LEAD: Partial<Record<RefusalReason, string>> = {
  injection: "I answer only from the two policy texts, and I do not follow instructions in a message to change these rules, play another role or reveal internal settings.",
  "other-place": "I only know the Zhejiang and Zibo policies, not the rules of other places.",
};

/** What the assistant answers, said after an English refusal's lead. */
export const ENGLISH_SCOPE_HELP =
  "I answer questions on the Zhejiang provincial measures (2018) and the Zibo municipal construction plan (2020, trial) for IP service industry agglomeration demonstration zones: conditions, application procedure and materials, assessment, and Zibo's Article 9 support for IP service agencies. For example: \"What are the conditions for a Zhejiang demonstration zone?\"";

export const ENGLISH_REFUSAL = `Sorry, the two policies I know do not cover this. ${ENGLISH_SCOPE_HELP}`;

/**
 * How much of an English question the texts do not speak to: its content
 * words nobody here knows over all its content words, where the words of the
 * asked-for thing weigh in full and other unknown words (verbs and qualifiers:
 * explain, receive, compare, enough) half — as in Chinese, where nouns the
 * texts never use keep their weight and common verbs weigh little.
 */
export function englishUnknownShare(reading: EnglishReading): number {
  // No content word at all (「How much is it?」 after a question on pledge loans): nothing unknown either;
  // the Chinese reading decides, as a follow-up or as no question.
  if (reading.contentWords.length === 0) return 0;
  const weight = (w: string): number => (reading.unknownFocus.includes(w) || reading.unknownNouns.includes(w) ? 1 : UNKNOWN_NON_FOCUS_WEIGHT);
  const unknown = reading.unknownWords.reduce((n, w) => n + weight(w), 0);
  // Our places say where, not what about (as 浙江/淄博 are no topic words in Chinese): a question naming
  // Zibo is no more on topic for it. Only places (「And in Zhejiang?」) is a follow-up's, with nothing unknown.
  const known = reading.contentWords.filter((w) => !reading.unknownWords.includes(w) && !OUR_PLACES.test(w)).length;
  return known + unknown === 0 ? 0 : unknown / (known + unknown);
}
const UNKNOWN_NON_FOCUS_WEIGHT = 0.5;
