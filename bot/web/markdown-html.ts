/**
 * The drafts' Markdown as HTML for reading in the page (marked). Raw HTML in
 * the Markdown — an applicant could type `<script>` as a company name — is
 * shown as text, never interpreted.
 */
import { Marked } from "marked";

const escape = (s: string) => s.replace(/[&<>"']/gu, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const marked = new Marked({
  gfm: true,
  renderer: {
    html({ text }) {
      return escape(text);
    },
  },
});

export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}
