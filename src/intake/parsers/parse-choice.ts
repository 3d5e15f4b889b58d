/**
 * Picking from fixed options by option id (`patent`), by number (「3」「1,3,5」
 * 「1-4」), by label (「专利」) or by a synonym (「著作权」 → copyright), or all at
 * once (「全部」「以上都有」「除了植物新品种都有」). Option ids are the enum values of
 * the zod schemas, so a pressed button and typed text end in the same value.
 */
import { parseNumeral } from "./parse-chinese-number.ts";
import { cleanAnswer } from "./normalize-input.ts";
import { fail, ok, type ParseResult } from "./parse-result.ts";

export interface ChoiceSpec {
  /** stable id: the enum value stored in the profile (`incubator`) */
  id: string;
  /** what the button shows (科技企业孵化器) */
  label: string;
  /** other ways people say it (孵化器, 孵化园) */
  aliases?: readonly string[];
}

const ALL = /^(全部|全部都有|全都有|全有|都有|都有的|以上都有|以上全部|以上均有|以上皆有|以上都是|都是|所有|所有都有|全选|均有|都具备|都提供|全部都提供|全部提供|all)$/iu;
const NONE = /^(都没有|全都没有|都没|无|没有|以上都没有|以上都不是|一个都没有|一个也没有|都不是|什么都没有|都无|暂无|均无|都不提供|none|no)$/iu;
const EXCEPT = /^除了?(.+?)(?:以外|之外|外)?[,， ]*(?:其他|其余|别的)?(?:都有|都是|都提供|全部|均有|都具备|全有)$/u;
const SEPARATORS = /[,，、;；/|\s]+|以及|还有|和|及|与|跟|加上/u;
// Words that may surround option names without meaning anything: 「我们提供专利、商标服务等」.
const FILLER = /(我们|我|区内|园区|示范区|目前|现在|主要|已经|可以|能够|能|可|提供|开展|涵盖|覆盖|包括|包含|具备|具有|都有|都|也|有|的|等等|等|方面|类|服务|业务|工作|知识产权|方式|选|选择|第|项|个|号|是)/gu;

const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

function namesOf(o: ChoiceSpec): string[] {
  return [o.label, ...(o.aliases ?? [])].map(norm).filter((n) => n !== "");
}

function optionList(options: readonly ChoiceSpec[]): string {
  return options.map((o, i) => `${i + 1}. ${o.label}`).join("；");
}

/** Exact match of a whole token: id, 1-based number, label or alias. */
function exactMatch(token: string, options: readonly ChoiceSpec[]): ChoiceSpec | "out-of-range" | undefined {
  const t = norm(token).replace(/^第/, "").replace(/[项个号.、)]$/u, "");
  if (t === "") return undefined;
  const byId = options.find((o) => o.id.toLowerCase() === t);
  if (byId) return byId;
  if (/^\d+$/.test(t) || /^[一二三四五六七八九十]+$/u.test(t)) {
    const n = parseNumeral(t);
    if (n === undefined) return undefined;
    return options[n - 1] ?? "out-of-range";
  }
  return options.find((o) => namesOf(o).includes(t));
}

/** Every option whose label or alias occurs in the text, longest names first, each span used once. */
function scan(text: string, options: readonly ChoiceSpec[]): { found: ChoiceSpec[]; leftover: string } {
  const names = options
    .flatMap((o) => namesOf(o).map((name) => ({ name, o })))
    .sort((a, b) => b.name.length - a.name.length);
  let rest = norm(text);
  const found: ChoiceSpec[] = [];
  for (const { name, o } of names) {
    if (name.length < 1 || !rest.includes(name)) continue;
    rest = rest.split(name).join("\u0000");
    if (!found.includes(o)) found.push(o);
  }
  return { found, leftover: rest.replace(/\u0000/g, "") };
}

function meaningful(leftover: string): string {
  return leftover.replace(FILLER, "").replace(/[^\p{L}\p{N}]/gu, "");
}

/**
 * One option. In "exact" mode the whole answer must be an id, number, label
 * or alias (used when the text also reads like a question).
 */
export function parseChoice(
  raw: string,
  options: readonly ChoiceSpec[],
  mode: "exact" | "lenient" = "lenient",
): ParseResult<string> {
  const text = cleanAnswer(raw).replace(/[?？]+$/u, "");
  const example = `回复编号（如「1」）或名称（如「${options[0]?.label ?? ""}」）`;
  const expected = `请从以下选项中选一项：${optionList(options)}`;
  if (text === "") return fail(expected, example);
  const exact = exactMatch(text, options);
  if (exact === "out-of-range") return fail(`编号应在 1–${options.length} 之间。${expected}`, example);
  if (exact) return ok(exact.id);
  if (mode === "exact") return fail(expected, example);
  const { found } = scan(text, options);
  if (found.length === 1) return ok(found[0]!.id);
  if (found.length > 1) {
    return fail(`只能选一项，您的回答里有「${found.map((o) => o.label).join("」「")}」`, example);
  }
  return fail(`没有找到「${text}」对应的选项。${expected}`, example);
}

export interface MultiChoice {
  ids: string[];
  /** parts of the answer that matched no option, shown back to the user */
  unrecognized?: string;
}

/** Several options (or none: 「都没有」). */
export function parseMultiChoice(raw: string, options: readonly ChoiceSpec[]): ParseResult<MultiChoice> {
  const text = cleanAnswer(raw).replace(/[?？]+$/u, "");
  const example = `「1,3,5」、「${options.slice(0, 3).map((o) => o.label).join("、")}」或「全部」`;
  const expected = `请选择一项或多项（可回复编号、名称或「全部」）：${optionList(options)}`;
  if (text === "") return fail(expected, example);
  const compact = norm(text);
  if (ALL.test(compact)) return ok({ ids: options.map((o) => o.id) });
  if (NONE.test(compact)) return ok({ ids: [] });
  const except = EXCEPT.exec(compact);
  if (except) {
    const excluded = parseMultiChoice(except[1]!, options);
    if (!excluded.ok) return excluded;
    return ok({ ids: options.map((o) => o.id).filter((id) => !excluded.value.ids.includes(id)) });
  }

  const picked = new Set<string>();
  const unknown: string[] = [];
  for (const token of text.split(SEPARATORS).filter((t) => t.trim() !== "")) {
    const range = /^(\d+)[-~～到至](\d+)$/u.exec(norm(token));
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (from < 1 || to > options.length || from > to) {
        return fail(`编号应在 1–${options.length} 之间`, example);
      }
      for (let n = from; n <= to; n++) picked.add(options[n - 1]!.id);
      continue;
    }
    const exact = exactMatch(token, options);
    if (exact === "out-of-range") return fail(`编号应在 1–${options.length} 之间。${expected}`, example);
    if (exact) {
      picked.add(exact.id);
      continue;
    }
    const { found, leftover } = scan(token, options);
    for (const o of found) picked.add(o.id);
    const left = meaningful(leftover);
    if (left !== "") unknown.push(found.length ? left : token.trim());
  }
  if (picked.size === 0) return fail(`没有识别出选项。${expected}`, example);
  const ids = options.map((o) => o.id).filter((id) => picked.has(id));
  return ok(unknown.length ? { ids, unrecognized: unknown.join("、") } : { ids });
}
