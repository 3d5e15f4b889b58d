/**
 * The vector store (src/retrieval/hnsw-vector-store.ts) keeps LangChain's
 * HNSWLib files and behaviour without loading LangChain: built from the same
 * pieces it writes the same three files byte for byte, each loads what the
 * other saved, and searches return the same neighbours at the same distances.
 */
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { Document } from "@langchain/core/documents";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { HnswVectorStore } from "../src/retrieval/hnsw-vector-store.ts";
import { LocalHashEmbeddings } from "../src/retrieval/local-embeddings.ts";
import { makeTempDataDir } from "./support/e2e-runtime.ts";

const QUERIES = ["核心区面积不少于多少平方米", "专利质押融资的贴息", "服务机构数量", "示范区的认定程序", "品牌机构奖励"];
const FILES = ["args.json", "docstore.json", "hnswlib.index"];

describe("the HNSW vector store and LangChain's HNSWLib", () => {
  let dir: string;
  const pieces = listPieces().map((p) => ({ pageContent: p.text, metadata: { id: p.id } }));
  const embeddings = new LocalHashEmbeddings(pieces.map((p) => p.pageContent));

  beforeAll(async () => {
    dir = await makeTempDataDir("vector-store");
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("writes the files LangChain writes for the same pieces, byte for byte", async () => {
    const ours = await HnswVectorStore.build(pieces, embeddings);
    const theirs = await HNSWLib.fromDocuments(pieces.map((p) => new Document(p)), embeddings);
    await ours.save(join(dir, "ours"));
    await theirs.save(join(dir, "theirs"));
    for (const file of FILES) {
      const [a, b] = await Promise.all([readFile(join(dir, "ours", file)), readFile(join(dir, "theirs", file))]);
      expect(a.equals(b), file).toBe(true);
    }
  });

  it("loads what LangChain saved and searches as it does; LangChain loads what it saved", async () => {
    const ours = await HnswVectorStore.load(join(dir, "theirs"));
    const theirs = await HNSWLib.load(join(dir, "ours"), embeddings);
    for (const query of QUERIES) {
      const vector = await embeddings.embedQuery(query);
      const mine = ours.similaritySearchVectorWithScore(vector, 12).map(([doc, distance]) => [doc.metadata.id, distance]);
      const lc = (await theirs.similaritySearchVectorWithScore(vector, 12)).map(([doc, distance]) => [doc.metadata.id, distance]);
      expect(mine, query).toEqual(lc);
      expect(mine).toHaveLength(12);
    }
  });

  it("a query of another dimension is refused, not answered with nonsense", async () => {
    const ours = await HnswVectorStore.load(join(dir, "ours"));
    expect(() => ours.similaritySearchVectorWithScore([0.1, 0.2, 0.3], 3)).toThrow(/dimensions/);
  });
});
