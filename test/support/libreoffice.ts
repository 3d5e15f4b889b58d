/**
 * Rendering .docx to PDF with LibreOffice (Debian's libreoffice-writer) and
 * reading the PDF back with poppler-utils (pdfinfo, pdftotext, pdftoppm), as
 * a reviewer would print and read the drafts.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

const SOFFICE_CANDIDATES = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/usr/bin/libreoffice"];
const POPPLER = ["/usr/bin/pdfinfo", "/usr/bin/pdftotext", "/usr/bin/pdftoppm"];

/** What is missing to render documents, or undefined when everything is there. */
export function missingRenderTools(): string | undefined {
  const soffice = SOFFICE_CANDIDATES.find((p) => existsSync(p));
  const missing = [...(soffice ? [] : ["soffice (libreoffice-writer)"]), ...POPPLER.filter((p) => !existsSync(p)).map((p) => `${basename(p)} (poppler-utils)`)];
  return missing.length ? missing.join(", ") : undefined;
}

function soffice(): string {
  const p = SOFFICE_CANDIDATES.find((c) => existsSync(c));
  if (!p) throw new Error("LibreOffice (soffice) is not installed");
  return p;
}

/**
 * Converts every .docx in `dir` to PDF in one LibreOffice run, with a private
 * profile so it neither reads nor disturbs anyone else's.
 */
export async function convertDirToPdf(dir: string, timeoutMs = 240_000): Promise<string[]> {
  const profile = await mkdtemp(join(tmpdir(), "ipzone-lo-profile-"));
  try {
    const docs = (await readdir(dir)).filter((f) => f.endsWith(".docx")).map((f) => join(dir, f));
    await run(soffice(), [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, ...docs], {
      timeout: timeoutMs,
      env: { ...process.env, HOME: profile },
    });
    return docs.map((d) => d.replace(/\.docx$/, ".pdf"));
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

export async function pdfPageCount(pdf: string): Promise<number> {
  const { stdout } = await run("pdfinfo", [pdf]);
  const m = /^Pages:\s+(\d+)/m.exec(stdout);
  if (!m) throw new Error(`pdfinfo gave no page count for ${pdf}`);
  return Number(m[1]);
}

/** The text of each page, in reading order (pdftotext separates pages with a form feed). */
export async function pdfPagesText(pdf: string): Promise<string[]> {
  const { stdout } = await run("pdftotext", ["-enc", "UTF-8", pdf, "-"], { maxBuffer: 32 * 1024 * 1024 });
  const pages = stdout.split("\f");
  if (pages.at(-1)?.trim() === "") pages.pop();
  return pages;
}

/**
 * How far down each page its content reaches, as a fraction of the page
 * height (0 = top, 1 = bottom), ignoring the footer band: pages rendered in
 * grey at low resolution, the lowest row with dark pixels above `footerFrom`.
 */
export async function pdfContentBottoms(pdf: string, footerFrom: number): Promise<number[]> {
  const out = await mkdtemp(join(tmpdir(), "ipzone-pages-"));
  try {
    await run("pdftoppm", ["-r", "30", "-gray", pdf, join(out, "p")]);
    const files = (await readdir(out)).filter((f) => f.endsWith(".pgm")).sort();
    const bottoms: number[] = [];
    for (const f of files) bottoms.push(lowestInk(await readFile(join(out, f)), footerFrom));
    return bottoms;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** Binary PGM (P5): width, height, maxval, then one byte per pixel. */
function lowestInk(pgm: Buffer, footerFrom: number): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("not a binary PGM");
  const [whole, w, h] = [header[0].length, Number(header[1]), Number(header[2])];
  const limit = Math.floor(h * footerFrom);
  for (let y = limit - 1; y >= 0; y--) {
    const row = pgm.subarray(whole + y * w, whole + (y + 1) * w);
    if (row.some((v) => v < 128)) return (y + 1) / h;
  }
  return 0;
}

/** PNGs of every page for a person to look at (development aid). */
export async function pdfToPngs(pdf: string, prefix: string, dpi = 60): Promise<void> {
  await run("pdftoppm", ["-r", String(dpi), "-png", pdf, prefix]);
}
