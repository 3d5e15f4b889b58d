/**
 * Zibo's estimate (the `estimate` of its jurisdiction module): what an IP service agency in a Zibo zone may claim under
 * 第九条 in one year — each part as a ceiling, with its arithmetic, what was
 * not eligible and why, warnings, the readings it rests on, and a trace.
 *
 * @example
 *   const r = estimateSupport({ jurisdiction: "zibo", year: 2021, asOf: "2021-06-30",
 *     agency: { inZone: true, patentAgencyQualified: true }, inventionGrants: 130 });
 *   r.totalMax // 30000
 */
import { formatClause } from "../../knowledge/citation.ts";
import type { AgencyInput } from "../agency-input.schema.ts";
import { oncePerYearReadingSchema, type Zb2020Params } from "../jurisdictions/zibo.params.ts";
import type { z } from "zod";

type OncePerYearReading = z.infer<typeof oncePerYearReadingSchema>;
import { policyStanding, validityOf } from "../policy-validity.ts";
import { checkedAmount } from "../amount-range.error.ts";
import { factLabel } from "../labels.ts";
import { wanText } from "../money.ts";
import type { EstimateItem, EstimateResult, FactToConfirm, IneligibleItem, ReadingUsed, RuleWarning, TraceStep } from "../rule-result.types.ts";
import { resolveParams, type RuleParamsFile } from "../rule-param.schema.ts";
import { brandRule } from "./brand.rule.ts";
import { clientVouchersRule } from "./client-vouchers.rule.ts";
import { custodyRule } from "./custody.rule.ts";
import { estimateAssumptions } from "./estimate-assumptions.ts";
import { inventionGrantsRule } from "./invention-grants.rule.ts";
import { patentAttorneysRule } from "./patent-attorneys.rule.ts";
import { pledgeFinancingRule } from "./pledge-financing.rule.ts";
import { settle, uncertainFacts, type ExactAgencyInput, type Side } from "./settle-uncertain-facts.ts";
import { emptyOutcome, type SupportOutcome, type SupportParams, type SupportRule } from "./support-rule.types.ts";
import { wonCasesRule } from "./won-cases.rule.ts";

/** 第九条 in clause order. */
export const SUPPORT_RULES: readonly SupportRule[] = [
  pledgeFinancingRule,
  custodyRule,
  patentAttorneysRule,
  brandRule,
  wonCasesRule,
  inventionGrantsRule,
  clientVouchersRule,
];


/** Every part of 第九条 refused for one reason (not in the zone, policy not yet in force): one outcome per rule. */
function refuseAll(reason: string): SupportOutcome[] {
  return SUPPORT_RULES.map((r, i) => ({
    ...emptyOutcome(),
    ineligible: [{ clause: r.clause, title: r.title, reason }],
    trace: i === 0 ? [{ clause: "zb2020:9", text: `${reason} → 第九条各项均为 0 元` }] : [],
  }));
}

/** Refusal when the agency is known to be outside the zone or unqualified (exact facts). */
function gateRefusal(input: ExactAgencyInput): string | undefined {
  const lacks: string[] = [];
  if (input.agency.inZone === false) lacks.push("不在示范区内");
  if (input.agency.patentAgencyQualified === false) lacks.push("不具有专利代理资质");
  return lacks.length ? `机构${lacks.join("且")}：第九条各项只支持示范区内有专利代理资质的知识产权服务机构` : undefined;
}

/** What the input says about the gate, before anything is assumed. */
function gateWarning(input: AgencyInput): { warning?: RuleWarning; trace?: TraceStep } {
  const { inZone, patentAgencyQualified } = input.agency;
  if (inZone === false || patentAgencyQualified === false) return {};
  const unknown: string[] = [];
  if (inZone === undefined) unknown.push("是否在示范区内");
  if (patentAgencyQualified === undefined) unknown.push("是否具有专利代理资质");
  if (unknown.length === 0)
    return { trace: { clause: "zb2020:9", text: "机构在示范区内且具有专利代理资质 → 第九条各项可以适用" } };
  const message = `未说明机构${unknown.join("、")}。第九条各项都以「示范区内有专利代理资质的知识产权服务机构」为前提：确认前的金额按不具备计（0 元），可能金额按具备计。`;
  return {
    warning: { code: "agency-status-unconfirmed", message },
    trace: { clause: "zb2020:9", text: `机构${unknown.join("、")}未说明 → 确认前按不具备计，可能金额按具备计` },
  };
}

