// Run by the build (jieba-tables.mjs's writeStartData, `node scripts/record-start-data.mjs <dist>`)
// in a process of its own, on the compiled dist/: records what every later start would otherwise
// work out again.
// - dist/knowledge/validated.json: the digest of each policy file under knowledge/, validated here
//   with its schema; a start that reads the same bytes skips the schema (src/knowledge/load-policies.ts).
// - dist/jieba/preload-keys.json: the jieba dictionary keys that building the policy index and its
//   answerer loads, which a start then loads at once instead of looking each up
//   (src/retrieval/jieba-on-demand.ts).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

const dist = process.argv[2];
const load = (path) => import(pathToFileURL(join(dist, path)).href);
const [{ JIEBA_PRELOAD_PATH, jiebaDict }, { VALIDATED_KNOWLEDGE_PATH }] = await Promise.all([
  load("src/retrieval/jieba-files.js"),
  load("src/knowledge/knowledge-paths.js"),
]);
// Recorded from nothing: an old record would be trusted or loaded while recording.
rmSync(JIEBA_PRELOAD_PATH, { force: true });
rmSync(VALIDATED_KNOWLEDGE_PATH, { force: true });
const [{ listPieces, validatePolicyFiles }, { localEmbeddingChoice }, { createPolicyIndex }, { createAnswerer }, { getTokenizer }, { formatPreload }] =
  await Promise.all([
    load("src/knowledge/load-policies.js"),
    load("src/retrieval/create-embeddings.js"),
    load("src/retrieval/policy-index.js"),
    load("src/answer/answerer.js"),
    load("src/retrieval/tokenizer.js"),
    load("src/retrieval/jieba-on-demand.js"),
  ]);

const digests = validatePolicyFiles();
const index = await createPolicyIndex({ pieces: listPieces(), embedding: localEmbeddingChoice() });
createAnswerer({ index });

mkdirSync(dirname(VALIDATED_KNOWLEDGE_PATH), { recursive: true });
writeFileSync(VALIDATED_KNOWLEDGE_PATH, JSON.stringify(digests, null, 2) + "\n");
mkdirSync(dirname(JIEBA_PRELOAD_PATH), { recursive: true });
writeFileSync(JIEBA_PRELOAD_PATH, formatPreload(getTokenizer().loadedDictionaryKeys(), jiebaDict().byteLength));
