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
import { collectPlaceholders, collectPlaceholdersBySection, editionOf, type DocModel, type DocumentKind, type Edition } from "./document-model.ts";
import { draftContext } from "./draft-context.ts";
import { renderDocx } from "./render-docx.ts";
import { renderMarkdown } from "./render-markdown.ts";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface DraftOptions {
  /** today, for a profile without asOf (the one document date is asOf); default: now */
  now?: Date;
  /** ASCII file names (application-form.docx …) instead of Chinese ones (申报书.docx …) */
  asciiNames?: boolean;
  /** 1 = first submission; 2+ = re-drafted after staff returned it */
  revision?: number;
  /** staff's reasons for returning the previous submission, printed in the report */
  returnNotes?: string[];
  /**
   * which editions to render: the applicant's clean one (default) and/or the
   * staff-review one with the clauses each section answers
   */
  editions?: Edition[];
}

export interface DraftFile {
  kind: DocumentKind;
  edition: Edition;
  /** document title as printed */
  title: string;
  /** file base name without extension: 申报书, 申报书（审核版） (or application-form, application-form-review) */
  name: string;
  fileNames: { docx: string; md: string };
  markdown: string;
  docx: Uint8Array;
  /** every highlighted 【待补充】 place, in reading order (an item printed twice is listed twice) */
  placeholders: string[];
}

export interface DraftResult {
  jurisdiction: ZoneProfile["jurisdiction"];
  verdict: CheckResult["verdict"];
  /** the one date the documents print (填报日期, 编制日期, 自查/预审基准日) */
  date: string;
  files: DraftFile[];
}

export const EDITION_SUFFIX: Record<Edition, { name: string; ascii: string }> = {
  applicant: { name: "", ascii: "" },
  review: { name: "（审核版）", ascii: "-review" },
};

function baseName(doc: DocModel, edition: Edition, ascii: boolean): string {
  return ascii ? `${doc.asciiName}${EDITION_SUFFIX[edition].ascii}` : `${doc.name}${EDITION_SUFFIX[edition].name}`;
}

/** The three document models (both editions' blocks), without rendering (cheap; for previews and tests). */
export function buildDraftModels(profile: ZoneProfile, check: CheckResult, opts: DraftOptions = {}): DocModel[] {
  const ctx = draftContext(profile, check, opts.now);
  const form = buildApplicationForm(profile, check, ctx);
  const plan = buildConstructionPlan(profile, check, ctx);
  const report = buildPrecheckReport(profile, check, ctx, {
    drafts: [form, plan].map((d) => ({
      kind: d.kind,
      title: `《${d.name}》`,
      placeholders: collectPlaceholdersBySection(editionOf(d, "applicant")),
    })),
    revision: opts.revision,
    returnNotes: opts.returnNotes,
  });
  return [form, plan, report];
}

export async function draftApplication(profile: ZoneProfile, check: CheckResult, opts: DraftOptions = {}): Promise<DraftResult> {
  const ascii = opts.asciiNames ?? false;
  const editions = opts.editions ?? ["applicant"];
  const models = buildDraftModels(profile, check, opts);
  const files = await Promise.all(
    editions.flatMap((edition) =>
      models.map(async (model): Promise<DraftFile> => {
        const doc = editionOf(model, edition);
        const name = baseName(doc, edition, ascii);
        return {
          kind: doc.kind,
          edition,
          title: doc.title,
          name,
          fileNames: { docx: `${name}.docx`, md: `${name}.md` },
          markdown: renderMarkdown(doc),
          docx: await renderDocx(doc),
          placeholders: collectPlaceholders(doc),
        };
      }),
    ),
  );
  return { jurisdiction: check.jurisdiction, verdict: check.verdict, date: draftContext(profile, check, opts.now).date, files };
}
