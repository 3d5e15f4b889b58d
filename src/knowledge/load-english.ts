/**
 * The unofficial English renderings of both texts (knowledge/en/<id>.en.json,
 * one entry per citation id, the same ids as the Chinese pieces) and the
 * bilingual glossary of domain terms (knowledge/en/glossary.json). Validated
 * with zod on first use; every rendering must carry the "unofficial" mark.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { KNOWLEDGE_DIR } from "./knowledge-paths.ts";
import { POLICIES } from "./policy-catalog.ts";
import type { PolicyId } from "./policy-document.schema.ts";

const renderingSchema = z.strictObject({
  policy: z.enum(["zj2018", "zb2020"]),
  title: z.string().min(1),
  unofficial: z.literal(true),
  note: z.string().min(1),
  pieces: z.record(z.string().regex(/^(zj2018|zb2020):(\d+(\.\d+)?|preamble)$/), z.string().min(1)),
});
export type EnglishRendering = z.infer<typeof renderingSchema>;

const glossaryEntrySchema = z.strictObject({ zh: z.string().min(1), en: z.array(z.string().min(1)).min(1) });
const glossarySchema = z.strictObject({
  note: z.string(),
  terms: z.array(glossaryEntrySchema),
  questionWords: z.array(glossaryEntrySchema),
});
export type Glossary = z.infer<typeof glossarySchema>;

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file} is not valid: ${parsed.error.message}`);
  return parsed.data;
}

let renderings: Map<PolicyId, EnglishRendering> | undefined;
let glossary: Glossary | undefined;

export function loadEnglishRenderings(): Map<PolicyId, EnglishRendering> {
  renderings ??= new Map(
    (Object.keys(POLICIES) as PolicyId[]).map((id) => [id, readJson(`${KNOWLEDGE_DIR}en/${id}.en.json`, renderingSchema)] as const),
  );
  return renderings;
}

/** The English rendering of one piece (`zb2020:9.1`), falling back to its article's. */
export function englishOf(id: string): string | undefined {
  const doc = id.split(":")[0] as PolicyId;
  const pieces = loadEnglishRenderings().get(doc)?.pieces;
  return pieces?.[id] ?? pieces?.[id.replace(/\.\d+$/, "")];
}

export function loadGlossary(): Glossary {
  glossary ??= readJson(`${KNOWLEDGE_DIR}en/glossary.json`, glossarySchema);
  return glossary;
}
