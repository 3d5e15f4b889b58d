/**
 * The kind of answer a question wants, and the kind of statement a piece of
 * the texts makes, as synthetic index terms (`#basis`, `#period`, `#qty:家` …,
 * see QUESTION_KINDS / CLAUSE_KINDS in domain-terms.ts). 「浙江办法的制定依据是什么」
 * then meets 第一条 「根据…制订本办法」 through `#basis`, and 「只有15家」 meets
 * 「现有知识产权服务机构20家以上」 through `#qty:家`, whatever words they share.
 */
import { CLAUSE_KINDS, QUANTITY_UNITS, QUESTION_KINDS } from "./domain-terms.ts";

export interface Quantity {
  value: number;
  /** canonical unit (QUANTITY_UNITS key): 家, 平方米, 件, 万元, 项 */
  unit: string;
  /** the figure as written, with its unit: 「15家」「1200平米」 */
  text: string;
  /** where it starts in the text */
  index: number;
}

const UNIT_OF_FORM = new Map<string, string>();
for (const [unit, forms] of Object.entries(QUANTITY_UNITS)) for (const f of forms) UNIT_OF_FORM.set(f, unit);
const FORMS = [...UNIT_OF_FORM.keys()].sort((a, b) => b.length - a.length);
const CN_DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
// 这两项, 那几家 point at things named before; they state no figure.
const QUANTITY = new RegExp(`(\\d+(?:\\.\\d+)?|(?<![这那])[零〇一二两三四五六七八九十百千]+)\\s*(${FORMS.join("|")})(?![台方均衡安时常])`, "g");

/** 「十五」 → 15, 「两千」 → 2000, 「一百二十」 → 120; undefined when it is not a plain numeral. */
export function parseChineseNumeral(s: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  for (const c of s) {
    if (c in CN_DIGITS) {
      if (digit !== undefined) return undefined; // 「一二」 is no numeral
      digit = CN_DIGITS[c]!;
    } else if (c in CN_UNITS) {
      total += (digit ?? 1) * CN_UNITS[c]!;
      digit = undefined;
    } else {
      return undefined;
    }
  }
  return total + (digit ?? 0);
}

/**
 * Figures with a unit, in order. Digits always count; a Chinese numeral
 * counts unless it is a lone 「一」, which is usually an article
 * (「我们是一家民营的众创空间」), not a count.
 */
/**
 * The units of counts the asker tells only vaguely (「服务机构没几家」「才几家」「好几件」): no figure, but a
 * count in that unit, which a clause's threshold in it answers (「20家以上」).
 */
export function vagueCountUnits(text: string): string[] {
  return [...text.matchAll(VAGUE_COUNT)].map((m) => UNIT_OF_FORM.get(m[1]!)!).filter(Boolean);
}
const VAGUE_COUNT = /(?:没|好|就|才|只有|只)几\s*(家|件|项)/gu;

export function quantitiesIn(text: string, { chineseNumerals = true } = {}): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const [whole, figure, form] = m as unknown as [string, string, string];
    const isDigits = /^\d/.test(figure);
    if (!isDigits && (!chineseNumerals || figure === "一")) continue;
    const value = isDigits ? Number(figure) : parseChineseNumeral(figure);
    if (value === undefined || !Number.isFinite(value)) continue;
    out.push({ value, unit: UNIT_OF_FORM.get(form)!, text: whole, index: m.index! });
  }
  return out;
}

/** A month or day the asker states (2021年10月, 2021年10月5日): year, month and day in groups 1–3. */
export const STATED_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?/u;
/** A year written out (「2021年」), with or without its month: when something happened or is asked about. */
export const STATED_YEAR = /\d{4}\s*年/u;

/** Synthetic terms for what a question asks for: `#basis`, `#qty:家` … */
export function questionKindTerms(question: string): string[] {
  const terms = new Set<string>();
  for (const k of QUESTION_KINDS) if (k.pattern.test(question)) terms.add(k.term);
  // A wait (「多久能批下来」) is no period the texts state (每两年考核一次).
  if (terms.has("#wait")) terms.delete("#period");
  // Where an application goes (「在哪儿申报」「交到什么地方去」) is a body, not a place.
  if (terms.has("#destination")) {
    terms.delete("#location");
    terms.delete("#place");
  }
  // 「一年批几家」 asks how zones are chosen (`#quota`), not a count the texts state.
  if (terms.has("#quota")) terms.delete("#qty:家");
  for (const q of quantitiesIn(question)) terms.add(`#qty:${q.unit}`);
  return [...terms];
}

