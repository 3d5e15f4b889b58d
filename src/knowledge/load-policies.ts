/**
 * Runtime access to the restored policy texts. Reads the generated
 * knowledge/<id>.json (never the raw texts: restoration happens at build time,
 * `npm run knowledge:build`), validates them with zod once and caches them.
 */
import { readFileSync } from "node:fs";
import { normalizeCitation, parseCitation } from "./citation.ts";
import { KNOWLEDGE_DIR } from "./knowledge-paths.ts";
import { POLICIES } from "./policy-catalog.ts";
import {
  policyDocumentSchema,
  type PolicyArticle,
  type PolicyDocument,
  type PolicyId,
  type PolicyItem,
} from "./policy-document.schema.ts";
import type { PolicyPiece } from "./policy-piece.types.ts";
import { renderArticleText } from "./render-policy-text.ts";

export type { PolicyPiece } from "./policy-piece.types.ts";


let cache: PolicyDocument[] | undefined;
let piecesCache: PolicyPiece[] | undefined;

/** Both policies (zj2018, zb2020), validated; read from disk once per process. */
export function loadPolicyDocuments(): PolicyDocument[] {
  cache ??= (Object.keys(POLICIES) as PolicyId[]).map((id) => {
    const file = `${KNOWLEDGE_DIR}${id}.json`;
    const parsed = policyDocumentSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (!parsed.success) {
      throw new Error(`${file} does not match policyDocumentSchema (run npm run knowledge:build): ${parsed.error.message}`);
    }
    return parsed.data;
  });
  return cache;
}

export function getPolicyDocument(id: PolicyId): PolicyDocument {
  const doc = loadPolicyDocuments().find((d) => d.id === id);
  if (!doc) throw new Error(`policy ${id} not loaded`);
  return doc;
}

/**
 * The article a citation points into: `zb2020:9.5` and `zb2020:9` both give
 * 第九条; `zb2020:1` and `zb2020:preamble` give the preamble. Undefined when
 * the id is malformed or names no article.
 */
export function getArticle(citationId: string): PolicyArticle | undefined {
  const c = parseCitation(normalizeCitation(citationId));
  if (!c) return undefined;
  return getPolicyDocument(c.doc).articles.find((a) => a.number === c.article);
}

/** The item a citation names (`zb2020:9.5`), undefined for article-level ids. */
export function getItem(citationId: string): PolicyItem | undefined {
  const c = parseCitation(normalizeCitation(citationId));
  if (!c || c.item === undefined) return undefined;
  return getArticle(citationId)?.items.find((i) => i.number === c.item);
}

/**
 * Text of an item (without its label), or of a whole article as printed
 * (label, heading, lead, labelled items, tail — one paragraph a line).
 */
export function getPieceText(citationId: string): string | undefined {
  const c = parseCitation(normalizeCitation(citationId));
  if (!c) return undefined;
  if (c.item !== undefined) return getItem(citationId)?.text;
  const article = getArticle(citationId);
  return article ? renderArticleText(article) : undefined;
}

/**
 * Every retrievable piece, in document order: one per item; an article's own
 * lead and tail paragraphs form one piece with the article id; an article
 * without items is one piece. An article whose only own text is a heading
 * (Zibo 第七条 申报程序) has no article-level piece: the heading rides on its items.
 */
export function listPieces(): PolicyPiece[] {
  piecesCache ??= loadPolicyDocuments().flatMap((doc) => doc.articles.flatMap((a) => articlePieces(doc.id, a)));
  return piecesCache;
}

function articlePieces(doc: PolicyId, a: PolicyArticle): PolicyPiece[] {
  const common = {
    doc,
    article: a.number,
    ...(a.chapter !== undefined && { chapter: a.chapter }),
    ...(a.heading !== undefined && { heading: a.heading }),
  };
  const own = [...a.lead, ...a.tail];
  const pieces: PolicyPiece[] = [];
  if (own.length > 0) pieces.push({ id: a.id, ...common, text: own.join("\n") });
  for (const item of a.items) pieces.push({ id: item.id, ...common, item: item.number, text: item.text });
  return pieces;
}

