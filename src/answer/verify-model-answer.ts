/**
 * Checks a chat model's answer before anyone sees it. It passes only when
 *
 * - no passage delimiter (<资料> …) appears in it, and no line of the
 *   instructions it was given, word for word, reworded or translated into
 *   English (a leaked prompt);
 * - it is written in the question's language (quotations of the Chinese
 *   text do not count towards the language of an English answer);
 * - it cites at least one piece, and every id it cites is a piece it was
 *   given (or that piece's article, or a clause a rule result rests on);
 * - every amount, count, date and percentage in it occurs in the passages or
 *   rule results it was given, compared by value (figures-in-text.ts), so
 *   「二十万元」 is supported by 「20万元」 and 「30万元」 is not;
 * - every longer 「quotation」 is text of those passages.
 *
 * The first problem found is returned; the answerer then sends the offline
 * answer and says why (model-fallback-note.ts).
 */
import { articleOf, normalizeCitation, parseCitation } from "../knowledge/citation.ts";
import { figuresIn, supportedKeys, type Figure } from "./figures-in-text.ts";
import { DELIMITER_NAMES, type AnswerLanguage } from "./llm-prompt.ts";

export type AnswerProblem =
  | { kind: "delimiter"; text: string }
  | { kind: "prompt-leak"; text: string }
  | { kind: "language"; expected: AnswerLanguage }
  | { kind: "no-citation" }
  | { kind: "citation"; id: string }
  | { kind: "figure"; figure: Figure }
  | { kind: "quote"; text: string };

export interface VerifyInput {
  /** the ANSWER field as the model wrote it */
  answer: string;
  /** the CITATIONS field */
  citations: readonly string[];
  language: AnswerLanguage;
  /** ids of the pieces handed to the model and of the clauses its rule results rest on */
  givenIds: readonly string[];
  /** the texts handed to the model as data (promptSources) */
  sources: readonly string[];
  /** the instructions it was given (system prompt, the user message's closing line), and their English rendering */
  instructions: readonly string[];
  question: string;
}

export type Verdict = { ok: true; cited: string[] } | { ok: false; problem: AnswerProblem };

/** How long a run of the instructions must be to count as leaked (normalised characters). */
const LEAK_WINDOW = 16;
const LETTERS_PER_HAN = 3;
/**
 * A reworded or translated line: at least this many of the line's own words,
 * and at least this share of them, recur in the answer. A grounded answer
 * shares a word or two with a rule (「出处」「date」), never most of one.
 */
const MIN_OWN_WORDS = 5;
const PARAPHRASE_SHARE = 0.4;
/**
 * A translated prompt: this many English words of the instructions' own
 * recur in the answer, over all lines together. The offline English answers
 * to five question sets, checked as if a model had written them, share at most
 * 8 (「Chinese」「original」「whether」…); whole-prompt translations share 27–30.
 */
const MIN_TRANSLATED_WORDS = 14;
/** Shorter quotations are terms (「托管」), not claims about the wording. */
const MIN_CHECKED_QUOTE = 8;

const CITATION_ID = /[a-z]{2}\d{4}:(?:\d+(?:\.\d+)?|preamble)/gi;
const DELIMITER = new RegExp(`<\\s*/?\\s*(?:${DELIMITER_NAMES.join("|")})\\s*>`);
const QUOTE = /「([^」]*)」/g;

/** For comparing wording: no spaces, no punctuation or symbols, lower case. */
const bare = (text: string): string => text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, "");

export function answerLanguage(text: string): AnswerLanguage {
  const prose = text
    .replace(/「[^」]*」|“[^”]*”|《[^》]*》|【[^】]*】/g, " ")
    .replace(CITATION_ID, " ");
  const latin = (prose.match(/[A-Za-z]/g) ?? []).length;
  const han = (prose.match(/[\u3400-\u9fff]/g) ?? []).length;
  // Chinese carries about three letters' worth per character; an English answer has few outside quotations.
  return latin >= 2 * han && latin > 0 ? "en" : "zh";
}

export function citedIds(answer: string, listed: readonly string[]): string[] {
  const inline = answer.match(CITATION_ID) ?? [];
  return [...new Set([...inline, ...listed].map((id) => normalizeCitation(id.toLowerCase())))];
}

function isGiven(id: string, given: readonly string[]): boolean {
  if (!parseCitation(id)) return false;
  const ids = new Set(given.map(normalizeCitation));
  const articles = new Set(given.map((g) => articleOf(normalizeCitation(g))));
  return ids.has(id) || (!id.includes(".") && articles.has(id));
}

