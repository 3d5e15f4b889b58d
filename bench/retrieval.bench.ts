/**
 * Retrieval benchmark: this project's pipeline (item-level pieces, BM25 over
 * jieba terms + HNSW vectors, RRF, coverage rerank, jurisdiction routing) side
 * by side with LangChain's default recipe (RecursiveCharacterTextSplitter,
 * 1000/200, + MemoryVectorStore) on the same questions, with the same
 * embedding model. Also: index build time, warm answer latency, cold start to
 * first answer (fresh process, index built / loaded from disk), resident memory.
 *
 * Figures are measurements on this machine, never assertions.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { MemoryVectorStore } from "@langchain/classic/vectorstores/memory";
import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";
import { createAnswerer } from "../src/answer/answerer.ts";
import { parseQuestionSet, type EvalQuestion } from "../src/answer/eval-question.schema.ts";
import { firstGoldRank } from "../src/answer/evaluate-question-set.ts";
import { percentile } from "../src/metrics/percentile.ts";
import { citationsMatch } from "../src/knowledge/citation.ts";
import { listPieces, loadPolicyDocuments } from "../src/knowledge/load-policies.ts";
import { renderArticleLines } from "../src/knowledge/render-policy-text.ts";
import { localEmbeddingChoice } from "../src/retrieval/create-embeddings.ts";
import { createPolicyIndex } from "../src/retrieval/policy-index.ts";

const run = promisify(execFile);
const ROOT = new URL("..", import.meta.url).pathname;
const QUESTION_FILES = ["test/fixtures/questions-public.jsonl", "test/fixtures/questions-heldout.jsonl"];
const COLD_QUESTION = "申报浙江省示范区，核心区面积至少要多少平方米？";

interface PipelineFigures {
  recallAt3: number;
  mrr: number;
  latencyMsP50: number;
  latencyMsP95: number;
  buildMs: number;
}

async function loadQuestions(): Promise<EvalQuestion[]> {
  const sets = await Promise.all(QUESTION_FILES.map(async (f) => parseQuestionSet(await readFile(join(ROOT, f), "utf8"))));
  return sets.flat();
}

const ranked = (qs: EvalQuestion[]) => qs.filter((q) => q.answerable && q.gold?.length);

function summarise(ranks: number[], latencies: number[], buildMs: number): PipelineFigures {
  return {
    recallAt3: ranks.filter((r) => r >= 1 && r <= 3).length / ranks.length,
    mrr: ranks.reduce((a, r) => a + (r ? 1 / r : 0), 0) / ranks.length,
    latencyMsP50: percentile(latencies, 50),
    latencyMsP95: percentile(latencies, 95),
    buildMs,
  };
}

/** Runs `fn` over all questions once to warm up, then again timing each call. */
async function timed<T>(questions: EvalQuestion[], fn: (q: EvalQuestion) => Promise<T>): Promise<{ results: T[]; latencies: number[] }> {
  for (const q of questions) await fn(q);
  const results: T[] = [];
  const latencies: number[] = [];
  for (const q of questions) {
    const t = performance.now();
    results.push(await fn(q));
    latencies.push(performance.now() - t);
  }
  return { results, latencies };
}

