/** The chat's wording of `ChangesSinceReturn` (the web desk renders the same data as a table). */
import { CONDITION_STATUS_LABELS, VERDICT_LABELS } from "../reports/index.ts";
import { formatClause } from "../knowledge/citation.ts";
import type { ChangesSinceReturn } from "./changes-since-return.ts";
import { chinaDateTime } from "./china-time.ts";

export function renderChanges(changes: ChangesSinceReturn): string {
  const lines = [`【退回后的修改】${chinaDateTime(changes.returnedAt)} 由 ${changes.returnedBy} 退回${changes.comment ? `，意见：「${changes.comment}」` : ""}`];
  if (changes.fields.length === 0) lines.push("退回后没有修改任何信息。");
  else {
    lines.push(`修改了 ${changes.fields.length} 项：`);
    for (const f of changes.fields) lines.push(`· ${f.label}：${f.before} → ${f.after}`);
  }
  const { before, after } = changes.verdict;
  if (before !== after) lines.push(`自检结论：${before ? VERDICT_LABELS[before] : "无"} → ${after ? VERDICT_LABELS[after] : "无"}`);
  else if (after) lines.push(`自检结论未变：${VERDICT_LABELS[after]}`);
  for (const c of changes.conditions) {
    lines.push(`· ${formatClause(c.id)} ${c.label}：${c.before ? CONDITION_STATUS_LABELS[c.before] : "无"} → ${c.after ? CONDITION_STATUS_LABELS[c.after] : "无"}`);
  }
  return lines.join("\n");
}
