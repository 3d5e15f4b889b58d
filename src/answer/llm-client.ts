/**
 * The chat-model port and its one implementation: LangChain's `ChatOpenAI`
 * against any OpenAI-compatible endpoint (`config.llm`). The answerer only
 * sees `complete(messages, signal)`; tests point the real client at a
 * loopback server. @langchain/openai is imported on the first call, so the
 * offline default does not pay for loading it at start.
 */
import type { ChatOpenAI } from "@langchain/openai";
import type { Config } from "../config.ts";

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface LlmClient {
  readonly model: string;
  /** the answerer gives up and answers offline after this long */
  readonly timeoutMs: number;
  complete(messages: readonly ChatMessage[], signal: AbortSignal): Promise<string>;
}

export function createOpenAiLlmClient(settings: NonNullable<Config["llm"]>): LlmClient {
  let chat: Promise<ChatOpenAI> | undefined;
  const load = (): Promise<ChatOpenAI> =>
    (chat ??= import("@langchain/openai").then(
      ({ ChatOpenAI }) =>
        new ChatOpenAI({
          model: settings.model,
          apiKey: settings.apiKey,
          configuration: { baseURL: settings.baseURL },
          temperature: 0,
          // One attempt: a slow or failing model falls back to the offline answer at once.
          maxRetries: 0,
          timeout: settings.timeoutMs,
        }),
    ));
  return {
    model: settings.model,
    timeoutMs: settings.timeoutMs,
    async complete(messages, signal) {
      const model = await load();
      const reply = await model.invoke(
        messages.map((m) => [m.role === "user" ? "human" : m.role === "assistant" ? "ai" : "system", m.content] as [string, string]),
        { signal },
      );
      return reply.text;
    },
  };
}
