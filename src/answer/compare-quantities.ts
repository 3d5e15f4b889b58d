/**
 * When a question states a figure (「园区里只有15家代理机构」「核心区1200平米」
 * 「授权了130件」) and a quoted clause sets a threshold in the same unit
 * (「20家以上」「不少于1000平方米」「超过70件、120件、200件以上」), one plain
 * sentence compares them. 以上 / 不少于 / 不低于 / 至少 include the number
 * itself; 超过 does not (docs/output-formats.md, `tier-boundary`: exactly 120 stays in the lower tier). A cap
 * (「不超过5万元」) is no threshold and is never compared.
 */
import { quantitiesIn, type Quantity } from "../retrieval/answer-kinds.ts";
import { DOMAIN_TERMS, QUANTITY_UNITS } from "../retrieval/domain-terms.ts";

export interface Threshold {
  /** the thresholds in order; more than one for tiers (「超过70件、120件、200件以上」) */
  values: number[];
  /** canonical unit (QUANTITY_UNITS key) */
  unit: string;
  /** 超过: the figure itself does not reach the threshold */
  exclusive: boolean;
  /** the words quoted back: 「20家以上」 */
  phrase: string;
  /** for tiers, what each tier grants when the clause lists it alongside (「不超过3万元」) */
  grants?: string[];
  /** the clause grants money (the tier or threshold decides an amount) */
  aboutMoney: boolean;
  /** the words just before the threshold: what is being counted (「“专利倍增”且代理发明专利授权」) */
  context: string;
}

/** How many characters before a threshold say what it counts. */
const CONTEXT_CHARS = 24;

/** Threshold units: counts and areas, not money (a sum in the texts is a cap, not a bar to reach). */
const UNIT_FORMS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(QUANTITY_UNITS)
    .filter(([unit]) => unit !== "万元")
    .flatMap(([unit, forms]) => forms.map((f) => [f, unit])),
);
const THRESHOLD_UNITS = new Set(Object.values(UNIT_FORMS));
const UNIT = Object.keys(UNIT_FORMS).sort((a, b) => b.length - a.length).join("|");
const NUMBER = String.raw`\d+(?:\.\d+)?`;
/** 超过70件、120件、200件以上 — every tier exclusive (“超过” governs the list). */
const EXCLUSIVE = new RegExp(String.raw`(?<!不)超过(${NUMBER}(?:${UNIT})?(?:、${NUMBER}(?:${UNIT})?)*)(以上)?`, "g");
const INCLUSIVE_BEFORE = new RegExp(String.raw`(?:不少于|不低于|至少)(${NUMBER})(${UNIT})`, "g");
const INCLUSIVE_AFTER = new RegExp(String.raw`(${NUMBER})(${UNIT})以上`, "g");
const GRANTS = new RegExp(String.raw`不超过(${NUMBER}万元(?:、${NUMBER}万元)*)`);

function sentenceAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf("。", at - 1), text.lastIndexOf("；", at - 1)) + 1;
  const ends = ["。", "；"].map((c) => text.indexOf(c, at)).filter((i) => i >= 0);
  return text.slice(start, ends.length > 0 ? Math.min(...ends) + 1 : text.length);
}

