/**
 * The English reply: a conclusion that answers what was asked (the figure with
 * its unit, Yes/No, the whole list, who/when/where; each side of a
 * comparison; the asker's own numbers worked out by the rules), then each
 * clause in the original Chinese with its citation and its unofficial English
 * rendering. The conclusion is read off the renderings of the clauses the
 * Chinese answer cites — never written freely.
 */
import { formatCitation } from "../knowledge/citation.ts";
import { englishOf, loadEnglishRenderings } from "../knowledge/load-english.ts";
import type { PolicyPiece } from "../knowledge/policy-piece.types.ts";
import type { Jurisdiction } from "../rules/index.ts";
import { JURISDICTION_OF, POLICY_OF } from "./detect-jurisdiction.ts";
import { englishCitation, englishClause, englishTrialNotes } from "./english-citation.ts";
import { conditionsArticle } from "./listed-conditions.ts";
import type { EnglishOwnNumbers } from "./english-own-numbers.ts";
import { STOPWORDS, stem } from "./english-question.ts";
import { englishComparative, type EnglishComparative } from "./english-comparative.ts";
import { largerSide, type Measure } from "./which-side-more.ts";
import { itemsOfArticle } from "../knowledge/article-items.ts";

export interface EnglishAnswerInput {
  question: string;
  /** what the Chinese answer cites, the clause its conclusion rests on first */
  citations: readonly string[];
  /** the jurisdictions the Chinese answer speaks for */
  answered: readonly Jurisdiction[];
  /** the jurisdictions the question names, in the order it names them */
  named: readonly Jurisdiction[];
  /** what retrieval ranked, best first */
  retrieved?: readonly string[];
  pieces: readonly PolicyPiece[];
  ownNumbers?: EnglishOwnNumbers;
  /** other English forms of the glossary terms the question used (「fails」 → unqualified) */
  synonyms?: readonly string[];
}

/** What kind of answer the question asks for, read off its grammar. */
export type EnglishAsk = "figure" | "date" | "period" | "who" | "where" | "consequence" | "list" | "statement";

export function englishAskKind(question: string): EnglishAsk {
  const q = question.toLowerCase();
  // 「What higher-level documents is the scheme based on?」 asks what it rests on — the documents one clause names, not a list of items.
  if (/\bbased on\b|\b(legal )?basis\b|\brests? on\b|\bderived from\b/.test(q)) return "statement";
  // 「What materials must be submitted when applying」: the noun asked for decides, not a later 「when」.
  if (/\b(what|which)\s+(documents|materials|steps|conditions|requirements|criteria|contents|paperwork)\b|^\s*list\b/.test(q)) return "list";
  if (/\bhow (much|many|large|big)\b|\b(maximum|minimum|top|amount|at least|at most|up to|how many more)\b/.test(q)) return "figure";
  if (/\bhow (often|long)\b|\bfor how long\b|\btrial\b/.test(q)) return "period";
  if (/\bwhen\b|\bwhat date\b|\bwhich date\b/.test(q)) return "date";
  if (/\bwho\b|\bwhich (office|body|department|authority|organisation|organization|bureau|agency)\b/.test(q)) return "who";
  if (/\bwhere\b/.test(q)) return "where";
  if (/\bwhat happens\b|\bwhat will happen\b|\bconsequences?\b/.test(q)) return "consequence";
  if (/\b(list|steps|documents|materials|paperwork|conditions|requirements|criteria|contents)\b|\bwhat (is|are) (checked|assessed|examined|evaluated|covered)\b|\bwhat goes into\b/.test(q)) return "list";
  return "statement";
}

/**
 * A question answered by yes or no: its question sentence opens with an
 * auxiliary verb (「Our area is 800 m². Is that enough?」 — the situation may come first).
 */
export function isYesNoQuestion(question: string): boolean {
  const sentences = question.split(/(?<=[.?!])\s+/).filter((s) => s.trim());
  const asked = sentences.filter((s) => s.trim().endsWith("?"));
  return (asked.length > 0 ? asked : sentences.slice(-1)).some((s) => /^\s*(is|are|does|do|can|could|may|must|will|would|should|has|have|did|was|were)\b/i.test(s) && !asksAlternative(s));
}

/**
 * 「Is it a city-level or a provincial-level designation?」 asks which of two of a kind (the same head,
 * -level), not yes or no; 「Can agencies get vouchers or cash?」 stays a yes/no question.
 */
