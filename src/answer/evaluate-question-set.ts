/**
 * Retrieval and answer quality on a question set, exactly as docs/question-sets.md
 * defines it: recall@k and MRR over answerable questions (a hit when a gold
 * citation is among the first k distinct retrieved articles, an article
 * matching its items), refusal accuracy over all questions, mention rate over
 * answerable questions with `mustMention`, latency per question.
 */
import { articleOf, citationsMatch } from "../knowledge/citation.ts";
import type { AnswerOptions, Answerer } from "./answer.types.ts";
import type { EvalQuestion } from "./eval-question.schema.ts";
import { percentile } from "../metrics/percentile.ts";

export interface EvalQuestionResult {
  id: string;
  retrieved: string[];
  refused: boolean;
  answer: string;
  ms: number;
}

export interface EvalReport {
  n: number;
  recallAt1: number;
  recallAt3: number;
  recallAt5: number;
  mrr: number;
  refusalAccuracy: number;
  mentionRate: number;
  latencyMsP50: number;
  latencyMsP95: number;
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


const round = (x: number, digits = 4): number => Number(x.toFixed(digits));

export async function evaluateQuestionSet(
  answerer: Answerer,
  questions: readonly EvalQuestion[],
  options: Pick<AnswerOptions, "useLlm"> = {},
): Promise<EvalReport> {
  const results: EvalQuestionResult[] = [];
  let ranked = 0;
  let at1 = 0;
  let at3 = 0;
  let at5 = 0;
  let rr = 0;
  let refusalRight = 0;
  let mentionAsked = 0;
  let mentioned = 0;

  for (const q of questions) {
    const started = performance.now();
    const result = await answerer.answer(q.question, options);
    const ms = performance.now() - started;
    results.push({ id: q.id, retrieved: result.retrieved, refused: result.refused, answer: result.text, ms: round(ms, 2) });

    if (result.refused === !q.answerable) refusalRight++;
    if (q.answerable && q.gold && q.gold.length > 0) {
      ranked++;
      const rank = firstGoldRank(result.retrieved, q.gold);
      if (rank >= 1) {
        rr += 1 / rank;
        if (rank <= 1) at1++;
        if (rank <= 3) at3++;
        if (rank <= 5) at5++;
      }
    }
    if (q.answerable && q.mustMention && q.mustMention.length > 0) {
      mentionAsked++;
      if (q.mustMention.every((s) => result.text.includes(s))) mentioned++;
    }
  }

  const share = (x: number, n: number): number => (n === 0 ? 0 : round(x / n));
  const latencies = results.map((r) => r.ms);
  return {
    n: questions.length,
    recallAt1: share(at1, ranked),
    recallAt3: share(at3, ranked),
    recallAt5: share(at5, ranked),
    mrr: share(rr, ranked),
    refusalAccuracy: share(refusalRight, questions.length),
    mentionRate: share(mentioned, mentionAsked),
    latencyMsP50: round(percentile(latencies, 50), 2),
    latencyMsP95: round(percentile(latencies, 95), 2),
    questions: results,
  };
}
