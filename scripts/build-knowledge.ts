/**
 * Regenerates knowledge/zj2018.json and knowledge/zb2020.json from the raw
 * texts and knowledge/zb2020.placement.json (npm run knowledge:build).
 * Placement notes (judgement calls, unplaced paragraphs) are printed to stderr.
 */
import { writeFileSync } from "node:fs";
import { buildPolicyDocuments, serialisePolicyDocument } from "../src/knowledge/restore/build-policy-documents.ts";
import { KNOWLEDGE_DIR } from "../src/knowledge/knowledge-paths.ts";

for (const doc of buildPolicyDocuments()) {
  writeFileSync(`${KNOWLEDGE_DIR}${doc.id}.json`, serialisePolicyDocument(doc));
  const unplaced = doc.placementNotes.filter((n) => n.placedAt === undefined);
  process.stderr.write(
    `knowledge/${doc.id}.json: ${doc.articles.length} articles, ${doc.placementNotes.length} placement notes` +
      (unplaced.length > 0 ? `, ${unplaced.length} UNPLACED` : "") +
      "\n",
  );
  for (const note of doc.placementNotes) {
    process.stderr.write(`  ${note.placedAt ?? "未安排"}: ${note.text.slice(0, 30)}…\n`);
  }
}
