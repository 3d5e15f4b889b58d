/**
 * The chat-model path over the question sets, with an in-process model that
 * behaves: it quotes the first passage it is given verbatim and cites it (the
 * loopback fake's default, test/support/fake-openai-server.ts). What it shows:
 *
 * - how many answerable questions reach the model (the offline gate's line no
 *   longer refuses them) and how many the offline answerer refuses;
 * - how many unanswerable questions are short-circuited without a model call;
 * - how many well-behaved answers verification wrongly rejects (should be 0);
 * - what parsing and verifying a reply costs.
 *
 * No model quality is measured here: no chat model is reachable. Figures are
 * measurements on this machine, never assertions.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { AnswerResult, PreviousTurn } from "../src/answer/answer.types.ts";
import { createAnswerer } from "../src/answer/answerer.ts";
import { parseQuestionSet } from "../src/answer/eval-question.schema.ts";
import type { LlmClient } from "../src/answer/llm-client.ts";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { percentile } from "../src/metrics/percentile.ts";
import { localEmbeddingChoice } from "../src/retrieval/create-embeddings.ts";
import { createPolicyIndex } from "../src/retrieval/policy-index.ts";
import { citeFirstPiece } from "../test/support/fake-openai-server.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const SETS = ["test/fixtures/questions-blind.jsonl", "test/fixtures/questions-dev.jsonl"];

export async function benchModelPath(): Promise<Record<string, number | string>> {
  const index = await createPolicyIndex({ pieces: listPieces(), embedding: localEmbeddingChoice() });
  let calls = 0;
  const quoting: LlmClient = {
    model: "quoting",
    timeoutMs: 30_000,
    async complete(messages) {
      calls++;
      const behaviour = citeFirstPiece({ model: "quoting", messages: [...messages] });
      return "reply" in behaviour ? behaviour.reply : "";
    },
  };
  const viaModel = createAnswerer({ index, llm: quoting });
  const offline = createAnswerer({ index });

  const figures: Record<string, number | string> = {};
  for (const set of SETS) {
    const name = set.replace(/^.*questions-|\.jsonl$/g, "");
    const questions = parseQuestionSet(await readFile(join(ROOT, set), "utf8"));
    let answerable = 0, reached = 0, offlineRefused = 0, offlineRefusedReached = 0;
    let unanswerable = 0, shortCircuited = 0, rejected = 0, sent = 0;
    const ms: number[] = [];
    for (const q of questions) {
      const history: PreviousTurn[] = (q.history ?? []).map((question) => ({ question }));
      const opts = history.length > 0 ? { history } : {};
      const before = calls;
      const started = performance.now();
      const result: AnswerResult = await viaModel.answer(q.question, opts);
      ms.push(performance.now() - started);
      const called = calls > before;
      if (called && result.fallbackReason === "unverified") rejected++;
      if (called && result.mode === "llm" && !result.refused) sent++;
      if (q.answerable) {
        answerable++;
        const off = await offline.answer(q.question, opts);
        if (called) reached++;
        if (off.refused) offlineRefused++;
        if (off.refused && called) offlineRefusedReached++;
      } else {
        unanswerable++;
        if (!called) shortCircuited++;
      }
    }
    Object.assign(figures, {
      [`${name}: answerable reaching the model`]: `${reached}/${answerable}`,
      [`${name}: answerable the offline answerer refuses`]: `${offlineRefused}/${answerable}`,
      [`${name}: … of which reach the model`]: `${offlineRefusedReached}/${offlineRefused}`,
      [`${name}: unanswerable short-circuited (no model call)`]: `${shortCircuited}/${unanswerable}`,
      [`${name}: verbatim-quoting answers rejected by verification`]: `${rejected}/${calls}`,
      [`${name}: model answers sent`]: sent,
      [`${name}: ms per question p50 (retrieval + in-process model + verification)`]: percentile(ms, 50),
      [`${name}: ms per question p95`]: percentile(ms, 95),
    });
    calls = 0;
  }
  return figures;
}
