/**
 * DocModel → Markdown (what chat shows). Same text as the .docx; only the
 * markup differs: # headings, pipe tables, a quote block for the opinion box.
 */
import { spansText, type Block, type DocModel, type Span } from "./document-model.ts";

/** Pipe and line breaks would break a table row. */
function cell(spans: Span[]): string {
  return spansText(spans).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function renderBlock(b: Block): string {
  switch (b.kind) {
    case "title": {
      const lines = [`# ${b.text}`];
      for (const s of b.subtitle ?? []) lines.push("", spansText(s));
      return lines.join("\n");
    }
    case "heading":
      return `${"#".repeat(b.level + 1)} ${b.number ?? ""}${b.text}`;
    case "paragraph":
      return spansText(b.spans);
    case "table": {
      const head = b.header ? b.columns.map((c) => c.title) : b.columns.map(() => " ");
      const lines = [`| ${head.join(" | ")} |`, `|${b.columns.map(() => " --- ").join("|")}|`];
      for (const row of b.rows) lines.push(`| ${row.map(cell).join(" | ")} |`);
      return lines.join("\n");
    }
    case "opinion-box":
      return [`> ${b.title}`, ...(b.choices ?? []).map((c) => `> ${c}`), ">", ">", ...b.signatureLines.map((l) => `> ${l}`)].join("\n");
    case "page-break":
      return "---";
  }
}

/** Empty paragraphs space out the .docx cover; Markdown needs none. */
function isSpacer(b: Block): boolean {
  return b.kind === "paragraph" && spansText(b.spans) === "";
}

export function renderMarkdown(doc: DocModel): string {
  return doc.blocks.filter((b) => !isSpacer(b)).map(renderBlock).join("\n\n") + "\n";
}
