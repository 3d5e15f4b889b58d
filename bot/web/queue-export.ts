/** The queue as a spreadsheet: CSV (UTF-8 with BOM, so Excel reads Chinese) via csv-stringify, XLSX via exceljs. */
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { chinaDateTime } from "../../src/review/china-time.ts";
import { queueDate, type QueueRow } from "../../src/review/queue.ts";
import { DESK_STATUS_LABELS, DESK_VERDICT_LABELS, JURISDICTION_LABELS } from "./desk-labels.ts";

const HEADER = ["申报编号", "辖区", "申报单位", "状态", "自检结论", "提交日期", "处理人", "处理时间", "退回意见"];

function cells(row: QueueRow): string[] {
  const { app } = row;
  return [
    app.number,
    JURISDICTION_LABELS[app.jurisdiction],
    row.applicantName ?? "",
    DESK_STATUS_LABELS[app.status],
    DESK_VERDICT_LABELS[row.verdict ?? "none"],
    app.submittedAt ? chinaDateTime(queueDate(app)) : "",
    app.decidedBy ?? "",
    app.decidedAt ? chinaDateTime(app.decidedAt) : "",
    app.status === "returned" ? (app.staffComment ?? "") : "",
  ];
}

export function queueCsv(rows: readonly QueueRow[]): Buffer {
  return Buffer.concat([Buffer.from("\uFEFF", "utf8"), Buffer.from(stringify([HEADER, ...rows.map(cells)]), "utf8")]);
}

export async function queueXlsx(rows: readonly QueueRow[], generatedAt: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.created = generatedAt;
  const sheet = book.addWorksheet("申报列表");
  sheet.addRow(HEADER).font = { bold: true };
  for (const row of rows) sheet.addRow(cells(row));
  sheet.columns.forEach((col, i) => (col.width = [14, 8, 30, 8, 8, 18, 20, 18, 40][i] ?? 14));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