function runRules(input: ExactAgencyInput, params: SupportParams, notInForce: string | undefined): SupportOutcome[] {
  if (notInForce) return refuseAll(notInForce);
  const refusal = gateRefusal(input);
  if (refusal) return refuseAll(refusal);
  return SUPPORT_RULES.map((r) => r.evaluate(input, params));
}

const amountOf = (o: SupportOutcome) => o.items.reduce((s, i) => s + i.maxAmount, 0);
const itemKey = (i: { clause: string; title: string }) => `${i.clause}|${i.title}`;

interface MergedRule {
  items: EstimateItem[];
  ineligible: IneligibleItem[];
  warnings: RuleWarning[];
  hints: string[];
  trace: TraceStep[];
}

/** One rule's confirmed and possible runs as items carrying both amounts. */
function mergeRule(rule: SupportRule, c: SupportOutcome, p: SupportOutcome): MergedRule {
  const cItems = new Map(c.items.map((i) => [itemKey(i), i]));
  const pItems = new Map(p.items.map((i) => [itemKey(i), i]));
  const keys = [...new Set([...pItems.keys(), ...cItems.keys()])];
  const items = keys.map((k): EstimateItem => {
    const ci = cItems.get(k);
    const pi = pItems.get(k);
    const confirmedMax = ci?.maxAmount ?? 0;
    const possibleMax = Math.max(pi?.maxAmount ?? 0, confirmedMax);
    const base = (ci ?? pi)!;
    const differs = possibleMax > confirmedMax;
    return {
      ...base,
      maxAmount: confirmedMax,
      confirmedMax,
      possibleMax,
      ...(differs && pi && pi.basis !== base.basis ? { possibleBasis: pi.basis } : {}),
      notes: base.notes,
    };
  });
  const warnings = dedupe([...c.warnings, ...p.warnings], (w) => `${w.code}|${w.message}`);
  const [confirmed, possible] = [amountOf(c), amountOf(p)];
  // Nothing even in the favourable case: the possible run names the real blocker
  // (the confirmed run would read an unknown as 「否」).
  if (possible === 0) return { items: [], ineligible: p.ineligible, warnings, hints: p.hints, trace: p.trace };
  if (possible === confirmed && c.items.length === p.items.length)
    return { items, ineligible: c.ineligible, warnings, hints: c.hints, trace: c.trace };
  return {
    items,
    ineligible: p.ineligible,
    warnings,
    hints: p.hints,
    trace: [
      { clause: rule.clause, text: `${rule.title}：确认前最高 ${wanText(confirmed)}；以下按待确认的信息均属实计算` },
      ...p.trace,
    ],
  };
}

function dedupe<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)));
}

interface Totals {
  confirmed: number;
  possible: number;
  cash: number;
  voucher: number;
}

/**
 * Totals under a reading of 第九条's closing sentence: per-item adds every
 * item; per-agency keeps the single largest one.
 */
function totalsUnder(items: readonly EstimateItem[], reading: OncePerYearReading): Totals {
  if (reading === "per-agency") {
    const best = (pick: (i: EstimateItem) => number) => items.reduce((m, i) => Math.max(m, pick(i)), 0);
    const top = [...items].sort((a, b) => b.confirmedMax - a.confirmedMax)[0];
    return {
      confirmed: best((i) => i.confirmedMax),
      possible: best((i) => i.possibleMax),
      cash: top?.form === "cash" ? top.confirmedMax : 0,
      voucher: top?.form === "voucher" ? top.confirmedMax : 0,
    };
  }
  const sum = (pick: (i: EstimateItem) => number, form?: EstimateItem["form"]) =>
    items.filter((i) => !form || i.form === form).reduce((s, i) => s + pick(i), 0);
  return {
    confirmed: sum((i) => i.confirmedMax),
    possible: sum((i) => i.possibleMax),
    cash: sum((i) => i.confirmedMax, "cash"),
    voucher: sum((i) => i.confirmedMax, "voucher"),
  };
}

