/**
 * Retrieval and answer quality on a question set, exactly as docs/question-sets.md
 * defines it: recall@k and MRR over answerable questions (a hit when a gold
 * citation is among the first k distinct retrieved articles, an article
 * matching its items), refusal accuracy over all questions, mention rate over
 * answerable questions with `mustMention`, direct-answer rate over questions
 * with `expect` (every group has one of its strings in the answer), latency
 * per question — and every metric again per `tag` (`byTag`). Questions tagged
 * `english` or written in English also report whether the reply opens in English (`englishRate`).
 */
import { articleOf, citationsMatch } from "../knowledge/citation.ts";
import type { AnswerOptions, Answerer, PreviousTurn } from "./answer.types.ts";
import type { EvalQuestion, QuestionTag } from "./eval-question.schema.ts";
import { percentile } from "../metrics/percentile.ts";
import { isEnglishQuestion } from "./english-question.ts";
import { asPreviousTurn } from "./resolve-follow-up.ts";

export interface EvalQuestionResult {
  id: string;
  tag?: QuestionTag;
  retrieved: string[];
  refused: boolean;
  answer: string;
  ms: number;
  /** every `expect` group found in the answer; absent when the question has no `expect` */
  direct?: boolean;
  /** the reply opens in English; only for questions tagged `english` or written in English */
  english?: boolean;
}

export interface EvalMetrics {
  n: number;
  recallAt1: number;
  recallAt3: number;
  recallAt5: number;
  mrr: number;
  refusalAccuracy: number;
  mentionRate: number;
  /** how many answerable questions have `mustMention` (the base of mentionRate; 0 → the rate says nothing) */
  mentionAsked: number;
  /** share of questions with `expect` whose every group appears in the answer */
  directAnswerRate: number;
  /** how many questions have `expect` (the base of directAnswerRate) */
  directAsked: number;
  /** share of English questions (tagged `english` or written in English) whose reply opens in English (1 when there are none) */
  englishRate: number;
  /** how many questions are tagged `english` or written in English (the base of englishRate) */
  englishAsked: number;
  latencyMsP50: number;
  latencyMsP95: number;
}

export interface EvalReport extends EvalMetrics {
  byTag: Partial<Record<QuestionTag, EvalMetrics>>;
  questions: EvalQuestionResult[];
}

/** Distinct articles in retrieval order. */
export function retrievedArticles(retrieved: readonly string[]): string[] {
  const out: string[] = [];
  for (const id of retrieved) {
    const a = articleOf(id);
    if (!out.includes(a)) out.push(a);
  }
  return out;
}

/** 1-based rank of the first article matching a gold citation; 0 when none does. */
export function firstGoldRank(retrieved: readonly string[], gold: readonly string[]): number {
  const idx = retrievedArticles(retrieved).findIndex((a) => gold.some((g) => citationsMatch(a, g)));
  return idx + 1;
}

/** Every group has one of its alternatives in the answer (spaces and thousands separators ignored). */
export function meetsExpectations(answer: string, expect: readonly (readonly string[])[]): boolean {
  const flat = (s: string): string => s.replace(/[\s,，]/g, "").toLowerCase();
  const text = flat(answer);
  return expect.every((group) => group.some((alt) => text.includes(flat(alt))));
}

/** The reply's first paragraph is written in English (more Latin letters than CJK characters). */
export function opensInEnglish(answer: string): boolean {
  const first = answer.trim().split(/\n\s*\n/)[0] ?? "";
  const latin = (first.match(/[A-Za-z]/g) ?? []).length;
  const cjk = (first.match(/[\u3400-\u9fff]/g) ?? []).length;
  return latin > 0 && latin >= 2 * cjk;
}

const round = (x: number, digits = 4): number => Number(x.toFixed(digits));

function metricsOf(rows: readonly { q: EvalQuestion; r: EvalQuestionResult }[]): EvalMetrics {
  let ranked = 0;
  let at1 = 0;
  let at3 = 0;
  let at5 = 0;
  let rr = 0;
  let refusalRight = 0;
  let mentionAsked = 0;
  let mentioned = 0;
  let directAsked = 0;
  let direct = 0;
  let englishAsked = 0;
  let english = 0;
  for (const { q, r } of rows) {
    if (r.refused === !q.answerable) refusalRight++;
    if (q.answerable && q.gold && q.gold.length > 0) {
      ranked++;
      const rank = firstGoldRank(r.retrieved, q.gold);
      if (rank >= 1) {
        rr += 1 / rank;
        if (rank <= 1) at1++;
        if (rank <= 3) at3++;
        if (rank <= 5) at5++;
      }
    }
    if (q.answerable && q.mustMention && q.mustMention.length > 0) {
      mentionAsked++;
      if (q.mustMention.every((s) => r.answer.includes(s))) mentioned++;
    }
    if (r.direct !== undefined) {
      directAsked++;
      if (r.direct) direct++;
    }
    if (r.english !== undefined) {
      englishAsked++;
      if (r.english) english++;
    }
  }
  const share = (x: number, n: number): number => (n === 0 ? 0 : round(x / n));
  const latencies = rows.map(({ r }) => r.ms);
  return {
    n: rows.length,
    recallAt1: share(at1, ranked),
    recallAt3: share(at3, ranked),
    recallAt5: share(at5, ranked),
    mrr: share(rr, ranked),
    refusalAccuracy: share(refusalRight, rows.length),
    mentionRate: share(mentioned, mentionAsked),
    mentionAsked,
    directAnswerRate: share(direct, directAsked),
    directAsked,
    englishRate: englishAsked === 0 ? 1 : share(english, englishAsked),
    englishAsked,
    latencyMsP50: round(percentile(latencies, 50), 2),
    latencyMsP95: round(percentile(latencies, 95), 2),
  };
}

export async function evaluateQuestionSet(
  answerer: Answerer,
  questions: readonly EvalQuestion[],
  options: Pick<AnswerOptions, "useLlm"> = {},
): Promise<EvalReport> {
  const rows: { q: EvalQuestion; r: EvalQuestionResult }[] = [];

  for (const q of questions) {
    // The earlier turns of a follow-up are asked first, as a user would, and are not timed.
    const history: PreviousTurn[] = [];
    for (const earlier of q.history ?? []) {
      const before = await answerer.answer(earlier, { ...options, history });
      history.push(asPreviousTurn(before));
    }
    const started = performance.now();
    const result = await answerer.answer(q.question, { ...options, ...(history.length > 0 && { history }) });
    const ms = performance.now() - started;
    rows.push({
      q,
      r: {
        id: q.id,
        ...(q.tag && { tag: q.tag }),
        retrieved: result.retrieved,
        refused: result.refused,
        answer: result.text,
        ms: round(ms, 2),
        ...(q.expect && q.expect.length > 0 && { direct: meetsExpectations(result.text, q.expect) }),
        // Any question written in English counts, whatever its tag (an English own-numbers question too).
        ...((q.tag === "english" || isEnglishQuestion(q.question)) && { english: opensInEnglish(result.text) }),
      },
    });
  }

  const byTag: Partial<Record<QuestionTag, EvalMetrics>> = {};
  for (const tag of [...new Set(rows.flatMap(({ q }) => (q.tag ? [q.tag] : [])))]) {
    byTag[tag] = metricsOf(rows.filter(({ q }) => q.tag === tag));
  }
  return { ...metricsOf(rows), byTag, questions: rows.map(({ r }) => r) };
}
