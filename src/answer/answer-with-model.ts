/**
 * The answer when a chat model is configured:
 *
 *   question ─ clearly off-topic? ──yes──▶ offline answer (a refusal, without calling the model)
 *                 │ no
 *                 ▼
 *   top passages (+ rule results for the asker's own numbers) ─▶ model ─▶ parse ─▶ verify ─▶ reply
 *                                                                  │        │         │
 *                                  timeout / HTTP error / malformed / unverified ─▶ offline answer, saying why
 *
 * Relevance is the model's call: the offline gate's coverage line is tuned
 * for extractive answers and refuses colloquial questions the passages do
 * answer, so here only the clearly off-topic are short-circuited — injection,
 * another place, no word the texts use, or nothing retrieved above a low
 * floor. The model replies COVERED: no when the passages do not answer; the
 * reply is then the refusal in the question's language (the offline one when
 * the offline answerer refuses too, as it says what the texts lack).
 */
import type { Logger } from "pino";
import type { PolicyId } from "../knowledge/policy-document.schema.ts";
import type { Passage, PolicyIndex, QueryProfile } from "../retrieval/passage.types.ts";
import { todayInChina } from "../rules/index.ts";
import type { AnswerOptions, AnswerResult, FallbackReason } from "./answer.types.ts";
import { readingNote, refusalText, trialNotes } from "./answer-texts.ts";
import { applyOwnNumbers } from "./apply-own-numbers.ts";
import { checkCitations } from "./check-citations.ts";
import { detectJurisdiction, JURISDICTION_OF, POLICY_OF, type Jurisdiction } from "./detect-jurisdiction.ts";
import { looksLikeInjection } from "./detect-injection.ts";
import { ENGLISH_REFUSAL, englishCitation, englishTrialNotes, englishUnknownShare, isEnglishQuestion, isEnglishTurn, readEnglishQuestion } from "./english-question.ts";
import { applyEnglishOwnNumbers } from "./english-own-numbers.ts";
import type { LlmClient } from "./llm-client.ts";
import { buildAnswerMessages, promptSources, SYSTEM_PROMPT, SYSTEM_PROMPT_ENGLISH, type AnswerLanguage } from "./llm-prompt.ts";
import { describeProblem, modelFallbackNote } from "./model-fallback-note.ts";
import { parseModelReply } from "./model-reply.schema.ts";
import { readOrdinalOfList } from "./ordinal-of-list.ts";
import { resolveFollowUp } from "./resolve-follow-up.ts";
import { verifyModelAnswer } from "./verify-model-answer.ts";
import { formatCitation } from "../knowledge/citation.ts";

export interface ModelAnswererDeps {
  index: PolicyIndex;
  llm: LlmClient;
  logger?: Logger;
}

/** The offline answer for the same question (the fallback, and the reply to the clearly off-topic). */
export type OfflineAnswer = (question: string, options: AnswerOptions) => Promise<AnswerResult>;

const RETRIEVE_K = 8;
/** How many of the retrieved pieces the model reads. */
const GIVEN_K = 6;
/**
 * Below this share of the question's topic words among the top articles,
 * nothing retrieved is about the question (「贯标认证有补贴吗」 0.27,
 * 「商标注册费用多少」 0.11), while colloquial questions the texts answer
 * (「托管专利干嘛能拿钱吗」 0.62) stay well above it.
 */
const COVERAGE_FLOOR = 0.3;
const FLOOR_WINDOW = 3;
/** An English question whose content words are mostly unknown to the glossary and renderings is not about the texts. */
const MAX_UNKNOWN_ENGLISH = 0.5;
/** An English answer that quotes nothing gets at most this many cited clauses quoted after it. */
const MAX_APPENDED_QUOTES = 3;

class LlmTimeoutError extends Error {}

export function isClearlyOffTopic(passages: readonly Passage[], profile: QueryProfile): boolean {
  const best = Math.max(0, ...passages.slice(0, FLOOR_WINDOW).map((p) => p.coverage));
  return profile.knownWords.length === 0 || best < COVERAGE_FLOOR;
}

type ModelOutcome = { ok: true; text: string; citations: string[] } | { ok: true; covered: false } | { ok: false; reason: FallbackReason; detail?: string; log: Record<string, unknown> };

