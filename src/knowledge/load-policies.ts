/**
 * Runtime access to the restored policy texts. Reads the generated
 * knowledge/<id>.json (never the raw texts: restoration happens at build time,
 * `npm run knowledge:build`), validates them with zod once and caches them.
 * The production build validates them too and records each file's digest
 * (dist/knowledge/validated.json): a start that finds the same bytes skips the
 * schema, whose parse of these 32 kB only copies them (~20 ms of every start's
 * CPU); an edited file, or one without a record, is validated as before.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { normalizeCitation, parseCitation } from "./citation.ts";
import { KNOWLEDGE_DIR, VALIDATED_KNOWLEDGE_PATH } from "./knowledge-paths.ts";
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

/** The digest the build records of a knowledge file's text. */
export function knowledgeDigest(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The digests of the files the build validated, by policy id ({} without a build). */
function validatedByBuild(): Partial<Record<PolicyId, string>> {
  try {
    return JSON.parse(readFileSync(VALIDATED_KNOWLEDGE_PATH, "utf8")) as Partial<Record<PolicyId, string>>;
  } catch {
    return {};
  }
}

function parsePolicyDocument(file: string, text: string): PolicyDocument {
  const parsed = policyDocumentSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`${file} does not match policyDocumentSchema (run npm run knowledge:build): ${parsed.error.message}`);
  }
  return parsed.data;
}

/** Both policies (zj2018, zb2020), validated; read from disk once per process. */
export function loadPolicyDocuments(): PolicyDocument[] {
  if (cache) return cache;
  const validated = validatedByBuild();
  cache = (Object.keys(POLICIES) as PolicyId[]).map((id) => {
    const file = `${KNOWLEDGE_DIR}${id}.json`;
    const text = readFileSync(file, "utf8");
    // These very bytes passed the schema at build time (validatePolicyFiles).
    if (validated[id] !== undefined && validated[id] === knowledgeDigest(text)) return JSON.parse(text) as PolicyDocument;
    return parsePolicyDocument(file, text);
  });
  return cache;
}

/** Validates every policy file with the schema (throws on the first that fails) and returns their digests: what the build records. */
export function validatePolicyFiles(): Record<PolicyId, string> {
  const digests = {} as Record<PolicyId, string>;
  for (const id of Object.keys(POLICIES) as PolicyId[]) {
    const file = `${KNOWLEDGE_DIR}${id}.json`;
    const text = readFileSync(file, "utf8");
    parsePolicyDocument(file, text);
    digests[id] = knowledgeDigest(text);
  }
  return digests;
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

