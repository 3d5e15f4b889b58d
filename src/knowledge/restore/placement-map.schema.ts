/**
 * knowledge/zb2020.placement.json: where each fragment of the shuffled Zibo
 * text belongs. Human-editable — to move a paragraph, change its `at`; to
 * reorder unlabelled paragraphs of one article, reorder their entries.
 */
import { z } from "zod";

export const placementEntrySchema = z
  .strictObject({
    /** the fragment's first characters, label included ("（五）示范区内", "2．向辖区内"); whitespace is ignored */
    opening: z.string().min(1),
    /** when several fragments share the opening: the n-th of them in the raw text (1-based) */
    occurrence: z.number().int().positive().optional(),
    /**
     * "title" (a title line, checked against the catalog), "zb2020:preamble",
     * "zb2020:<article>" or "zb2020:<article>.<item>"
     */
    at: z.string().regex(/^(title|zb2020:preamble|zb2020:\d+(\.\d+)?)$/),
    /** for an unlabelled paragraph placed on an article: before its items (lead) or after them (tail) */
    part: z.enum(["lead", "tail"]).optional(),
    /** false = a judgement call; it becomes a placementNote of the document */
    certain: z.boolean().default(true),
    /** why it goes here (required when not certain) */
    reason: z.string().optional(),
  })
  .refine((e) => e.certain || (e.reason ?? "") !== "", { message: "an uncertain placement needs a reason" });
export type PlacementEntry = z.infer<typeof placementEntrySchema>;

export const placementMapSchema = z.strictObject({
  $comment: z.string().optional(),
  doc: z.literal("zb2020"),
  source: z.string(),
  fragments: z.array(placementEntrySchema),
});
export type PlacementMap = z.infer<typeof placementMapSchema>;
