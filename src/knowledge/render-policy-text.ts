/**
 * The printed form of a restored article: one paragraph a line, labels as in
 * the text ("第九条 保障措施", "（五）示范区内…"). Used to show a whole article and
 * by the tests that compare the restored texts sentence by sentence with the raw ones.
 */
import type { PolicyArticle, PolicyDocument } from "./policy-document.schema.ts";

/** Lines of one article. The Zibo preamble (number 0) is unlabelled in the text, so no label is printed. */
export function renderArticleLines(article: PolicyArticle): string[] {
  const own = article.heading !== undefined ? [article.heading, ...article.lead] : [...article.lead];
  const lines: string[] = [];
  if (article.number === 0) lines.push(...own);
  else lines.push(own.length > 0 ? `${article.label} ${own[0]}` : article.label, ...own.slice(1));
  for (const item of article.items) lines.push(`${item.label}${item.text}`);
  lines.push(...article.tail);
  return lines;
}

export function renderArticleText(article: PolicyArticle): string {
  return renderArticleLines(article).join("\n");
}

/** The body of a document in restored order, with each chapter heading printed once where it begins (no title). */
export function renderDocumentLines(doc: PolicyDocument): string[] {
  const lines: string[] = [];
  let chapter: string | undefined;
  for (const article of doc.articles) {
    if (article.chapter !== undefined && article.chapter !== chapter) lines.push(article.chapter);
    chapter = article.chapter;
    lines.push(...renderArticleLines(article));
  }
  return lines;
}
