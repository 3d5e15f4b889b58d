/**
 * Shared by the `check` and `estimate` commands: their arguments
 * (`--input <file> [--json]`) and their input file, validated, with every
 * problem as one Chinese message (the command turns it into exit code 2).
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

export function parseRuleCommandArgs(args: string[], usage: string): RuleCommandArgs {
  let values: { input?: string; json?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { input: { type: "string" }, json: { type: "boolean", default: false } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    const raw = (err as Error).message;
    const opt = /'([^']+)'/.exec(raw)?.[1];
    const why = raw.includes("Unknown option")
      ? `不认识的参数 ${opt ?? ""}`
      : raw.includes("argument missing")
        ? `参数 ${opt ?? "--input"} 后面缺少文件路径`
        : raw.includes("positional")
          ? "多余的参数"
          : `参数有误（${raw}）`;
    throw new RuleInputError(`${why}。用法：${usage}`);
  }
  if (!values.input) throw new RuleInputError(`缺少 --input <文件>。用法：${usage}`);
  return { input: values.input, json: values.json ?? false };
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