export function createModelAnswerer(deps: ModelAnswererDeps) {
  const { index, llm, logger } = deps;

  async function complete(messages: ReturnType<typeof buildAnswerMessages>): Promise<string> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new LlmTimeoutError());
      }, llm.timeoutMs);
    });
    try {
      return await Promise.race([llm.complete(messages, controller.signal), timeout]);
    } catch (err) {
      if (err instanceof LlmTimeoutError || controller.signal.aborted) throw new LlmTimeoutError();
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  async function ask(question: string, passages: readonly Passage[], language: AnswerLanguage, ruleResults: readonly string[], ruleClauses: readonly string[], previousQuestion?: string): Promise<ModelOutcome> {
    const input = { question, passages, ruleResults, language, previousQuestion };
    const messages = buildAnswerMessages(input);
    let raw: string;
    try {
      raw = await complete(messages);
    } catch (err) {
      const reason: FallbackReason = err instanceof LlmTimeoutError ? "timeout" : "api-error";
      return { ok: false, reason, log: { err: (err as Error).message } };
    }
    const parsed = parseModelReply(raw);
    if (!parsed.ok) return { ok: false, reason: "malformed", log: { problem: parsed.problem, chars: raw.length } };
    if (!parsed.reply.covered) return { ok: true, covered: false };

    const verdict = verifyModelAnswer({
      answer: parsed.reply.answer,
      citations: parsed.reply.citations,
      language,
      givenIds: [...passages.map((p) => p.id), ...ruleClauses],
      sources: promptSources(input),
      instructions: [SYSTEM_PROMPT, SYSTEM_PROMPT_ENGLISH.join("\n"), messages.at(-1)!.content.split("\n").at(-1)!],
      question,
    });
    if (!verdict.ok) {
      return { ok: false, reason: "unverified", detail: describeProblem(verdict.problem, language), log: { problem: verdict.problem.kind, detail: describeProblem(verdict.problem, "zh") } };
    }
    return { ok: true, text: render(parsed.reply.answer, verdict.cited, passages, language), citations: verdict.cited };
  }

  /**
   * Inline [ids] as people read them; ids listed only in CITATIONS are named
   * at the end. An English answer that quotes no Chinese gets the cited
   * clauses quoted from the texts, so that the original is always beside it.
   */
  function render(answer: string, cited: readonly string[], passages: readonly Passage[], language: AnswerLanguage): string {
    const format = language === "en" ? (id: string) => `${englishCitation(id)}; ${formatCitation(id)}` : formatCitation;
    // A bare id (zb2020:9.1 without brackets) is cited too: bracket it so that it is rendered like the rest.
    const bracketed = answer
      .split(/([[【][^\]】]*[\]】])/)
      .map((part, i) => (i % 2 === 1 ? part : part.replace(/[a-z]{2}\d{4}:(?:\d+(?:\.\d+)?|preamble)/g, "[$&]")))
      .join("");
    const { text, supported } = checkCitations(bracketed, cited, format);
    const unnamed = cited.filter((id) => !supported.includes(id));
    const parts = [text.trim()];
    if (language === "en") {
      const quoted = /「[^」]{4,}」/.test(answer) ? [] : passages.filter((p) => cited.includes(p.id)).slice(0, MAX_APPENDED_QUOTES);
      const named = unnamed.filter((id) => !quoted.some((p) => p.id === id));
      if (named.length > 0) parts.push(`Basis: ${named.map(format).join("; ")}.`);
      for (const p of quoted) parts.push(`${englishCitation(p.id)} — ${formatCitation(p.id)}：「${p.text.replace(/\n/g, "")}」`);
      parts.push(...englishTrialNotes(cited));
    } else {
      if (unnamed.length > 0) parts.push(`依据：${unnamed.map(format).join("；")}。`);
      parts.push(...trialNotes(cited));
    }
    return parts.join("\n\n");
  }

  return {
    /** `asked` as the answerer hands it over: trimmed, cut to its length limit and normalised. */
    async answer(asked: string, options: AnswerOptions, offline: OfflineAnswer): Promise<AnswerResult> {
      const toOffline = (): Promise<AnswerResult> => offline(asked, { ...options, useLlm: false });
      if (!asked || looksLikeInjection(asked)) return toOffline();

      const language: AnswerLanguage = isEnglishTurn(asked, options.history?.at(-1)?.asked) ? "en" : "zh";
      let text: string;
      let named: Jurisdiction[];
      let readAs = "";
      let previousQuestion: string | undefined;
      // A follow-up's own words, whose figures take the place of those carried from the turn before.
      let followUpWords: string | undefined;
      if (language === "en") {
        const reading = readEnglishQuestion(asked);
        if (reading.otherPlace || !reading.chinese || englishUnknownShare(reading) > MAX_UNKNOWN_ENGLISH) return toOffline();
        text = reading.chinese;
        named = detectJurisdiction(text).named;
      } else {
        const { text: typed, corrections } = index.correctTypos(asked);
        // 「第二项说的是啥意思」 after a list: that item, by its own number, as offline (ordinal-of-list.ts).
        const corrected = readOrdinalOfList(typed, options.history?.at(-1)) ?? typed;
        const resolved = resolveFollowUp(corrected, options.history, options.history?.length ? index.profile(corrected).knownWords : undefined);
        if (resolved.jurisdictions.length === 0 && detectJurisdiction(resolved.text).otherPlaceOnly) return toOffline();
        text = resolved.text;
        named = resolved.jurisdictions;
        if (corrections.length > 0) readAs = `${readingNote(corrections)}\n\n`;
        if (resolved.isFollowUp) (previousQuestion = options.history?.at(-1)?.question), (followUpWords = corrected);
      }

      const passages = await index.search(text, options.k ?? RETRIEVE_K, { docs: named.map((j) => POLICY_OF[j]) });
      const retrieved = passages.map((p) => p.id);
      if (isClearlyOffTopic(passages, index.profile(text))) return toOffline();

      const given = passages.slice(0, GIVEN_K);
      const docs = [...new Set(given.map((p) => p.doc))];
      const jurisdictions = named.length > 0 ? named : docs.map((d) => JURISDICTION_OF[d]);
      // An English question's own numbers are read in English (its Chinese reading keeps only the figures); same rules.
      const own =
        language === "en"
          ? applyEnglishOwnNumbers(asked, jurisdictions, todayInChina(), false, options.history?.at(-1)?.asked)
          : applyOwnNumbers(text, jurisdictions, todayInChina(), followUpWords);
      const outcome = await ask(language === "en" ? asked : text, given, language, own?.lines ?? [], own?.clauses ?? [], previousQuestion);

      // An English question as typed, which a follow-up's figures are read against (PreviousTurn.asked).
      const base = { retrieved, resolvedQuestion: text, mode: "llm" as const, ...(language === "en" && { asked }) };
      if (outcome.ok && "covered" in outcome) {
        // The offline refusal says what the texts lack where it can (「浙江呢？」 after a Zibo-only subsidy); when
        // the offline line would have answered, the model's judgement stands and the plain refusal is given.
        const off = await toOffline();
        if (off.refused) return { ...off, mode: "llm" };
        return { ...base, text: language === "en" ? ENGLISH_REFUSAL : refusalText("off-topic"), citations: [], refused: true, refusalReason: "off-topic", jurisdictions: [] };
      }
      if (outcome.ok) {
        const citedDocs = new Set(outcome.citations.map((id) => id.split(":")[0] as PolicyId));
        return {
          ...base,
          text: readAs + outcome.text,
          citations: outcome.citations,
          refused: false,
          jurisdictions: jurisdictions.filter((j) => citedDocs.has(POLICY_OF[j])),
        };
      }
      // The log carries what was wrong, never the model's text; the logger masks personal data in the question.
      logger?.warn({ reason: outcome.reason, question: text, ...outcome.log }, "chat model answer not sent; offline answer");
      const fallback = await toOffline();
      return {
        ...fallback,
        text: `${modelFallbackNote(outcome.reason, language, outcome.detail)}\n\n${fallback.text}`,
        mode: "offline",
        fallbackReason: outcome.reason,
        ...(outcome.detail !== undefined && { fallbackDetail: outcome.detail }),
      };
    },
  };
}

export type ModelAnswerer = ReturnType<typeof createModelAnswerer>;
