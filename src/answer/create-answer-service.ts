/**
 * Builds (or loads) the policy index and the answerer once, for the CLI, the
 * chat and the channels to share:
 *
 *   const { answerer } = await createPolicyAssistantServices(loadConfig());
 *   const reply = await answerer.answer("那淄博呢？", { history: [{ question: "浙江示范区要多少家机构？" }] });
 *
 * The vector store is persisted under `<dataDir>/policy-index/` and rebuilt
 * only when the pieces or the embedding model change (see the manifest).
 */
import { join } from "node:path";
import type { Logger } from "pino";
import type { Config } from "../config.ts";
import { listPieces } from "../knowledge/load-policies.ts";
import type { PolicyPiece } from "../knowledge/policy-piece.types.ts";
import { createEmbeddings } from "../retrieval/create-embeddings.ts";
import type { PolicyIndex } from "../retrieval/passage.types.ts";
import { createPolicyIndex } from "../retrieval/policy-index.ts";
import type { Answerer } from "./answer.types.ts";
import { createAnswerer } from "./answerer.ts";
import { createOpenAiLlmClient, type LlmClient } from "./llm-client.ts";

export interface PolicyAssistantServices {
  index: PolicyIndex;
  answerer: Answerer;
  /** undefined = offline (extractive answers) */
  llm: LlmClient | undefined;
}

export interface ServiceOptions {
  logger?: Logger;
  /** defaults to the restored texts (`listPieces()`) */
  pieces?: readonly PolicyPiece[];
  /** replaces the chat model from config (tests) */
  llm?: LlmClient;
}

/** Where the persisted index lives. */
export function policyIndexDirectory(config: Pick<Config, "dataDir">): string {
  return join(config.dataDir, "policy-index");
}

export async function createPolicyAssistantServices(
  config: Pick<Config, "dataDir" | "llm" | "embeddings">,
  options: ServiceOptions = {},
): Promise<PolicyAssistantServices> {
  const index = await createPolicyIndex({
    pieces: options.pieces ?? listPieces(),
    embedding: createEmbeddings(config.embeddings, { timeoutMs: config.llm?.timeoutMs }),
    directory: policyIndexDirectory(config),
    logger: options.logger,
  });
  const llm = options.llm ?? (config.llm ? createOpenAiLlmClient(config.llm) : undefined);
  return { index, llm, answerer: createAnswerer({ index, llm, logger: options.logger }) };
}

const shared = new Map<string, Promise<PolicyAssistantServices>>();

/** The same services for every caller in this process with the same settings (chat + channels). */
export function getPolicyAssistantServices(
  config: Pick<Config, "dataDir" | "llm" | "embeddings">,
  options: Pick<ServiceOptions, "logger"> = {},
): Promise<PolicyAssistantServices> {
  const key = JSON.stringify([config.dataDir, config.llm?.baseURL, config.llm?.model, config.embeddings?.baseURL, config.embeddings?.model]);
  let services = shared.get(key);
  if (!services) {
    services = createPolicyAssistantServices(config, options);
    shared.set(key, services);
    services.catch(() => shared.delete(key));
  }
  return services;
}
