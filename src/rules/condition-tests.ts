/**
 * Building blocks for conditions: each reads one fact of the zone profile,
 * compares it with one parameter and says met / not-met / unknown, with a
 * detail, a gap (how far off) and a trace line a person can read:
 *
 *   现有知识产权服务机构 18 家；第六条（三）要求 20 家以上 → 不满足，还差 2 家服务机构
 *
 * A fact left out of the profile is unknown, never false (docs/output-formats.md).
 */
import { formatClause } from "../knowledge/citation.ts";
import { asRange, formatRange } from "./fact-range.ts";
import { groupDigits } from "./money.ts";
import { factLabel, joinLabels } from "./labels.ts";
import type { ConditionResult } from "./rule-result.types.ts";
import type { ResolvedParam } from "./rule-param.schema.ts";
import type { ConditionRule, FactOutcome, FactTest } from "./jurisdiction.types.ts";
import type { ZoneProfile } from "./zone-profile.schema.ts";

/** The value at a dotted path (`zone.services`), or undefined. */
export function readFact(profile: unknown, path: string): unknown {
  let v = profile;
  for (const key of path.split(".")) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

const STATUS_WORD = { met: "满足", "not-met": "不满足", unknown: "待确认" } as const;

function unknownOutcome(path: string, clause: string, requirement: string): FactOutcome {
  return {
    status: "unknown",
    path,
    detail: `尚未提供：${factLabel(path)}`,
    trace: { clause, text: `${factLabel(path)}：未提供；${formatClause(clause)}要求${requirement} → 待确认` },
  };
}

/** A yes/no fact that must be true (第六条（二）、（四），第五条（一）、（二）). */
export function mustBeTrue<R>(
  path: string,
  clause: string,
  words: { yes: string; no: string; gap: string },
): FactTest<R> {
  return {
    fact: { path, kind: "boolean" },
    evaluate(profile) {
      const v = readFact(profile, path);
      if (v === undefined) return unknownOutcome(path, clause, `「${words.yes}」`);
      const met = v === true;
      return {
        status: met ? "met" : "not-met",
        path,
        detail: met ? words.yes : words.no,
        gap: met ? undefined : words.gap,
        trace: { clause, text: `${factLabel(path)}：${met ? "是" : "否"}；${formatClause(clause)}要求「${words.yes}」 → ${STATUS_WORD[met ? "met" : "not-met"]}` },
      };
    },
  };
}

/**
 * A count or area that must reach a threshold, inclusive (「20家以上」「不少于1000平方米」).
 * Over a range the answer is three-valued: met when the whole range reaches
 * the threshold, not-met when none of it does, otherwise unknown with the
 * boundary named — 「取决于确切数量：20 家以上则满足（第六条（三））」.
 */
export function atLeast<R>(
  path: string,
  kind: "count" | "area",
  pick: (params: R) => ResolvedParam<number>,
  words: { noun: string; unit: string; gap: (short: string) => string },
): FactTest<R> {
  return {
    fact: { path, kind },
    evaluate(profile, params) {
      const p = pick(params);
      // 「授权 130 件」 reads with spaces around numbers, but not after a closing bracket.
      const sp = /[）)]$/.test(words.noun) ? "" : " ";
      const threshold = `${groupDigits(p.value)} ${words.unit}以上`;
      const need = `${words.noun}${sp}${threshold}（含本数）`;
      const v = asRange(readFact(profile, path));
      if (v === undefined) return unknownOutcome(path, p.clause, need);
      const have = `${words.noun}${sp}${formatRange(v)} ${words.unit}`;
      // Inclusive: 第六条（三） 「20家以上」「不少于1000平方米」, 第五条（三） 「2家以上」.
      if (v.min >= p.value) {
        return {
          status: "met",
          path,
          detail: `${have}，不少于 ${groupDigits(p.value)} ${words.unit}`,
          trace: { clause: p.clause, text: `${have}；${formatClause(p.clause)}要求${need} → 满足` },
        };
      }
      if (v.max < p.value) {
        const short = formatRange({ min: p.value - v.max, max: p.value - v.min });
        const gap = words.gap(`${short} ${words.unit}`);
        return {
          status: "not-met",
          path,
          detail: `${have}，少于 ${groupDigits(p.value)} ${words.unit}`,
          gap,
          trace: { clause: p.clause, text: `${have}；${formatClause(p.clause)}要求${need} → 不满足，${gap}` },
        };
      }
      const boundary = `取决于确切数量：${threshold}则满足（${formatClause(p.clause)}）`;
      return {
        status: "unknown",
        path,
        detail: `${have}，${boundary}`,
        boundary,
        trace: { clause: p.clause, text: `${have}（范围跨过门槛）；${formatClause(p.clause)}要求${need} → 待确认，${boundary}` },
      };
    },
  };
}

