/**
 * An `Answerer` whose work runs on a worker thread (answer-thread.ts), for
 * the long-running processes (`npm start`: chat, Telegram, WeCom):
 *
 *   const answerer = startAnswerThread(config, { logger });
 *   await answerer.ready;                      // the thread has loaded the index
 *   const result = await answerer.answer("核心区面积要多少？", { history });
 *   await answerer.close();
 *
 * The main thread keeps the webhooks, the database and the conversation
 * logic; retrieval and answer composition (CPU-bound, milliseconds a question)
 * no longer hold up its event loop, so a platform's HTTP 200 never waits for
 * an answer being composed, even while answering keeps a core busy. The
 * results are the in-process answerer's own, copied across (structured clone
 * keeps every string as it is).
 *
 * If the thread dies, the questions it had are failed (each turn reports its
 * failure as usual) and the next question starts a new thread.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Config } from "../config.ts";
import type { Logger } from "../logging/logger.ts";
import type { AnswerOptions, AnswerResult, Answerer } from "./answer.types.ts";
import { errorFromThread, threadMessageSchema, type AnswerRequest, type AnswerThreadSettings } from "./answer-thread-protocol.ts";

export interface ThreadAnswerer extends Answerer {
  /** Settles when the thread has loaded the policy index: rejects with the reason it could not. */
  readonly ready: Promise<void>;
  /** Stops the thread; questions still waiting for it are rejected. */
  close(): Promise<void>;
}

interface Pending {
  resolve(result: AnswerResult): void;
  reject(error: Error): void;
}

interface Running {
  worker: Worker;
  ready: Promise<void>;
}

export interface AnswerThreadOptions {
  logger: Logger;
  /** told of each thread started (the first, and one after a crash): tests end one to see the next take over */
  onThread?: (worker: Worker) => void;
}

export function startAnswerThread(config: Pick<Config, "dataDir" | "llm" | "embeddings">, options: AnswerThreadOptions): ThreadAnswerer {
  const { logger } = options;
  const settings: AnswerThreadSettings = { dataDir: config.dataDir, llm: config.llm, embeddings: config.embeddings, logLevel: logger.level };
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let closed = false;
  let running: Running | undefined;

  function failPending(error: Error): void {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  }

  /** A log line of the thread, logged again here: the main logger masks it and writes where every line goes. */
  function relayLog(line: string): void {
    let record: { level: number; msg?: string; time?: unknown };
    try {
      record = JSON.parse(line) as typeof record;
    } catch {
      logger.warn({ line }, "answer thread wrote a log line that is not JSON");
      return;
    }
    const { level, msg, time: _time, ...fields } = record;
    const name = logger.levels.labels[level] as "trace" | "debug" | "info" | "warn" | "error" | "fatal" | undefined;
    logger[name ?? "info"](fields, msg ?? "");
  }

  function spawn(): Running {
    const entry = threadEntry();
    const worker = new Worker(entry.filename, { eval: entry.eval, workerData: settings, resourceLimits: THREAD_HEAP_LIMITS });
    // Only a question waiting for its answer keeps the process alive (ref while any is pending).
    worker.unref();
    let settle!: { resolve(): void; reject(error: Error): void };
    const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    // Awaited by answer() and by whoever starts the runtime; never an unhandled rejection here.
    ready.catch(() => {});
    const self: Running = { worker, ready };
    options.onThread?.(worker);
    worker.on("message", (raw: unknown) => {
      const parsed = threadMessageSchema.safeParse(raw);
      if (!parsed.success) {
        logger.error({ issues: parsed.error.issues }, "answer thread sent a malformed message");
        return;
      }
      const message = parsed.data;
      switch (message.type) {
        case "ready":
          settle.resolve();
          return;
        case "failed":
          settle.reject(errorFromThread(message.error));
          return;
        case "log":
          relayLog(message.line);
          return;
        case "answer":
        case "error": {
          const p = pending.get(message.id);
          if (!p) return;
          pending.delete(message.id);
          if (pending.size === 0) worker.unref();
          if (message.type === "answer") p.resolve(message.result);
          else p.reject(errorFromThread(message.error));
          return;
        }
      }
    });
    worker.on("error", (err) => {
      // An uncaught error in the thread; it exits next ("exit" fails what it had).
      if (!closed) logger.error({ err }, "answer thread failed");
      settle.reject(err);
    });
    worker.on("exit", (code) => {
      if (running === self) running = undefined;
      const error = new Error(closed ? "答题线程已停止" : `答题线程意外退出（代码 ${code}）`);
      settle.reject(error);
      failPending(error);
    });
    return self;
  }

  const first = (running = spawn());

  return {
    ready: first.ready,

    async answer(question: string, answerOptions: AnswerOptions = {}): Promise<AnswerResult> {
      if (closed) throw new Error("答题线程已停止");
      const current = (running ??= spawn());
      await current.ready;
      const id = nextId++;
      const request: AnswerRequest = { id, question, options: answerOptions };
      return new Promise<AnswerResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        if (pending.size === 1) current.worker.ref();
        current.worker.postMessage(request);
      });
    },

    async close() {
      closed = true;
      const current = running;
      running = undefined;
      if (current) await current.worker.terminate();
      failPending(new Error("答题线程已停止"));
    },
  };
}

/**
 * The thread's young generation (where each answer's short-lived objects go):
 * V8 lets it grow to 48 MB, which it does within a few hundred questions and
 * keeps resident. At 8 MB the thread stays ~25 MB smaller (answering thread
 * alone, 400 questions: 183 → 158 MB RSS) at no measurable cost per answer
 * (3.7 → 3.2 ms, within the noise): an answer's garbage is a few hundred KB.
 */
const THREAD_HEAP_LIMITS = { maxYoungGenerationSizeMb: 8 };

/**
 * The thread's entry beside this module: compiled JavaScript in dist/ (the
 * production path), or the TypeScript source when the sources run through
 * tsx or vitest — then the thread registers tsx's loader before importing it,
 * as threads do not inherit the main thread's loader.
 */
function threadEntry(): { filename: string | URL; eval: boolean } {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) {
    // The build's one-file copy of the thread's modules when it wrote one (scripts/bundle-entries.mjs): loads in less time.
    const bundle = new URL("./answer-thread.bundle.js", here);
    return { filename: existsSync(bundle) ? bundle : new URL("./answer-thread.js", here), eval: false };
  }
  // tsx's "./esm/api" export for `import` (package.json exports), by path: this module may be CommonJS-resolved.
  const tsxRoot = dirname(createRequire(here).resolve("tsx/package.json"));
  const tsxApi = pathToFileURL(join(tsxRoot, "dist", "esm", "api", "index.mjs")).href;
  const source = new URL("./answer-thread.ts", here).href;
  return { filename: `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, eval: true };
}
