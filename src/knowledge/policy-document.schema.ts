/**
 * The structured, restored policy texts under knowledge/ (document → chapter →
 * article → item). Every piece carries its citation id (docs/citation-ids.md).
 */
import { z } from "zod";

import { jurisdictionSchema, policyIdSchema } from "./jurisdictions.ts";

export { policyIdSchema, type PolicyId } from "./jurisdictions.ts";

export const policyItemSchema = z.strictObject({
  /** e.g. "zb2020:9.5" */
  id: z.string().regex(/^[a-z]+\d+:\d+\.\d+$/),
  number: z.number().int().positive(),
  /** as printed: "（五）" or "2．" */
  label: z.string(),
  text: z.string().min(1),
});
export type PolicyItem = z.infer<typeof policyItemSchema>;

export const policyArticleSchema = z.strictObject({
  /** e.g. "zb2020:9"; the Zibo opening paragraph is "zb2020:preamble" */
  id: z.string().regex(/^[a-z]+\d+:(\d+|preamble)$/),
  /** 0 = the Zibo preamble (citation.ts reads zb2020:preamble and zb2020:1 as article 0) */
  number: z.number().int().nonnegative(),
  /** "第九条"; the preamble, unlabelled in the text, is "印发通知及开头部分" (as formatClause shows it) */
  label: z.string(),
  /** "第五章 保障和管理" (whitespace collapsed) where the document has chapters */
  chapter: z.string().optional(),
  /** a title the article carries in the text, e.g. Zibo 第九条 "保障措施" */
  heading: z.string().optional(),
  /** paragraphs before the items */
  lead: z.array(z.string()),
  items: z.array(policyItemSchema),
  /** paragraphs after the items (e.g. 「当年度优惠政策只享受一次，不重复支持。」) */
  tail: z.array(z.string()),
});
export type PolicyArticle = z.infer<typeof policyArticleSchema>;

export const policyDocumentSchema = z.strictObject({
  id: policyIdSchema,
  jurisdiction: jurisdictionSchema,
  title: z.string(),
  shortTitle: z.string(),
  issuer: z.string(),
  issued: z.string().optional(),
  effective: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** trial: true with no `trialEnds` = trial with no end date */
  trial: z.boolean(),
  trialEnds: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** raw file under knowledge/raw/ */
  source: z.string(),
  articles: z.array(policyArticleSchema),
  /** restoration notes: pieces placed with less than certainty, or not placed */
  placementNotes: z.array(
    z.strictObject({ text: z.string(), placedAt: z.string().optional(), reason: z.string() }),
  ),
});
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;
