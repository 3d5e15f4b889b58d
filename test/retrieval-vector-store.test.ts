/**
 * The vector store is built and saved by LangChain's HNSWLib; the answering
 * path reads the saved files without LangChain (src/retrieval/hnsw-vector-store.ts)
 * and must search as HNSWLib does: the same neighbours at the same distances.
 */
import { readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { HnswVectorStore } from "../src/retrieval/hnsw-vector-store.ts";
import { loadOrBuildVectorStore } from "../src/retrieval/persisted-vector-store.ts";
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

  it("the saved store is LangChain's: HNSWLib loads it, and the reader searches as HNSWLib does", async () => {
    const entries = pieces.map((p) => ({ id: String(p.metadata.id), text: p.pageContent }));
    const built = await loadOrBuildVectorStore(entries, embeddings, "local-hash", dir);
    expect(built.loadedFromDisk).toBe(false);
    for (const file of FILES) expect((await readFile(join(dir, "hnswlib", file))).length, file).toBeGreaterThan(0);
    const reread = await loadOrBuildVectorStore(entries, embeddings, "local-hash", dir);
    expect(reread.loadedFromDisk).toBe(true);
    const theirs = await HNSWLib.load(join(dir, "hnswlib"), embeddings);
    for (const query of QUERIES) {
      const vector = await embeddings.embedQuery(query);
      const lc = (await theirs.similaritySearchVectorWithScore(vector, 12)).map(([doc, distance]) => [doc.metadata.id, distance]);
      for (const store of [built.store, reread.store]) {
        const mine = store.similaritySearchVectorWithScore(vector, 12).map(([doc, distance]) => [doc.metadata.id, distance]);
        expect(mine, query).toEqual(lc);
      }
      expect(lc).toHaveLength(12);
    }
  });

  it("without a data folder the store is built in memory and no temporary folder is left behind", async () => {
    const before = (await readdir(tmpdir())).filter((f) => f.startsWith("ipzone-hnsw-"));
    const entries = pieces.map((p) => ({ id: String(p.metadata.id), text: p.pageContent }));
    const { store, directory } = await loadOrBuildVectorStore(entries, embeddings, "local-hash", undefined);
    expect(directory).toBeUndefined();
    expect(store.docs.size).toBe(entries.length);
    const after = (await readdir(tmpdir())).filter((f) => f.startsWith("ipzone-hnsw-"));
    expect(after).toEqual(before);
  });

  it("a query of another dimension is refused, not answered with nonsense", async () => {
    const ours = await HnswVectorStore.load(join(dir, "hnswlib"));
    expect(() => ours.similaritySearchVectorWithScore([0.1, 0.2, 0.3], 3)).toThrow(/dimensions/);
  });
});
