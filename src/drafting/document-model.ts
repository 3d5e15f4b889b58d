/**
 * The one document model behind every draft: builders produce a `DocModel`,
 * `render-docx.ts` and `render-markdown.ts` turn the same model into a Word
 * file and the Markdown that chat shows — so both always carry the same text.
 *
 * Missing facts are `placeholder` spans, never invented text: they render as
 * 【待补充：…】 in both formats and are collected for the pre-check report.
 */

/** A run of text inside a paragraph or table cell. */
export type Span =
  | { kind: "text"; text: string; bold?: boolean }
  /**
   * a fact the applicant still has to supply; rendered 【待补充：what】.
   * `about` names the row it sits in when `what` alone is too short to list
   * (a table cell 【待补充：目标值】 in the row 从业人员 → 从业人员目标值).
   */
  | { kind: "placeholder"; what: string; about?: string };

export type Align = "left" | "center" | "right";

export interface TableColumn {
  title: string;
  /** relative width; renderers scale the columns to the text width */
  weight: number;
}

export type Block =
  /** the document title (二号, centered) with optional subtitle lines */
  | { kind: "title"; text: string; subtitle?: Span[][] }
  /**
   * 一、 / （一） / 1． headings. `number` is filled by `numberHeadings`
   * so both renderers print the same numbering.
   */
  | { kind: "heading"; level: 1 | 2 | 3; text: string; number?: string }
  | { kind: "paragraph"; spans: Span[]; align?: Align; /** 首行缩进两字 */ indent?: boolean; /** smaller, for notes and clause basis */ note?: boolean }
  | { kind: "table"; columns: TableColumn[]; rows: Span[][][]; /** print the column titles as a header row */ header: boolean }
  /** a boxed space for an authority to write and stamp in (推荐意见) */
  | { kind: "opinion-box"; title: string; signatureLines: string[] }
  | { kind: "page-break" };

export type DocumentKind = "application-form" | "construction-plan" | "precheck-report";

export interface DocModel {
  kind: DocumentKind;
  /** file base name, Chinese (申报书) */
  name: string;
  /** ASCII-safe file base name (application-form) */
  asciiName: string;
  title: string;
  blocks: Block[];
}

export const PLACEHOLDER_PREFIX = "【待补充：";

export function text(value: string, bold = false): Span {
  return bold ? { kind: "text", text: value, bold } : { kind: "text", text: value };
}

export function placeholder(what: string, about?: string): Span {
  return about ? { kind: "placeholder", what, about } : { kind: "placeholder", what };
}

/** How a span reads in both renderers. */
export function spanText(span: Span): string {
  return span.kind === "text" ? span.text : `${PLACEHOLDER_PREFIX}${span.what}】`;
}

export function spansText(spans: Span[]): string {
  return spans.map(spanText).join("");
}

/** A fact as spans: its text when known, else a placeholder naming it. */
export function factOr(value: string | undefined, what: string): Span[] {
  return value !== undefined && value !== "" ? [text(value)] : [placeholder(what)];
}

export function paragraph(spans: Span[] | string, opts: { align?: Align; indent?: boolean; note?: boolean } = {}): Block {
  const s = typeof spans === "string" ? [text(spans)] : spans;
  return { kind: "paragraph", spans: s, ...opts };
}

export function heading(level: 1 | 2 | 3, value: string): Block {
  return { kind: "heading", level, text: value };
}

/** A section heading followed by the clause(s) it answers, as a note line. */
export function section(level: 1 | 2 | 3, value: string, basis: string | undefined): Block[] {
  const blocks: Block[] = [heading(level, value)];
  if (basis) blocks.push(paragraph(`（对应条款：${basis}）`, { note: true, indent: level > 1 }));
  return blocks;
}

export function table(columns: [string, number][], rows: Span[][][], header = true): Block {
  return { kind: "table", columns: columns.map(([title, weight]) => ({ title, weight })), rows, header };
}

/**
 * A label/value form table (the usual 申报书 layout): two pairs per row when
 * `perRow` is 2, one otherwise. An odd pair count leaves the last cells empty.
 */
