/**
 * DocModel → .docx with the `docx` package, in the usual look of a Chinese
 * government form (GB/T 9704 conventions): A4; margins 37/35/28/26 mm;
 * title 二号黑体; 一、 headings 三号黑体; （一） headings 三号楷体; 1. headings
 * 四号仿宋 bold; body 四号仿宋 with 28 pt exact line spacing and a two-character
 * first-line indent; tables 小四 with single borders; page numbers "— n —".
 * Placeholders are highlighted yellow so a reviewer sees them at once.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  HeightRule,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from "docx";
import { spanText, type Align, type Block, type DocModel, type Span } from "./document-model.ts";

/** Font names as Chinese government templates name them. */
export const DOCX_FONTS = {
  body: "仿宋_GB2312",
  heading: "黑体",
  heading2: "楷体_GB2312",
  latin: "Times New Roman",
} as const;

/** Sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt, 小四 12pt, 五号 10.5pt. */
const SIZE = { erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24, wuhao: 21 } as const;

/** A4 in twips (210 × 297 mm) and the GB/T 9704 margins. */
export const A4 = { width: 11906, height: 16838 } as const;
const MM = 56.7;
const MARGIN = { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

function font(eastAsia: string) {
  return { ascii: DOCX_FONTS.latin, hAnsi: DOCX_FONTS.latin, eastAsia, cs: DOCX_FONTS.latin };
}

function alignment(a: Align | undefined) {
  return a === "center" ? AlignmentType.CENTER : a === "right" ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED;
}

/**
 * Body text is justified, except where a long Latin token (a credit code, an
 * address number run) cannot break: justifying that line would space the
 * Chinese characters out (杭 州 云 栖 …).
 */
function bodyAlignment(b: Extract<Block, { kind: "paragraph" }>) {
  if (b.align) return alignment(b.align);
  return /[\x21-\x7e]{12,}/.test(b.spans.map(spanText).join("")) ? AlignmentType.LEFT : AlignmentType.JUSTIFIED;
}

function runs(spans: Span[], base: { font: string; size: number; bold?: boolean }): TextRun[] {
  return spans.map((s) => {
    const opts: IRunOptions = {
      text: spanText(s),
      font: font(base.font),
      size: base.size,
      bold: base.bold || (s.kind === "text" && s.bold) || undefined,
      ...(s.kind === "placeholder" ? { highlight: "yellow" } : {}),
    };
    return new TextRun(opts);
  });
}

const BODY_SPACING = { line: 560, lineRule: LineRuleType.EXACT } as const;

/** About 20 characters fit a 二号 line: long titles break after 示范区, as printed forms do. */
export function titleLines(title: string): string[] {
  const at = title.indexOf("示范区");
  if (title.length <= 20 || at < 0 || at + 3 >= title.length) return [title];
  return [title.slice(0, at + 3), title.slice(at + 3)];
}

function headingParagraph(b: Extract<Block, { kind: "heading" }>, breakBefore = false): Paragraph {
  const label = `${b.number ?? ""}${b.text}`;
  const style =
    b.level === 1
      ? { font: DOCX_FONTS.heading, size: SIZE.sanhao, heading: HeadingLevel.HEADING_1 }
      : b.level === 2
        ? { font: DOCX_FONTS.heading2, size: SIZE.sanhao, heading: HeadingLevel.HEADING_2 }
        : { font: DOCX_FONTS.body, size: SIZE.sihao, heading: HeadingLevel.HEADING_3, bold: true };
  return new Paragraph({
    pageBreakBefore: breakBefore || undefined,
    heading: style.heading,
    keepNext: true,
    spacing: { ...BODY_SPACING, before: b.level === 1 ? 240 : 120, after: 0 },
    indent: b.level === 1 ? undefined : { firstLine: 560 },
    children: runs([{ kind: "text", text: label }], { font: style.font, size: style.size, bold: style.bold }),
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const CELL_BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER } as const;

function cellParagraph(spans: Span[], bold: boolean, align: Align = "left", size: number = SIZE.xiaosi): Paragraph {
  return new Paragraph({
    alignment: align === "left" ? AlignmentType.LEFT : alignment(align),
    spacing: { line: size === SIZE.wuhao ? 300 : 360, lineRule: LineRuleType.AUTO, before: 30, after: 30 },
    children: runs(spans, { font: DOCX_FONTS.body, size, bold }),
  });
}

/** Form tables (label | value) read in 小四; dense lists of four or more columns in 五号, as printed forms set them. */
function tableSize(b: Extract<Block, { kind: "table" }>): number {
  return b.header && b.columns.length >= 4 ? SIZE.wuhao : SIZE.xiaosi;
}

function tableBlock(b: Extract<Block, { kind: "table" }>): Table {
  const total = b.columns.reduce((s, c) => s + c.weight, 0);
  const widths = b.columns.map((c) => Math.floor((TEXT_WIDTH * c.weight) / total));
  const row = (cells: Span[][], header: boolean) =>
    new TableRow({
      tableHeader: header,
      // Short rows stay whole; a long one (a list of open items) may run on to the next page
      // rather than leave half a page blank.
      cantSplit: cells.reduce((n, c) => n + c.map(spanText).join("").length, 0) < 120,
      children: cells.map(
        (spans, i) =>
          new TableCell({
            width: { size: widths[i] ?? 0, type: WidthType.DXA },
            borders: CELL_BORDERS,
            verticalAlign: VerticalAlignTable.CENTER,
            margins: { left: 80, right: 80 },
            children: [cellParagraph(spans, header, header ? "center" : (b.align?.[i] ?? "left"), tableSize(b))],
          }),
      ),
    });
  const rows: TableRow[] = [];
  if (b.header) rows.push(row(b.columns.map((c) => [{ kind: "text", text: c.title }]), true));
  for (const r of b.rows) rows.push(row(r, false));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows,
  });
}

function opinionBox(b: Extract<Block, { kind: "opinion-box" }>): Table {
  const children = [
    cellParagraph([{ kind: "text", text: b.title, bold: true }], true),
    ...(b.choices ?? []).map((c) => cellParagraph([{ kind: "text", text: c }], false)),
    ...Array.from({ length: b.choices?.length ? 4 : 6 }, () => cellParagraph([], false)),
    ...b.signatureLines.map((l) => cellParagraph([{ kind: "text", text: l }], false, "right")),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        height: { value: 3600, rule: HeightRule.ATLEAST },
        cantSplit: true,
        children: [new TableCell({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, borders: CELL_BORDERS, margins: { left: 120, right: 240 }, children })],
      }),
    ],
  });
}