function asksAlternative(sentence: string): boolean {
  const m = /\b([a-z]+(?:-[a-z]+)*)\s+or\s+(?:an?\s+|the\s+)?([a-z]+(?:-[a-z]+)*)\b/i.exec(sentence);
  if (!m || /^not$/i.test(m[2]!)) return false;
  const head = (w: string): string => w.toLowerCase().split("-").at(-1)!;
  return m[1]!.includes("-") && head(m[1]!) === head(m[2]!);
}

const EN_NUMBER: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };

/** Periods in months, as English states them: every year / annually / once a year 12, every two years 24. */
export function englishPeriodsIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.toLowerCase().matchAll(/\b(?:every|each|once a|once an?|per)\s+(?:(\d+|one|two|three|four|five|six)\s+)?(year|month)s?\b|\b(annually|yearly|monthly)\b/g)) {
    if (m[3]) out.push(m[3] === "monthly" ? 1 : 12);
    else {
      const n = m[1] === undefined ? 1 : /^\d+$/.test(m[1]) ? Number(m[1]) : EN_NUMBER[m[1]]!;
      out.push(n * (m[2] === "year" ? 12 : 1));
    }
  }
  return out;
}

/** What shows that a sentence of a rendering states the kind of answer asked for. */
const KIND_SHAPES: Readonly<Record<EnglishAsk, RegExp | undefined>> = {
  figure: /\b(CNY|RMB)\s?[\d,]+|\b\d[\d,]*\s+(IP|square|invention|patent|grants?|agencies|service)|\bat least \d|\bmore than \d/,
  date: /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/,
  period: /\bonce\b|\bevery\b|\btrial period\b|\bone year\b/,
  who: /\b(Office|Center|Centre|authorit(y|ies)|Administration)\b/,
  where: /\b(located|around|applies to|recommends|submits)\b/,
  consequence: /\b(revoked|removed|rectify|keep)\b/,
  list: undefined,
  statement: undefined,
};
const KIND_BONUS = 4;
const RANK_PENALTY = 0.3;
/** Above this length a sentence's semicolon clauses are read one by one. */
const LONG_SENTENCE = 120;

/** Place names choose the text (retrieval does that), not the sentence within it. */
const PLACES = new Set(["zhejiang", "zibo", "hangzhou", "ningbo", "wenzhou"]);
const wordsOf = (text: string): string[] => (text.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => !STOPWORDS.has(w) && !PLACES.has(w)).map(stem);
/** The leading label of a rendering (「Article 9.」「(2)」「Step 3:」「Article 7 (application procedure), step 1:」). */
const stripLabel = (s: string): string =>
  s
    .replace(/^Article \d+(?: \([^)]*\))?(?:,? (?:step|item|closing sentence) ?\d*)?[.:]?\s*/i, "")
    .replace(/^(Preamble\.|Step \d+:|Item \d+:)\s*/, "")
    .replace(/^\(\d+\)\s*/, "")
    .trim();

