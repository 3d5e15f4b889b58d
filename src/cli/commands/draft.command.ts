/**
 * `draft --input <profile.json> --out <dir> [--json] [--ascii-names]`:
 * checks the zone with the rules engine, then writes the application form,
 * the construction-plan outline and the checklist/pre-check report, each as
 * .docx and .md. Prints what it wrote (a JSON list with --json).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { VERDICT_LABELS } from "../../drafting/condition-results.ts";
import { draftApplication } from "../../drafting/draft-application.ts";
import type { Edition } from "../../drafting/document-model.ts";
import { checkJurisdiction } from "../../rules/check-zone.ts";
import { JURISDICTION_LABELS } from "../../rules/labels.ts";
import { zoneProfileSchema, type Jurisdiction, type ZoneProfile } from "../../rules/zone-profile.schema.ts";
import { CliUsageError, type CliCommand } from "../command.types.ts";
import { parseRuleCommandArgs, readRuleInput, RuleInputError } from "../rule-command-input.ts";

const USAGE = "draft --input <profile.json> --out <目录> [--edition applicant|review|both] [--json] [--ascii-names]";

/** 申请人版 (clean, to sign), 审核版 (clauses shown, for staff), or both. */
const EDITIONS: Partial<Record<string, Edition[]>> = { applicant: ["applicant"], review: ["review"], both: ["applicant", "review"] };
const EXAMPLE = "例如：npm run -s cli -- draft --input examples/zone-zhejiang.json --out out/（格式见 docs/input-formats.md）";

export interface DraftWritten {
  path: string;
  kind: string;
  format: "docx" | "md";
  bytes: number;
  /** open 【待补充】 items in this document */
  placeholders: number;
}

/** The profile, read and validated by the same reader as `check` and `estimate`; a draft also needs its jurisdiction. */
function readProfile(path: string): ZoneProfile & { jurisdiction: Jurisdiction } {
  const profile = readRuleInput(path, zoneProfileSchema, "示范区信息文件");
  if (!profile.jurisdiction) {
    // check can compare jurisdictions; a draft is one jurisdiction's form.
    const options = Object.entries(JURISDICTION_LABELS).map(([k, v]) => `${k}（${v}）`).join("、");
    throw new RuleInputError(`示范区信息文件 ${path} 有误（共 1 处）：\n  - jurisdiction：起草申报材料须指明申报地区，应为以下之一：${options}`);
  }
  return { ...profile, jurisdiction: profile.jurisdiction };
}

const command: CliCommand = {
  name: "draft",
  summary: "起草申报书、建设工作方案提纲、材料清单与预审报告（.docx 和 .md）",
  usage: USAGE,
  async run(args) {
    let opts;
    let profile;
    try {
      opts = parseRuleCommandArgs(args, USAGE, {
        out: { type: "string" },
        "ascii-names": { type: "boolean", default: false },
        edition: { type: "string", default: "applicant" },
      });
      if (typeof opts.out !== "string" || opts.out === "") throw new RuleInputError(`缺少 --out <目录>。用法：${USAGE}`);
      profile = readProfile(opts.input);
    } catch (err) {
      if (err instanceof RuleInputError) throw new CliUsageError(`${err.message}\n${EXAMPLE}`);
      throw err;
    }
    const edition = String(opts.edition);
    const editions = EDITIONS[edition];
    if (!editions) throw new CliUsageError(`--edition 应为 applicant（申请人版）、review（审核版）或 both（两版），而不是「${edition}」。用法：${USAGE}`);
    const check = checkJurisdiction(profile.jurisdiction, profile);
    const result = await draftApplication(profile, check, { asciiNames: opts["ascii-names"] === true, editions });

    const dir = resolve(opts.out);
    await mkdir(dir, { recursive: true });
    const written: DraftWritten[] = [];
    for (const file of result.files) {
      const docxPath = join(dir, file.fileNames.docx);
      const mdPath = join(dir, file.fileNames.md);
      await writeFile(docxPath, file.docx);
      await writeFile(mdPath, file.markdown, "utf8");
      written.push(
        { path: docxPath, kind: file.kind, format: "docx", bytes: file.docx.byteLength, placeholders: file.placeholders.length },
        { path: mdPath, kind: file.kind, format: "md", bytes: Buffer.byteLength(file.markdown), placeholders: file.placeholders.length },
      );
    }

    if (opts.json) {
      process.stdout.write(JSON.stringify(written, null, 2) + "\n");
    } else {
      const lines = [`已写入 ${written.length} 个文件（${JURISDICTION_LABELS[result.jurisdiction!]}，预审：${VERDICT_LABELS[result.verdict]}）：`];
      for (const w of written) lines.push(`  ${w.path}${w.placeholders ? `（待补充 ${w.placeholders} 项）` : ""}`);
      process.stdout.write(lines.join("\n") + "\n");
    }
    return 0;
  },
};

export default command;
