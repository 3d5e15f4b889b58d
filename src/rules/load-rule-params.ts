/**
 * Loads `knowledge/rules/<policy>.params.json` and validates it against the
 * strict schema its jurisdiction module declares. A misspelt key, a missing
 * citation or a wrong unit type stops the program with every bad field listed.
 */
import { readFileSync } from "node:fs";
import { isAbsolute } from "node:path";
import type { z } from "zod";
import { KNOWLEDGE_DIR } from "../knowledge/knowledge-paths.ts";
import { formatInputErrorList, parseInput } from "./format-input-errors.ts";

/** knowledge/rules/ at the project root */
export const RULES_DIR = `${KNOWLEDGE_DIR}rules/`;

/** A params file that does not match its schema — a data bug, not user input. */
export class RuleParamsError extends Error {
  constructor(
    public readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = "RuleParamsError";
  }
}

/** Validates an already-read params object (tests use this with edited copies). */
export function parseRuleParams<S extends z.ZodType>(raw: unknown, schema: S, file = "(内存)"): z.output<S> {
  const r = parseInput(schema, raw);
  if (!r.ok) throw new RuleParamsError(file, formatInputErrorList(r.errors, `规则参数文件 ${file} 有误`));
  return r.value;
}

const cache = new Map<string, unknown>();

/** Reads and validates once per process; later calls return the same object. */
export function loadRuleParams<S extends z.ZodType>(fileName: string, schema: S): z.output<S> {
  const hit = cache.get(fileName);
  if (hit) return hit as z.output<S>;
  // A module registered outside knowledge/rules/ (a test fixture) names its file by absolute path.
  const path = isAbsolute(fileName) ? fileName : `${RULES_DIR}${fileName}`;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new RuleParamsError(path, `无法读取规则参数文件 ${path}：${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = parseRuleParams(raw, schema, path);
  cache.set(fileName, parsed);
  return parsed;
}

/**
 * Puts an edited copy of a params file in force for this process, validated
 * like the file itself — how a test corrects a number and watches every text
 * that shows it follow (test/params-in-texts.test.ts).
 */
export function replaceRuleParams<S extends z.ZodType>(fileName: string, raw: unknown, schema: S): void {
  cache.set(fileName, parseRuleParams(raw, schema, `${fileName}（替换）`));
}

/** Forgets every loaded or replaced file: the next load reads knowledge/rules/ again. */
export function reloadRuleParams(): void {
  cache.clear();
}
