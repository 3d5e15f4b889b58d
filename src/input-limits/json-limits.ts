/**
 * Limits on every JSON input (CLI input files, question sets, channel
 * payloads): its size in bytes, how deeply it nests, how long a list and a
 * string may be. Inputs beyond them are refused with one Chinese sentence
 * naming the limit and why it exists — before anything walks the value
 * recursively (a value nested 100,000 deep overflowed the stack in
 * validation) or multiplies it (a 15 MB profile became 150 MB of drafts).
 *
 * The checks walk the parsed value with an explicit stack, never recursion.
 */

export interface JsonLimits {
  /** bytes of UTF-8 text */
  maxBytes: number;
  /** nesting of objects and lists; the top-level value is depth 1 */
  maxDepth: number;
  /** items in any one list */
  maxListLength: number;
  /** characters in any one string (keys included) */
  maxStringLength: number;
}

/**
 * A zone profile or agency input: a few dozen facts, names and addresses of
 * at most a few hundred characters, client lists of some hundred entries.
 * Ten to a hundred times what a real one holds, and small enough that the
 * three drafts made from it stay a few megabytes.
 */
export const RULE_INPUT_LIMITS: JsonLimits = { maxBytes: 1024 * 1024, maxDepth: 16, maxListLength: 1000, maxStringLength: 2000 };

/** One line of a question set: a question, its expectations, a few ids. */
export const QUESTION_LINE_LIMITS: JsonLimits = { maxBytes: 64 * 1024, maxDepth: 8, maxListLength: 200, maxStringLength: 4000 };

/** A whole question set (JSON Lines): thousands of questions. */
export const QUESTION_SET_LIMITS: JsonLimits = { ...QUESTION_LINE_LIMITS, maxBytes: 8 * 1024 * 1024 };

const MiB = 1024 * 1024;

function bytesText(n: number): string {
  return n >= MiB ? `${(n / MiB).toFixed(n % MiB === 0 ? 0 : 1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} 字节`;
}

export class JsonLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JsonLimitError";
  }
}

/** Refuses an input of more than `maxBytes` (text, buffer or a file's length) before it is parsed. */
export function checkJsonSize(input: string | Buffer | number, limits: JsonLimits, what: string): void {
  const bytes = typeof input === "number" ? input : typeof input === "string" ? Buffer.byteLength(input) : input.byteLength;
  if (bytes > limits.maxBytes) {
    throw new JsonLimitError(
      `${what}太大（${bytesText(bytes)}），上限为 ${bytesText(limits.maxBytes)}：正常的输入远小于此，过大的输入会让处理和生成的文件成倍膨胀。请检查是否选错了文件。`,
    );
  }
}

function pathText(path: readonly (string | number)[]): string {
  const shown = path.slice(0, 8).reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), "");
  return (shown || "（整个输入）") + (path.length > 8 ? "…" : "");
}

/** Refuses a parsed value nested too deeply, or with a list or string too long; names where. */
export function checkJsonShape(value: unknown, limits: JsonLimits, what: string): void {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === "string") {
      if (v.length > limits.maxStringLength) {
        throw new JsonLimitError(`${what}的 ${pathText(path)} 文字太长（${v.length} 个字符），上限为 ${limits.maxStringLength}：名称、地址等字段不会这么长，请检查是否粘贴了整篇文档。`);
      }
      continue;
    }
    if (v === null || typeof v !== "object") continue;
    if (path.length + 1 > limits.maxDepth) {
      throw new JsonLimitError(`${what}嵌套太深（超过 ${limits.maxDepth} 层，在 ${pathText(path)}）：输入格式只有几层，这么深的结构不会是有效输入。`);
    }
    if (Array.isArray(v)) {
      if (v.length > limits.maxListLength) {
        throw new JsonLimitError(`${what}的 ${pathText(path)} 列表太长（${v.length} 项），上限为 ${limits.maxListLength} 项：实际申报用不到这么多，请检查数据。`);
      }
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
    } else {
      const entries = Object.entries(v);
      if (entries.length > limits.maxListLength) {
        throw new JsonLimitError(`${what}的 ${pathText(path)} 字段太多（${entries.length} 个），上限为 ${limits.maxListLength}。`);
      }
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i]!;
        if (k.length > limits.maxStringLength) throw new JsonLimitError(`${what}的 ${pathText(path)} 有一个字段名太长（${k.length} 个字符）。`);
        stack.push({ value: child, path: [...path, k] });
      }
    }
  }
}

/** Size check, `JSON.parse`, shape check. A syntax error is thrown as `SyntaxError` (callers explain where). */
export function parseBoundedJson(text: string, limits: JsonLimits, what: string): unknown {
  checkJsonSize(text, limits, what);
  const value: unknown = JSON.parse(text);
  checkJsonShape(value, limits, what);
  return value;
}
