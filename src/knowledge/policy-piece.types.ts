/**
 * One retrievable piece of a policy text, at item granularity. The retrieval
 * index is built from exactly these (see `listPieces()` in load-policies.ts),
 * so this shape is a contract: add optional fields, never rename or remove.
 */
import type { PolicyId } from "./policy-document.schema.ts";

export interface PolicyPiece {
  /** citation id: "zb2020:9.5" for an item, "zb2020:9" for an article's own text, "zb2020:preamble" */
  id: string;
  doc: PolicyId;
  /** article number; 0 = the Zibo preamble */
  article: number;
  /** item number when the piece is one item */
  item?: number;
  /** "第五章 保障和管理" (Zhejiang only; Zibo has no chapters) */
  chapter?: string;
  /** the article's title where it has one, e.g. Zibo 第九条 "保障措施" */
  heading?: string;
  /** the text without its label ("第九条", "（五）"); paragraphs joined by "\n" */
  text: string;
}
