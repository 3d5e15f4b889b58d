/**
 * The asker's own numbers in an English question (「We have 14 agencies, how
 * many more do we need?」「we closed 4 pledge loans and 1 securitisation」),
 * read into the same facts the Chinese reading gives (apply-own-numbers.ts)
 * and handed to the same rule functions `check` and `estimate` use — no
 * second calculator. Only the wording of the result is English: every figure
 * in it comes from the rule result.
 */
import { englishReviewScheduleLines } from "./review-schedule.ts";
import { estimateSupport, checkJurisdiction, groupDigits } from "../rules/index.ts";
import type { AgencyInput, CheckResult, EstimateResult, Jurisdiction, ZoneProfile } from "../rules/index.ts";
import { estimateJurisdictions } from "../rules/jurisdiction-registry.ts";
import { englishCitation } from "./english-citation.ts";
import { asRange, formatRange, type FactRange } from "../rules/fact-range.ts";
import { englishYearStretches, factsByYear } from "./facts-by-year.ts";
import { changedFigure } from "./follow-up-change.ts";

export interface EnglishOwnNumbers {
  /** the conclusion lines, in order; the first opens with Yes/No when the question asked one */
  lines: string[];
  /** clauses the lines rest on */
  clauses: string[];
}

const WORD_NUMBERS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
};
const COUNT = String.raw`(\d[\d,]*|${Object.keys(WORD_NUMBERS).join("|")})`;
/** The asker speaks of themselves. */
const FIRST_PERSON = /\b(we|our|us|i|my|me)\b/;
/** A count, or 「a」 for one (「we closed a securitisation」). */
const NUM_OR_ONE = String.raw`(\d[\d,]*|${Object.keys(WORD_NUMBERS).join("|")}|an?)`;
/** Up to n words between a count and what it counts, none of them another figure. */
const WORDS = (n: number): string => String.raw`(?:\s+(?![\d])[a-z'-]+){0,${n}}`;

function toNumber(s: string): number | undefined {
  const w = s.toLowerCase();
  if (w === "a" || w === "an") return 1;
  if (WORD_NUMBERS[w] !== undefined) return WORD_NUMBERS[w];
  const n = Number(w.replace(/,/g, ""));
  return Number.isFinite(n) ? n : undefined;
}

function first(text: string, patterns: readonly RegExp[]): number | undefined {
  for (const p of patterns) {
    const m = text.match(p);
    const n = m?.[1] ? toNumber(m[1]) : undefined;
    if (n !== undefined) return n;
  }
  return undefined;
}

/** A figure said roughly (「about 20 agencies」「around 800 square metres」): ± 10 %, at least ± 1, as the Chinese 左右 reads. */
const ROUGHLY = String.raw`(about|around|roughly|approximately|some|circa|~)\s+`;

function roughly(n: number, integer: boolean): FactRange {
  const spread = Math.max(integer ? 1 : 0, n * 0.1);
  const round = (x: number) => (integer ? Math.round(x) : Math.round(x * 100) / 100);
  return { min: round(n - spread), max: round(n + spread) };
}

/** The first figure a pattern finds, a range when a word of approximation comes right before it. */
function firstFact(text: string, patterns: readonly RegExp[], integer: boolean): number | FactRange | undefined {
  for (const p of patterns) {
    const m = text.match(p);
    const n = m?.[2] ? toNumber(m[2]) : undefined;
    if (n !== undefined) return m![1] ? roughly(n, integer) : n;
  }
  return undefined;
}

/** Facts of a zone profile: the count of agencies (service points) and the core area. */
/** Words that put a figure as what a text requires (needs, requires, at least, minimum). */
const REQUIRES = /\b(needs?|requires?|required|requirement|minimum|at least|must have)\b/;

export function englishZoneFacts(question: string): ZoneProfile["zone"] | undefined {
  const q = question.toLowerCase();
  // 「Zhejiang needs 20 agencies and Zibo only 2, right?」 states what the texts require, not the asker's zone.
  if (REQUIRES.test(q) && !FIRST_PERSON.test(q)) return undefined;
  // 「an agency in Zibo」 is no count: only figures and number words count agencies.
  const institutions = firstFact(q, [new RegExp(String.raw`(?:\b${ROUGHLY})?\b${COUNT}${WORDS(3)}\s+(?:agencies|agency|institutions|service points|firms)\b`)], true);
  const area = firstFact(q, [new RegExp(String.raw`(?:\b${ROUGHLY})?\b(\d[\d,]*)\s*(?:square met(?:re|er)s?|sq\.?\s?m\b|m2\b|㎡)`)], false);
  if (institutions === undefined && area === undefined) return undefined;
  return { ...(institutions !== undefined && { serviceInstitutions: institutions }), ...(area !== undefined && { coreAreaSqm: area }) };
}

