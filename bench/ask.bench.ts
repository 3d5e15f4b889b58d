/**
 * Warm `ask` latency: the whole offline answer (follow-up, typo reading,
 * splitting into asks, retrieval, topic gate, own numbers, composing), timed
 * per question after one warm-up pass, over every development and regression
 * question set including multi-part, comparison, English and follow-up
 * questions. The target of issue 9 is p95 ≤ 10 ms on a warm process.
 *
 * Printed beside a reference measured in the same run on the same questions:
 * the index's hybrid search alone (BM25 + vectors + rerank, no answer), so a
 * loaded machine shows in both columns and the ratio says what answering adds.
 *
 * Runnable alone: `npx tsx bench/ask.bench.ts`. Figures are measurements, never assertions.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { createAnswerer } from "../src/answer/answerer.ts";
import { parseQuestionSet, type EvalQuestion } from "../src/answer/eval-question.schema.ts";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { percentile } from "../src/metrics/percentile.ts";
import { localEmbeddingChoice } from "../src/retrieval/create-embeddings.ts";
import { createPolicyIndex } from "../src/retrieval/policy-index.ts";

const ROOT = new URL("..", import.meta.url).pathname;
/** Sets the method may be tuned on (never the blind sets, which are run by `eval` only). */
const QUESTION_FILES = [
  "test/fixtures/questions-dev.jsonl",
  "test/fixtures/questions-dev2.jsonl",
  "test/fixtures/questions-public.jsonl",
  "test/fixtures/questions-heldout.jsonl",
];
const TARGET_P95_MS = 10;
const ROUNDS = 3;

async function loadQuestions(): Promise<EvalQuestion[]> {
  const sets = await Promise.all(QUESTION_FILES.map(async (f) => parseQuestionSet(await readFile(join(ROOT, f), "utf8"))));
  return sets.flat();
}

async function timeEach(questions: readonly EvalQuestion[], fn: (q: EvalQuestion) => Promise<unknown>): Promise<number[]> {
  for (const q of questions) await fn(q); // warm-up: segmentation memo, IDF cache, JIT
  const ms: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of questions) {
      const t = performance.now();
      await fn(q);
      ms.push(performance.now() - t);
    }
  }
  return ms;
}

export async function benchAsk(): Promise<Record<string, number | string>> {
  const questions = await loadQuestions();
  const index = await createPolicyIndex({ pieces: listPieces(), embedding: localEmbeddingChoice() });
  const answerer = createAnswerer({ index });
  const history = (q: EvalQuestion) => q.history?.map((question) => ({ question }));

  const ask = await timeEach(questions, (q) => answerer.answer(q.question, { history: history(q) }));
  const search = await timeEach(questions, (q) => index.search(q.question, 8));

  const row = (ms: number[]) => ({
    "p50 ms": Number(percentile(ms, 50).toFixed(2)),
    "p95 ms": Number(percentile(ms, 95).toFixed(2)),
    "max ms": Number(Math.max(...ms).toFixed(2)),
  });
  console.log(`\n热启动 ask 耗时（${questions.length} 题 × ${ROUNDS} 轮，先预热一轮；目标 p95 ≤ ${TARGET_P95_MS} 毫秒）`);
  console.table({ "ask（完整离线回答）": row(ask), "参照：仅检索 index.search": row(search) });

  const p95 = percentile(ask, 95);
  // Each question's fastest round: what answering costs with another process's time slice or a GC
  // pause taken out (on a loaded machine the plain p95 is mostly those).
  const fastest = questions.map((_, i) => Math.min(...Array.from({ length: ROUNDS }, (_, r) => ask[r * questions.length + i]!)));
  console.log(`每题最快一轮：p50 ${percentile(fastest, 50).toFixed(2)} 毫秒，p95 ${percentile(fastest, 95).toFixed(2)} 毫秒`);
  return {
    questions: questions.length,
    "warmAsk.p50Ms": percentile(ask, 50),
    "warmAsk.p95Ms": p95,
    "warmAsk.fastestRound.p95Ms": percentile(fastest, 95),
    "reference.searchOnly.p95Ms": percentile(search, 95),
    "warmAsk.p95 / searchOnly.p95": p95 / percentile(search, 95),
    "target p95 ≤ 10 ms": p95 <= TARGET_P95_MS ? "met" : "not met",
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(await benchAsk());
}
