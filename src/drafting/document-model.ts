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
  | {
      kind: "placeholder";
      what: string;
      about?: string;
      /**
       * the line already says what is missing (a labelled form cell, 「核心区面积【待补充】平方米」):
       * print only 【待补充】, followed by `unit` — the list in the report still names `what`
       */
      short?: boolean;
      /** the unit that follows a number still to be given (家, 平方米) */
      unit?: string;
    };

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
  | {
      kind: "heading";
      level: 1 | 2 | 3;
      text: string;
      number?: string;
      /** the clauses this section answers; printed as 「（对应条款：…）」 in the staff-review edition only */
      basis?: string;
    }
  | {
      kind: "paragraph";
      spans: Span[];
      align?: Align;
      /** 首行缩进两字 */ indent?: boolean;
      /** smaller, for notes and clause basis */ note?: boolean;
      /** drafting aid for staff (clause mapping): left out of the applicant's edition */
      reviewOnly?: boolean;
    }
  | {
      kind: "table";
      columns: TableColumn[];
      rows: Span[][][];
      /** print the column titles as a header row */ header: boolean;
      reviewOnly?: boolean;
      /** column index → horizontal alignment of its body cells (a grid of √ is centred) */
      align?: Record<number, Align>;
    }
  /**
   * a boxed space for an authority to write and stamp in (推荐意见, 审核意见);
   * `choices` are tick boxes (□ 同意推荐 □ 退回补充) printed under the title
   */
  | { kind: "opinion-box"; title: string; signatureLines: string[]; choices?: string[] }
  | { kind: "page-break" };

export type DocumentKind = "application-form" | "construction-plan" | "precheck-report";

export interface DocModel {
  kind: DocumentKind;
  /** set by `editionOf`; a model straight from a builder holds both editions' blocks */
  edition?: Edition;
  /** file base name, Chinese (申报书) */
  name: string;
  /** ASCII-safe file base name (application-form) */
  asciiName: string;
  title: string;
  blocks: Block[];
}

export const PLACEHOLDER_PREFIX = "【待补充：";
export const SHORT_PLACEHOLDER = "【待补充】";

/**
 * Two editions of every draft: the applicant's (clean, as it is signed and
 * sent) and staff's review edition, which adds under each heading the clauses
 * it answers and the plan's task–clause table.
 */
export type Edition = "applicant" | "review";

export function text(value: string, bold = false): Span {
  return bold ? { kind: "text", text: value, bold } : { kind: "text", text: value };
}

export function placeholder(what: string, about?: string): Span {
  return about ? { kind: "placeholder", what, about } : { kind: "placeholder", what };
}

/**
 * A placeholder where the label beside it already names the fact (a form
 * cell, a sentence): 【待补充】, then its unit — 「【待补充】家」.
 */
export function blank(what: string, unit?: string, about?: string): Span {
  return { kind: "placeholder", what, short: true, ...(unit ? { unit } : {}), ...(about ? { about } : {}) };
}

/** How a span reads in both renderers. */
export function spanText(span: Span): string {
  if (span.kind === "text") return span.text;
  return `${span.short ? SHORT_PLACEHOLDER : `${PLACEHOLDER_PREFIX}${span.what}】`}${span.unit ?? ""}`;
}

export function spansText(spans: Span[]): string {
  return spans.map(spanText).join("");
}

/** A fact as spans: its text when known, else a placeholder naming it. */
export function factOr(value: string | undefined, what: string): Span[] {
  return value !== undefined && value !== "" ? [text(value)] : [placeholder(what)];
}

export function paragraph(spans: Span[] | string, opts: { align?: Align; indent?: boolean; note?: boolean; reviewOnly?: boolean } = {}): Block {
  const s = typeof spans === "string" ? [text(spans)] : spans;
  return { kind: "paragraph", spans: s, ...opts };
}

export function heading(level: 1 | 2 | 3, value: string, basis?: string): Block {
  return basis ? { kind: "heading", level, text: value, basis } : { kind: "heading", level, text: value };
}

/** A section heading and the clause(s) it answers (shown in the review edition only). */
export function section(level: 1 | 2 | 3, value: string, basis: string | undefined): Block[] {
  return [heading(level, value, basis)];
}

export function table(
  columns: [string, number][],
  rows: Span[][][],
  header = true,
  opts: { reviewOnly?: boolean; align?: Record<number, Align> } = {},
): Block {
  return { kind: "table", columns: columns.map(([title, weight]) => ({ title, weight })), rows, header, ...opts };
}

/**
 * One edition of a document model: the applicant's drops the review-only
 * blocks and the clause lines; the review edition prints 「（对应条款：…）」
 * under each heading that has a basis.
 */
