/**
 * The vector store as the answering path reads it: the three files LangChain's
 * `HNSWLib` saves (`args.json`, `docstore.json`, `hnswlib.index`), loaded and
 * searched with hnswlib-node's own calls — the ones `HNSWLib.load` and
 * `similaritySearchVectorWithScore` make — so a search returns the neighbours
 * and distances LangChain's would.
 *
 * LangChain builds and saves the store (`buildWithLangChain`); its class is not
 * loaded to answer: importing `@langchain/community/vectorstores/hnswlib`
 * brings @langchain/core's vector-store base and langsmith with it, ~250
 * modules, ~450 ms of CPU and ~27 MB before the first question, for three
 * hnswlib calls. The build pays that only when the texts or the embedding change.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import hnswlib from "hnswlib-node";
import { z } from "zod";

type HierarchicalNSW = InstanceType<typeof hnswlib.HierarchicalNSW>;

/** A stored piece, as LangChain's `Document` serialises it. */
export interface StoredDoc {
  pageContent: string;
  metadata: Record<string, unknown>;
}

const argsSchema = z.object({ space: z.literal("cosine"), numDimensions: z.number().int().positive() });
type StoreArgs = z.infer<typeof argsSchema>;
const docstoreSchema = z.array(z.tuple([z.string(), z.object({ pageContent: z.string(), metadata: z.record(z.string(), z.unknown()) })]));

export class HnswVectorStore {
  private constructor(
    readonly index: HierarchicalNSW,
    /** by the label each vector has in the index ("0", "1", …) */
    readonly docs: Map<string, StoredDoc>,
    private readonly args: StoreArgs,
  ) {}

  /** Reads a saved store; throws when a file is missing or not in the expected shape. */
  static async load(directory: string): Promise<HnswVectorStore> {
    const args = argsSchema.parse(JSON.parse(await readFile(join(directory, "args.json"), "utf8")));
    const index = new hnswlib.HierarchicalNSW(args.space, args.numDimensions);
    const [entries] = await Promise.all([
      readFile(join(directory, "docstore.json"), "utf8").then((text) => docstoreSchema.parse(JSON.parse(text))),
      index.readIndex(join(directory, "hnswlib.index")),
    ]);
    return new HnswVectorStore(index, new Map(entries), args);
  }

  /** The `k` nearest pieces with their cosine distance (1 − similarity), nearest first. */
  similaritySearchVectorWithScore(query: number[], k: number): [StoredDoc, number][] {
    if (query.length !== this.args.numDimensions) {
      throw new Error(`Query vector must have the same length as the number of dimensions (${this.args.numDimensions})`);
    }
    const { neighbors, distances } = this.index.searchKnn(query, Math.min(k, this.index.getCurrentCount()));
    return neighbors.map((label, i) => {
      const doc = this.docs.get(String(label));
      if (!doc) throw new Error(`ID ${label} not found.`);
      return [doc, distances[i]!];
    });
  }
}

/**
 * Embeds the pieces and builds the store with LangChain's `HNSWLib` (cosine
 * space, hnswlib's defaults), saved into `directory` — or, without one, into a
 * temporary folder removed once read — and returns it as the answering path
 * reads it.
 */
export async function buildWithLangChain(
  docs: readonly StoredDoc[],
  embeddings: EmbeddingsInterface,
  directory?: string,
): Promise<HnswVectorStore> {
  if (docs.length === 0) throw new Error("向量索引没有可索引的条文");
  const [{ HNSWLib }, { Document }] = await Promise.all([
    import("@langchain/community/vectorstores/hnswlib"),
    import("@langchain/core/documents"),
  ]);
  const built = await HNSWLib.fromDocuments(
    docs.map((d) => new Document({ pageContent: d.pageContent, metadata: d.metadata })),
    embeddings,
  );
  const target = directory ?? (await mkdtemp(join(tmpdir(), "ipzone-hnsw-")));
  try {
    await built.save(target);
    return await HnswVectorStore.load(target);
  } finally {
    if (!directory) await rm(target, { recursive: true, force: true });
  }
}
