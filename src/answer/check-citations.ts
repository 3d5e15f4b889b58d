/**
 * Verifies the citations a chat model wrote. An id counts as supported when
 * it is one of the retrieved pieces or the article of one (the model may cite
 * 第九条 for the retrieved 第九条（五）); anything else — an invented article,
 * an item that was not retrieved — is removed from the text and reported.
 * Supported ids are rendered as people read them: （《…》第九条（五））, or
 * with `format` (an English reply names the clause in English as well).
 */
import { articleOf, formatCitation, normalizeCitation, parseCitation } from "../knowledge/citation.ts";

export interface CheckedCitations {
  text: string;
  supported: string[];
  unsupported: string[];
}

/** [zb2020:9.5], 【zj2018:6】, [zb2020:9.5, zb2020:9.1] */
const CITATION_GROUP = /[[【]\s*((?:[a-z]+\d{4}:[\w.]+\s*[,，、;；]?\s*)+)[\]】]/gi;

export function checkCitations(answer: string, retrieved: readonly string[], format: (id: string) => string = formatCitation): CheckedCitations {
  const retrievedSet = new Set(retrieved.map(normalizeCitation));
  const retrievedArticles = new Set(retrieved.map((id) => articleOf(normalizeCitation(id))));
  const supported: string[] = [];
  const unsupported: string[] = [];

  const isSupported = (id: string): boolean =>
    parseCitation(id) !== undefined && (retrievedSet.has(id) || (!id.includes(".") && retrievedArticles.has(id)));

  const text = answer.replace(CITATION_GROUP, (_all, group: string) => {
    const ids = group
      .split(/[,，、;；\s]+/)
      .filter(Boolean)
      .map(normalizeCitation);
    const kept: string[] = [];
    for (const id of ids) {
      if (isSupported(id)) {
        kept.push(id);
        if (!supported.includes(id)) supported.push(id);
      } else if (!unsupported.includes(id)) {
        unsupported.push(id);
      }
    }
    return kept.length ? `（${kept.map(format).join("；")}）` : "";
  });
  return { text, supported, unsupported };
}
