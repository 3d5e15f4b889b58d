/**
 * Checks a chat model's answer before anyone sees it. It passes only when
 *
 * - no passage delimiter (<资料> …) and no run of the instructions it was
 *   given appears in it (a leaked prompt);
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
  /** the instructions it was given (system prompt, the user message's closing line) */
  instructions: readonly string[];
  question: string;
}

export type Verdict = { ok: true; cited: string[] } | { ok: false; problem: AnswerProblem };

/** How long a run of the instructions must be to count as leaked (normalised characters). */
const LEAK_WINDOW = 16;
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

function leakedInstruction(answer: string, instructions: readonly string[], allowed: string): string | undefined {
  const said = bare(answer);
  for (const text of instructions) {
    for (const line of text.split("\n")) {
      const b = bare(line);
      for (let i = 0; i + LEAK_WINDOW <= b.length; i++) {
        const run = b.slice(i, i + LEAK_WINDOW);
        if (said.includes(run) && !allowed.includes(run)) return line.trim();
      }
    }
  }
  return undefined;
}

export function verifyModelAnswer(input: VerifyInput): Verdict {
  const { answer } = input;
  const delimiter = DELIMITER.exec(answer);
  if (delimiter) return { ok: false, problem: { kind: "delimiter", text: delimiter[0] } };

  const allowed = bare([...input.sources, input.question].join("\n"));
  const leak = leakedInstruction(answer, input.instructions, allowed);
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