/** English words that carry no instruction of their own. */
const FUNCTION_WORDS = new Set(
  "a an the of in on at to for from by with as and or but if then than that this these those it its is are be been was were do does not no any all you your yourself we our they them their there here which what when who how only also such".split(" "),
);

/**
 * The words of a text that a paraphrase or translation keeps: Chinese as
 * character pairs (「编造」「出处」), English as lower-case stems without
 * function words (「invents」「invented」 → 「invent」).
 */
function wordsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(/[\u3400-\u9fff]+/g) ?? []) for (let i = 0; i + 2 <= run.length; i++) out.add(run.slice(i, i + 2));
  for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    if (w.length < 2 || FUNCTION_WORDS.has(w)) continue;
    out.add(w.length > 4 ? w.replace(/(?:ing|ed|es|s)$/, "") : w);
  }
  return out;
}

/**
 * A line of the instructions is leaked when the answer repeats a run of it
 * word for word, or, reworded or translated, most of the words that are the
 * line's own: those the passages and the question do not use (「编造」
 * 「square brackets」, not 「示范区」 or 「Zibo」). Every line is held in both
 * languages (SYSTEM_PROMPT and SYSTEM_PROMPT_ENGLISH), so an English rendering
 * of the Chinese prompt is recognised as well as the Chinese.
 */
function leakedInstruction(answer: string, instructions: readonly string[], allowed: string, allowedWords: ReadonlySet<string>): string | undefined {
  const said = bare(answer);
  const saidWords = wordsOf(answer.replace(CITATION_ID, " "));
  for (const text of instructions) {
    // A translation spreads over many lines, each reworded: count the English words of all of them together.
    const repeatedEnglish = new Set<string>();
    for (const line of text.split("\n")) {
      const b = bare(line);
      // A Chinese character says about as much as three letters: 「the Chinese original」 is no leak.
      const window = answerLanguage(line) === "en" ? LETTERS_PER_HAN * LEAK_WINDOW : LEAK_WINDOW;
      for (let i = 0; i + window <= b.length; i++) {
        const run = b.slice(i, i + window);
        if (said.includes(run) && !allowed.includes(run)) return line.trim();
      }
      const own = [...wordsOf(line)].filter((w) => !allowedWords.has(w));
      if (own.length < MIN_OWN_WORDS) continue;
      const repeated = own.filter((w) => saidWords.has(w));
      if (repeated.length >= MIN_OWN_WORDS && repeated.length >= PARAPHRASE_SHARE * own.length) return line.trim();
      for (const w of repeated) if (/^[a-z]/.test(w)) repeatedEnglish.add(w);
    }
    if (repeatedEnglish.size >= MIN_TRANSLATED_WORDS) return text.split("\n")[0]!.trim();
  }
  return undefined;
}

export function verifyModelAnswer(input: VerifyInput): Verdict {
  const { answer } = input;
  const delimiter = DELIMITER.exec(answer);
  if (delimiter) return { ok: false, problem: { kind: "delimiter", text: delimiter[0] } };

  const given = [...input.sources, input.question].join("\n");
  const leak = leakedInstruction(answer, input.instructions, bare(given), wordsOf(given));
  if (leak) return { ok: false, problem: { kind: "prompt-leak", text: leak } };

  if (answerLanguage(answer) !== input.language) return { ok: false, problem: { kind: "language", expected: input.language } };

  const cited = citedIds(answer, input.citations);
  if (cited.length === 0) return { ok: false, problem: { kind: "no-citation" } };
  const foreign = cited.find((id) => !isGiven(id, input.givenIds));
  if (foreign) return { ok: false, problem: { kind: "citation", id: foreign } };

  const supported = supportedKeys(input.sources);
  const unsupported = figuresIn(answer).find((f) => !supported.has(f.key));
  if (unsupported) return { ok: false, problem: { kind: "figure", figure: unsupported } };

  const quotable = bare([...input.sources, input.question].join("\n"));
  for (const m of answer.matchAll(QUOTE)) {
    for (const part of m[1]!.split(/…+|\.{3,}/)) {
      const b = bare(part);
      if (b.length >= MIN_CHECKED_QUOTE && !quotable.includes(b)) return { ok: false, problem: { kind: "quote", text: part.trim() } };
    }
  }
  return { ok: true, cited };
}