/** The lower bounds a clause sets, in order of appearance. */
export function thresholdsIn(text: string): Threshold[] {
  const found: { at: number; t: Threshold }[] = [];
  // The words since the last clause break (「；为企业专利清零且代理的发明专利授权」| 「或“专利倍增”且…授权」).
  const contextAt = (at: number): string => {
    const window = text.slice(Math.max(0, at - CONTEXT_CHARS), at);
    return window.slice(Math.max(...["；", "。", "，", "或"].map((c) => window.lastIndexOf(c))) + 1);
  };
  const taken: [number, number][] = [];
  for (const m of text.matchAll(EXCLUSIVE)) {
    const list = m[1]!;
    const unitMatch = list.match(new RegExp(`(${UNIT})`));
    if (!unitMatch) continue; // 「超过」 with no unit here is not a count
    const values = list.split("、").map((x) => Number.parseFloat(x));
    const sentence = sentenceAround(text, m.index!);
    const after = sentence.slice(sentence.indexOf(m[0]) + m[0].length);
    const grants = after.match(GRANTS)?.[1]?.split("、").map((g) => `不超过${g}`);
    found.push({
      at: m.index!,
      t: {
        values,
        unit: UNIT_FORMS[unitMatch[1]!]!,
        exclusive: true,
        phrase: m[0],
        ...(grants && grants.length === values.length && { grants }),
        aboutMoney: /万元/.test(sentence),
        context: contextAt(m.index!),
      },
    });
    taken.push([m.index!, m.index! + m[0].length]);
  }
  const free = (at: number): boolean => !taken.some(([a, b]) => at >= a && at < b);
  for (const re of [INCLUSIVE_BEFORE, INCLUSIVE_AFTER]) {
    for (const m of text.matchAll(re)) {
      if (!free(m.index!)) continue;
      const sentence = sentenceAround(text, m.index!);
      found.push({
        at: m.index!,
        t: {
          values: [Number(m[1])],
          unit: UNIT_FORMS[m[2]!]!,
          exclusive: false,
          phrase: m[0],
          aboutMoney: /万元/.test(sentence),
          context: contextAt(m.index!),
        },
      });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.t);
}

const fmt = (n: number): string => String(Number(n.toFixed(2)));

/** One sentence: how the user's figure stands against the threshold. */
export function compareWith(q: Quantity, t: Threshold): string {
  const head = `按原文“${t.phrase}”，您提到的${q.text}`;
  const v = q.value;
  if (t.values.length === 1) {
    const bar = t.values[0]!;
    if (!t.exclusive) {
      return v >= bar ? `${head}已达到这一要求。` : `${head}还差${fmt(bar - v)}${t.unit}，暂不满足。`;
    }
    if (v > bar) return `${head}已超过${fmt(bar)}${t.unit}。`;
    if (v === bar) return `${head}恰好是${fmt(bar)}${t.unit}，“超过”不含本数，暂不满足。`;
    return `${head}未超过${fmt(bar)}${t.unit}，暂不满足。`;
  }
  const reached = t.values.filter((bar) => v > bar).length;
  const bar = t.values[reached - 1];
  const grant = t.grants?.[reached - 1];
  const tier = (b: number): string => (grant ? `对应“${grant}”这一档` : `属于超过${fmt(b)}${t.unit}这一档`);
  if (t.values.includes(v)) {
    const exact = `${head}正好等于${fmt(v)}${t.unit}这一门槛，“超过”不含本数`;
    return bar === undefined ? `${exact}，暂不满足。` : `${exact}，只能按超过${fmt(bar)}${t.unit}计，${tier(bar)}。`;
  }
  if (bar === undefined) return `${head}未超过最低的${fmt(t.values[0]!)}${t.unit}，暂不满足。`;
  const next = t.values[reached];
  return `${head}超过${fmt(bar)}${t.unit}${next === undefined ? "" : `、未超过${fmt(next)}${t.unit}`}，${tier(bar)}。`;
}

export interface QuantityComparison {
  sentence: string;
  /** the clause decides an amount (suggest the estimate) rather than a condition (suggest the self-check) */
  aboutMoney: boolean;
}

/**
 * Comparisons of the question's figures with the thresholds in the quoted
 * texts. Each figure meets the threshold in its unit whose context shares
 * most of the question's `cues` (「专利倍增…授权3件」 → 「“专利倍增”且代理发明专利
 * 授权5件以上」, not the tiers before it); ties go to the first.
 */
export function compareQuantities(question: string, quoted: readonly string[], cues: readonly string[] = []): QuantityComparison[] {
  const asked = quantitiesIn(question).filter((q) => THRESHOLD_UNITS.has(q.unit));
  if (asked.length === 0) return [];
  const thresholds = quoted.flatMap((text) => thresholdsIn(text));
  // Longer cues are more telling (专利倍增 over 专利).
  // How much of the question a threshold's context speaks about: the
  // question's characters covered by cues the context shares. Counting
  // characters, not cues, keeps overlapping n-gram cues (代理的发明专利,
  // 的发明专利) from outweighing everything else.
  const covered = (t: Threshold): number => {
    const marks = new Array<boolean>(question.length).fill(false);
    for (const c of cues) {
      if (!c || !t.context.includes(c)) continue;
      for (let at = question.indexOf(c); at >= 0; at = question.indexOf(c, at + 1)) marks.fill(true, at, at + c.length);
    }
    return marks.filter(Boolean).length;
  };
  // A threshold qualified by a programme the question never names (「专利清零」「专利倍增」)
  // is about someone else's figure: its qualifier counts against it.
  const qualifiers = DOMAIN_TERMS.filter((term) => term.length >= 4 && !question.includes(term));
  const shared = (t: Threshold): number =>
    covered(t) - qualifiers.filter((term) => t.context.includes(term)).reduce((n, term) => n + term.length, 0);
  const out: QuantityComparison[] = [];
  const used = new Set<Threshold>();
  for (const q of asked) {
    const candidates = thresholds.filter((x) => x.unit === q.unit && !used.has(x));
    const t = candidates.reduce<Threshold | undefined>((best, x) => (!best || shared(x) > shared(best) ? x : best), undefined);
    if (!t) continue;
    used.add(t);
    out.push({ sentence: compareWith(q, t), aboutMoney: t.aboutMoney });
  }
  return out;
}
