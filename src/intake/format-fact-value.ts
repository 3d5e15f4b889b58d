/** How a collected answer reads back to the user in acknowledgements and the summary. */
import { formatRange } from "../rules/fact-range.ts";
import type { FactValue } from "./intake-state.schema.ts";
import type { ResolvedQuestion } from "./question.types.ts";

// One formatter: `toLocaleString` with options builds a new one on every call (~25 µs), and the summary formats every number answered.
// Made on first use, not at import: the first Intl object of a process loads ICU data (~12 ms of every start's CPU).
let thousandsFormat: Intl.NumberFormat | undefined;
const thousands = (n: number) => (thousandsFormat ??= new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 })).format(n);

export function formatFactValue(q: ResolvedQuestion, value: FactValue | undefined): string {
  if (value === undefined) return "未填写";
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "number") {
    if (q.kind === "year") return `${value} 年`;
    return q.unit ? `${thousands(value)} ${q.unit}` : thousands(value);
  }
  if (typeof value === "string") {
    const option = q.options?.find((o) => o.id === value);
    return option ? option.label : value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "无";
    return value.map((id) => q.options?.find((o) => o.id === id)?.label ?? id).join("、");
  }
  if ("min" in value) {
    const r = formatRange(value);
    return q.unit ? `${r} ${q.unit}` : r;
  }
  if ("count" in value) return `${value.count} 家`;
  if (value.clients.length === 0) return "无";
  return value.clients.map((c) => `${c.name}（${c.inventionGrants} 件）`).join("、");
}
