/**
 * `draft --input <profile.json> --out <dir> [--json] [--ascii-names]`:
 * checks the zone with the rules engine, then writes the application form,
 * the construction-plan outline and the checklist/pre-check report, each as
 * .docx and .md. Prints what it wrote (a JSON list with --json).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { VERDICT_LABELS } from "../../drafting/condition-results.ts";
import { draftApplication } from "../../drafting/draft-application.ts";
import type { Edition } from "../../drafting/document-model.ts";
import { checkJurisdiction } from "../../rules/check-zone.ts";
import { formatInputErrorList, parseInput } from "../../rules/format-input-errors.ts";
import { JURISDICTION_LABELS } from "../../rules/labels.ts";
import { implausibleInputErrors } from "../../rules/plausibility.ts";
import { zoneProfileSchema, type ZoneProfile } from "../../rules/zone-profile.schema.ts";
import { CliUsageError, type CliCommand } from "../command.types.ts";
import { InputFileError, readJsonFile } from "../read-json-input.ts";

const USAGE = "draft --input <profile.json> --out <目录> [--edition applicant|review|both] [--json] [--ascii-names]";

/** 申请人版 (clean, to sign), 审核版 (clauses shown, for staff), or both. */
const EDITIONS: Record<string, Edition[]> = { applicant: ["applicant"], review: ["review"], both: ["applicant", "review"] };
const EXAMPLE = "例如：npm run -s cli -- draft --input examples/zone-zhejiang.json --out out/（格式见 docs/input-formats.md）";

export interface DraftWritten {
  path: string;
  kind: string;
  format: "docx" | "md";
  bytes: number;
  /** open 【待补充】 items in this document */
  placeholders: number;
}

function parseDraftArgs(args: string[]) {
  try {
    const { values } = parseArgs({
      args,
      options: {
        input: { type: "string" },
        out: { type: "string" },
        json: { type: "boolean", default: false },
        "ascii-names": { type: "boolean", default: false },
        edition: { type: "string", default: "applicant" },
      },
      strict: true,
      allowPositionals: false,
    });
    return values;
  } catch (err) {
    throw new CliUsageError(`参数有误：${argsErrorText(err)}\n用法：${USAGE}\n${EXAMPLE}`);
  }
}

/** node:util parseArgs speaks English; say the common cases in Chinese. */
function argsErrorText(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const option = /'(-[^' ]+)/.exec(e.message ?? "")?.[1] ?? "";
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `不认识的参数 ${option}`;
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return `${option} 后面缺少值或值不对`;
  if (e.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return "多余的参数（文件须用 --input 指定）";
  return e.message ?? String(err);
}

async function readProfile(path: string): Promise<ZoneProfile> {
  let json: unknown;
  try {
    json = readJsonFile(path);
  } catch (err) {
    if (err instanceof InputFileError) throw new CliUsageError(`${err.message}\n${EXAMPLE}`);
    throw err;
  }
  const parsed = parseInput(zoneProfileSchema, json);
  if (!parsed.ok) throw new CliUsageError(formatInputErrorList(parsed.errors, `输入文件「${path}」有误`));
  const implausible = implausibleInputErrors(parsed.value);
  if (implausible.length) throw new CliUsageError(formatInputErrorList(implausible, `输入文件「${path}」有误`));
  if (!parsed.value.jurisdiction) {
    // check can compare both jurisdictions; a draft is one jurisdiction's form.
    const options = Object.entries(JURISDICTION_LABELS).map(([k, v]) => `${k}（${v}）`).join("、");
    throw new CliUsageError(`输入文件「${path}」有误（共 1 处）：\n  - jurisdiction：起草申报材料须指明申报地区，应为以下之一：${options}，例如 "jurisdiction": "zhejiang"`);
  }
  return parsed.value;
}

const command: CliCommand = {
  name: "draft",
  summary: "起草申报书、建设工作方案提纲、材料清单与预审报告（.docx 和 .md）",
  usage: USAGE,
  async run(args) {
    const opts = parseDraftArgs(args);
    if (!opts.input || !opts.out) {
      throw new CliUsageError(`缺少${!opts.input ? " --input" : ""}${!opts.out ? " --out" : ""}。用法：${USAGE}\n${EXAMPLE}`);
    }
    const editions = EDITIONS[opts.edition ?? "applicant"];
    if (!editions) throw new CliUsageError(`--edition 应为 applicant（申请人版）、review（审核版）或 both（两版），而不是「${opts.edition}」。用法：${USAGE}`);
    const profile = await readProfile(opts.input);
    const check = checkJurisdiction(profile.jurisdiction!, profile);
    const result = await draftApplication(profile, check, { asciiNames: opts["ascii-names"], editions });

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
