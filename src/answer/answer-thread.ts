/**
 * The answering thread's entry point (started by answer-thread-client.ts):
 * loads the policy index — jieba, the vector store, the BM25 tables — and
 * answers the questions the main thread posts, one message each way.
 *
 * Retrieval and answer composition are synchronous CPU work of a few
 * milliseconds per question; run on the main thread they delay everything
 * else queued on its event loop, including the HTTP 200 a platform waits for.
 * Here they run beside it, on the machine's other core, and the main thread
 * never loads the index at all.
 *
 * Log lines go to the main thread, which logs them with its own logger, so
 * they are masked and leave on the same stream as every other line.
 */
import { parentPort, workerData } from "node:worker_threads";
import { lazyLogger, loadPino } from "../logging/lazy-logger.ts";
import { answerRequestSchema, answerThreadSettingsSchema, threadError, type ThreadMessage } from "./answer-thread-protocol.ts";
import { createPolicyAssistantServices } from "./create-answer-service.ts";

const port = parentPort;
if (!port) throw new Error("answer-thread.ts runs as a worker thread (answer-thread-client.ts starts it)");

const send = (message: ThreadMessage) => port.postMessage(message);
const settings = answerThreadSettingsSchema.parse(workerData);
// pino is loaded with the first line the thread logs (lazy-logger.ts).
const logger = lazyLogger(settings.logLevel, () =>
  loadPino()({ level: settings.logLevel, base: undefined }, { write: (line: string) => send({ type: "log", line }) }),
);

try {
  const { answerer } = await createPolicyAssistantServices({ dataDir: settings.dataDir, llm: settings.llm, embeddings: settings.embeddings }, { logger });
  port.on("message", (raw: unknown) => {
    const parsed = answerRequestSchema.safeParse(raw);
    if (!parsed.success) {
      logger.error({ issues: parsed.error.issues }, "answer thread: malformed request");
      return;
    }
    const { id, question, options } = parsed.data;
    answerer.answer(question, options).then(
      (result) => send({ type: "answer", id, result }),
      // Not logged here: the turn that asked logs its failure (once, on the main thread).
      (err: unknown) => send({ type: "error", id, error: threadError(err) }),
    );
  });
  send({ type: "ready" });
} catch (err) {
  // The main thread reports it (start-up fails, as it did with the index loaded in-process).
  send({ type: "failed", error: threadError(err) });
}
