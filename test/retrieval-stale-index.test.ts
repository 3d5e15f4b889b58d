/**
 * A persisted index whose files no longer match — the docstore emptied to
 * `[]`, or vectors of another length behind the same embedding name — is
 * rebuilt at start instead of loaded (it would fail every vector search).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { localEmbeddingChoice } from "../src/retrieval/create-embeddings.ts";
import type { EmbeddingChoice } from "../src/retrieval/create-embeddings.ts";
import { createPolicyIndex } from "../src/retrieval/policy-index.ts";
import { createLineLogger } from "./support/assistant-harness.ts";

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "ipzone-stale-index-"));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** The same embedding name, but each vector `extra` numbers longer (a model that changed its dimensions). */
function longerVectors(choice: EmbeddingChoice, extra: number): EmbeddingChoice {
  return {
    id: choice.id,
    forCorpus(corpus) {
      const inner = choice.forCorpus(corpus);
      const pad = (v: number[]) => [...v, ...new Array<number>(extra).fill(0.01)];
      const wrapped: EmbeddingsInterface = {
        embedDocuments: async (texts) => (await inner.embedDocuments(texts)).map(pad),
        embedQuery: async (text) => pad(await inner.embedQuery(text)),
      };
      return wrapped;
    },
  };
}

async function expectWorkingVectorSearch(index: Awaited<ReturnType<typeof createPolicyIndex>>, lines: string[]) {
  const hits = await index.search("示范区核心区面积要求", 5);
  expect(hits.some((h) => h.vectorRank !== undefined)).toBe(true);
  expect(lines.join("\n")).not.toContain("vector search failed");
}

describe("a persisted policy index that does not match", () => {
  it("docstore `[]`: rebuilt, and vector search works", async () => {
    const directory = join(dataDir, "policy-index");
    const pieces = listPieces();
    const embedding = localEmbeddingChoice();
    await createPolicyIndex({ pieces, embedding, directory });
    await writeFile(join(directory, "hnswlib", "docstore.json"), "[]");

    const lines: string[] = [];
    const index = await createPolicyIndex({ pieces, embedding, directory, logger: createLineLogger("warn", lines) });
    expect(index.origin.loadedFromDisk).toBe(false);
    await expectWorkingVectorSearch(index, lines);
    // …and the rebuilt files are good for the next start.
    expect((await createPolicyIndex({ pieces, embedding, directory })).origin.loadedFromDisk).toBe(true);
  }, 60_000);

  it("vectors of another dimension under the same embedding name: rebuilt, and vector search works", async () => {
    const directory = join(dataDir, "policy-index");
    const pieces = listPieces();
    const embedding = localEmbeddingChoice();
    await createPolicyIndex({ pieces, embedding, directory });

    const lines: string[] = [];
    const changed = longerVectors(embedding, 8);
    const index = await createPolicyIndex({ pieces, embedding: changed, directory, logger: createLineLogger("warn", lines) });
    expect(index.origin.loadedFromDisk).toBe(false);
    await expectWorkingVectorSearch(index, lines);
    expect((await createPolicyIndex({ pieces, embedding: changed, directory })).origin.loadedFromDisk).toBe(true);
  }, 60_000);
});
