/**
 * Which embedding the index uses: `OpenAIEmbeddings` against the configured
 * OpenAI-compatible endpoint, otherwise the local, network-free
 * `LocalHashEmbeddings` (fitted on the texts it will index). The id goes into
 * the index manifest, so changing the model rebuilds the vectors.
 */
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { ClientOptions } from "@langchain/openai";
import type { Config } from "../config.ts";
import { LOCAL_EMBEDDING_ID, LocalHashEmbeddings } from "./local-embeddings.ts";

export interface EmbeddingChoice {
  /** stable name of the model: "local-tfidf-ngram-v2-1024", "openai:<base url>:<model>" */
  id: string;
  /** the embedding to index `corpus` with (and to embed questions against it) */
  forCorpus(corpus: readonly string[]): EmbeddingsInterface;
}

interface OpenAiEmbeddingFields {
  model: string;
  apiKey: string;
  configuration: ClientOptions;
  timeout: number;
  maxRetries: number;
}

/**
 * `OpenAIEmbeddings`, imported on first use: loading @langchain/openai takes
 * about a second, which the offline default should not pay at start.
 */
class LazyOpenAiEmbeddings implements EmbeddingsInterface {
  private inner: Promise<EmbeddingsInterface> | undefined;
  constructor(private readonly fields: OpenAiEmbeddingFields) {}
  private load(): Promise<EmbeddingsInterface> {
    this.inner ??= import("@langchain/openai").then(({ OpenAIEmbeddings }) => new OpenAIEmbeddings(this.fields));
    return this.inner;
  }
  async embedDocuments(documents: string[]): Promise<number[][]> {
    return (await this.load()).embedDocuments(documents);
  }
  async embedQuery(document: string): Promise<number[]> {
    return (await this.load()).embedQuery(document);
  }
}

/** The network-free default. */
export function localEmbeddingChoice(): EmbeddingChoice {
  return { id: LOCAL_EMBEDDING_ID, forCorpus: (corpus) => new LocalHashEmbeddings(corpus) };
}

export function createEmbeddings(settings: Config["embeddings"], { timeoutMs = 15_000 } = {}): EmbeddingChoice {
  if (!settings) return localEmbeddingChoice();
  const embeddings = new LazyOpenAiEmbeddings({
    model: settings.model,
    apiKey: settings.apiKey,
    configuration: { baseURL: settings.baseURL },
    timeout: timeoutMs,
    maxRetries: 1,
  });
  return { id: `openai:${settings.baseURL.replace(/\/+$/, "")}:${settings.model}`, forCorpus: () => embeddings };
}