/** An enum fact that must be one of a listed set (第六条（一）). */
export function oneOf<R>(
  path: string,
  options: readonly string[],
  pick: (params: R) => ResolvedParam<readonly string[]>,
  words: { noun: string },
): FactTest<R> {
  return {
    fact: { path, kind: "enum", options },
    expected: (params) => pick(params).value,
    evaluate(profile, params) {
      const p = pick(params);
      const allowed = joinLabels(p.value);
      const v = readFact(profile, path);
      if (typeof v !== "string") return unknownOutcome(path, p.clause, `${words.noun}为${allowed}之一`);
      const label = joinLabels([v]);
      const met = p.value.includes(v);
      const gap = met ? undefined : `${words.noun}需为${allowed}之一`;
      return {
        status: met ? "met" : "not-met",
        path,
        detail: met ? `${words.noun}为${label}` : `${words.noun}为${label}，不在${formatClause(p.clause)}所列（${allowed}）之内`,
        gap,
        trace: {
          clause: p.clause,
          text: `${words.noun}：${label}；${formatClause(p.clause)}列举${allowed} → ${met ? "满足" : "不满足"}`,
        },
      };
    },
  };
}

/**
 * A multi-enum fact that must cover every listed value. Several groups
 * (门类; 服务类型) are reported together: 「缺少：商标、版权；法律、培训」.
 */
export function coversAll<R>(
  path: string,
  options: readonly string[],
  groups: ((params: R) => ResolvedParam<readonly string[]>)[],
  words: { noun: string },
): FactTest<R> {
  return {
    fact: { path, kind: "multi-enum", options },
    expected: (params) => groups.flatMap((g) => g(params).value),
    evaluate(profile, params) {
      const ps = groups.map((g) => g(params));
      const clause = ps[0]!.clause;
      const need = ps.map((p) => joinLabels(p.value)).join("；");
      const v = readFact(profile, path);
      if (!Array.isArray(v)) return unknownOutcome(path, clause, `${words.noun}覆盖${need}`);
      const have = new Set(v as string[]);
      const missing = ps.map((p) => p.value.filter((s) => !have.has(s))).filter((m) => m.length > 0);
      if (missing.length === 0) {
        return {
          status: "met",
          path,
          detail: `${words.noun}覆盖${need}`,
          trace: { clause, text: `${words.noun}：${joinLabels([...have]) || "无"}；${formatClause(clause)}要求覆盖${need} → 满足` },
        };
      }
      const gap = `缺少：${missing.map((m) => joinLabels(m)).join("；")}`;
      return {
        status: "not-met",
        path,
        detail: `${words.noun}未覆盖${formatClause(clause)}所列全部门类，${gap}`,
        gap,
        trace: {
          clause,
          text: `${words.noun}：${joinLabels([...have]) || "无"}；${formatClause(clause)}要求覆盖${need} → 不满足，${gap}`,
        },
      };
    },
  };
}

/**
 * A condition's result from its tests: not-met when any fact fails (even if
 * others are unknown), unknown when none fails but one is missing, else met.
 */
export function evaluateCondition<R>(rule: ConditionRule<R>, profile: ZoneProfile, params: R): ConditionResult {
  const outcomes = rule.tests.map((t) => t.evaluate(profile, params));
  const status = outcomes.some((o) => o.status === "not-met")
    ? "not-met"
    : outcomes.some((o) => o.status === "unknown")
      ? "unknown"
      : "met";
  const gaps = outcomes.flatMap((o) => (o.gap ? [o.gap] : []));
  const missing = outcomes.filter((o) => o.status === "unknown" && !o.boundary).map((o) => o.path);
  const toConfirm = outcomes.flatMap((o) => (o.status === "unknown" && o.boundary ? [{ path: o.path, clause: rule.id, boundary: o.boundary }] : []));
  return {
    id: rule.id,
    label: rule.label,
    status,
    detail: outcomes.map((o) => o.detail).join("；"),
    ...(gaps.length ? { gap: gaps.join("；") } : {}),
    ...(missing.length ? { missing } : {}),
    ...(toConfirm.length ? { toConfirm } : {}),
    trace: outcomes.map((o) => o.trace),
  };
}
