/**
 * Structures a well-formed policy text (the Zhejiang measures): title lines,
 * then 第X章 chapters, 第X条 articles, （一）/1． items, in reading order.
 * Any surprise (an item before any article, a number out of sequence) throws:
 * a well-formed text that does not read in order is not well-formed.
 */
import type { PolicyMeta } from "../policy-catalog.ts";
import type { PolicyArticle, PolicyDocument } from "../policy-document.schema.ts";
import { assertTitle, documentFromMeta } from "./document-shell.ts";
import { readMarker } from "./fragment-marker.ts";
import { newArticle } from "./new-article.ts";
import { splitFragments } from "./split-fragments.ts";

export function parseMeasures(raw: string, meta: PolicyMeta, source: string): PolicyDocument {
  const titleLines: string[] = [];
  const articles: PolicyArticle[] = [];
  let chapter: string | undefined;
  let current: PolicyArticle | undefined;

  for (const fragment of splitFragments(raw)) {
    const where = `${meta.id} line ${fragment.line}`;
    const marker = readMarker(fragment.text);
    if (marker.kind === "chapter") {
      chapter = `${marker.label} ${marker.rest}`;
      continue;
    }
    if (marker.kind === "article") {
      if (marker.number !== articles.length + 1) throw new Error(`${where}: ${marker.label} out of sequence`);
      current = newArticle(meta, marker.number, marker.label, marker.rest, chapter);
      articles.push(current);
      continue;
    }
    if (marker.kind === "item") {
      if (!current) throw new Error(`${where}: item ${marker.label} before any article`);
      if (marker.number !== current.items.length + 1) throw new Error(`${where}: item ${marker.label} out of sequence`);
      current.items.push({ id: `${current.id}.${marker.number}`, number: marker.number, label: marker.label, text: marker.rest });
      continue;
    }
    if (!current) {
      if (chapter !== undefined) throw new Error(`${where}: text between a chapter heading and its first article`);
      titleLines.push(marker.rest);
      continue;
    }
    (current.items.length > 0 ? current.tail : current.lead).push(marker.rest);
  }
  assertTitle(meta, titleLines);
  return documentFromMeta(meta, source, articles, []);
}
