/**
 * The drafting entry point: profile + rule results → the three drafts, each
 * as Markdown (for chat) and .docx (sent as a file).
 *
 * Re-running for a resubmitted application is the same call with the
 * corrected profile, a fresh `checkZone` result and `revision`/`returnNotes`:
 * the drafts are a pure function of their inputs (no state, no I/O), so a
 * second run replaces the first completely.
 *
 * @example
 *   const check = checkZone(profile);
 *   const { files } = await draftApplication(profile, check, { now: new Date() });
 *   for (const f of files) await writeFile(`${dir}/${f.fileNames.docx}`, f.docx);
 */
import type { CheckResult } from "../rules/rule-result.types.ts";
import type { ZoneProfile } from "../rules/zone-profile.schema.ts";
import { buildApplicationForm } from "./build-application-form.ts";
import { buildConstructionPlan } from "./build-construction-plan.ts";
import { buildPrecheckReport } from "./build-precheck-report.ts";
import { collectPlaceholders, collectPlaceholdersBySection, type DocModel, type DocumentKind } from "./document-model.ts";
import { renderDocx } from "./render-docx.ts";
import { renderMarkdown } from "./render-markdown.ts";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface DraftOptions {
  /** generation date printed on the drafts; default: now */
  now?: Date;
  /** ASCII file names (application-form.docx …) instead of Chinese ones (申报书.docx …) */
  asciiNames?: boolean;
  /** 1 = first submission; 2+ = re-drafted after staff returned it */
  revision?: number;
  /** staff's reasons for returning the previous submission, printed in the report */
  returnNotes?: string[];
}

export interface DraftFile {
  kind: DocumentKind;
  /** document title as printed */
  title: string;
  /** file base name without extension: 申报书 (or application-form with asciiNames) */
  name: string;
  fileNames: { docx: string; md: string };
  markdown: string;
  docx: Uint8Array;
  /** open 【待补充】 items, in reading order */
  placeholders: string[];
}

export interface DraftResult {
  jurisdiction: ZoneProfile["jurisdiction"];
  verdict: CheckResult["verdict"];
  files: DraftFile[];
}

function baseName(doc: DocModel, ascii: boolean): string {
  return ascii ? doc.asciiName : doc.name;
}

/** The three document models, without rendering (cheap; for previews and tests). */
export function buildDraftModels(profile: ZoneProfile, check: CheckResult, opts: DraftOptions = {}): DocModel[] {
  const now = opts.now ?? new Date();
  const ascii = opts.asciiNames ?? false;
  const form = buildApplicationForm(profile, check, now);
  const plan = buildConstructionPlan(profile, check, now);
  const report = buildPrecheckReport(profile, check, now, {
    drafts: [form, plan].map((d) => ({
      kind: d.kind,
      title: `《${d.name}》`,
      fileName: `${baseName(d, ascii)}.docx`,
      placeholders: collectPlaceholdersBySection(d),
    })),
    revision: opts.revision,
    returnNotes: opts.returnNotes,
  });
  return [form, plan, report];
}

export async function draftApplication(profile: ZoneProfile, check: CheckResult, opts: DraftOptions = {}): Promise<DraftResult> {
  const ascii = opts.asciiNames ?? false;
  const models = buildDraftModels(profile, check, opts);
  const files = await Promise.all(
    models.map(async (doc): Promise<DraftFile> => {
      const name = baseName(doc, ascii);
      return {
        kind: doc.kind,
        title: doc.title,
        name,
        fileNames: { docx: `${name}.docx`, md: `${name}.md` },
        markdown: renderMarkdown(doc),
        docx: await renderDocx(doc),
        placeholders: collectPlaceholders(doc),
      };
    }),
  );
  return { jurisdiction: check.jurisdiction, verdict: check.verdict, files };
}