async function benchOurs(questions: EvalQuestion[]): Promise<PipelineFigures & { loadMs: number; warmAskP50: number; warmAskP95: number }> {
  const dir = await mkdtemp(join(tmpdir(), "ipzone-bench-"));
  try {
    const embedding = localEmbeddingChoice();
    let t = performance.now();
    await createPolicyIndex({ pieces: listPieces(), embedding, directory: dir });
    const buildMs = performance.now() - t;
    t = performance.now();
    const index = await createPolicyIndex({ pieces: listPieces(), embedding, directory: dir });
    const loadMs = performance.now() - t;
    const answerer = createAnswerer({ index });

    // Retrieval as the answerer does it (jurisdiction routing included): the `retrieved` of each answer.
    const gold = ranked(questions);
    const { results, latencies } = await timed(gold, (q) => answerer.answer(q.question));
    const ranks = results.map((r, i) => firstGoldRank(r.retrieved, gold[i]!.gold!));
    // Warm `ask` over every question, answerable or not.
    const ask = await timed(questions, (q) => answerer.answer(q.question));
    return {
      ...summarise(ranks, latencies, buildMs),
      loadMs,
      warmAskP50: percentile(ask.latencies, 50),
      warmAskP95: percentile(ask.latencies, 95),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The restored documents as plain text, with the line span of every article (to score chunks). */
function documentsWithSpans(): { text: string; spans: { id: string; from: number; to: number }[] }[] {
  return loadPolicyDocuments().map((doc) => {
    const lines: string[] = [];
    const spans: { id: string; from: number; to: number }[] = [];
    for (const article of doc.articles) {
      const from = lines.length + 1;
      lines.push(...renderArticleLines(article), "");
      spans.push({ id: article.id, from, to: lines.length });
    }
    return { text: lines.join("\n"), spans };
  });
}

async function benchLangChainDefault(questions: EvalQuestion[], chunkSize: number, chunkOverlap: number): Promise<PipelineFigures & { chunks: number }> {
  const t = performance.now();
  const docs = documentsWithSpans();
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize, chunkOverlap });
  const chunks = await splitter.createDocuments(
    docs.map((d) => d.text),
    docs.map((_, i) => ({ doc: i })),
  );
  // A chunk stands for every article it overlaps (this favours the baseline: one hit covers several articles).
  for (const c of chunks) {
    const { from, to } = (c.metadata.loc as { lines: { from: number; to: number } }).lines;
    c.metadata.articles = docs[c.metadata.doc as number]!.spans.filter((s) => s.from <= to && s.to >= from).map((s) => s.id);
  }
  const embeddings = localEmbeddingChoice().forCorpus(chunks.map((c) => c.pageContent));
  const store = await MemoryVectorStore.fromDocuments(chunks, embeddings);
  const buildMs = performance.now() - t;

  const gold = ranked(questions);
  const { results, latencies } = await timed(gold, (q) => store.similaritySearch(q.question, 5));
  const ranks = results.map((hits, i) => {
    const idx = hits.findIndex((h) => (h.metadata.articles as string[]).some((a) => gold[i]!.gold!.some((g) => citationsMatch(a, g))));
    return idx + 1;
  });
  return { ...summarise(ranks, latencies, buildMs), chunks: chunks.length };
}

/** A fresh process: imports, index (built or loaded from `dataDir`), first answer. */
async function coldStart(dataDir: string): Promise<{ wallMs: number; sinceProcessStartMs: number; loadedFromDisk: boolean; rssMb: number }> {
  const script = `
    const { loadConfig } = await import(${JSON.stringify(join(ROOT, "src/config.ts"))});
    const { createPolicyAssistantServices } = await import(${JSON.stringify(join(ROOT, "src/answer/create-answer-service.ts"))});
    const s = await createPolicyAssistantServices(loadConfig());
    const r = await s.answerer.answer(${JSON.stringify(COLD_QUESTION)});
    if (!r.text.includes("1000")) throw new Error("unexpected first answer");
    console.log(JSON.stringify({ sinceProcessStartMs: performance.now(), loadedFromDisk: s.index.origin.loadedFromDisk, rss: process.memoryUsage().rss }));
  `;
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, LOG_LEVEL: "silent" };
  const t = performance.now();
  const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT, env });
  const wallMs = performance.now() - t;
  const out = JSON.parse(stdout.trim().split("\n").at(-1)!) as { sinceProcessStartMs: number; loadedFromDisk: boolean; rss: number };
  return { wallMs, sinceProcessStartMs: out.sinceProcessStartMs, loadedFromDisk: out.loadedFromDisk, rssMb: out.rss / 2 ** 20 };
}