/**
 * `breakBefore`: the block starts a new page. Set on its own first paragraph
 * rather than as a separate break paragraph, which would leave a blank page
 * when the page before happens to end full.
 */
function blockElements(b: Block, breakBefore = false, next?: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case "title":
      return [
        new Paragraph({
          pageBreakBefore: breakBefore || undefined,
          alignment: AlignmentType.CENTER,
          spacing: { before: 240, after: 240, line: 700, lineRule: LineRuleType.EXACT },
          children: titleLines(b.text).flatMap((line, i) => [
            new TextRun({ text: line, font: font(DOCX_FONTS.heading), size: SIZE.erhao, break: i > 0 ? 1 : undefined }),
          ]),
        }),
        ...(b.subtitle ?? []).map(
          (s) =>
            new Paragraph({
              alignment: AlignmentType.CENTER,
              spacing: { ...BODY_SPACING, after: 0 },
              children: runs(s, { font: DOCX_FONTS.heading2, size: SIZE.sanhao }),
            }),
        ),
      ];
    case "heading":
      return [headingParagraph(b, breakBefore)];
    case "paragraph":
      return [
        new Paragraph({
          pageBreakBefore: breakBefore || undefined,
          alignment: bodyAlignment(b),
          // A note line (对应条款) and a line ending in "：" introduce what follows: keep them on its page.
          keepNext: b.note || spanText(b.spans.at(-1) ?? { kind: "text", text: "" }).endsWith("：") || undefined,
          spacing: b.note ? { line: 400, lineRule: LineRuleType.EXACT } : BODY_SPACING,
          indent: b.indent ? { firstLine: 560 } : undefined,
          children: runs(b.spans, { font: DOCX_FONTS.body, size: b.note ? SIZE.xiaosi : SIZE.sihao }),
        }),
      ];
    case "table":
      return [tableBlock(b), ...gapAfterTable(next)];
    case "opinion-box":
      return [opinionBox(b), ...gapAfterTable(next)];
    case "page-break":
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/**
 * A 6 pt paragraph after a table: it keeps two adjacent tables from merging
 * and spaces the text that follows. None before a new page (a table that
 * fills its page would push the gap onto a blank one); a 1 pt one at the very
 * end, where Word requires a paragraph after a final table.
 */
function gapAfterTable(next: Block | undefined): Paragraph[] {
  if (next?.kind === "page-break") return [];
  const line = next ? 120 : 20;
  return [new Paragraph({ spacing: { line, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [new TextRun({ text: "", size: 2 })] })];
}

function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: font("宋体"), size: SIZE.sihao })],
      }),
    ],
  });
}

/** Build the Word document object (exposed for tests that inspect it). */
export function toDocxDocument(doc: DocModel): Document {
  return new Document({
    title: doc.title,
    // Document properties speak of the document, like its text (no tool names).
    subject: doc.title,
    styles: {
      default: {
        document: {
          run: { font: font(DOCX_FONTS.body), size: SIZE.sihao },
          paragraph: { spacing: BODY_SPACING },
        },
        heading1: { run: { font: font(DOCX_FONTS.heading), size: SIZE.sanhao, color: "000000" } },
        heading2: { run: { font: font(DOCX_FONTS.heading2), size: SIZE.sanhao, color: "000000" } },
        heading3: { run: { font: font(DOCX_FONTS.body), size: SIZE.sihao, bold: true, color: "000000" } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height },
            margin: { ...MARGIN, header: 851, footer: 992 },
          },
        },
        footers: { default: pageFooter() },
        children: doc.blocks.flatMap((b, i) => (b.kind === "page-break" ? [] : blockElements(b, doc.blocks[i - 1]?.kind === "page-break", doc.blocks[i + 1]))),
      },
    ],
  });
}

export async function renderDocx(doc: DocModel): Promise<Uint8Array> {
  return Packer.pack(toDocxDocument(doc), "uint8array");
}
