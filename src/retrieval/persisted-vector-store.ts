/**
 * The vector half of the index: an HNSW store built and saved by LangChain's
 * HNSWLib under `<dataDir>/policy-index/` with a manifest, and read by
 * hnsw-vector-store.ts without LangChain. The store is reused
 * while the manifest's hash of the pieces and embedding id match; otherwise it
 * is rebuilt and saved again. A new store is written beside the old one and
 * renamed into place, so a concurrent reader never sees half a store.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { z } from "zod";
import { buildWithLangChain, HnswVectorStore } from "./hnsw-vector-store.ts";

/** Bump when what is embedded for a piece changes (see `indexText`). */
export const INDEX_FORMAT_VERSION = 1;

const manifestSchema = z.object({
  formatVersion: z.number(),
  piecesHash: z.string(),
  embeddingId: z.string(),
  count: z.number().int(),
  builtAt: z.string(),
});
export type IndexManifest = z.infer<typeof manifestSchema>;

export interface VectorEntry {
  id: string;
  text: string;
}

export interface PersistedStore {
  store: HnswVectorStore;
  loadedFromDisk: boolean;
  directory: string | undefined;
}

export function hashEntries(entries: readonly VectorEntry[]): string {
  const h = createHash("sha256");
  h.update(String(INDEX_FORMAT_VERSION));
  for (const e of entries) h.update(`\u0000${e.id}\u0001${e.text}`);
  return h.digest("hex");
}

async function readManifest(dir: string): Promise<IndexManifest | undefined> {
  try {
    return manifestSchema.parse(JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")));
  } catch {
    return undefined;
  }
}

/**
 * The manifest can say "same pieces, same embedding" of files that do not
 * hold them: a docstore emptied or cut short, an index of another dimension
 * (the embedding model behind an unchanged name now returns longer vectors).
 * Such a store would load and then fail every search, so it is checked:
 * every piece once in the index and the docstore, and the index's dimension
 * that of the embedding's vectors now.
 */
async function storeMatches(store: HnswVectorStore, entries: readonly VectorEntry[], embeddings: EmbeddingsInterface): Promise<boolean> {
  const index = store.index;
  if (index.getCurrentCount() !== entries.length) return false;
  const docs = store.docs;
  if (docs.size !== entries.length) return false;
  const ids = new Set([...docs.values()].map((d) => String(d.metadata?.id)));
  if (!entries.every((e) => ids.has(e.id))) return false;
  let dimension: number;
  try {
    dimension = (await embeddings.embedQuery(entries[0]?.text ?? "")).length;
  } catch {
    // A remote embedding that is down says nothing about the files: keep them.
    return true;
  }
  return index.getNumDimensions() === dimension;
}

/** Built by LangChain's HNSWLib and saved into `directory` (a temporary folder without one). */
async function buildStore(entries: readonly VectorEntry[], embeddings: EmbeddingsInterface, directory?: string): Promise<HnswVectorStore> {
  return buildWithLangChain(
    entries.map((e) => ({ pageContent: e.text, metadata: { id: e.id } })),
    embeddings,
    directory,
  );
}

/**
 * Loads the persisted store when it was built from the same entries with the
 * same embedding; builds (and, with a directory, saves) it otherwise.
 */
export async function loadOrBuildVectorStore(
  entries: readonly VectorEntry[],
  embeddings: EmbeddingsInterface,
  embeddingId: string,
  directory: string | undefined,
): Promise<PersistedStore> {
  const piecesHash = hashEntries(entries);
  if (directory) {
    const manifest = await readManifest(directory);
    if (
      manifest &&
      manifest.formatVersion === INDEX_FORMAT_VERSION &&
      manifest.piecesHash === piecesHash &&
      manifest.embeddingId === embeddingId &&
      manifest.count === entries.length
    ) {
      try {
        const store = await HnswVectorStore.load(join(directory, "hnswlib"));
        if (await storeMatches(store, entries, embeddings)) return { store, loadedFromDisk: true, directory };
      } catch {
        // A damaged store is rebuilt below, like a stale one.
      }
    }
  }

  if (!directory) return { store: await buildStore(entries, embeddings), loadedFromDisk: false, directory };
  await mkdir(directory, { recursive: true });
  const tmp = join(directory, `hnswlib.tmp-${randomUUID()}`);
  const store = await buildStore(entries, embeddings, tmp);
  const target = join(directory, "hnswlib");
  await rm(target, { recursive: true, force: true });
  try {
    await rename(tmp, target);
  } catch {
    // Another process saved the same store first; its copy is as good as ours.
    await rm(tmp, { recursive: true, force: true });
  }
  const manifest: IndexManifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    piecesHash,
    embeddingId,
    count: entries.length,
    builtAt: new Date().toISOString(),
  };
  const tmpManifest = join(directory, `manifest.tmp-${randomUUID()}.json`);
  await writeFile(tmpManifest, JSON.stringify(manifest, null, 2));
  await rename(tmpManifest, join(directory, "manifest.json"));
  return { store, loadedFromDisk: false, directory };
}
