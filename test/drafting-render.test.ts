/**
 * The drafts as a reviewer reads them: the three documents of a full
 * Zhejiang and a full Zibo profile, applicant's and review editions, printed to PDF by LibreOffice, then read
 * back — page count, no blank or two-thirds-empty page, no credit code broken
 * across lines, no tool wording.
 *
 * Needs libreoffice-writer, a CJK font and poppler-utils (.ci/run installs
 * them). Outside CI a missing tool skips this suite with a warning; in CI it fails.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDraftModels, draftApplication } from "../src/drafting/draft-application.ts";
import { editionOf, spansText, type DocModel, type Edition } from "../src/drafting/document-model.ts";
import { checkProfile, loadProfile, TOOL_WORDING, type FixtureName } from "./drafting-fixtures.ts";
import { convertDirToPdf, missingRenderTools, pdfContentBottoms, pdfPageCount, pdfPagesText } from "./support/libreoffice.ts";

const missing = missingRenderTools();
if (missing && !process.env.CI) {
  console.warn(`[drafting-render] 跳过：未安装 ${missing}（apt-get install -y libreoffice-writer fonts-noto-cjk poppler-utils）`);
}

/** A4 with GB/T 9704 margins: the text block runs from 37 mm to 262 mm of 297 mm; the page number sits below. */
const TEXT_TOP = 37 / 297;
const TEXT_BOTTOM = 262 / 297;
const FOOTER_FROM = 0.9;
/** A page that ends above this mark leaves more than a third of its text block empty. */
const TWO_THIRDS = TEXT_TOP + ((TEXT_BOTTOM - TEXT_TOP) * 2) / 3;

/** Page counts a reviewer would expect of these drafts (a blank page or a runaway layout falls outside). */
const PAGES: Record<FixtureName, Record<DocModel["kind"], [number, number]>> = {
  "zhejiang-full": { "application-form": [6, 7], "construction-plan": [7, 9], "precheck-report": [6, 8] },
  "zibo-full": { "application-form": [6, 7], "construction-plan": [8, 10], "precheck-report": [5, 7] },
  "zhejiang-partial": { "application-form": [6, 8], "construction-plan": [7, 10], "precheck-report": [6, 9] },
  "zibo-partial": { "application-form": [6, 8], "construction-plan": [8, 11], "precheck-report": [6, 9] },
};

interface Rendered {
  name: FixtureName;
  edition: Edition;
  kind: DocModel["kind"];
  pages: number;
  text: string[];
  bottoms: number[];
  /** the first words of each block that starts on a new page by design (the commitment after the form) */
  pageStarts: string[];
  creditCode?: string;
}

const FIXTURES: FixtureName[] = ["zhejiang-full", "zibo-full"];
const dirs: string[] = [];

async function renderAll(): Promise<Rendered[]> {
  const out: Rendered[] = [];
  const dir = await mkdtemp(join(tmpdir(), "ipzone-render-"));
  dirs.push(dir);
  const plan: { name: FixtureName; edition: Edition; kind: DocModel["kind"]; pdf: string; model: DocModel; creditCode?: string }[] = [];
  for (const name of FIXTURES) {
    const profile = loadProfile(name);
    const check = checkProfile(profile);
    const result = await draftApplication(profile, check, { asciiNames: true, editions: ["applicant", "review"] });
    const models = buildDraftModels(profile, check);
    for (const f of result.files) {
      const file = join(dir, `${name}-${f.fileNames.docx}`);
      await writeFile(file, f.docx);
      const model = editionOf(models.find((m) => m.kind === f.kind)!, f.edition);
      plan.push({ name, edition: f.edition, kind: f.kind, pdf: file.replace(/\.docx$/, ".pdf"), model, creditCode: profile.applicant?.creditCode });
    }
  }
  await convertDirToPdf(dir);
  for (const p of plan) {
    const starts = p.model.blocks.flatMap((b, i) => {
      if (p.model.blocks[i - 1]?.kind !== "page-break") return [];
      const t = b.kind === "title" ? b.text : b.kind === "heading" ? `${b.number ?? ""}${b.text}` : b.kind === "paragraph" ? spansText(b.spans) : "";
      return t ? [t.slice(0, 6)] : [];
    });
    out.push({
      name: p.name,
      edition: p.edition,
      kind: p.kind,
      pages: await pdfPageCount(p.pdf),
      text: await pdfPagesText(p.pdf),
      bottoms: await pdfContentBottoms(p.pdf, FOOTER_FROM),
      pageStarts: starts,
      creditCode: p.creditCode,
    });
  }
  return out;
}

describe.skipIf(Boolean(missing) && !process.env.CI)("drafts printed by LibreOffice", () => {
  let rendered: Rendered[] = [];

  beforeAll(async () => {
    if (missing) throw new Error(`CI must install the document renderers: ${missing}`);
    rendered = await renderAll();
  }, 600_000);

  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it("prints each document, in both editions, on the number of pages a reviewer expects", () => {
    expect(rendered).toHaveLength(12);
    for (const r of rendered) {
      const [min, max] = PAGES[r.name][r.kind];
      // the review edition adds a clause line under each heading and the plan's task–clause table
      const extra = r.edition === "review" ? 2 : 0;
      expect(r.pages, `${r.name} ${r.edition} ${r.kind}`).toBeGreaterThanOrEqual(min);
      expect(r.pages, `${r.name} ${r.edition} ${r.kind}`).toBeLessThanOrEqual(max + extra);
      expect(r.text).toHaveLength(r.pages);
    }
  });

  it("leaves no page blank and none a third empty, except before a deliberate new page and at the end", () => {
    for (const r of rendered) {
      r.bottoms.forEach((bottom, i) => {
        const where = `${r.name} ${r.edition} ${r.kind} page ${i + 1}`;
        expect(bottom, `${where} is blank`).toBeGreaterThan(TEXT_TOP);
        const last = i === r.bottoms.length - 1;
        const nextStartsByDesign = r.pageStarts.some((s) => (r.text[i + 1] ?? "").trimStart().replace(/\s+/g, "").startsWith(s.replace(/\s+/g, "")));
        if (!last && !nextStartsByDesign) expect(bottom, `${where} ends a third empty`).toBeGreaterThan(TWO_THIRDS);
      });
    }
  });

  it("never breaks the 18-character credit code across lines, in a table cell or in a sentence", () => {
    for (const r of rendered) {
      if (!r.creditCode || r.kind === "precheck-report") continue;
      const lines = r.text.join("\n").split("\n");
      const whole = lines.filter((l) => l.includes(r.creditCode!)).length;
      expect(whole, `${r.name} ${r.kind}: the code printed whole`).toBeGreaterThan(0);
      // a broken code shows as a line holding only its first part
      for (let cut = 6; cut < 18; cut++) {
        const head = r.creditCode.slice(0, cut);
        const broken = lines.filter((l) => l.trimEnd().endsWith(head) && !l.includes(r.creditCode!));
        expect(broken, `${r.name} ${r.kind}: code broken after ${cut} characters`).toEqual([]);
      }
    }
  });

  it("never speaks of the tool, its commands or its files, nor prints the clause scaffolding", () => {
    for (const r of rendered) {
      const text = r.text.join("\n");
      for (const w of TOOL_WORDING) expect(text, `${r.name} ${r.edition} ${r.kind}: ${w}`).not.toMatch(w);
      if (r.edition === "applicant") expect(text).not.toContain("对应条款");
      else if (r.kind !== "precheck-report") expect(text).toContain("对应条款");
    }
  });
});
