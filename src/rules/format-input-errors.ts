/**
 * zod issues → a Chinese list of every bad field, with its path, what is
 * expected and what was received:
 *
 *   zone.serviceInstitutions：应为非负整数（例如 25），收到 -3
 *   carrier.type：应为以下之一：sci-tech-service-center（科创服务中心）、…，收到 "park"
 *   zone.servises：不认识的字段（是否想写 services？可用字段：name、areaType、…）
 *
 * The expected text is read from the schema itself (its `.describe()` text,
 * else its type and checks), so it works for any zod schema: the CLI, the chat
 * intake and the params loader all use it.
 */
import { z } from "zod";
import { cappedList } from "../input-limits/cap-error-list.ts";
import { labelsForOptions } from "./labels.ts";

export interface InputFieldError {
  /** `zone.serviceInstitutions`, `clients[0].program`; "" for the whole input */
  path: string;
  expected: string;
  /** how the received value is shown; undefined when the field is missing */
  received?: string;
  /** one line: 「path：应为 …，收到 …」 */
  message: string;
}

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Wrappers that do not change what a value must look like. */
const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"]);

function unwrap(schema: z.ZodType): { schema: z.ZodType; description?: string } {
  let s = schema;
  let description = s.description;
  for (;;) {
    const def = defOf(s);
    if (WRAPPERS.has(def.type)) s = def.innerType as z.ZodType;
    else if (def.type === "pipe") s = def.in as z.ZodType;
    else break;
    description ??= s.description;
  }
  return { schema: s, description };
}

/** The schema that validates the value at `path`, or undefined when the path leaves the schema. */
export function schemaAt(root: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let s: z.ZodType | undefined = root;
  for (const key of path) {
    if (!s) return undefined;
    const inner = unwrap(s).schema;
    const def = defOf(inner);
    if (def.type === "object") s = (def.shape as Record<string, z.ZodType>)[String(key)];
    else if (def.type === "array") s = def.element as z.ZodType;
    else if (def.type === "record") s = def.valueType as z.ZodType;
    else return undefined;
  }
  return s;
}

function objectKeys(schema: z.ZodType): string[] {
  const def = defOf(unwrap(schema).schema);
  return def.type === "object" ? Object.keys(def.shape as object) : [];
}

/** What a value must look like, in Chinese: 「非负整数（例如 25）」. */
export function describeExpected(schema: z.ZodType): string {
  const { schema: s, description } = unwrap(schema);
  if (description) return description;
  const def = defOf(s);
  switch (def.type) {
    case "enum": {
      const options = Object.values(def.entries as Record<string, string>);
      const labels = labelsForOptions(options);
      return `以下之一：${options.map((o) => (labels?.[o] ? `${o}（${labels[o]}）` : o)).join("、")}`;
    }
    case "literal":
      return `固定值 ${(def.values as unknown[]).map((v) => JSON.stringify(v)).join(" 或 ")}`;
    case "number": {
      const n = s as z.ZodNumber;
      // .int() alone sets the safe-integer range; only a real bound is worth saying.
      const min = n.minValue !== null && n.minValue > Number.MIN_SAFE_INTEGER ? n.minValue : -Infinity;
      const max = n.maxValue !== null && n.maxValue < Number.MAX_SAFE_INTEGER ? n.maxValue : Infinity;
      if (n.isInt && min >= 0 && max === Infinity) return "非负整数（例如 25）";
      if (n.isInt && Number.isFinite(min) && Number.isFinite(max)) return `${min}–${max} 之间的整数`;
      if (n.isInt) return "整数";
      if (min >= 0) return "非负数（例如 1200）";
      return "数字";
    }
    case "boolean":
      return "true 或 false";
    case "string":
      return ((s as z.ZodString).minLength ?? 0) > 0 ? "非空文字（字符串）" : "文字（字符串）";
    case "array":
      return `列表，每一项为${describeExpected(def.element as z.ZodType)}`;
    case "object":
      return `对象（字段：${objectKeys(s).join("、")}）`;
    default:
      return "符合说明的值";
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** `zone.services[2]`; "" for the root. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), "");
}

function showValue(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return `列表 ${truncate(JSON.stringify(v))}`;
  if (typeof v === "object") return `对象 ${truncate(JSON.stringify(v))}`;
  if (typeof v === "string") return truncate(JSON.stringify(v));
  return String(v);
}

const truncate = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

function closest(key: string, keys: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of keys) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) [best, bestD] = [k, d];
  }
  return bestD <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

const shown = (path: string) => path || "（整个输入）";
/** 「应为 true 或 false」 but 「应为非负整数」: a space before Latin text. */
const shouldBe = (expected: string) => (/^[\x21-\x7e]/.test(expected) ? `应为 ${expected}` : `应为${expected}`);

/**
 * Every bad field of `input` against `schema`, one entry per field, in the
 * order zod found them.
 */
export function formatInputIssues(
  schema: z.ZodType,
  input: unknown,
  issues: readonly z.core.$ZodIssue[],
): InputFieldError[] {
  const out: InputFieldError[] = [];
  const seen = new Set<string>();
  const push = (e: InputFieldError) => {
    if (seen.has(e.path)) return;
    seen.add(e.path);
    out.push(e);
  };
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      const owner = schemaAt(schema, issue.path);
      const keys = owner ? objectKeys(owner) : [];
      for (const key of issue.keys) {
        const path = formatPath([...issue.path, key]);
        const guess = closest(key, keys);
        const expected = `${guess ? `是否想写 ${guess}？` : ""}可用字段：${keys.join("、")}`;
        push({ path, expected, received: undefined, message: `${path}：不认识的字段（${expected}）` });
      }
      continue;
    }
    const path = formatPath(issue.path);
    const leaf = schemaAt(schema, issue.path);
    const received = valueAt(input, issue.path);
    const hasDescription = leaf ? unwrap(leaf).description !== undefined : false;
    // A custom check (refine) on a field with no description explains itself best.
    const expected =
      issue.code === "custom" && !hasDescription ? issue.message : leaf ? describeExpected(leaf) : issue.message;
    if (received === undefined) {
      push({ path, expected, message: `${shown(path)}：缺少此项，${shouldBe(expected)}` });
    } else {
      const r = showValue(received);
      const what = issue.code === "custom" && !hasDescription ? expected : shouldBe(expected);
      push({ path, expected, received: r, message: `${shown(path)}：${what}，收到 ${r}` });
    }
  }
  return out;
}

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; errors: InputFieldError[] };

/** safeParse with Chinese field errors instead of a ZodError. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): ParseOutcome<z.output<S>> {
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, errors: formatInputIssues(schema, input, r.error.issues) };
}

/** 「输入有误（共 2 处）：\n  - a：…\n  - b：…」; beyond the first 20, 「… 另有 N 处未列出」. */
export function formatInputErrorList(errors: readonly InputFieldError[], title = "输入有误"): string {
  return [`${title}（共 ${errors.length} 处）：`, ...cappedList(errors.map((e) => e.message))].join("\n");
}
