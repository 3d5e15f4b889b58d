/**
 * English questions. A question written in English is read into Chinese
 * search words through the bilingual glossary (knowledge/en/glossary.json),
 * answered from the same retrieval, and the reply is written in English: the
 * conclusion from the unofficial English rendering of the clause, then the
 * clause quoted in the original Chinese with its citation, then its English
 * rendering. English words that neither the glossary nor the renderings know
 * (weather, tomorrow …) count against the question as unknown Chinese words do.
 */
import { formatCitation, parseCitation } from "../knowledge/citation.ts";
import { englishOf, loadEnglishRenderings, loadGlossary } from "../knowledge/load-english.ts";
import { isPolicyId, policyNames } from "../knowledge/jurisdictions.ts";
import { trialYears } from "../rules/policy-dates.ts";
import { citedTrials } from "./answer-texts.ts";
import { todayInChina } from "../rules/today.ts";
import type { PolicyPiece } from "../knowledge/policy-piece.types.ts";

const LATIN = /[A-Za-z]/g;
const HAN = /[\u3400-\u9fff]/g;

/** Written in English: Latin letters outnumber Chinese characters two to one, and there are a few words. */
export function isEnglishQuestion(text: string): boolean {
  const latin = (text.match(LATIN) ?? []).length;
  const han = (text.match(HAN) ?? []).length;
  return latin >= 6 && latin >= 2 * han;
}

const STOPWORDS = new Set(
  ("a an the of for to in on at by and or is are was were be been do does did can could will would should shall may might must " +
    "i we you he she it they my our your their me us them this that these those what which who whom when where why how " +
    "much many there here with from as about into any some all each per if not no yes get gets got give gives given need needs " +
    "have has had than then so also only just please tell know want like one two").split(" "),
);

/** Places outside both policies, as people write them in English. */
const OTHER_PLACES =
  /\b(beijing|shanghai|tianjin|chongqing|guangdong|guangzhou|shenzhen|jiangsu|nanjing|suzhou|jinan|qingdao|wuhan|chengdu|hong kong|macau|taiwan|usa|united states|america|japan|europe|germany|uk|britain|korea)\b/i;
const OUR_PLACES = /\b(zhejiang|zibo|hangzhou|ningbo|wenzhou)\b/i;

const stem = (w: string): string => w.replace(/(ies)$/, "y").replace(/(?<=[a-z]{3})(es|s)$/, "");

/**
 * The thing an English question asks for, as ask-focus.ts reads Chinese: the
 * noun phrase of 「What is the X of …」「Which X …」, up to a preposition or
 * the end. Only grammar: question words, articles, prepositions.
 */
const ENGLISH_FOCUS = /\b(?:what|which)\s+(?:is|are|was|were)\s+(?:the\s+|a\s+|an\s+)?([a-z]+(?:\s+[a-z]+){0,3}?)\s*(?=\b(?:of|for|in|at|to|from|on|by|with|that|when|does|do|must|should|can)\b|[?.!]|$)/i;

/** Bounds and totals (as 至少/最多 in Chinese): they say which figure is wanted, not what it is of. */
const BOUND_WORDS = /^(minimum|maximum|most|least|highest|lowest|largest|smallest|total|exact|overall)$/;
/** Participles (required, submitted, remaining) qualify the thing; they do not name it. */
const PARTICIPLE = /(ed|ing)$/;

export function englishAskFocus(question: string): string[] {
  const phrase = ENGLISH_FOCUS.exec(question)?.[1];
  if (!phrase) return [];
  return phrase
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length >= 3 && !STOPWORDS.has(w) && !BOUND_WORDS.test(w) && !PARTICIPLE.test(w));
}

export interface EnglishReading {
  /** the Chinese search words the question was read into */
  chinese: string;
  /** content words nobody here knows (not in the glossary nor in the renderings) */
  unknownWords: string[];
  /** content words in all */
  contentWords: string[];
  /** words of the asked-for thing (englishAskFocus) nobody here knows: the texts cannot answer it */
  unknownFocus: string[];
  /** names a place outside both policies and neither of ours */
  otherPlace: boolean;
}

let knownStems: Set<string> | undefined;
function known(): Set<string> {
  if (!knownStems) {
    knownStems = new Set<string>();
    const add = (text: string): void => {
      for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) knownStems!.add(stem(w));
    };
    for (const r of loadEnglishRenderings().values()) {
      add(r.title);
      for (const t of Object.values(r.pieces)) add(t);
    }
    const g = loadGlossary();
    for (const e of [...g.terms, ...g.questionWords]) for (const en of e.en) add(en);
  }
  return knownStems;
}

export function readEnglishQuestion(question: string): EnglishReading {
  const g = loadGlossary();
  let rest = ` ${question.toLowerCase().replace(/[^a-z0-9]+/g, " ")} `;
  const found: { at: number; zh: string }[] = [];
  // Longest phrases first, so 「ip service agencies」 is read before 「agencies」.
  const entries = [...g.questionWords, ...g.terms]
    .flatMap((e) => e.en.map((en) => ({ en, zh: e.zh })))
    .sort((a, b) => b.en.length - a.en.length);
  for (const { en, zh } of entries) {
    const needle = ` ${en} `;
    let at = rest.indexOf(needle);
    while (at >= 0) {
      found.push({ at, zh });
      rest = rest.slice(0, at) + " ".repeat(needle.length - 1) + rest.slice(at + needle.length - 1);
      at = rest.indexOf(needle);
    }
  }
  const figures = question.match(/\d+(?:[.,]\d+)?/g) ?? [];
  const words = question.toLowerCase().match(/[a-z]+/g) ?? [];
  const contentWords = words.filter((w) => w.length >= 3 && !STOPWORDS.has(w));
  const vocabulary = known();
  const unknownWords = contentWords.filter((w) => !vocabulary.has(stem(w)));
  const chinese = [...found.sort((a, b) => a.at - b.at).map((f) => f.zh), ...figures].join("");
  const unknownFocus = englishAskFocus(question).filter((w) => unknownWords.includes(w));
  return { chinese, unknownWords, contentWords, unknownFocus, otherPlace: OTHER_PLACES.test(question) && !OUR_PLACES.test(question) };
}