/**
 * Facts of an agency support estimate (Zibo 第九条); undefined when the question states none. `whole` is the
 * message a stretch of it (one year's facts) comes from: what the cases are called is said once.
 */
export function englishAgencyFacts(question: string, year: number, jurisdiction: Jurisdiction, whole = question): AgencyInput | undefined {
  const q = question.toLowerCase();
  const input: AgencyInput = { jurisdiction, year, agency: { inZone: true, patentAgencyQualified: true } };
  let any = false;
  // 「how much for a securitisation」 asks about the clause; 「we closed a securitisation」 states a fact.
  const NUM = FIRST_PERSON.test(q) ? NUM_OR_ONE : COUNT;
  const loans = first(q, [new RegExp(String.raw`\b${NUM}${WORDS(4)}\s+loans?\b`)]);
  if (loans !== undefined) (input.pledgeLoans = loans), (any = true);
  const securitizations = first(q, [new RegExp(String.raw`\b${NUM}${WORDS(2)}\s+securiti[sz]ations?\b`)]);
  if (securitizations !== undefined) (input.securitizations = securitizations), (any = true);
  const attorneys = first(q, [new RegExp(String.raw`\b${NUM}${WORDS(6)}\s+(?:patent\s+)?attorney(?:s|\s+certificates?)?\b`)]);
  if (attorneys !== undefined) (input.newPatentAttorneys = attorneys), (any = true);
  // 「in 2023 we won 3」: a later year's count drops the noun the message named once.
  const elided = whole !== question && /\b(cases?|lawsuits?)\b/.test(whole.toLowerCase()) ? [new RegExp(String.raw`\b(?:won|win|wins)\s+(?:another\s+)?${NUM}(?![\w-])(?!\s+[a-z])`)] : [];
  const won = first(q, [new RegExp(String.raw`\b(?:won|win|wins|winning)\s+${NUM}${WORDS(4)}\s+(?:cases|case|lawsuits|suits)\b`), new RegExp(String.raw`\b${NUM}${WORDS(4)}\s+(?:cases|lawsuits)\s+won\b`), ...elided]);
  if (won !== undefined) {
    // 「foreign-related or major」 is the clause's own condition; a case called neither is read as one (as in Chinese).
    const all = whole.toLowerCase();
    const kind = /major|significant|influential/.test(all) && !/foreign/.test(all) ? "major" : "foreign";
    input.wonCases = Array.from({ length: Math.min(won, 100) }, () => ({ enterpriseInZone: true, kind }));
    any = true;
  }
  const grants = first(q, [new RegExp(String.raw`\b${NUM}${WORDS(3)}\s+(?:patents?\s+granted|grants|granted|invention patents?)\b`)]);
  if (grants !== undefined && grants !== attorneys) {
    const program = /doubling/.test(q) ? "doubling" : /zeroing/.test(q) ? "zeroing" : undefined;
    if (program) input.clients = [{ name: "client", program, inventionGrants: grants }];
    else input.inventionGrants = grants;
    any = true;
  }
  return any ? input : undefined;
}

/** The amount the asker hopes for in a yes/no question (「Can we get 250,000?」 → 250000). */
export function englishAskedAmount(question: string): number | undefined {
  if (!/^\s*(can|could|may|will|would|do|does|is|are)\b/i.test(question) && !/\b(can|could) (we|i|they|it)\b/i.test(question)) return undefined;
  // A year (「in 2022」) is no amount: a bare 19xx/20xx counts only with its currency.
  const amounts = [...question.matchAll(/(rmb|cny|¥|yuan)?\s*(\d{1,3}(?:,\d{3})+|\d{4,})\s*(yuan|rmb|cny)?/gi)]
    .filter((m) => m[1] || m[3] || !/^(19|20)\d{2}$/.test(m[2]!))
    .map((m) => Number(m[2]!.replace(/,/g, "")));
  return amounts.length > 0 ? Math.max(...amounts) : undefined;
}

