/**
 * Reads the JSON file given with `--input` (check, estimate, draft). Every
 * failure is one Chinese sentence saying what to fix — never a stack trace.
 */
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { checkJsonShape, checkJsonSize, JsonLimitError, RULE_INPUT_LIMITS, type JsonLimits } from "../input-limits/json-limits.ts";

export class InputFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputFileError";
  }
}

/** Reads, parses and checks against `limits` (size first, from the file's length: a huge file is never read). */
export function readJsonFile(path: string, limits: JsonLimits = RULE_INPUT_LIMITS): unknown {
  const full = resolve(path);
  let text: string;
  try {
    const stat = statSync(full);
    if (stat.isDirectory()) throw new InputFileError(`输入文件 ${path} 是一个目录，请给出 JSON 文件的路径。`);
    checkJsonSize(stat.size, limits, `输入文件 ${path} `);
    text = readFileSync(full, "utf8");
  } catch (err) {
    if (err instanceof InputFileError) throw err;
    if (err instanceof JsonLimitError) throw new InputFileError(err.message);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputFileError(`找不到输入文件：${path}。请检查路径，例如 --input examples/zone-zhejiang.json（示范区信息）或 --input examples/agency-zibo.json（机构测算）。格式见 docs/input-formats.md。`);
    if (code === "EACCES") throw new InputFileError(`没有权限读取输入文件：${path}。`);
    throw new InputFileError(`无法读取输入文件 ${path}：${(err as Error).message}`);
  }
  const body = text.replace(/^\uFEFF/, "");
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (err) {
    throw new InputFileError(
      `输入文件 ${path} 不是有效的 JSON（${whereJsonBroke(body, (err as Error).message)}）。请检查引号、逗号和括号，例如 {"jurisdiction": "zibo"}。`,
    );
  }
  try {
    checkJsonShape(value, limits, `输入文件 ${path} `);
  } catch (err) {
    if (err instanceof JsonLimitError) throw new InputFileError(err.message);
    throw err;
  }
  return value;
}

/** V8 says 「… at position 26」 in English; people want a line and column. */
function whereJsonBroke(body: string, message: string): string {
  if (body.trim() === "") return "文件是空的";
  const pos = /position (\d+)/.exec(message);
  if (!pos) return /end of JSON/i.test(message) ? "文件在结尾处不完整" : "无法解析";
  const before = body.slice(0, Number(pos[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `第 ${line} 行第 ${column} 列附近有错`;
}