/** Pure: the agency's facts, a date and the parameters in; the estimate out. */
export function evaluateSupport(input: AgencyInput, asOf: string, file: RuleParamsFile<Zb2020Params>): EstimateResult {
  // Amounts of a support year: those in force at the end of that year, or at asOf if earlier.
  const yearEnd = `${input.year}-12-31`;
  const paramDate = asOf < yearEnd ? asOf : yearEnd;
  const params = resolveParams(file.parameters, paramDate);
  const validity = validityOf(file, paramDate);
  const standing = policyStanding(validity, { asOf, year: input.year });
  const notInForce =
    standing.status === "not-yet-in-force"
      ? `本方案自 ${validity.effective} 起实施（${formatClause(validity.effectiveClause)}），${input.year} 年度（评估日期 ${asOf}）不在实施期内`
      : undefined;
  const reading = params.oncePerYearReading.value;

  const facts = uncertainFacts(input);
  const run = (side: Side, overrides: Record<string, Side> = {}) => runRules(settle(input, side, overrides), params, notInForce);
  const confirmedRun = run("confirmed");
  const possibleRun = run("possible");
  const merged = SUPPORT_RULES.map((r, i) => mergeRule(r, confirmedRun[i]!, possibleRun[i]!));
  const items = merged.flatMap((m) => m.items).filter((i) => i.possibleMax > 0);
  const totals = totalsUnder(items, reading);

  // What each uncertain fact is worth: the possible total minus the total if that fact alone turned out badly.
  const toConfirm: FactToConfirm[] = [];
  for (const f of facts) {
    const without = run("possible", { [f.path]: "confirmed" });
    const withoutItems = SUPPORT_RULES.map((r, i) => mergeRule(r, without[i]!, without[i]!)).flatMap((m) => m.items);
    const worth = totals.possible - totalsUnder(withoutItems, reading).possible;
    if (worth <= 0) continue;
    const changes = SUPPORT_RULES.flatMap((r, i) => {
      const [from, to] = [amountOf(without[i]!), amountOf(possibleRun[i]!)];
      return to > from ? [{ clause: r.clause, text: `${formatClause(r.clause)}${r.title}最高从 ${wanText(from)}增至 ${wanText(to)}` }] : [];
    });
    const label = factLabel(f.path);
    const lead = f.kind === "yes-no" ? `确认「${label}」为「${f.favourableText}」` : `若「${label}」确为 ${f.favourableText}`;
    toConfirm.push({
      path: f.path,
      clauses: [...new Set(changes.map((c) => c.clause))],
      assumedNow: f.confirmedText,
      ifConfirmed: f.favourableText,
      worth,
      text: `${lead}：${changes.map((c) => c.text).join("；")}，合计可多 ${wanText(worth)}`,
    });
  }
  toConfirm.sort((a, b) => b.worth - a.worth);

  const gate = gateWarning(input);
  const assumed: RuleWarning[] = toConfirm.map((t) => ({
    code: "fact-unconfirmed",
    path: t.path,
    message: `「${factLabel(t.path)}」${facts.find((f) => f.path === t.path)!.kind === "range" ? "是一个范围" : "未提供"}：确认前按「${t.assumedNow}」计，可能金额按「${t.ifConfirmed}」计（相差 ${wanText(t.worth)}）。`,
  }));

  const other: OncePerYearReading = reading === "per-item" ? "per-agency" : "per-item";
  const otherTotals = totalsUnder(items, other);
  const readingsUsed: ReadingUsed[] = (["brandBothLevelsReading", "securitizationReading", "oncePerYearReading"] as const).map((id) => ({
    id,
    clause: params[id].clause,
    value: params[id].value,
    description: params[id].description,
    ...(id === "oncePerYearReading"
      ? { otherReading: { value: other, confirmedTotal: otherTotals.confirmed, possibleTotal: otherTotals.possible } }
      : {}),
  }));

  for (const i of items) {
    checkedAmount(i.possibleMax, `${formatClause(i.clause)}${i.title}`);
  }
  checkedAmount(totals.possible, "合计");
  checkedAmount(otherTotals.possible, "合计");

  const refused = notInForce !== undefined;
  return {
    year: input.year,
    policy: { id: "zb2020", status: standing.status },
    items,
    ineligible: merged.flatMap((m) => m.ineligible),
    totalMax: totals.confirmed,
    cashMax: totals.cash,
    voucherMax: totals.voucher,
    confirmedTotal: totals.confirmed,
    possibleTotal: totals.possible,
    toConfirm: refused ? [] : toConfirm,
    readings: readingsUsed,
    warnings: [
      ...standing.warnings,
      ...(!refused && gate.warning ? [gate.warning] : []),
      ...(refused ? [] : assumed),
      ...dedupe(merged.flatMap((m) => m.warnings), (w) => `${w.code}|${w.message}`),
    ],
    assumptions: estimateAssumptions(params, validity),
    asOf,
    hints: refused ? [] : merged.flatMap((m) => m.hints),
    trace: [...standing.trace, ...(!refused && gate.trace ? [gate.trace] : []), ...merged.flatMap((m) => m.trace)],
  };
}