/**
 * Kinds whose cue only says what form of answer is wanted: a measure — an amount, a period, a date — which a
 * figure of a clause gives, a gain (好处, buff of `#benefit`), which a clause granting something gives, whether a
 * title lasts (一劳永逸 of `#lasting`) or how many are approved (名额 of `#quota`), which the clauses on review
 * and selection give, or what follows (后果 of `#consequence`), which a clause's 「…的，限期整改」 gives.
 */
const FORM_KIND = /^#(qty:|period$|date$|benefit$|lasting$|quota$|consequence$)/;

/** The same pattern, matching every occurrence (matchAll needs the g flag). */
function everyMatch(pattern: RegExp): RegExp {
  return pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
}

/**
 * The stretches of a question that made its kinds of form (FORM_KIND) (「封顶」 of
 * 「一年封顶多少」 for `#qty:万元`, 「好处」 for `#benefit`). Other kinds' cues may name the very thing
 * asked for (地址 of `#location`), so they are not returned.
 */
export function formKindCues(question: string): string[] {
  // Every stretch, not only the first: 「一劳永逸了，后面就没人管了」 says `#lasting` twice.
  // What a period's cue says happens that often (考 of 「两年考一次」, group `activity`) is the topic, not the form.
  return QUESTION_KINDS.filter((k) => FORM_KIND.test(k.term)).flatMap((k) =>
    [...question.matchAll(everyMatch(k.pattern))].flatMap((m) => {
      const activity = m.groups?.activity;
      if (!activity) return [m[0]];
      const at = m[0].indexOf(activity);
      return [m[0].slice(0, at), m[0].slice(at + activity.length)];
    }),
  );
}

/**
 * The stretches of a question that say which kind of answer it wants (「哪个部门」
 * of `#who`, 「什么时候」 of `#date`): a noun in them (部门) names the kind of
 * answer, not the thing asked about.
 */
export function kindStretches(question: string): string[] {
  return QUESTION_KINDS.flatMap((k) => k.pattern.exec(question)?.[0] ?? []);
}

/** Synthetic terms for what a piece of the texts states. */
export function clauseKindTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const k of CLAUSE_KINDS) if (k.pattern.test(text)) terms.add(k.term);
  for (const q of quantitiesIn(text, { chineseNumerals: false })) terms.add(`#qty:${q.unit}`);
  return [...terms];
}

/** Kinds of answer that describe what a zone must be or have, not how it applies. */
const QUALIFYING_KINDS = new Set(["#condition", "#place", "#scope"]);

/**
 * Whether a question asks what it takes to qualify: a condition (`#condition`),
 * where or what the zone must be (`#place`, `#scope`), or a figure measured
 * against a threshold (`#qty:…`). Its 申报/申请/评上 then only frame it
 * (FRAMING_WORDS): 「申报…要选在什么样的区域」 asks about 第三条, not 申报程序.
 */
export function asksForCondition(kinds: readonly string[]): boolean {
  return kinds.some((k) => QUALIFYING_KINDS.has(k) || k.startsWith("#qty:"));
}

export function isKindTerm(term: string): boolean {
  return term.startsWith("#");
}

/** A period as a text writes it (「每两年」「每年度」), in months. */
export interface PeriodMention {
  months: number;
  text: string;
}

export function periodMentionsIn(text: string): PeriodMention[] {
  const out: PeriodMention[] = [];
  for (const m of text.matchAll(/每(\d+|[一二两三四五六七八九十]+)?个?(年|月)(度)?/gu)) {
    const n = m[1] === undefined ? 1 : /^\d+$/.test(m[1]) ? Number(m[1]) : parseChineseNumeral(m[1]);
    if (n !== undefined) out.push({ months: n * (m[2] === "年" ? 12 : 1), text: m[0] });
  }
  return out;
}

/** Periods in months: 每年 12, 每两年 24, 每个月 1, 每年度 12. */
export function periodsIn(text: string): number[] {
  return periodMentionsIn(text).map((p) => p.months);
}

/** A measure a sentence states: a figure in its canonical unit, or a period (unit 「period」, in months). */
export interface StatedMeasure {
  unit: string;
  value: number;
  /** as the text writes it: 「20家」「每两年」 */
  text: string;
}

/** The measures a sentence of the texts states, figures written in digits (as the texts write them) and periods. */
export function measuresIn(text: string): StatedMeasure[] {
  return [
    ...quantitiesIn(text, { chineseNumerals: false }).map((q) => ({ unit: q.unit, value: q.value, text: q.text })),
    ...periodMentionsIn(text).map((p) => ({ unit: "period", value: p.months, text: p.text })),
  ];
}
