/**
 * What the main thread and the answering thread (answer-thread.ts) say to
 * each other, checked with zod on arrival like every other boundary: a
 * message that does not parse is a bug on the other side, reported as such
 * instead of becoming a reply.
 *
 *   main → thread   workerData: AnswerThreadSettings, then AnswerRequest per question
 *   thread → main   "ready" once the index is loaded (or "failed"), then one
 *                   AnswerResponse per request, and "log" for each log line
 */
import { z } from "zod";
import { jurisdictionSchema } from "../knowledge/jurisdictions.ts";
import type { AnswerOptions, AnswerResult } from "./answer.types.ts";

export const answerThreadSettingsSchema = z.object({
  dataDir: z.string().min(1),
  llm: z.object({ baseURL: z.string(), apiKey: z.string(), model: z.string(), timeoutMs: z.number() }).optional(),
  embeddings: z.object({ baseURL: z.string(), apiKey: z.string(), model: z.string() }).optional(),
  /** pino level of the main thread's logger: lines below it are not even sent */
  logLevel: z.string(),
});
export type AnswerThreadSettings = z.infer<typeof answerThreadSettingsSchema>;

const previousTurnSchema = z.object({
  question: z.string(),
  jurisdictions: z.array(jurisdictionSchema).readonly().optional(),
  citations: z.array(z.string()).readonly().optional(),
  asked: z.string().optional(),
});
const answerOptionsSchema = z.object({
  history: z.array(previousTurnSchema).readonly().optional(),
  k: z.number().int().positive().optional(),
  useLlm: z.boolean().optional(),
}) satisfies z.ZodType<AnswerOptions>;

export const answerRequestSchema = z.object({ id: z.number().int(), question: z.string(), options: answerOptionsSchema });
export type AnswerRequest = z.infer<typeof answerRequestSchema>;

const answerResultSchema = z.object({
  text: z.string(),
  citations: z.array(z.string()),
  refused: z.boolean(),
  refusalReason: z.enum(["empty", "injection", "other-place", "off-topic"]).optional(),
  jurisdictions: z.array(jurisdictionSchema),
  retrieved: z.array(z.string()),
  resolvedQuestion: z.string(),
  asked: z.string().optional(),
  mode: z.enum(["llm", "offline"]),
  fallbackReason: z.enum(["timeout", "api-error", "malformed", "unverified"]).optional(),
  fallbackDetail: z.string().optional(),
}) satisfies z.ZodType<AnswerResult>;

/** An error crosses the thread as its name, message and stack (logged once, by the main thread). */
const threadErrorSchema = z.object({ name: z.string(), message: z.string(), stack: z.string().optional() });

export const threadMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("failed"), error: threadErrorSchema }),
  z.object({ type: z.literal("answer"), id: z.number().int(), result: answerResultSchema }),
  z.object({ type: z.literal("error"), id: z.number().int(), error: threadErrorSchema }),
  /** one pino line of the thread, logged again by the main thread's logger (which masks) */
  z.object({ type: z.literal("log"), line: z.string() }),
]);
export type ThreadMessage = z.infer<typeof threadMessageSchema>;

export function threadError(err: unknown): z.infer<typeof threadErrorSchema> {
  return err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : { name: "Error", message: String(err) };
}

/** The error again on the main thread, as the in-process answerer would have thrown it. */
export function errorFromThread(error: z.infer<typeof threadErrorSchema>): Error {
  const err = new Error(error.message);
  err.name = error.name;
  if (error.stack) err.stack = error.stack;
  return err;
}
