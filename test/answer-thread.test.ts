/**
 * The answering thread (src/answer/answer-thread-client.ts): what the chat and
 * the channels get from it is exactly what the in-process answerer gives, its
 * log lines reach the main logger masked, and a thread that dies takes only
 * the questions it had with it.
 */
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import type { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAnswerThread, type ThreadAnswerer } from "../src/answer/answer-thread-client.ts";
import type { AnswerResult, Answerer, PreviousTurn } from "../src/answer/answer.types.ts";
import { createPolicyAssistantServices } from "../src/answer/create-answer-service.ts";
import { parseQuestionSet } from "../src/answer/eval-question.schema.ts";
import { createLogger } from "../src/logging/logger.ts";
import { captureLogger } from "./support/capture-logger.ts";
import { makeTempDataDir } from "./support/e2e-runtime.ts";

const SETS = ["dev", "dev2", "blind", "blind2", "heldout", "public", "fresh", "fresh2", "fresh3", "fresh4"];

/** Every question of a set with its earlier turns, answered as `eval` asks them. */
async function answerSet(answerer: Answerer, name: string): Promise<AnswerResult[]> {
  const results: AnswerResult[] = [];
  for (const q of parseQuestionSet(readFileSync(new URL(`./fixtures/questions-${name}.jsonl`, import.meta.url), "utf8"))) {
    const history: PreviousTurn[] = [];
    for (const earlier of q.history ?? []) {
      const before = await answerer.answer(earlier, { history });
      history.push({ question: before.resolvedQuestion, jurisdictions: before.jurisdictions });
    }
    results.push(await answerer.answer(q.question, history.length > 0 ? { history } : {}));
  }
  return results;
}

describe("answering on a worker thread", () => {
  let dataDir: string;
  let thread: ThreadAnswerer;
  const workers: Worker[] = [];
  const log = captureLogger("debug");

  beforeAll(async () => {
    dataDir = await makeTempDataDir("answer-thread");
    thread = startAnswerThread({ dataDir, llm: undefined, embeddings: undefined }, { logger: log.logger, onThread: (w) => workers.push(w) });
    await thread.ready;
  }, 120_000);

  afterAll(async () => {
    await thread?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("answers every question of the question sets exactly as the in-process answerer", async () => {
    const inProcess = await createPolicyAssistantServices({ dataDir, llm: undefined, embeddings: undefined }, { logger: createLogger("silent") });
    let compared = 0;
    for (const name of SETS) {
      const expected = await answerSet(inProcess.answerer, name);
      const got = await answerSet(thread, name);
      expect(got, name).toEqual(expected);
      compared += got.length;
    }
    expect(compared).toBeGreaterThan(600);
  }, 300_000);

  it("the thread's log lines reach the main logger, masked like every other line", async () => {
    const phone = "13812345678";
    await thread.answer(`我的电话${phone}，核心区面积最少要多少平方米？`);
    const retrieval = log.find("retrieval");
    expect(retrieval.length).toBeGreaterThan(0);
    expect(String(retrieval.at(-1)!.question)).toContain("核心区面积");
    expect(JSON.stringify(log.records)).not.toContain(phone);
  });

  it("a thread that dies fails the question it had; the next question starts a new thread", async () => {
    const before = workers.length;
    const asked = thread.answer("淄博对专利质押融资服务有什么支持？");
    await workers.at(-1)!.terminate();
    await expect(asked).rejects.toThrow(/答题线程/);
    const again = await thread.answer("淄博对专利质押融资服务有什么支持？");
    expect(workers.length).toBe(before + 1);
    expect(again.refused).toBe(false);
    expect(again.citations.some((c) => c.startsWith("zb2020"))).toBe(true);
  }, 120_000);

  it("a closed answerer says so instead of waiting", async () => {
    const other = startAnswerThread({ dataDir, llm: undefined, embeddings: undefined }, { logger: createLogger("silent") });
    await other.close();
    await expect(other.answer("核心区面积要多少？")).rejects.toThrow("答题线程已停止");
  });
});