const cny = (n: number): string => `CNY ${groupDigits(n)}`;
/** A rule's arithmetic is shown when it is plain figures (「4 × 10,000 + 1 × 100,000」), not Chinese wording. */
const plainBasis = (basis: string | undefined): string | undefined => (basis && /^[\d\s,.×+=()-]+$/.test(basis) ? basis : undefined);

function estimateLines(result: EstimateResult, asked: number | undefined): string[] {
  const items = result.items.filter((i) => i.possibleMax > 0);
  if (items.length === 0) {
    const clauses = [...new Set(result.ineligible.map((i) => englishCitation(i.clause)))];
    return [`No — the figures you gave do not reach the support of ${clauses.join(", ")}; see the clause below.`];
  }
  const total = result.possibleTotal;
  const over = asked !== undefined && asked > total;
  const itemLine = (i: (typeof items)[number]): string => {
    const basis = plainBasis(i.possibleBasis ?? i.basis);
    return `up to ${cny(i.possibleMax)}${i.form === "voucher" ? " in service vouchers" : ""}${basis ? ` (${basis})` : ""} under ${englishCitation(i.clause)}`;
  };
  const lead = asked === undefined ? "" : over ? `No — at most ${cny(total)}: ` : "Yes — within the cap: ";
  const opening = items.length === 1 ? `${itemLine(items[0]!)}.` : `up to ${cny(total)} in total:`;
  const lines = [lead ? `${lead}${opening}` : `${opening.charAt(0).toUpperCase()}${opening.slice(1)}`, ...(items.length > 1 ? items.map((i) => `· ${itemLine(i)}`) : [])];
  // A cap the rule applied (won cases a year): what was asked over it is not paid.
  const capped = result.items.filter((i) => i.notes.some((n) => /上限/.test(n)));
  for (const i of capped) lines.push(`(${englishCitation(i.clause)} caps it at ${cny(i.possibleMax)} a year; cases beyond the cap are not subsidised.)`);
  if (over) lines.push(`The ${cny(asked)} you asked about is above the cap of ${cny(total)}.`);
  lines.push("(Estimated for an agency inside the zone with patent-agency qualification; every amount is an \"up to\" cap.)");
  const reading = result.readings.find((r) => r.clause === "zb2020:9" && r.otherReading && r.otherReading.possibleTotal !== total);
  if (reading?.otherReading) {
    lines.push(`(Article 9's closing sentence "each preferential policy only once a year" is read here as once per item; read as one item per agency a year, the total would be at most ${cny(reading.otherReading.possibleTotal)}.)`);
  }
  return lines;
}

/** Year by year: the sum first, then each year's items under its year (Article 9's caps hold per year). */
function yearlyLines(years: readonly { year: number; result: EstimateResult }[], asked: number | undefined): string[] {
  const total = years.reduce((a, y) => a + y.result.possibleTotal, 0);
  const over = asked !== undefined && asked > total;
  const lead = asked === undefined ? "" : over ? "No — " : "Yes — within the cap: ";
  const named = years.map((y) => y.year).join(" and ");
  const opening = `up to ${cny(total)} in total for ${named}, year by year:`;
  const lines = [lead ? `${lead}${opening}` : `U${opening.slice(1)}`];
  for (const { year, result } of years) {
    const items = result.items.filter((i) => i.possibleMax > 0);
    if (items.length === 0) lines.push(`· ${year}: nothing the figures reach`);
    for (const i of items) {
      const basis = plainBasis(i.possibleBasis ?? i.basis);
      lines.push(`· ${year}: up to ${cny(i.possibleMax)}${i.form === "voucher" ? " in service vouchers" : ""}${basis ? ` (${basis})` : ""} under ${englishCitation(i.clause)}`);
    }
  }
  for (const { year, result } of years) {
    for (const i of result.items.filter((i) => i.notes.some((n) => /上限/.test(n)))) {
      lines.push(`(${year}: ${englishCitation(i.clause)} caps it at ${cny(i.possibleMax)} a year; cases beyond the cap are not subsidised.)`);
    }
  }
  if (over) lines.push(`The ${cny(asked)} you asked about is above the cap of ${cny(total)}.`);
  lines.push("(Estimated for an agency inside the zone with patent-agency qualification; every amount is an \"up to\" cap.)");
  return lines;
}

