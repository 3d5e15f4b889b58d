/**
 * The offline answerer over the two texts, built once per describe block, and
 * the opening paragraph of an answer that must not be a refusal — the set-up
 * the answer tests share.
 */
import { beforeAll, expect } from "vitest";
import type { Answerer, PreviousTurn } from "../../src/answer/answer.types.ts";
import { createAnswerer } from "../../src/answer/answerer.ts";
import { listPieces } from "../../src/knowledge/load-policies.ts";
import { localEmbeddingChoice } from "../../src/retrieval/create-embeddings.ts";
import { createPolicyIndex } from "../../src/retrieval/policy-index.ts";

export interface OfflineAnswerer {
  answerer: () => Answerer;
  /** The answer's first paragraph (its conclusion), asserting it is no refusal. */
  opening: (question: string, history?: PreviousTurn[]) => Promise<string>;
}

/** Call inside a describe block: the answerer is built in its beforeAll. */
export function useOfflineAnswerer(): OfflineAnswerer {
  let built: Answerer | undefined;
  beforeAll(async () => {
    const index = await createPolicyIndex({ pieces: listPieces(), embedding: localEmbeddingChoice() });
    built = createAnswerer({ index });
  }, 60_000);
  const answerer = (): Answerer => built!;
  return {
    answerer,
    async opening(question, history) {
      const r = await answerer().answer(question, { history });
      expect(r.refused, r.text).toBe(false);
      return r.text.split("\n\n")[0]!;
    },
  };
}