const r1 = (x: number): number => Number(x.toFixed(1));
const r3 = (x: number): number => Number(x.toFixed(3));

export async function benchRetrieval(): Promise<Record<string, number | string>> {
  const questions = await loadQuestions();
  const ours = await benchOurs(questions);
  const lcDefault = await benchLangChainDefault(questions, 1000, 200);
  const lcSmall = await benchLangChainDefault(questions, 200, 40);

  const dataDir = await mkdtemp(join(tmpdir(), "ipzone-cold-"));
  let coldBuild;
  let coldLoad;
  try {
    coldBuild = await coldStart(dataDir);
    coldLoad = await coldStart(dataDir);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }

  const n = ranked(questions).length;
  console.log(`\n检索对比（同一批 ${n} 个有标准答案的问题：公开集 + 自备留出集；同一本地嵌入模型）`);
  console.table({
    "本项目（条/项切分 + BM25 + HNSW + RRF + 覆盖度重排 + 辖区路由）": {
      "recall@3": r3(ours.recallAt3),
      MRR: r3(ours.mrr),
      "p50 ms/题": r3(ours.latencyMsP50),
      "p95 ms/题": r3(ours.latencyMsP95),
      "建索引 ms": r1(ours.buildMs),
    },
    "LangChain 默认（RecursiveCharacterTextSplitter 1000/200 + MemoryVectorStore）": {
      "recall@3": r3(lcDefault.recallAt3),
      MRR: r3(lcDefault.mrr),
      "p50 ms/题": r3(lcDefault.latencyMsP50),
      "p95 ms/题": r3(lcDefault.latencyMsP95),
      "建索引 ms": r1(lcDefault.buildMs),
    },
    "LangChain 小块（200/40 + MemoryVectorStore）": {
      "recall@3": r3(lcSmall.recallAt3),
      MRR: r3(lcSmall.mrr),
      "p50 ms/题": r3(lcSmall.latencyMsP50),
      "p95 ms/题": r3(lcSmall.latencyMsP95),
      "建索引 ms": r1(lcSmall.buildMs),
    },
  });
  console.log("本项目的 p50/p95 是完整回答（检索 + 拒答判断 + 组织答案）的耗时；LangChain 一栏只是向量检索。");

  return {
    questions: n,
    "ours.recallAt3": ours.recallAt3,
    "ours.mrr": ours.mrr,
    "ours.latencyMsP50": ours.latencyMsP50,
    "ours.latencyMsP95": ours.latencyMsP95,
    "ours.indexBuildMs": ours.buildMs,
    "ours.indexLoadFromDiskMs": ours.loadMs,
    "ours.warmAskMsP50 (all questions)": ours.warmAskP50,
    "ours.warmAskMsP95 (all questions)": ours.warmAskP95,
    "langchainDefault.chunks": lcDefault.chunks,
    "langchainDefault.recallAt3": lcDefault.recallAt3,
    "langchainDefault.mrr": lcDefault.mrr,
    "langchainDefault.latencyMsP50": lcDefault.latencyMsP50,
    "langchainDefault.latencyMsP95": lcDefault.latencyMsP95,
    "langchainDefault.indexBuildMs": lcDefault.buildMs,
    "langchainSmallChunks.recallAt3": lcSmall.recallAt3,
    "langchainSmallChunks.mrr": lcSmall.mrr,
    "coldStart.buildIndex.sinceProcessStartMs": coldBuild.sinceProcessStartMs,
    "coldStart.buildIndex.wallMs": coldBuild.wallMs,
    "coldStart.loadIndex.sinceProcessStartMs": coldLoad.sinceProcessStartMs,
    "coldStart.loadIndex.wallMs": coldLoad.wallMs,
    "coldStart.loadIndex.loadedFromDisk": String(coldLoad.loadedFromDisk),
    "residentMemoryMb (fresh process after first answer)": coldLoad.rssMb,
    "residentMemoryMb (this bench process)": process.memoryUsage().rss / 2 ** 20,
  };
}
