/**
 * The vector store: hnswlib-node's HNSW index and the pieces it holds, saved
 * as the three files LangChain's `HNSWLib` store writes (`args.json`,
 * `docstore.json`, `hnswlib.index`) and built and searched with the same
 * calls, so an index saved by either one loads in the other and a search
 * returns the same neighbours at the same distances.
 *
 * LangChain's class is not loaded for it: importing
 * `@langchain/community/vectorstores/hnswlib` brings @langchain/core's
 * vector-store base and langsmith with it, ~250 modules, ~450 ms of CPU and
 * ~27 MB before the first question, for a wrapper around three hnswlib calls.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
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

  /** Embeds the pieces and adds them in order, as `HNSWLib.fromDocuments` does (cosine space, hnswlib's default M, ef and seed). */
  static async build(docs: readonly StoredDoc[], embeddings: EmbeddingsInterface): Promise<HnswVectorStore> {
    const vectors = await embeddings.embedDocuments(docs.map((d) => d.pageContent));
    if (vectors.length === 0) throw new Error("向量索引没有可索引的条文");
    const args: StoreArgs = { space: "cosine", numDimensions: vectors[0]!.length };
    const index = new hnswlib.HierarchicalNSW(args.space, args.numDimensions);
    index.initIndex(vectors.length);
    const stored = new Map<string, StoredDoc>();
    vectors.forEach((vector, i) => {
      if (vector.length !== args.numDimensions) throw new Error(`向量维度不一致：${vector.length} ≠ ${args.numDimensions}`);
      index.addPoint(vector, i);
      stored.set(String(i), docs[i]!);
    });
    return new HnswVectorStore(index, stored, args);
  }

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

  async save(directory: string): Promise<void> {
    await mkdir(directory, { recursive: true });
    await Promise.all([
      this.index.writeIndex(join(directory, "hnswlib.index")),
      writeFile(join(directory, "args.json"), JSON.stringify(this.args)),
      writeFile(join(directory, "docstore.json"), JSON.stringify([...this.docs.entries()])),
    ]);
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