function sentencesOf(text: string): string[] {
  return stripLabel(text)
    .split(/(?<=\.)\s+(?=[A-Z(])/)
    // A consequence in stages (「…rectify within a time limit; if still unqualified, … revoked」) is one answer.
    .flatMap((s) => (s.length > LONG_SENTENCE ? s.split(/(?<=;)\s+(?!if still\b)/) : [s]))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** How many sentences of the renderings use a word: 「zone」 is everywhere and tells little, 「attorney」 a lot. */
let documentFrequency: { df: Map<string, number>; n: number } | undefined;
function documentFrequencies(): { df: Map<string, number>; n: number } {
  if (!documentFrequency) {
    const df = new Map<string, number>();
    let n = 0;
    for (const r of loadEnglishRenderings().values()) {
      for (const text of Object.values(r.pieces)) {
        for (const s of sentencesOf(text)) {
          n++;
          for (const w of new Set(wordsOf(s))) df.set(w, (df.get(w) ?? 0) + 1);
        }
      }
    }
    documentFrequency = { df, n };
  }
  return documentFrequency;
}
function idf(word: string): number {
  const { df, n } = documentFrequencies();
  return Math.log((n + 1) / ((df.get(word) ?? 0) + 1));
}

interface Candidate {
  id: string;
  sentence: string;
  score: number;
  /**
   * carries a share (YES_SHARE) of the weight of the question's words that few sentences use, and at least
   * one of them: it speaks of what was asked, not just of zones or of one word the question shares with it
   */
  rare: boolean;
}
const SYNONYM_WEIGHT = 0.6;
/** A word in fewer than about one sentence in eight (ln 8 ≈ 2.1). */
const RARE_IDF = 2;
/**
 * The share of the question's rare-word weight a sentence carries before 「Yes」 is said over it. Half (as
 * yes-no-ask.ts asks in Chinese) dropped correct verdicts whose sentence words the rest otherwise
 * (「put … forward」 ← 「recommendations」); one shared word said 「Yes」 over unrelated sentences.
 */
const YES_SHARE = 1 / 3;

/** The sentence of the cited renderings that best answers the question. */
function bestSentence(ids: readonly string[], question: string, kind: EnglishAsk, synonyms: readonly string[] = []): Candidate | undefined {
  const own = new Set(wordsOf(question));
  // A synonym from the glossary counts, less than the question's own word.
  const weightOf = (w: string): number => (own.has(w) ? 1 : SYNONYM_WEIGHT);
  const asked = new Set([...own, ...wordsOf(synonyms.join(" "))]);
  const shape = KIND_SHAPES[kind];
  // The question's own rare words the renderings use at all: what a sentence must carry a share of to say 「Yes」.
  // A glossary synonym the sentence uses instead (「low-price competition」 for 「price undercutting」) carries
  // its share, as it does in the score.
  const { df } = documentFrequencies();
  const rareWeight = (words: Iterable<string>): number => [...words].filter((w) => df.has(w) && idf(w) >= RARE_IDF).reduce((n, w) => n + idf(w) * weightOf(w), 0);
  const askedRare = rareWeight(own);
  let best: Candidate | undefined;
  ids.forEach((id, rank) => {
    const text = englishOf(id);
    if (!text) return;
    for (const sentence of sentencesOf(text)) {
      const present = new Set(wordsOf(sentence).filter((w) => asked.has(w)));
      let score = [...present].reduce((n, w) => n + idf(w) * weightOf(w), 0) - rank * RANK_PENALTY;
      if (shape?.test(sentence)) score += KIND_BONUS;
      const carried = rareWeight(present);
      const rare = carried > 0 && carried >= askedRare * YES_SHARE;
      if (!best || score > best.score) best = { id, sentence, score, rare };
    }
  });
  return best;
}

const HAS_FIGURE = /\d/;

/**
 * A figure asked of a sentence that lists several requirements after a colon
 * (「…a certain scale: at least 20 IP service agencies already present, a core
 * area of no less than 1,000 square metres, and …」) or two amounts joined by
 * 「, and」 (「… up to CNY 10,000 for each pledge loan …, and up to CNY 100,000
 * for each IP securitisation completed」) is answered by the part that carries
 * a figure and more of the question's rare words than any other part; when
 * no part stands out the sentence stays whole.
 */
function figurePart(sentence: string, question: string): string {
  const colon = sentence.indexOf(": ");
  const parts = colon >= 0 ? sentence.slice(colon + 2).split(/,\s+(?:and\s+)?/) : sentence.split(/,\s+and\s+/);
  if (parts.length < 2) return sentence;
  const asked = new Set(wordsOf(question));
  const scored = parts
    .filter((p) => HAS_FIGURE.test(p))
    .map((p) => ({ p, score: [...new Set(wordsOf(p))].filter((w) => asked.has(w)).reduce((n, w) => n + idf(w), 0) }))
    .sort((x, y) => y.score - x.score);
  const [top, next] = scored;
  if (!top || top.score === 0 || (next && next.score >= top.score)) return sentence;
  return top.p.replace(/[.;]$/, "");
}

const sentenceCase = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** After 「Yes — 」 a sentence goes on in lower case, unless it opens with a name (IP, Zibo). */
const afterLead = (lead: string, statement: string): string => (lead && /^[A-Z](?:[a-z]|\s)/.test(statement) && !/^(Zibo|Zhejiang)\b/.test(statement) ? `${lead}${statement.charAt(0).toLowerCase()}${statement.slice(1)}` : `${lead}${statement}`);
const asStatement = (c: Candidate): string => `${sentenceCase(c.sentence.replace(/[;:,]$/, ".").replace(/([^.])$/, "$1."))} (${englishCitation(c.id)})`;

/** How many of the best retrieved pieces a list question looks through for an article with items. */
const LIST_WINDOW = 3;

/**
 * The items of the first article with items among the cited clauses, then the
 * best retrieved ones (「What is checked in the assessment?」 may cite the
 * article on how often, and retrieve the one listing the contents next): a
 * list question gets all of them, in order.
 */
function listAnswered(citations: readonly string[], retrieved: readonly string[], pieces: readonly PolicyPiece[]): PolicyPiece[] {
  const withItems = [...citations, ...retrieved.slice(0, LIST_WINDOW)].find((id) => itemsOfArticle(pieces, id).length > 0);
  return withItems ? itemsOfArticle(pieces, withItems) : [];
}

/** An item of a list, whole: a cut item would leave out part of what is required. */
const itemText = (id: string): string => stripLabel(englishOf(id) ?? "").replace(/[;.]$/, "");

/** 「(2) … twice」 asked of a clause that allows it once: the text's limit answers no. */
const ASKS_REPETITION = /\b(twice|again|more than once|repeat\w*|second time|both)\b/i;
const LIMITS_TO_ONCE = /\bonly once\b|\bnot repeated\b/i;

const SIDE_LABEL: Readonly<Record<string, string>> = { zhejiang: "Zhejiang (provincial)", zibo: "Zibo (municipal)" };
const NO_PROVISION: Readonly<Record<string, string>> = {
  zhejiang: "the Zhejiang Measures (2018) have no such provision",
  zibo: "the Zibo Construction Plan (2020, trial) has no such provision",
};
const sideLabel = (j: Jurisdiction): string => SIDE_LABEL[j] ?? j;
export const englishNoProvision = (j: Jurisdiction): string => NO_PROVISION[j] ?? `the ${j} text has no such provision`;

/**
 * The lead of a reply to a question about one side on what only the other side's text provides
 * (「Is there an area requirement in Zibo?」): that side has none, then the other's answer is marked as
 * for reference and not applying (the English twin of `otherSideText`).
 */
export function englishOtherSideLead(asked: Jurisdiction, other: Jurisdiction, yesNo: boolean): string {
  const none = englishNoProvision(asked);
  return `${yesNo ? `No — ${none}` : none.charAt(0).toUpperCase() + none.slice(1)}.\n\nFor reference only — what the ${sideLabel(other)} text says (it does not apply to ${sideLabel(asked)} zones):`;
}

/** Whether a text still applies: 「still valid」「still in force」「expired」. */
const STILL_VALID = /\b(still|currently|now)\b[^?.]*\b(valid|in force|in effect|apply|applies|applicable|effective|used)\b|\b(expired?|expiry|lapsed?|no longer)\b/i;

function conclusionLines(input: EnglishAnswerInput, kind: EnglishAsk): { lines: string[]; restsOn: string[] } {
  const { question, citations, pieces } = input;
  const yesNo = isYesNoQuestion(question);
  if (input.ownNumbers && input.ownNumbers.lines.length > 0) return { lines: input.ownNumbers.lines, restsOn: input.ownNumbers.clauses };

  const polarity = (c: Candidate | undefined): string => {
    // 「Yes」 only over a sentence that speaks of what was asked; otherwise the clause is given without a verdict.
    if (!yesNo || !c || !c.rare) return "";
    // 「Is the Zibo plan still valid?」: when a text took effect does not settle whether it still applies
    // (its trial period may have run out); the note after the answer says what to confirm.
    if (STILL_VALID.test(question)) return "";
    if (ASKS_REPETITION.test(question) && LIMITS_TO_ONCE.test(c.sentence)) return "No — ";
    // 「Is the assessment every year?」 over 「once every two years」: another period than the one asked.
    const asked = englishPeriodsIn(question);
    const stated = englishPeriodsIn(c.sentence);
    return asked.length > 0 && stated.length > 0 && !asked.some((p) => stated.includes(p)) ? "No — " : "Yes — ";
  };

  // A comparison: one labelled line per jurisdiction named, the one without such a provision saying so.
  if (input.named.length > 1) {
    const lines: string[] = [];
    const restsOn: string[] = [];
    // 「Does Zibo require more agencies than Zhejiang?」: no side's clause says yes or no to it alone.
    const comparative = englishComparative(question, yesNo);
    input.named.forEach((j, i) => {
      const own = citations.filter((id) => JURISDICTION_OF[id.split(":")[0] as keyof typeof JURISDICTION_OF] === j);
      const found = input.answered.includes(j) ? bestSentence(own, question, kind, input.synonyms) : undefined;
      const best = found && kind === "figure" ? { ...found, sentence: figurePart(found.sentence, question) } : found;
      // A yes/no comparison is about the side named first (「Does Zhejiang … like Zibo does?」),
      // unless it asks of both (「… in both places?」「Do … both require …?」).
      const asksBoth = /\bboth\b/i.test(question);
      const lead = yesNo && !comparative && (i === 0 || asksBoth) ? (best ? polarity(best) : "No — ") : "";
      // The side whose list of conditions the Chinese reply cites as having no such item (listed-conditions.ts) says so.
      const list = best ? undefined : conditionsArticle(pieces, POLICY_OF[j]);
      const among = list && citations.includes(list.id) ? `: its conditions (${englishClause(list.id)}) include no such requirement` : "";
      lines.push(`${sideLabel(j)}: ${afterLead(lead, best ? asStatement(best) : `${englishNoProvision(j)}${among}.`)}`);
      if (best) restsOn.push(best.id);
    });
    const verdict = comparative && restsOn.length === 2 ? comparativeLead(comparative, input.named, restsOn, pieces) : undefined;
    return { lines: verdict ? [verdict, ...lines] : lines, restsOn };
  }
  // A question for a list gets the whole list: every item of the article, in order.
  if (kind === "list") {
    const items = listAnswered(citations, input.retrieved ?? [], pieces);
    if (items.length >= 2) {
      const article = `${items[0]!.doc}:${items[0]!.article}`;
      return {
        lines: [`There are ${items.length}: ${items.map((p, i) => `(${i + 1}) ${itemText(p.id)}`).join("; ")}. (${englishCitation(article)})`],
        restsOn: items.map((p) => p.id),
      };
    }
  }
  const found = bestSentence(citations, question, kind, input.synonyms);
  if (!found) return { lines: ["The texts say the following."], restsOn: [] };
  const best = kind === "figure" ? { ...found, sentence: figurePart(found.sentence, question) } : found;
  return { lines: [afterLead(polarity(best), asStatement(best))], restsOn: [best.id] };
}

/** How a figure compared reads in English: a period in years, other figures as numbers. */
const figureText = (m: Measure): string => (m.unit === "period" ? (m.value === 12 ? "every year" : `every ${m.value / 12} years`) : m.value.toLocaleString("en-US"));

/**
 * 「Zhejiang (provincial) has the larger figure: 20 against 2.」 read off the two sides' cited clauses (which-side-more.ts),
 * with 「Yes — 」/「No — 」 first for a 「than」 question about the side named first; undefined when they state no figure to compare.
 */
function comparativeLead(ask: EnglishComparative, named: readonly Jurisdiction[], restsOn: readonly string[], pieces: readonly PolicyPiece[]): string | undefined {
  const texts = restsOn.map((id) => pieces.find((p) => p.id === id)?.text ?? "") as [string, string];
  const found = largerSide(texts, ask.larger);
  if (!found) return undefined;
  const answer = ask.yesNo ? (found.index === 0 ? "Yes — " : "No — ") : "";
  if (found.index === undefined) return `${answer}${answer ? "both" : "Both"} state the same: ${figureText(found.won)}.`;
  const side = sideLabel(named[found.index]!);
  // A shorter period is more often (「once a year」 against 「every two years」).
  const says = ask.periodic ? `does it ${ask.larger ? "less" : "more"} often` : `has the ${ask.larger ? "larger" : "smaller"} figure`;
  return `${answer}${answer ? side : side.charAt(0).toUpperCase() + side.slice(1)} ${says}: ${figureText(found.won)} against ${figureText(found.lost)}.`;
}

/** The first line of an English answer's notes. */
export const ENGLISH_RENDERING_NOTE = "The English renderings are unofficial; the Chinese original is authoritative.";

const MAX_QUOTES = 4;
const MAX_QUOTES_PER_SIDE = 3;

export function composeEnglishAnswer(input: EnglishAnswerInput): string {
  const kind = englishAskKind(input.question);
  const { lines: conclusion, restsOn } = conclusionLines(input, kind);
  const known = (id: string): boolean => input.pieces.some((p) => p.id === id);
  const ordered = [...new Set([...restsOn, ...input.citations])].filter(known);
  let quoted: string[];
  if (input.named.length > 1) {
    quoted = input.named.flatMap((j) => ordered.filter((id) => id.startsWith(`${POLICY_OF[j]}:`)).slice(0, MAX_QUOTES_PER_SIDE));
  } else {
    // A list is quoted whole; otherwise the clauses the answer rests on first.
    quoted = ordered.slice(0, Math.max(MAX_QUOTES, restsOn.length));
  }
  const lines = [...conclusion, ""];
  for (const id of quoted) {
    const piece = input.pieces.find((p) => p.id === id)!;
    lines.push(`${englishCitation(id)} — ${formatCitation(id)}：「${piece.text.replace(/\n/g, "")}」`);
    const en = englishOf(id);
    if (en) lines.push(`English rendering (unofficial): ${en}`);
    lines.push("");
  }
  const notes = [ENGLISH_RENDERING_NOTE, ...englishTrialNotes(quoted)];
  return [...lines, ...notes].join("\n").trim();
}