export function editionOf(doc: DocModel, edition: Edition): DocModel {
  const blocks: Block[] = [];
  for (const b of doc.blocks) {
    if (edition === "applicant") {
      if ((b.kind === "paragraph" || b.kind === "table") && b.reviewOnly) continue;
      blocks.push(b);
      continue;
    }
    blocks.push(b);
    if (b.kind === "heading" && b.basis) blocks.push(paragraph(`（对应条款：${b.basis}）`, { note: true, indent: b.level > 1 }));
  }
  return { ...doc, edition, blocks };
}

/**
 * A label/value form table (the usual 申报书 layout): two pairs per row when
 * `perRow` is 2, one otherwise. An odd pair count leaves the last cells empty.
 */
export function fieldTable(pairs: [string, Span[]][], perRow: 1 | 2 = 2, weights?: [number, number, number, number] | [number, number]): Block {
  const rows: Span[][][] = [];
  for (let i = 0; i < pairs.length; i += perRow) {
    const row: Span[][] = [];
    for (let j = 0; j < perRow; j++) {
      const pair = pairs[i + j];
      row.push(pair ? [text(pair[0], true)] : [], pair ? pair[1] : []);
    }
    rows.push(row);
  }
  // Two pairs a row: the value columns are wide enough for an 18-character credit code on one line.
  const w = weights ?? (perRow === 2 ? [2.1, 3.2, 2.1, 3.2] : [1, 3]);
  const columns: [string, number][] = perRow === 2
    ? [["项目", w[0]], ["内容", w[1]], ["项目", w[2]!], ["内容", w[3]!]]
    : [["项目", w[0]], ["内容", w[1]]];
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

/**
 * One convention for numbers in every document, whatever the source (the
 * rules speak 「26 家」「1,680 平方米」 in chat): no space between a number and
 * Chinese text, no thousands separator — 「26家」「1680平方米」「第2次」.
 */
export function documentNumbers(s: string): string {
  return s
    .replace(/(?<=\d),(?=\d{3}(?!\d))/g, "")
    .replace(/(?<=[\u3400-\u9fff（）【】：；，。、])[ \u00a0]+(?=\d)/g, "")
    .replace(/(?<=\d)[ \u00a0]+(?=[\u3400-\u9fff（）【】：；，。、])/g, "");
}

function normalizeSpans(spans: Span[]): Span[] {
  return spans.map((s) => (s.kind === "text" ? { ...s, text: documentNumbers(s.text) } : s));
}

function normalizeBlock(b: Block): Block {
  switch (b.kind) {
    case "paragraph":
      return { ...b, spans: normalizeSpans(b.spans) };
    case "table":
      return { ...b, rows: b.rows.map((r) => r.map(normalizeSpans)) };
    case "heading":
      return { ...b, text: documentNumbers(b.text) };
    case "title":
      return b.subtitle ? { ...b, subtitle: b.subtitle.map(normalizeSpans) } : b;
    default:
      return b;
  }
}

export function createDocModel(kind: DocumentKind, names: { name: string; asciiName: string }, title: string, blocks: Block[]): DocModel {
  return { kind, ...names, title, blocks: numberHeadings(blocks.map(normalizeBlock)) };
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
      return [[text(b.title)], ...(b.choices ?? []).map((c) => [text(c)]), ...b.signatureLines.map((l) => [text(l)])];
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
  /** each item once, in reading order */
  items: string[];
  /** highlighted places in this section (an item printed twice counts twice) */
  count: number;
}

/**
 * The 【待补充】 items of a document grouped by level-1 section, in reading
 * order: each item once per section, with 「（2处）」 when it is highlighted in
 * more than one place there. `count` counts every place, so the report's
 * figures add up to what a reader finds highlighted in the document.
 */
export function collectPlaceholdersBySection(doc: DocModel): PlaceholderSection[] {
  const sections: { section: string; places: Map<string, number>; count: number }[] = [];
  let current = { section: "封面", places: new Map<string, number>(), count: 0 };
  for (const b of doc.blocks) {
    if (b.kind === "heading" && b.level === 1) {
      if (current.count) sections.push(current);
      current = { section: `${b.number ?? ""}${b.text}`, places: new Map(), count: 0 };
    }
    for (const spans of blockSpans(b)) {
      for (const s of spans) {
        if (s.kind !== "placeholder") continue;
        const name = placeholderName(s);
        current.count++;
        current.places.set(name, (current.places.get(name) ?? 0) + 1);
      }
    }
  }
  if (current.count) sections.push(current);
  return sections.map((s) => ({
    section: s.section,
    count: s.count,
    items: [...s.places].map(([n, k]) => (k > 1 ? `${n}（${k}处）` : n)),
  }));
}

/** Every highlighted 【待补充】 place of a document, in reading order (repeats included). */
export function collectPlaceholders(doc: DocModel): string[] {
  const out: string[] = [];
  for (const b of doc.blocks) for (const spans of blockSpans(b)) for (const s of spans) if (s.kind === "placeholder") out.push(placeholderName(s));
  return out;
}
