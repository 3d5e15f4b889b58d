/**
 * Raw texts + placement map → the two PolicyDocuments, validated. Pure apart
 * from reading knowledge/; scripts/build-knowledge.ts writes the result and the
 * tests compare it with the committed JSON, so a stale build fails.
 */
import { readFileSync } from "node:fs";
import { projectPath } from "../knowledge-paths.ts";
import { POLICIES } from "../policy-catalog.ts";
import { policyDocumentSchema, type PolicyDocument } from "../policy-document.schema.ts";
import { parseMeasures } from "./parse-measures.ts";
import { placementMapSchema } from "./placement-map.schema.ts";
import { restoreZibo } from "./restore-zibo.ts";

export const RAW_SOURCES = {
  zj2018: "knowledge/raw/zhejiang-2018-measures.txt",
  zb2020: "knowledge/raw/zibo-2020-plan.txt",
} as const;

export const ZIBO_PLACEMENT_MAP = "knowledge/zb2020.placement.json";

const read = (relative: string) => readFileSync(projectPath(relative), "utf8");

export function buildPolicyDocuments(): PolicyDocument[] {
  const zj = parseMeasures(read(RAW_SOURCES.zj2018), POLICIES.zj2018, RAW_SOURCES.zj2018);
  const map = placementMapSchema.parse(JSON.parse(read(ZIBO_PLACEMENT_MAP)));
  const zb = restoreZibo(read(RAW_SOURCES.zb2020), map, RAW_SOURCES.zb2020);
  return [zj, zb].map((doc) => policyDocumentSchema.parse(doc));
}

/** The committed form: two-space JSON with a final newline. */
export function serialisePolicyDocument(doc: PolicyDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
