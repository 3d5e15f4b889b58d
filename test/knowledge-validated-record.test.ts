/**
 * A start skips the schema for a policy file whose bytes the build validated
 * (src/knowledge/load-policies.ts, scripts/record-start-data.mjs). That is only
 * sound while the schema's parse returns the file's JSON unchanged: no
 * defaults, no transforms, the same keys in the same order.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { KNOWLEDGE_DIR } from "../src/knowledge/knowledge-paths.ts";
import { knowledgeDigest, validatePolicyFiles } from "../src/knowledge/load-policies.ts";
import { POLICIES } from "../src/knowledge/policy-catalog.ts";
import { policyDocumentSchema } from "../src/knowledge/policy-document.schema.ts";

describe("policy files validated by the build", () => {
  for (const id of Object.keys(POLICIES)) {
    it(`${id}: the schema's parse gives back the file's JSON as it is`, () => {
      const text = readFileSync(`${KNOWLEDGE_DIR}${id}.json`, "utf8");
      const raw = JSON.parse(text);
      expect(JSON.stringify(policyDocumentSchema.parse(raw))).toBe(JSON.stringify(raw));
    });
  }

  it("are recorded by the digest of their bytes", () => {
    const digests = validatePolicyFiles();
    for (const id of Object.keys(POLICIES)) {
      expect(digests[id as keyof typeof digests]).toBe(knowledgeDigest(readFileSync(`${KNOWLEDGE_DIR}${id}.json`, "utf8")));
    }
    expect(knowledgeDigest("{}")).not.toBe(knowledgeDigest("{} "));
  });
});
