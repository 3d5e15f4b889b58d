/**
 * 「几项补贴能不能叠加」「质押贷款和证券化的补贴能一起领吗」: whether different parts of 第九条 combine in
 * one year is exactly what its closing sentence leaves open (「当年度优惠政策只享受一次，不重复支持」).
 * The answer is neither yes nor no: both readings, in the words of READING_LABELS, the one the estimate
 * uses first — read from the estimate of the params file for the day, so a changed default changes
 * this text too. Asking the same part twice (「能不能重复享受」) is no stacking: both readings say no,
 * and the yes/no verdict stands.
 */
import { formatClause } from "../knowledge/citation.ts";
import { estimateJurisdictions } from "../rules/jurisdiction-registry.ts";
import { estimateSupport } from "../rules/index.ts";
import { READING_LABELS } from "../rules/labels.ts";
import type { Jurisdiction } from "./detect-jurisdiction.ts";

/** What each reading of the closing sentence says to taking different parts in one year. */
const COMBINES: Readonly<Record<string, string>> = {
  "per-item": "不同的项可以同时享受",
  "per-agency": "一年只能享受其中一项",
};

/** Taking different parts together: 叠加, 同时/一起/一块 拿, 兼得, 都能拿. */
const STACKING = /叠加|同时(享受|拿|领|申请|获得)|一起(享受|拿|领|申请)|一块儿?(拿|领)|兼得|都(能|可以)(拿|领|享受)/u;

export function stackingLines(question: string, jurisdictions: readonly Jurisdiction[], today: string): string | undefined {
  if (!STACKING.test(question)) return undefined;
  const offering = estimateJurisdictions().find((m) => jurisdictions.includes(m.jurisdiction));
  if (!offering) return undefined;
  const year = Number(today.slice(0, 4));
  const { readings } = estimateSupport({ jurisdiction: offering.jurisdiction, year, agency: { inZone: true, patentAgencyQualified: true } }, { today });
  const once = readings.find((r) => r.id === "oncePerYearReading");
  if (!once?.otherReading) return undefined;
  const reading = (v: string): string => `「${READING_LABELS[v] ?? v}」，${COMBINES[v] ?? ""}`;
  return (
    `条文没有明说，有两种读法（${formatClause(once.clause)}末句「当年度优惠政策只享受一次，不重复支持」）：` +
    `按本助手测算采用的读法${reading(once.value)}；按另一种读法${reading(once.otherReading.value)}。以主管部门的解释为准。`
  );
}
