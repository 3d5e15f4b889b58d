/**
 * Plausible bounds of every count and area the rules read. A value beyond its
 * bound is almost certainly a typo (an extra 0, 万 for 个, a pasted ID): the
 * command line rejects it, the chat asks 「您填写的是 1 万亿件，确认吗？」.
 *
 * The bounds are generous on purpose — a few times the largest real figure —
 * so they never refuse an honest answer. They are product decisions, not
 * policy numbers, which is why they live here and not in knowledge/rules/.
 * docs/input-formats.md lists them.
 */
import { asRange } from "./fact-range.ts";
import type { InputFieldError } from "./format-input-errors.ts";
import { groupDigits } from "./money.ts";

export interface PlausibleBound {
  /** the largest plausible value */
  max: number;
  unit: string;
  /** why this bound: what the real figures look like */
  why: string;
}

/** Keyed by fact path as in the input (`clients[]` for every client). */
export const PLAUSIBLE_BOUNDS = {
  "zone.serviceInstitutions": {
    max: 2_000,
    unit: "家",
    why: "一个示范区内的知识产权服务机构通常是几十家，2,000 家已远超任何一个集聚区的规模",
  },
  "zone.coreAreaSqm": {
    max: 10_000_000,
    unit: "平方米",
    why: "核心区是服务机构集中的楼宇或街区，门槛是 1,000 平方米量级；1,000 万平方米（10 平方公里）已是整个园区的规模",
  },
  pledgeLoans: { max: 1_000, unit: "项", why: "一家机构一年完成的政银保专利权保险质押贷款通常是个位数到几十项" },
  securitizations: { max: 100, unit: "项", why: "证券化项目规模大、周期长，一家机构一年通常只有几项" },
  newPatentAttorneys: { max: 500, unit: "人", why: "一家机构一年新获专利代理师证书的人数通常是个位数" },
  inventionGrants: { max: 50_000, unit: "件", why: "一个地级市一年的发明专利授权总量通常在几千件以内" },
  wonCases: { max: 1_000, unit: "件", why: "一家机构一年代理胜诉的涉外或重大专利案件通常是个位数" },
  clients: { max: 10_000, unit: "家", why: "一家机构一年服务的「专利清零」「专利倍增」企业通常是几十到几百家" },
  "clients[].inventionGrants": { max: 10_000, unit: "件", why: "一家企业一年的发明专利授权通常在几百件以内" },
} as const satisfies Record<string, PlausibleBound>;

export type PlausibleFact = keyof typeof PLAUSIBLE_BOUNDS;

/** The bound of a fact path (`clients[3].inventionGrants` → the `clients[]` bound), if it has one. */
export function plausibleBound(path: string): PlausibleBound | undefined {
  return (PLAUSIBLE_BOUNDS as Record<string, PlausibleBound>)[path.replace(/\[\d+\]/g, "[]")];
}

export interface ImplausibleFact {
  /** the path as in the input: `clients[2].inventionGrants` */
  path: string;
  value: number;
  bound: PlausibleBound;
  /** 「本年度完成的知识产权证券化（项）：1,000,000,000,000 项超出合理范围（最多 100 项）…」 */
  message: string;
}

/** 1e12 → 「1 万亿」, 35000 → 「3.5 万」, 120 → 「120」: how a large figure is read aloud. */
export function readableQuantity(n: number): string {
  const scaled = (d: number, word: string) => `${groupDigits(Math.round((n / d) * 100) / 100)} ${word}`;
  if (n >= 1e12) return scaled(1e12, "万亿");
  if (n >= 1e8) return scaled(1e8, "亿");
  if (n >= 1e4) return scaled(1e4, "万");
  return groupDigits(n);
}

/** 「您填写的是 1 万亿件，确认吗？」 — the chat's question for a value beyond its bound. */
export function implausibleQuestion(value: number, unit: string): string {
  return `您填写的是 ${readableQuantity(value)}${unit}，确认吗？`;
}

function check(path: string, value: number, out: ImplausibleFact[]): void {
  const bound = plausibleBound(path);
  if (!bound || value <= bound.max) return;
  out.push({
    path,
    value,
    bound,
    message: `${readableQuantity(value)} ${bound.unit}超出合理范围（最多 ${groupDigits(bound.max)} ${bound.unit}：${bound.why}），请核对是否多写了 0 或单位`,
  });
}

/** Every count, area and list length of a zone profile or an agency input beyond its plausible bound. */
export function findImplausibleFacts(input: unknown): ImplausibleFact[] {
  const out: ImplausibleFact[] = [];
  if (input === null || typeof input !== "object") return out;
  const o = input as Record<string, unknown>;
  const zone = (o.zone ?? {}) as Record<string, unknown>;
  for (const key of ["serviceInstitutions", "coreAreaSqm"] as const) {
    const r = asRange(zone[key]);
    if (r) check(`zone.${key}`, r.max, out);
  }
  for (const key of ["pledgeLoans", "securitizations", "newPatentAttorneys", "inventionGrants"] as const) {
    const r = asRange(o[key]);
    if (r) check(key, r.max, out);
  }
  if (Array.isArray(o.wonCases)) check("wonCases", o.wonCases.length, out);
  if (Array.isArray(o.clients)) {
    check("clients", o.clients.length, out);
    o.clients.forEach((c, i) => {
      const r = asRange((c as Record<string, unknown> | null)?.inventionGrants);
      if (r) check(`clients[${i}].inventionGrants`, r.max, out);
    });
  }
  return out;
}


/**
 * The implausible facts as input errors, for the command line (which rejects
 * them; the chat asks instead): 「pledgeLoans：1 万亿 项超出合理范围（最多 1,000 项：…）…」.
 */
export function implausibleInputErrors(input: unknown): InputFieldError[] {
  return findImplausibleFacts(input).map((f) => ({
    path: f.path,
    expected: `不超过 ${groupDigits(f.bound.max)} ${f.bound.unit}`,
    received: groupDigits(f.value),
    message: `${f.path}：${f.message}`,
  }));
}