export function fieldTable(pairs: [string, Span[]][], perRow: 1 | 2 = 2): Block {
  const rows: Span[][][] = [];
  for (let i = 0; i < pairs.length; i += perRow) {
    const row: Span[][] = [];
    for (let j = 0; j < perRow; j++) {
      const pair = pairs[i + j];
      row.push(pair ? [text(pair[0], true)] : [], pair ? pair[1] : []);
    }
    rows.push(row);
  }
  const columns: [string, number][] = perRow === 2
    ? [["项目", 2], ["内容", 3], ["项目", 2], ["内容", 3]]
    : [["项目", 1], ["内容", 3]];
  return table(columns, rows, false);
}

const CN_DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

function chineseOrdinal(n: number): string {
  if (n <= 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${CN_DIGITS[n - 10]}`;
  const tens = Math.floor(n / 10);
  return `${CN_DIGITS[tens]}十${CN_DIGITS[n % 10]}`;
}

/**
 * Fills `number` on every heading: level 1 一、, level 2 （一）, level 3 1．
 * (公文 numbering). A lower level restarts when a higher one appears.
 */
export function numberHeadings(blocks: Block[]): Block[] {
  const counters = [0, 0, 0];
  return blocks.map((b) => {
    if (b.kind !== "heading") return b;
    const i = b.level - 1;
    counters[i] = (counters[i] ?? 0) + 1;
    for (let j = i + 1; j < counters.length; j++) counters[j] = 0;
    const n = counters[i]!;
    // 1． with a full-width stop, as 公文 print it.
    const number = b.level === 1 ? `${chineseOrdinal(n)}、` : b.level === 2 ? `（${chineseOrdinal(n)}）` : `${n}．`;
    return { ...b, number };
  });
}

export function createDocModel(kind: DocumentKind, names: { name: string; asciiName: string }, title: string, blocks: Block[]): DocModel {
  return { kind, ...names, title, blocks: numberHeadings(blocks) };
}

function blockSpans(b: Block): Span[][] {
  switch (b.kind) {
    case "title":
      return [[text(b.text)], ...(b.subtitle ?? [])];
    case "heading":
      return [[text(`${b.number ?? ""}${b.text}`)]];
    case "paragraph":
      return [b.spans];
    case "table":
      return [...(b.header ? [b.columns.map((c) => text(c.title))] : []), ...b.rows.flat()];
    case "opinion-box":
      return [[text(b.title)], ...b.signatureLines.map((l) => [text(l)])];
    case "page-break":
      return [];
  }
}

function placeholderName(s: Extract<Span, { kind: "placeholder" }>): string {
  return s.about ? `${s.about}：${s.what}` : s.what;
}

export interface PlaceholderSection {
  /** the level-1 heading as printed (二、示范区基本情况), or 封面 for what comes before the first heading */
  section: string;
  items: string[];
}

/**
 * The 【待补充】 items of a document grouped by level-1 section, in reading
 * order; an item is listed once, where it first appears.
 */
export function collectPlaceholdersBySection(doc: DocModel): PlaceholderSection[] {
  const seen = new Set<string>();
  const sections: PlaceholderSection[] = [];
  let current: PlaceholderSection = { section: "封面", items: [] };
  for (const b of doc.blocks) {
    if (b.kind === "heading" && b.level === 1) {
      if (current.items.length) sections.push(current);
      current = { section: `${b.number ?? ""}${b.text}`, items: [] };
    }
    for (const spans of blockSpans(b)) {
      for (const s of spans) {
        if (s.kind !== "placeholder") continue;
        const name = placeholderName(s);
        if (seen.has(name)) continue;
        seen.add(name);
        current.items.push(name);
      }
    }
  }
  if (current.items.length) sections.push(current);
  return sections;
}

/** Every 【待补充】 item of a document, in reading order, without repeats. */
export function collectPlaceholders(doc: DocModel): string[] {
  return collectPlaceholdersBySection(doc).flatMap((s) => s.items);
}
