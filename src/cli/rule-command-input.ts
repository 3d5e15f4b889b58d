/**
 * Shared by the commands that read an input file (`check`, `estimate`,
 * `draft`): their arguments (`--input <file> [--json]`, plus any options of
 * their own) and their input file, validated, with every problem as one
 * Chinese message (the command turns it into exit code 2).
 */
import { parseArgs } from "node:util";
import type { z } from "zod";
import { formatInputErrorList, parseInput } from "../rules/format-input-errors.ts";
import { implausibleInputErrors } from "../rules/plausibility.ts";
import { InputFileError, readJsonFile } from "./read-json-input.ts";

export class RuleInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RuleInputError";
  }
}

export interface RuleCommandArgs {
  input: string;
  json: boolean;
}

type ExtraOptions = Record<string, { type: "string" | "boolean"; default?: string | boolean }>;

/**
 * `--input` (required) and `--json`, plus `extra` options of the command;
 * node:util speaks English, so the common mistakes are said in Chinese.
 */
export function parseRuleCommandArgs(args: string[], usage: string): RuleCommandArgs;
export function parseRuleCommandArgs(
  args: string[],
  usage: string,
  extra: ExtraOptions,
): RuleCommandArgs & Record<string, string | boolean | undefined>;
export function parseRuleCommandArgs(args: string[], usage: string, extra: ExtraOptions = {}): RuleCommandArgs & Record<string, string | boolean | undefined> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: { input: { type: "string" }, json: { type: "boolean", default: false }, ...extra },
      strict: true,
      allowPositionals: false,
    }) as { values: Record<string, string | boolean | undefined> });
  } catch (err) {
    const raw = (err as Error).message;
    const opt = /'(-[^' ]+)/.exec(raw)?.[1];
    const why = raw.includes("Unknown option")
      ? `不认识的参数 ${opt ?? ""}`
      : raw.includes("argument missing")
        ? `参数 ${opt ?? "--input"} 后面缺少${opt === undefined || opt.startsWith("--input") ? "文件路径" : "值"}`
        : raw.includes("positional")
          ? "多余的参数（文件须用 --input 指定）"
          : `参数有误（${raw}）`;
    throw new RuleInputError(`${why}。用法：${usage}`);
  }
  if (typeof values.input !== "string" || values.input === "") throw new RuleInputError(`缺少 --input <文件>。用法：${usage}`);
  return { ...values, input: values.input, json: values.json === true };
}

/** Reads and validates the input file; throws RuleInputError listing every bad field. */
export function readRuleInput<S extends z.ZodType>(path: string, schema: S, what: string): z.output<S> {
  let raw: unknown;
  try {
    raw = readJsonFile(path);
  } catch (err) {
    if (err instanceof InputFileError) throw new RuleInputError(err.message);
    throw err;
  }
  const r = parseInput(schema, raw);
  if (!r.ok) throw new RuleInputError(formatInputErrorList(r.errors, `${what} ${path} 有误`));
  // Beyond a plausible bound is a typo until someone says otherwise; a file cannot be asked.
  const implausible = implausibleInputErrors(r.value);
  if (implausible.length) throw new RuleInputError(formatInputErrorList(implausible, `${what} ${path} 有误`));
  return r.value;
}