const DOC_NAME: Record<string, string> = {
  zj2018: "Zhejiang Measures (2018)",
  zb2020: "Zibo Construction Plan (2020, trial)",
};
const ROMAN_ITEM = (n: number): string => `(${n})`;

/** 「Zibo Construction Plan (2020, trial), Article 9 (1)」 */
/** 「Article 17」, 「Article 9 (1)」, 「Preamble」: the clause of a citation id, without its document. */
function englishClause(id: string): string | undefined {
  const c = parseCitation(id);
  if (!c) return undefined;
  const article = c.article === 0 || id.endsWith(":preamble") ? "Preamble" : `Article ${c.article}`;
  return `${article}${c.item !== undefined ? ` ${ROMAN_ITEM(c.item)}` : ""}`;
}

/** A registered policy without an English name is named by its Chinese short name. */
const englishDocName = (doc: string): string => DOC_NAME[doc] ?? (isPolicyId(doc) ? policyNames(doc).shortName : doc);

export function englishCitation(id: string): string {
  const clause = englishClause(id);
  return clause ? `${englishDocName(parseCitation(id)!.doc)}, ${clause}` : id;
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.;:])\s+(?=[A-Z(])/).filter((s) => s.trim());
}

/** The sentence of the renderings that best answers the question (its words, and a figure when one is asked). */
function bestSentence(ids: readonly string[], question: string): { id: string; sentence: string } | undefined {
  const q = new Set((question.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => !STOPWORDS.has(w)).map(stem));
  const wantsFigure = /how (much|many|often|long|large|big)|when|amount/i.test(question);
  let best: { id: string; sentence: string; score: number } | undefined;
  ids.forEach((id, rank) => {
    const text = englishOf(id);
    if (!text) return;
    for (const s of sentencesOf(text)) {
      const words = (s.toLowerCase().match(/[a-z]+/g) ?? []).map(stem);
      let score = words.filter((w) => q.has(w)).length - rank * 0.5;
      if (wantsFigure && /\d/.test(s.replace(/^Article \d+\.?\s*/, ""))) score += 2;
      if (!best || score > best.score) best = { id, sentence: s, score };
    }
  });
  return best;
}

export const ENGLISH_REFUSAL =
  "Sorry, the two policies I know do not cover this. I answer questions on the Zhejiang provincial measures (2018) and the Zibo municipal construction plan (2020, trial) for IP service industry agglomeration demonstration zones: conditions, application procedure and materials, assessment, and Zibo's Article 9 support for IP service agencies. For example: \"What are the conditions for a Zhejiang demonstration zone?\"";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const YEAR_WORDS = ["", "one", "two", "three", "four", "five"];

/** 2020-08-25 → 「25 August 2020」. */
function englishDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/**
 * The English counterpart of the Chinese trial note (answer-texts.ts
 * `trialNotes`): for each cited policy with a trial end, its dates and clause
 * as the rule parameters in force on `today` give them, never written by hand.
 */
export function englishTrialNotes(citations: readonly string[], today: string = todayInChina()): string[] {
  return citedTrials(citations, today).map((v) => {
    const years = trialYears(v.effective, v.trialEnds);
    const trial = years ? `a ${YEAR_WORDS[years] ?? years}-year trial` : "a trial";
    return `Note: the ${englishDocName(v.policyId)} took effect on ${englishDate(v.effective)} for ${trial} ending on ${englishDate(v.trialEnds)} (${englishClause(v.trialClause)}); ask the issuing office (${policyNames(v.policyId).issuer}) whether it still applies.`;
  });
}

/**
 * The English reply over the pieces the Chinese answer cites: conclusion,
 * then each clause in Chinese with its citation and its English rendering.
 */
export function composeEnglishAnswer(question: string, citations: readonly string[], pieces: readonly PolicyPiece[]): string {
  const best = bestSentence(citations, question);
  const conclusion = best
    ? `${best.sentence.replace(/^(Article \d+\.?|Preamble\.?|Step \d+:|Item \d+:)\s*/, "").replace(/^\(\d+\)\s*/, "")} (${englishCitation(best.id)})`
    : "The texts say the following.";
  const lines = [conclusion, ""];
  const quoted = citations.filter((id) => pieces.some((p) => p.id === id)).slice(0, 4);
  for (const id of quoted) {
    const piece = pieces.find((p) => p.id === id)!;
    lines.push(`${englishCitation(id)} — ${formatCitation(id)}：「${piece.text.replace(/\n/g, "")}」`);
    const en = englishOf(id);
    if (en) lines.push(`English rendering (unofficial): ${en}`);
    lines.push("");
  }
  const notes = ["The English renderings are unofficial; the Chinese original is authoritative."];
  notes.push(...englishTrialNotes(quoted));
  return [...lines, ...notes].join("\n").trim();
}
