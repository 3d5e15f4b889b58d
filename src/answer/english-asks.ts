/**
 * An English message with more than one ask (「How often are Zhejiang zones
 * assessed, and what happens if one fails?」「What is the minimum core area in
 * Zhejiang and how many agencies are needed?」) read as one question per ask,
 * in order, so that each gets its own answer. Read off grammar only: question
 * sentences, and a coordinating 「and」 that opens a new wh- or yes/no question.
 * A place the message names once is carried into the asks that do not name one.
 */
import type { AnswerResult } from "./answer.types.ts";
import { ENGLISH_RENDERING_NOTE } from "./compose-english-answer.ts";
import { namedInEnglish } from "./english-question.ts";
import { interleave } from "./interleave-retrieved.ts";

/** 「, and how many …」「and who …」「and is it …」: a new question joined by 「and」. */
const NEW_ASK = /,?\s+and\s+(?=(?:what|how|who|when|where|which|why|is|are|does|do|can|must|will)\b)/i;
/** An ask shorter than this many words is not split off (「…, and how?」). */
const MIN_WORDS = 3;

const PLACE_NAME = { zhejiang: "Zhejiang", zibo: "Zibo" } as const;

/** The asks of an English message, or one ask when it has only one. */
export function splitEnglishAsks(message: string): string[] {
  const sentences = message
    .split(/(?<=\?)\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
  // A statement of the asker's situation (「We have 14 agencies.」) belongs to the ask after it.
  const asks = sentences.flatMap((s) => s.split(NEW_ASK)).map((a) => a.trim().replace(/^[,;]\s*/, ""));
  if (asks.length < 2 || asks.some((a) => a.split(/\s+/).length < MIN_WORDS)) return [message];
  const named = namedInEnglish(message);
  if (named.length !== 1) return asks.map(ensureQuestionMark);
  const place = PLACE_NAME[named[0]!];
  return asks.map((a) => ensureQuestionMark(namedInEnglish(a).length > 0 ? a : `${a.replace(/\?$/, "")} in ${place}?`));
}

function ensureQuestionMark(ask: string): string {
  return /[?.!]$/.test(ask) ? ask : `${ask}?`;
}

/**
 * English answers to the asks of one message: the conclusions numbered in
 * order, then each quoted clause once, the notes last.
 */
export function joinEnglishAnswers(parts: readonly AnswerResult[]): AnswerResult {
  const paragraphs = parts.map((p) => p.text.split("\n\n"));
  const conclusions = paragraphs.map((ps, i) => `${i + 1}. ${ps[0]}`);
  const rest = [...new Set(paragraphs.flatMap((ps) => ps.slice(1)))];
  const isNote = (p: string): boolean => p.startsWith(ENGLISH_RENDERING_NOTE);
  return {
    ...parts[0]!,
    text: [conclusions.join("\n"), ...rest.filter((p) => !isNote(p)), ...rest.filter(isNote)].join("\n\n"),
    citations: [...new Set(parts.flatMap((p) => p.citations))],
    jurisdictions: [...new Set(parts.flatMap((p) => p.jurisdictions))],
    retrieved: interleave(parts.map((p) => p.retrieved)),
  };
}
