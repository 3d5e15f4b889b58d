/**
 * One rule for every uncertain fact of the 第九条 estimate, whatever the item:
 *
 * - a yes/no fact left out counts as the unfavourable answer in the confirmed
 *   amount and as the favourable one in the possible amount (favourable is
 *   「是」 for every fact except `abnormalApplications`, where it is 「否」);
 * - a range counts as its `min` in the confirmed amount and its `max` in the
 *   possible amount;
 * - a part whose facts are all left out (no custody, no brand, no count) is
 *   not estimated at all — there is nothing to assume a value for.
 *
 * `settle` turns the input into exact facts for one side; the rules only
 * ever see exact facts.
 */
import type { AgencyInput } from "../agency-input.schema.ts";
import { asRange, formatRange, isUncertain } from "../fact-range.ts";
import { groupDigits } from "../money.ts";

export type Side = "confirmed" | "possible";

/** The agency input with every range settled to a number (what the rules read). */
export type ExactAgencyInput = Omit<
  AgencyInput,
  "pledgeLoans" | "securitizations" | "newPatentAttorneys" | "inventionGrants" | "clients"
> & {
  pledgeLoans?: number;
  securitizations?: number;
  newPatentAttorneys?: number;
  inventionGrants?: number;
  clients?: { name: string; program: "zeroing" | "doubling"; inventionGrants: number }[];
};

export interface UncertainFact {
  /** path in the input: `agency.inZone`, `clients[1].inventionGrants` */
  path: string;
  kind: "yes-no" | "range";
  /** the value each side assumes */
  values: Record<Side, boolean | number>;
  /** how the possible side reads it: 「是」「130」 */
  favourableText: string;
  /** how the confirmed side reads it: 「否」「115（范围下限）」 */
  confirmedText: string;
}

/** Yes/no facts of 第九条, the favourable answer, and when they matter (their part is given). */
const YES_NO_FACTS: { path: string; favourable: boolean; applies: (i: AgencyInput) => boolean }[] = [
  { path: "agency.inZone", favourable: true, applies: () => true },
  { path: "agency.patentAgencyQualified", favourable: true, applies: () => true },
  { path: "custody.certifiedOutstanding", favourable: true, applies: (i) => (i.custody?.modes?.length ?? 0) > 0 },
  { path: "brand.national", favourable: true, applies: (i) => i.brand !== undefined },
  { path: "brand.provincial", favourable: true, applies: (i) => i.brand !== undefined },
  { path: "brand.afterJoiningZone", favourable: true, applies: (i) => i.brand !== undefined },
  { path: "abnormalApplications", favourable: false, applies: () => true },
];

const RANGED_COUNTS = ["pledgeLoans", "securitizations", "newPatentAttorneys", "inventionGrants"] as const;

function readPath(root: unknown, path: string): unknown {
  let v = root;
  for (const key of path.replace(/\[(\d+)\]/g, ".$1").split(".")) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function writePath(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.replace(/\[(\d+)\]/g, ".$1").split(".");
  let node = root;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}

const yesNo = (b: boolean) => (b ? "是" : "否");

/** Every fact of this input that is not known exactly, in clause order. */
export function uncertainFacts(input: AgencyInput): UncertainFact[] {
  const out: UncertainFact[] = [];
  for (const f of YES_NO_FACTS) {
    if (!f.applies(input) || readPath(input, f.path) !== undefined) continue;
    out.push({
      path: f.path,
      kind: "yes-no",
      values: { confirmed: !f.favourable, possible: f.favourable },
      favourableText: yesNo(f.favourable),
      confirmedText: yesNo(!f.favourable),
    });
  }
  const ranged = [
    ...RANGED_COUNTS.map((k) => k as string),
    ...(input.clients ?? []).map((_, i) => `clients[${i}].inventionGrants`),
  ];
  for (const path of ranged) {
    const v = readPath(input, path);
    const r = asRange(v);
    if (!r || !isUncertain(v)) continue;
    out.push({
      path,
      kind: "range",
      values: { confirmed: r.min, possible: r.max },
      favourableText: `${groupDigits(r.max)}（范围 ${formatRange(r)} 的上限）`,
      confirmedText: `${groupDigits(r.min)}（范围下限）`,
    });
  }
  return out;
}

/**
 * The input with every uncertain fact settled for one side; `overrides`
 * settles chosen facts to the other side (what-if runs for `toConfirm`).
 */
export function settle(input: AgencyInput, side: Side, overrides: Record<string, Side> = {}): ExactAgencyInput {
  const out = structuredClone(input) as Record<string, unknown>;
  for (const f of uncertainFacts(input)) writePath(out, f.path, f.values[overrides[f.path] ?? side]);
  // A one-point range {min: n, max: n} is exact: it reads as n.
  for (const path of [...RANGED_COUNTS, ...(input.clients ?? []).map((_, i) => `clients[${i}].inventionGrants`)]) {
    const v = readPath(out, path);
    if (v !== null && typeof v === "object") writePath(out, path, asRange(v)!.min);
  }
  return out as ExactAgencyInput;
}