/** 「要求 20 家以上」「→ 不满足，还差 6 家」: the requirement and gap figures the rule's trace states for one fact. */
function figuresOf(trace: string): { required?: string; gap?: string } {
  return { required: trace.match(/要求[^\d]*([\d,]+)/)?.[1], gap: trace.match(/差\s*([\d,]+(?:–[\d,]+)?)/)?.[1] };
}

function checkLines(result: CheckResult, zone: NonNullable<ZoneProfile["zone"]>, label: string, yesNo: boolean): { lines: string[]; clauses: string[] } {
  // A figure said roughly is a range (「about 20 agencies」 → 18–22), written as the rules' trace writes it.
  const said = (v: number | FactRange | undefined, unit: string) => {
    const r = asRange(v);
    return r === undefined ? undefined : r.min === r.max ? { have: `${groupDigits(r.min)} ${unit}`, shown: groupDigits(r.min) } : { have: `${formatRange(r)} ${unit}`, shown: formatRange(r) };
  };
  const agencies = said(zone.serviceInstitutions, "家");
  const area = said(zone.coreAreaSqm, "平方米");
  const stated = [
    ...(agencies ? [{ ...agencies, noun: "IP service agencies" }] : []),
    ...(area ? [{ ...area, noun: "square metres of core area" }] : []),
  ];
  const lines: string[] = [];
  const clauses: string[] = [];
  for (const c of result.conditions) {
    for (const s of stated) {
      const step = c.trace?.find((t) => t.text.includes(s.have));
      if (!step) continue;
      clauses.push(c.id);
      const { required, gap } = figuresOf(step.text);
      const met = /→ 满足/.test(step.text);
      // A range on both sides of the threshold (「18–22」 against 20) settles nothing yet.
      const open = /→ 待确认/.test(step.text);
      // 「Is that enough?」 is answered yes or no first; 「how many more do we need?」 with the gap.
      const lead = yesNo && !open ? (met ? "Yes — " : "No — ") : "";
      const need = `at least ${required} ${s.noun} are required and you have ${s.shown}`;
      const verdict = met ? " — that is enough" : open ? " — whether that is enough depends on the exact figure" : `, ${gap} more needed`;
      lines.push(`${lead}${label}: ${need}${verdict} (${englishCitation(c.id)}).`);
    }
  }
  return { lines, clauses };
}

const LABEL: Readonly<Record<string, string>> = { zhejiang: "Zhejiang", zibo: "Zibo" };

/** Adding to or taking from the figure said before (「What about 4 more?」「and with 3 fewer?」). */
const MORE_EN = /\b(more|another|additional|extra|add|added|plus)\b/;
const FEWER_EN = /\b(fewer|less|minus|lose|lost)\b/;
/** A figure with no noun after it (「And if we had 22?」「What about 25?」); not a year, a share, an amount or a duration. */
const BARE_FIGURE = new RegExp(String.raw`\b${COUNT}\b(?!\s*(?:%|percent|per\s*cent|years?|months?|days?|yuan|rmb|cny|wan|k\b|,\d|[a-z]+\s+(?:agenc|institution|loan|securiti|attorney|case|lawsuit|patent|grant|square)))`);
/** Counts of an agency's year a follow-up may restate or change. */
const AGENCY_COUNTS = ["pledgeLoans", "securitizations", "newPatentAttorneys", "inventionGrants"] as const;
const ZONE_COUNTS = ["serviceInstitutions", "coreAreaSqm"] as const;

/**
 * The earlier question's facts with a follow-up's in their place (「And 22 agencies?」), changed by them
 * (「4 more?」), or — a bare figure (「And if we had 22?」) — in place of the one figure the earlier question
 * stated. Undefined when the earlier question stated none of that kind.
 */
function followedUp<T extends object>(earlier: T | undefined, now: T | undefined, followUp: string, keys: readonly (keyof T)[]): { facts: T; reading?: string } | undefined {
  if (!earlier) return undefined;
  const q = followUp.toLowerCase();
  const how = MORE_EN.test(q) ? "more" : FEWER_EN.test(q) ? "fewer" : undefined;
  const stated = keys.filter((k) => typeof earlier[k] === "number");
  const change = (k: keyof T, by: number): { facts: T; reading?: string } => {
    const before = earlier[k] as number;
    const value = how ? changedFigure(before, by, how) : by;
    return { facts: { ...earlier, ...now, [k]: value }, ...(how && { reading: `(Read as ${groupDigits(before)} ${how === "more" ? "+" : "−"} ${groupDigits(by)} = ${groupDigits(value)}.)` }) };
  };
  if (now) {
    const same = stated.find((k) => typeof now[k] === "number");
    return same && how ? change(same, now[same] as number) : { facts: { ...earlier, ...now } };
  }
  const bare = q.match(BARE_FIGURE);
  const value = bare?.[1] ? toNumber(bare[1]) : undefined;
  return value !== undefined && stated.length === 1 ? change(stated[0]!, value) : undefined;
}

/**
 * The worked result of the asker's own numbers in English, or undefined when the question states none the rules read.
 * `earlier` is the question a follow-up continues, as typed (「Our zone has 18 agencies…」 before 「And if we had 22?」).
 */
export function applyEnglishOwnNumbers(question: string, jurisdictions: readonly Jurisdiction[], today: string, yesNo = false, earlier?: string): EnglishOwnNumbers | undefined {
  if (earlier) {
    const merged = applyFollowUp(question, earlier, jurisdictions, today, yesNo);
    if (merged) return merged;
  }
  const year = Number(today.slice(0, 4));
  const offering = estimateJurisdictions().find((m) => jurisdictions.includes(m.jurisdiction));
  const yearly = offering
    ? factsByYear(englishYearStretches(question, year), year, (text, y) => englishAgencyFacts(text, y, offering.jurisdiction, question))
    : undefined;
  if (yearly) {
    const results = yearly.map((y) => ({ year: y.year, result: estimateSupport(y.facts, { today }) }));
    const resting = results.flatMap((r): { clause: string }[] => (r.result.items.length > 0 ? r.result.items : r.result.ineligible));
    return { lines: yearlyLines(results, englishAskedAmount(question)), clauses: [...new Set(resting.map((i) => i.clause))] };
  }
  const agency = offering ? englishAgencyFacts(question, year, offering.jurisdiction) : undefined;
  if (agency) return agencyLines(agency, question, today);
  const zone = englishZoneFacts(question);
  return zone ? zoneLines(zone, jurisdictions, today, yesNo) : englishReviewScheduleLines(question, jurisdictions, today);
}

/** An agency's facts estimated by the rules, in English. */
function agencyLines(facts: AgencyInput, question: string, today: string, reading?: string): EnglishOwnNumbers {
  const result = estimateSupport(facts, { today });
  const resting = result.items.length > 0 ? result.items : result.ineligible;
  return { lines: [...estimateLines(result, englishAskedAmount(question)), ...(reading ? [reading] : [])], clauses: [...new Set(resting.map((i) => i.clause))] };
}

/** A zone's facts checked by the rules against each jurisdiction's conditions, in English; undefined when no condition measures them. */
function zoneLines(zone: NonNullable<ZoneProfile["zone"]>, jurisdictions: readonly Jurisdiction[], today: string, yesNo: boolean, reading?: string): EnglishOwnNumbers | undefined {
  const lines: string[] = [];
  const clauses: string[] = [];
  for (const j of jurisdictions) {
    const r = checkLines(checkJurisdiction(j, { zone }, { today }), zone, LABEL[j] ?? j, yesNo);
    lines.push(...r.lines);
    clauses.push(...r.clauses);
  }
  if (lines.length > 0 && reading) lines.push(reading);
  return lines.length > 0 ? { lines, clauses } : undefined;
}

/** A follow-up's own numbers read against the earlier question's (followedUp), worked out as a question of its own would be. */
function applyFollowUp(question: string, earlier: string, jurisdictions: readonly Jurisdiction[], today: string, yesNo: boolean): EnglishOwnNumbers | undefined {
  const year = Number(today.slice(0, 4));
  const offering = estimateJurisdictions().find((m) => jurisdictions.includes(m.jurisdiction));
  const agency = offering
    ? followedUp(englishAgencyFacts(earlier, year, offering.jurisdiction), englishAgencyFacts(question, year, offering.jurisdiction), question, AGENCY_COUNTS)
    : undefined;
  if (agency) return agencyLines(agency.facts, question, today, agency.reading);
  const zone = followedUp(englishZoneFacts(earlier), englishZoneFacts(question), question, ZONE_COUNTS);
  return zone ? zoneLines(zone.facts, jurisdictions, today, yesNo, zone.reading) : undefined;
}
