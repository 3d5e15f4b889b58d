/**
 * When a question states the asker's own situation (「园区有18家服务机构」
 * 「做了3笔质押贷款和1单证券化」「赢了5件涉外案子」), the facts are read off it
 * and handed to the same rule functions `check` and `estimate` use — there is
 * no second calculator here. The result becomes the reply's conclusion:
 * 「还差 2 家服务机构」, 「最高 13 万元（3 × 10,000 + 1 × 100,000）」,
 * 「不能：每年最多 20 万元」. The estimate is made for an agency in the zone
 * with patent-agency qualification (第九条's premise), and the reply says so.
 */
import { formatClause } from "../knowledge/citation.ts";
import { JURISDICTION_LABELS, jurisdictionNames } from "../knowledge/jurisdictions.ts";
import { estimateJurisdictions } from "../rules/jurisdiction-registry.ts";
import { checkJurisdiction, estimateSupport, wanText } from "../rules/index.ts";
import type { AgencyInput, CheckResult, EstimateResult, Jurisdiction, ZoneProfile } from "../rules/index.ts";
import { parseChineseNumeral } from "../retrieval/answer-kinds.ts";
import { toldBefore } from "./event-order.ts";
import { yesNoAsk, type YesNoAsk } from "./yes-no-ask.ts";
import { trialDateLines } from "./date-in-trial.ts";
import { reviewScheduleLines } from "./review-schedule.ts";
import { factsByYear, yearStretches } from "./facts-by-year.ts";
import { asRange, formatRange, type FactRange } from "../rules/fact-range.ts";
import { parseQuantity } from "../intake/parsers/parse-quantity.ts";
// A count followed by one of these nouns is read by the kind's own patterns, not as an elided count.
import { COUNTED_NOUN } from "./bare-count.ts";
import { applyChange, figureChangeIn } from "./follow-up-change.ts";

export interface OwnNumbersOutcome {
  /** the conclusion lines, in order */
  lines: string[];
  /** clauses the lines rest on */
  clauses: string[];
  /** the answer rests on an estimate of 第九条 (its closing sentence is read into it, not appended) */
  estimated: boolean;
  /** no hint to the estimate or the self-check follows (a date held against a trial period) */
  noHint?: boolean;
}

/**
 * A count in digits or Chinese numerals. A numeral right after 同/统/唯/万/之/第 belongs to a word that
 * counts nothing (同一个申请人 is the same applicant, 第一 first, 之一 one of), and none starts inside
 * another numeral (十一 is read whole).
 */
const NUM = String.raw`(\d+|(?<![同统唯万之第零〇一二两三四五六七八九十百千])[零〇一二两三四五六七八九十百千]+)`;
/** A clause that speaks of (malicious) abnormal applications, and whether it says there were none. */
const ABNORMAL_STATED = /[^，,。；;？?]*非正常申请[^，,。；;？?]*/u;
const NO_ABNORMAL = /(无|冇|没有?|未|不存在|零)[^，,。；;？?]{0,4}(恶意)?非正常申请|非正常申请[^，,。；;？?]{0,6}(没有|都没|也没|为零|是零)|(一件|一个|一次)[^，,。；;？?]{0,8}(都|也)(没有|没)/u;
const SOME_ABNORMAL = /(有|存在|出了|出现|被认定为?|查出)[^，,。；;？?]{0,8}(恶意)?非正常申请/u;

/**
 * 一 as an article, not a count: after a copula or a verb of being and going (「我们是一家民营的众创空间」
 * 「我刚跳槽到一家代理所」「在一家代理机构工作」), also past where it is (「俺们是淄博示范区里一家代理所」
 * 「是园区内的一家机构」). 「只有一家服务机构」「园区里有一家机构」 keep their count.
 */
const INDEFINITE_ONE = /(?<=[是到在进于]|[是在][^，,。；;？?！!\d]{1,10}[里内中的])一(?=[家个所位名])/gu;
/**
 * The rule's unit, not a count of the asker's: 一 after 每 (「每完成一项」「每1笔」) or asking what one brings
 * (「一件补多少」「一件最多补多少」「证券化一项又给多少」). Asked alone, 「一件补多少」 is worked out for one; carried into a
 * follow-up (「…一件补多少 那打赢好几件有封顶不」), it is the earlier ask, and the asker's counts are the follow-up's.
 */
const RATE_UNIT = /(?<=每[^，,。；;？?！!\d]{0,4})[一1](?=[项笔件家个名位单])|(?<![\d零〇一二两三四五六七八九十百千])[一1](?=[项笔件单][^，,。；;？?！!\d]{0,4}?(?:给|补|奖|支持|拿|领|多少))/gu;
/** Words between a count and what it counts: no other figure in between (「2笔贷款和1个证券化」). */
const GAP = (n: number): string => String.raw`[^，。；？?\d零〇一二两三四五六七八九十百千]{0,${n}}`;

/**
 * Words between 家 and the institution it counts (「3家做专利代理的机构」): one noun phrase, so no adverb,
 * aspect particle or preposition, which start a clause of their own — 「替两家企业各代理了2件」 counts 企业.
 */
const NOUN_PHRASE_GAP = (n: number): string => String.raw`[^，。；？?\d零〇一二两三四五六七八九十百千各都也了过着把被替给为向]{0,${n}}`;

/**
 * What each fact is read from, made once (they were rebuilt for every question). Each list in
 * order of preference; none is global, so `match` keeps no state between questions.
 */
const INSTITUTIONS = [
  new RegExp(`${NUM}\\s*家${NOUN_PHRASE_GAP(8)}(?:机构|服务点|代理)`),
  // 个 counts an office as well (「只有1个知识产权服务点」), but not the people of 「3个代理师」.
  new RegExp(`${NUM}\\s*个${NOUN_PHRASE_GAP(8)}(?:机构|服务点)`),
  new RegExp(`(?:机构|服务点)[^，。；？?\\d]{0,6}${NUM}\\s*[家个]`),
];
// Speech drops 方米 (「核心区只有800平」); 平 before 台/均/等 is another word (800平台 is no area).
const AREA = [new RegExp(`${NUM}\\s*(?:平方米|平米|平方|㎡|平(?![台均等衡安]))`)];
const LOANS = [
  new RegExp(`${NUM}\\s*[笔项单个]${GAP(12)}(?:质押|贷款)`),
  new RegExp(`(?:质押贷款|质押融资)[^，。；？?\\d]{0,4}${NUM}\\s*[笔项单个]`),
];
const SECURITIZATIONS = [
  new RegExp(`${NUM}\\s*[笔项单个]${GAP(10)}证券化`),
  new RegExp(`证券化[^，。；？?\\d]{0,4}${NUM}\\s*[笔项单个]`),
];
const ATTORNEYS = [
  // 「3个小伙伴新考下了专利代理师证」: 个 counts people too when 代理师 follows (not 个月, 个年头).
  new RegExp(`${NUM}\\s*(?:个人|人|名|位|个(?![月年]))${GAP(12)}代理师`),
  new RegExp(`代理师[^。；？?\\d]{0,8}${NUM}\\s*(?:个人|人|名|位)`),
];
/**
 * A patent-attorney certificate obtained in an earlier year (「三年前就拿到代理师证」「去年考下的证」「早就有证」); one
 * said to be new (「去年新考下来」) is that year's new certificate, asked of that year.
 */
const CERTIFIED_EARLIER = new RegExp(
  `(?:${NUM}\\s*年前|去年|前年|早些年|早就|早已|很早以前|以前就|之前就)[^，。；？?新]{0,6}(?:拿到|取得|考下|考取|获得|有)[了的过]?[^，。；？?]{0,6}代理师(?:资格)?证`,
  "u",
);
const WON_CASES = [
  new RegExp(`(?:胜诉|赢了|打赢了?|赢)[^，。；？?\\d]{0,6}${NUM}\\s*(?:件|个|起)`),
  new RegExp(`${NUM}\\s*(?:件|个|起)${GAP(10)}(?:胜诉|赢|官司)`),
  // 「代理了3个涉外专利案子，全赢了」: the cases, then that they were won
  new RegExp(`${NUM}\\s*(?:件|个|起)${GAP(10)}(?:案子|案件)[，,]\\s*(?:全|都|全部)?(?:打)?(?:赢|胜诉)`),
];
/** Support already received this year, in 万 (「已经累计拿了16万」「已领过10万」「之前补了15万」). */
const RECEIVED = /(?:已经|已|累计|一共|总共|之前|前面)[^，。；？?\d]{0,6}(?:拿|领|获|补|得|给)[了到过得]*[^，。；？?\d]{0,4}?(\d+(?:\.\d+)?)\s*万/u;
const GRANTS = [
  new RegExp(`授权[^，。；？?\\d]{0,8}${NUM}\\s*件`),
  new RegExp(`${NUM}\\s*件${GAP(6)}授权`),
];
const CLIENT_COUNT = new RegExp(`${NUM}\\s*家`);

/**
 * A count that drops its noun (「去年做了3笔质押贷款，今年又做了2笔」, or 「那要是5件呢？」 after a question on won
 * cases): read as the one kind of that measure the whole message — or the conversation a follow-up continues —
 * names, and as none when it names two kinds of that measure. Only in a stretch of a longer text: alone, a bare
 * 「3个」 counts nothing.
 */
interface ElidedKind {
  measure: string;
  named: RegExp;
  others: RegExp;
}
const CASES_NAMED = /胜诉|官司|案子|案件/;
const ELIDED: Record<"loans" | "securitizations" | "attorneys" | "wonCases" | "grants" | "institutions", ElidedKind> = {
  loans: { measure: "[笔项单]", named: /质押|贷款/, others: /证券化/ },
  securitizations: { measure: "[笔项单]", named: /证券化/, others: /质押|贷款/ },
  // 个 counts people only where no cases are named (「打赢了3个」 are cases).
  attorneys: { measure: "(?:个人|人|名|位|个(?![月年]))", named: /代理师/, others: CASES_NAMED },
  wonCases: { measure: "[件起个]", named: CASES_NAMED, others: /授权|代理师/ },
  grants: { measure: "件", named: /授权/, others: CASES_NAMED },
  institutions: { measure: "[家个]", named: /机构|服务点/, others: /企业|客户|公司/ },
};
function elidedCount(kind: ElidedKind, whole: string): RegExp[] {
  if (!kind.named.test(whole) || kind.others.test(whole)) return [];
  return [new RegExp(`${NUM}\\s*${kind.measure}(?![^，。；？?]{0,10}(?:${COUNTED_NOUN}))`, "u")];
}
/** A run of figures in one unit joined by 、 (global: `replace` starts it at 0 every time). */
const ENUMERATION = new RegExp(`(?:${NUM}\\s*([件家笔项个人名]|万元|平方米)\\s*、\\s*)+${NUM}\\s*([件家笔项个人名]|万元|平方米)`, "g");

function toNumber(s: string): number | undefined {
  return /^\d+$/.test(s) ? Number(s) : parseChineseNumeral(s);
}

function first(question: string, patterns: readonly RegExp[]): number | undefined {
  for (const p of patterns) {
    const m = question.match(p);
    if (m?.[1]) {
      const n = toNumber(m[1]);
      if (n !== undefined) return n;
    }
  }
  return undefined;
}

/**
 * 「超过70件、120件、200件，分别给多少」 lists the text's tiers, not the asker's
 * situation: a run of figures in one unit joined by 、 is no fact about them; nor is a threshold asked
 * about (ASKED_THRESHOLD).
 */
function withoutEnumerations(question: string): string {
  return question.replace(ENUMERATION, "").replace(ASKED_THRESHOLD, "");
}

/**
 * 「是不是都要求有20家服务机构」「得有多少…，得有20家吗」: a figure after a word of requiring is the
 * threshold asked about, not the asker's count (「我们有18家」).
 */
const ASKED_THRESHOLD = new RegExp(`(?:要求|需要|必须|须|(?<![拿获取值记懂])得|门槛是?)(?:有|达到|是|在|超过)?\\s*${NUM}\\s*(?:家|件|平方米|平米|平方|㎡|笔|项|个|人|名|位|万)`, "gu");

/**
 * A count or an area said roughly (「十来家」「二十多家」「十几个服务点」「一百来平」「1000平左右」), read into a range
 * as the intake reads it (parse-quantity.ts), with the sentence saying how.
 */
const ROUGH = String.raw`(?:来|多|余|几)`;
const AROUND = String.raw`(?:左右|上下)`;
const AREA_UNIT = String.raw`(?:平方米|平米|平方|㎡|平(?![台均等衡安]))`;
const ROUGH_INSTITUTIONS = [
  new RegExp(`(?<said>${NUM}\\s*(?:${ROUGH}\\s*[家个]|[家个]\\s*${AROUND}))${NOUN_PHRASE_GAP(8)}(?:机构|服务点)`, "u"),
  new RegExp(`(?:机构|服务点)[^，。；？?\\d]{0,6}(?<said>${NUM}\\s*(?:${ROUGH}\\s*[家个]|[家个]\\s*${AROUND}))`, "u"),
];
/** A rough count of invention grants (「授权大概60来件」「100件左右授权」), which 第九条（五）'s tiers are measured against. */
const ROUGH_GRANTS = [
  new RegExp(`授权[^，。；？?\\d]{0,8}(?<said>${NUM}\\s*(?:${ROUGH}\\s*件|件\\s*${AROUND}))`, "u"),
  new RegExp(`(?<said>${NUM}\\s*(?:${ROUGH}\\s*件|件\\s*${AROUND}))${GAP(6)}授权`, "u"),
];
const TIER_ASKED = new RegExp(`(?:以上|不少于|不低于|达到|满)\\s*${NUM}|${NUM}\\s*[件家笔个人]?\\s*(?:以上|以下|以内)`, "u");
/**
 * A count said as more than a figure (「授权超过200件」「打赢了不止3件」): at least one more, as 第九条（五）'s 「超过200件」
 * tier reads it — not the figure itself, which that tier does not reach. Asked of a tier (「那超过70件呢？」), it is
 * worked out for the tier's first count.
 */
const MORE_THAN = new RegExp(`(?:超过|超出|多于|大于|高于|不止)\\s*${NUM}\\s*件`, "gu");
function readMoreThan(text: string): { text: string; readings: string[] } {
  const readings: string[] = [];
  const read = text.replace(MORE_THAN, (said: string, figure: string) => {
    const n = toNumber(figure);
    if (n === undefined) return said;
    readings.push(`「${said}」按至少 ${n + 1} 件计`);
    return `${n + 1}件`;
  });
  return { text: read, readings };
}
/** A rough count that drops its noun (「那要是二十来家呢？」), read only where the conversation names the institutions. */
const ROUGH_BARE_INSTITUTIONS = new RegExp(`(?<said>${NUM}\\s*(?:${ROUGH}\\s*[家个]|[家个]\\s*${AROUND}))(?![^，。；？?]{0,10}(?:${COUNTED_NOUN}))`, "u");
const ROUGH_AREA = [new RegExp(`(?<said>${NUM}\\s*(?:${ROUGH}\\s*${AREA_UNIT}|${AREA_UNIT}\\s*${AROUND}))`, "u")];

function roughFirst(question: string, patterns: readonly RegExp[], units: readonly string[], integer: boolean): { value: number | FactRange; reading?: string } | undefined {
  for (const p of patterns) {
    const said = p.exec(question)?.groups?.said;
    const parsed = said ? parseQuantity(said, units, integer) : undefined;
    if (parsed?.ok) return { value: parsed.value.value, reading: parsed.value.reading };
  }
  return undefined;
}

/**
 * A rough count of grants with the question told at each end of its range (「60来件」, read as 54–66 → 「54件」
 * and 「66件」), so the rules estimate both ends exactly; undefined when the question states its grants exactly
 * or not at all.
 */
function roughGrantEnds(question: string): { low: string; high: string; range: FactRange; reading: string } | undefined {
  // Read before the exact patterns, as for a zone's facts: 「120件左右」 is not the exact 120件 its start reads as.
  for (const p of ROUGH_GRANTS) {
    const said = p.exec(question)?.groups?.said;
    const parsed = said ? parseQuantity(said, ["件"], true) : undefined;
    const range = parsed?.ok ? asRange(parsed.value.value) : undefined;
    if (!said || !parsed?.ok || !range || !parsed.value.reading) continue;
    return { low: question.replace(said, `${range.min}件`), high: question.replace(said, `${range.max}件`), range, reading: parsed.value.reading };
  }
  return undefined;
}

/**
 * Estimate lines for a rough count of grants: when both ends of its range come to the same support, that
 * result with how the figure was read; when they straddle a tier, each end's result and a request for the
 * exact figure — never one end's yes or no as the answer.
 */
function roughGrantLines(ends: { low: AgencyInput; high: AgencyInput; range: FactRange; reading: string }, today: string, hoped: ReturnType<typeof askedAmountIn>): { lines: string[]; clauses: string[] } {
  const low = estimateSupport(ends.low, { today });
  const high = estimateSupport(ends.high, { today });
  const clauses = [...new Set([...restingOn(low), ...restingOn(high)].map((i) => i.clause))];
  if (low.possibleTotal === high.possibleTotal && low.items.length === high.items.length) {
    // The rules word the asker's count first in a line (「授权 66 件，未超过 70 件」「110 件 > 70 件」): it is said as
    // the range; how many more grants reach a tier depends on the exact count, so that hint is left out.
    const said = `${ends.range.max} 件`;
    const lines = estimateLines(high, hoped)
      .filter((l) => !/^提示：.*件/u.test(l))
      .map((l) => l.replace(said, `${formatRange(ends.range)} 件`));
    return { lines: [...lines, `（${ends.reading}。）`], clauses };
  }
  const firstLine = (r: EstimateResult): string => estimateLines(r, undefined)[0]!;
  return {
    lines: [
      `还不能确定：${ends.reading}，这个范围跨过了支持档位，结果取决于确切数字。`,
      `· 按 ${ends.range.min} 件：${firstLine(low)}`,
      `· 按 ${ends.range.max} 件：${firstLine(high)}`,
      "请核实确切的授权数量后再问一次。",
    ],
    clauses,
  };
}

/** A zone's facts stated in the question, and how a rough figure of each was read (「「十来家」按约数记为 9–11」). */
interface ZoneFacts {
  zone: NonNullable<ZoneProfile["zone"]>;
  readings: { count?: string; area?: string };
}

/**
 * Facts of a zone profile stated in the question (counts of agencies, the core area), exact or rough. `whole` is
 * the conversation a follow-up (「那要是22家呢？」) continues, which names what its bare count counts.
 */
function zoneFactsRead(asked: string, whole = asked): ZoneFacts | undefined {
  const question = withoutEnumerations(asked);
  const elided = whole !== asked ? elidedCount(ELIDED.institutions, whole) : [];
  // A rough figure first: 「1000平左右」 is not the exact 1000平 its start reads as.
  const exact = (patterns: readonly RegExp[]) => {
    const n = first(question, patterns);
    return n === undefined ? undefined : { value: n, reading: undefined };
  };
  const roughElided = elided.length > 0 ? [ROUGH_BARE_INSTITUTIONS] : [];
  const count = roughFirst(question, [...ROUGH_INSTITUTIONS, ...roughElided], ["家", "个"], true) ?? exact([...INSTITUTIONS, ...elided]);
  const area = roughFirst(question, ROUGH_AREA, ["平方米", "平米", "平方", "㎡", "平"], false) ?? exact(AREA);
  if (count === undefined && area === undefined) return undefined;
  return {
    zone: { ...(count !== undefined && { serviceInstitutions: count.value }), ...(area !== undefined && { coreAreaSqm: area.value }) },
    readings: { ...(count?.reading && { count: count.reading }), ...(area?.reading && { area: area.reading }) },
  };
}

/**
 * The earlier turn's facts with those a follow-up states in their place (「那要是22家呢？」 after 「我们有18家机构」):
 * the carried question still states the old figure, which the follow-up's own replaces.
 */
function zoneFactsWithFollowUp(question: string, followUp: string | undefined): ZoneFacts | undefined {
  const earlier = zoneFactsRead(question);
  const now = followUp ? zoneFactsRead(followUp, question) : undefined;
  if (!earlier || !now) return now ?? earlier;
  // A figure replaced takes its reading with it: 「22家」 after 「二十来家」 is read exactly.
  let count = now.zone.serviceInstitutions !== undefined ? now.readings.count : earlier.readings.count;
  let area = now.zone.coreAreaSqm !== undefined ? now.readings.area : earlier.readings.area;
  const zone = { ...earlier.zone, ...now.zone };
  // 「再加4家呢？」 changes the earlier figure by its own (follow-up-change.ts).
  const how = figureChangeIn(followUp!);
  const changed = (before: number | FactRange | undefined, change: number | FactRange | undefined, unit: string) =>
    how && typeof before === "number" && typeof change === "number" ? applyChange(before, change, how, unit) : undefined;
  const institutions = changed(earlier.zone.serviceInstitutions, now.zone.serviceInstitutions, "家");
  if (institutions) [zone.serviceInstitutions, count] = [institutions.value, institutions.reading];
  const sqm = changed(earlier.zone.coreAreaSqm, now.zone.coreAreaSqm, "平方米");
  if (sqm) [zone.coreAreaSqm, area] = [sqm.value, sqm.reading];
  return { zone, readings: { ...(count && { count }), ...(area && { area }) } };
}

/** Counts of an agency's year a follow-up may change by its own (「又做了2笔呢」), with their units. */
const CHANGEABLE_COUNTS = { pledgeLoans: "笔", securitizations: "笔", newPatentAttorneys: "名", inventionGrants: "件" } as const;

/** The earlier turn's agency facts with the follow-up's in their place, or changed by them; and how each change was read. */
function agencyFactsWithFollowUp(
  question: string,
  followUp: string | undefined,
  year: number,
  jurisdiction: Jurisdiction,
): { facts: AgencyInput; readings: string[] } | undefined {
  // Followed up, the earlier text is itself a conversation carried (「…每完成一项质押贷款给多少支持 我们今年做了8笔…」):
  // its bare counts count what it names, and its rates are no counts.
  const carried = followUp !== undefined ? question.replace(RATE_UNIT, "") : question;
  const earlier = agencyFactsIn(carried, year, jurisdiction, carried, followUp !== undefined);
  const now = followUp ? agencyFactsIn(followUp, year, jurisdiction, question) : undefined;
  if (!earlier || !now) {
    const facts = now ?? earlier;
    return facts ? { facts, readings: [] } : undefined;
  }
  const facts: AgencyInput = { ...earlier, ...now };
  const readings: string[] = [];
  const how = figureChangeIn(followUp!);
  for (const [key, unit] of Object.entries(CHANGEABLE_COUNTS) as [keyof typeof CHANGEABLE_COUNTS, string][]) {
    const [before, change] = [earlier[key], now[key]];
    if (!how || typeof before !== "number" || typeof change !== "number") continue;
    const r = applyChange(before, change, how, unit);
    facts[key] = r.value;
    readings.push(r.reading);
  }
  if (how && earlier.wonCases && now.wonCases) facts.wonCases = how === "more" ? [...earlier.wonCases, ...now.wonCases] : earlier.wonCases.slice(0, Math.max(0, earlier.wonCases.length - now.wonCases.length));
  return { facts, readings };
}

/** Facts of a zone profile stated in the question (counts of agencies, the core area). */
export function zoneFactsIn(asked: string): ZoneProfile["zone"] | undefined {
  return zoneFactsRead(asked)?.zone;
}

/**
 * Whether a message that tells the zone's count or area asks something they answer: whether it is enough, the
 * threshold, how many are missing — or asks nothing else (the facts alone, to be checked). 「小镇里有二十来家机构
 * …听说特色小镇也能布局，是真的吗」 tells the count as its story and asks of 第五条.
 */
function asksOfZoneFacts(question: string): boolean {
  return !ASKS_SOMETHING.test(question) || OF_ZONE_FACTS.test(question);
}
const ASKS_SOMETHING = /[？?]|[吗呢么嘛伐]|不[。！!]?$|没[。！!]?$/u;
const OF_ZONE_FACTS = /够|达标|达到|满足|符合|有戏|卡|过关|过得了|行不行|行吗|中不中|成不成|可以吗|能不能|能否|(?:能|可以|可)(?:申|报|评)|报得了|差几|还差|差多少|合格|门槛|条件|要求|多少家|几家|多大|面积|标准|资格|规模|申报|申请/u;

/** How the rules' details write a fact (「9–11 家」「1,000 平方米」), to find the detail that speaks of it. */
function statedForms(value: number | FactRange, unit: string): string[] {
  const r = asRange(value)!;
  if (r.min === r.max) return [`${r.min} ${unit}`, `${r.min.toLocaleString("en-US")} ${unit}`];
  return [`${formatRange(r)} ${unit}`];
}

/**
 * Facts of an agency support estimate (Zibo 第九条) stated in the question; undefined when it states none.
 * `whole` is the message a stretch of it (one year's facts) comes from: what the cases are called is said once.
 */
export function agencyFactsIn(asked: string, year: number, jurisdiction: Jurisdiction, whole = asked, inConversation = whole !== asked): AgencyInput | undefined {
  const question = withoutEnumerations(asked);
  const input: AgencyInput = { jurisdiction, year, agency: { inZone: true, patentAgencyQualified: true } };
  let any = false;
  const elided = (kind: keyof typeof ELIDED): RegExp[] => (inConversation ? elidedCount(ELIDED[kind], whole) : []);
  const loans = first(question, [...LOANS, ...elided("loans")]);
  if (loans !== undefined) (input.pledgeLoans = loans), (any = true);
  const securitizations = first(question, [...SECURITIZATIONS, ...elided("securitizations")]);
  if (securitizations !== undefined) (input.securitizations = securitizations), (any = true);
  const attorneys = first(question, [...ATTORNEYS, ...elided("attorneys")]);
  if (attorneys !== undefined) (input.newPatentAttorneys = attorneys), (any = true);
  // 「招了一个三年前就拿到专利代理师证书的人」: a certificate obtained in an earlier year is no 年度内新获得 one.
  if (CERTIFIED_EARLIER.test(question)) (input.newPatentAttorneys = 0), (any = true);
  const won = first(question, [...WON_CASES, ...elided("wonCases")]);
  if (won !== undefined) {
    // 「涉外或具有重大影响」 is the clause's own condition; a case not called either is read as one and the reply says so.
    const kind = /重大影响/.test(whole) && !/涉外/.test(whole) ? "major" : "foreign";
    input.wonCases = Array.from({ length: Math.min(won, 100) }, () => ({ enterpriseInZone: true, kind }));
    // 「前几件胜诉案已经累计拿了16万」: what earlier cases of the year received counts against the same annual cap.
    const received = RECEIVED.exec(question);
    if (received) input.wonCaseSupportReceived = Math.round(Number(received[1]) * 10000);
    any = true;
  }
  const program = /专利倍增/.test(question) ? "doubling" : /专利清零/.test(question) ? "zeroing" : undefined;
  const grants = first(question, [...GRANTS, ...elided("grants")]);
  // 「授权210件，还帮两家企业专利清零」: grants stated before, in a clause of their own, are the agency's,
  // and the programme named after them is its clients' (each zeroing client has its first grant: 1).
  // Stated after the programme (「帮一家企业专利倍增，代理发明专利授权6件」) they tell about that client.
  const clauses = question.split(/[，,；;。？?]/);
  const programWord = program === "doubling" ? "专利倍增" : "专利清零";
  const grantsAt = clauses.findIndex((c) => /授权/.test(c) && /\d|[一二两三四五六七八九十百]/.test(c));
  const programAt = clauses.findIndex((c) => c.includes(programWord));
  const ownGrants = program !== undefined && grantsAt >= 0 && grantsAt < programAt;
  if (grants !== undefined) {
    if (program && !ownGrants) input.clients = [{ name: "所服务企业", program, inventionGrants: grants }];
    else input.inventionGrants = grants;
    any = true;
  }
  if (ownGrants && program === "zeroing") {
    const clients = first(clauses.find((c) => c.includes(programWord)) ?? "", [CLIENT_COUNT]) ?? 1;
    input.clients = Array.from({ length: Math.min(clients, 100) }, (_, i) => ({ name: `所服务企业${i + 1}`, program, inventionGrants: 1 }));
    any = true;
  }
  // The grant tiers hold only 「无恶意非正常申请」: the asker saying there were some (「有几件被认定为恶意非正常
  // 申请」) or none (「一件恶意非正常申请都没有」) settles what the estimate would otherwise leave open.
  if (input.inventionGrants !== undefined) {
    const said = ABNORMAL_STATED.exec(question)?.[0] ?? "";
    if (NO_ABNORMAL.test(said)) input.abnormalApplications = false;
    else if (SOME_ABNORMAL.test(said)) input.abnormalApplications = true;
  }
  // A brand won before moving in (「进驻之前就已经是…」「先创牌子后进驻」) is not one 第九条（三） supports.
  const afterJoiningZone = !JOINING_ZONE.some((verb) => toldBefore(question, verb));
  if (/(创|拿|获|评上|成为)[^，。；？?]{0,4}国家级(示范品牌|重点资质|品牌)/.test(question)) (input.brand = { national: true, afterJoiningZone }), (any = true);
  // Saying the provincial level is saying it is not (yet) the national one.
  else if (/(创|拿|获|评上|成为)[^，。；？?]{0,4}省级(示范品牌|重点资质|品牌)/.test(question)) (input.brand = { provincial: true, national: false, afterJoiningZone }), (any = true);
  return any ? input : undefined;
}

/** Whether the asker's facts are enough, asked with its verb: 「够吗」「符合不」「达不达标」「都能达到吗」. */
const ASKS_MEETS = /(够|符合|满足|达到|达标|合格)(?:了)?(?:吗|么|不|没|[？?])|(够|符合|满足|达到|达标|合格)[不没]\2|([达])不\3标/u;

/** Verbs of moving into the zone, the event 第九条（三） counts brands after. */
const JOINING_ZONE = ["进驻", "入驻", "搬进", "搬入", "加入"];

/** An amount the asker hopes for, in yuan, with the question's own yes and no words (「能给25万吗」 → 250000, 能/不能). */
export function askedAmountIn(question: string): { yuan: number; ask: YesNoAsk } | undefined {
  const ask = yesNoAsk(question) ?? (/够不够/.test(question) ? { yes: "够", no: "不够" } : undefined);
  if (!ask) return undefined;
  // What was already received (「已经拿了18万，…还能补10万吗」) is no amount hoped for.
  const m = question.replace(RECEIVED, "").match(/(\d+(?:\.\d+)?)\s*万/);
  return m ? { yuan: Math.round(Number(m[1]) * 10000), ask } : undefined;
}

/** What 第九条's closing sentence is read as, and what the other reading would give when it differs. */
function closingSentenceLine(result: EstimateResult): string | undefined {
  const reading = result.readings.find((r) => r.clause === "zb2020:9");
  if (!reading) return undefined;
  const meaning = reading.value === "per-item" ? "每一项每年最多享受一次，不同的项可以同时享受" : "每个机构每年只享受金额最高的一项";
  const other = reading.otherReading;
  const differs = other && other.possibleTotal !== result.possibleTotal;
  return `（第九条末句「当年度优惠政策只享受一次，不重复支持」在此按「${meaning}」理解${
    differs ? `；若按另一种理解，合计最高 ${wanText(other.possibleTotal)}` : ""
  }。）`;
}

/**
 * The items the conclusion speaks of: those estimated; with none, those the
 * asker's facts fell short for (or, with no facts for any, all of them).
 */
function restingOn(result: EstimateResult): { clause: string }[] {
  if (result.items.length > 0) return result.items;
  const stated = result.ineligible.filter((i) => !NOT_ESTIMATED.test(i.reason));
  return stated.length > 0 ? stated : result.ineligible;
}

/** One estimated item: 「第九条（一）（…）：最高 13 万元（3 × 10,000 + 1 × 100,000 = 130,000 元）」. */
function itemLine(i: EstimateResult["items"][number]): string {
  const form = i.form === "voucher" ? "服务券" : "";
  // Plain arithmetic (「3 × 10,000 + 1 × 100,000」) is shown with its sum in yuan, so the figure reads both ways.
  const basis = i.possibleBasis ?? i.basis;
  const worked = /^[\d,\s×+]+$/.test(basis) ? `${basis} = ${i.possibleMax.toLocaleString("en-US")} 元` : basis;
  return `${formatClause(i.clause)}（${i.title}）：最高 ${wanText(i.possibleMax)}${form}（${worked}）`;
}

/** How an estimate rule says the question gave it no facts to work with (src/rules/estimate/*.rule.ts). */
const NOT_ESTIMATED = /未测算$/;

function estimateLines(result: EstimateResult, hoped: { yuan: number; ask: YesNoAsk } | undefined): string[] {
  const asked = hoped?.yuan;
  const items = result.items;
  if (items.length === 0) {
    // The clauses the asker gave facts for speak first (「授权 60 件，未超过 70 件」); the
    // ones the rules could not estimate for lack of facts only when nothing else applies.
    const stated = result.ineligible.filter((i) => !NOT_ESTIMATED.test(i.reason));
    if (stated.length === 0) return result.ineligible.slice(0, 2).map((i) => `按${formatClause(i.clause)}，${i.reason}。`);
    // One clause, one sentence: its summary first, then the detail (「均未达到要求：专利倍增需……」).
    const byClause = new Map<string, string[]>();
    for (const i of stated) byClause.set(i.clause, [...(byClause.get(i.clause) ?? []), i.reason]);
    const said = [...byClause].map(([clause, reasons]) => `按${formatClause(clause)}，${reasons[0]}${reasons.length > 1 ? `：${reasons.slice(1).join("；")}` : ""}`);
    // 「恰好 70 件」: the reading of 「超过……以上」 that would reach the tier is said beside the 「不能」.
    const caveats = result.warnings.filter((w) => stated.some((i) => w.message.includes(formatClause(i.clause))));
    return [
      `${caveats.length > 0 ? "按条文字面，不能" : "不能"}。${said.join("；")}，不符合支持条件。`,
      ...caveats.map((w) => `注意：${w.message}`),
      ...(result.hints ?? []).map((h) => `提示：${h}。`),
    ];
  }
  // The ceiling if the facts the question left open turn out favourably; what must be confirmed follows.
  const total = result.possibleTotal;
  const lines: string[] = [];
  // In the question's own verb: 「是不是给30万」 → 「不是。」, 「能给30万吗」 → 「不能。」.
  const lead = !hoped ? "" : hoped.yuan > total ? `${hoped.ask.no}。` : `${hoped.ask.yes}，在上限之内。`;
  if (items.length === 1) {
    lines.push(`${lead}测算结果：${itemLine(items[0]!)}。`);
  } else {
    lines.push(`${lead}测算结果：合计最高 ${wanText(total)}（${total.toLocaleString("en-US")} 元）：`);
    for (const i of items) lines.push(`· ${itemLine(i)}`);
  }
  if (asked !== undefined && asked > total) lines.push(`您问的 ${wanText(asked)}超过了上限，最多 ${wanText(total)}。`);
  for (const i of items) for (const n of i.notes) if (/上限|不予|只取/.test(n)) lines.push(`（${n}）`);
  for (const c of result.toConfirm) lines.push(`前提：${c.text}。`);
  for (const h of result.hints ?? []) lines.push(`提示：${h}。`);
  lines.push("（按贵机构在示范区内且具有专利代理资质测算，金额均为「不超过」的上限。）");
  const closing = closingSentenceLine(result);
  if (closing) lines.push(closing);
  return lines;
}

/** Facts told year by year (facts-by-year.ts), each year's own. */
function yearlyFacts(question: string, thisYear: number, jurisdiction: Jurisdiction): { year: number; facts: AgencyInput }[] | undefined {
  return factsByYear(yearStretches(question, thisYear), thisYear, (text, year) => agencyFactsIn(text, year, jurisdiction, question));
}

/** Year by year: the sum first, then each year's items under its year (the caps are per year). */
function yearlyLines(
  years: readonly { year: number; result: EstimateResult }[],
  hoped: { yuan: number; ask: YesNoAsk } | undefined,
  thisYear: number,
): string[] {
  const total = years.reduce((a, y) => a + y.result.possibleTotal, 0);
  const lead = !hoped ? "" : hoped.yuan > total ? `${hoped.ask.no}。` : `${hoped.ask.yes}，在上限之内。`;
  const named = years.map((y) => `${y.year}年`).join("、");
  const lines = [`${lead}测算结果：${named}合计最高 ${wanText(total)}（${total.toLocaleString("en-US")} 元），按年度分别测算：`];
  for (const { year, result } of years) {
    const stated = result.ineligible.filter((i) => !NOT_ESTIMATED.test(i.reason));
    if (result.items.length === 0) lines.push(`· ${year}年：${stated[0] ? `按${formatClause(stated[0].clause)}，${stated[0].reason}` : "没有可测算的支持"}`);
    for (const i of result.items) lines.push(`· ${year}年 ${itemLine(i)}`);
  }
  if (hoped && hoped.yuan > total) lines.push(`您问的 ${wanText(hoped.yuan)}超过了上限，最多 ${wanText(total)}。`);
  for (const { year, result } of years) for (const i of result.items) for (const n of i.notes) if (/上限|不予|只取/.test(n)) lines.push(`（${year}年：${n}）`);
  // The same premise for every year is said once.
  for (const c of new Set(years.flatMap((y) => y.result.toConfirm.map((c) => c.text)))) lines.push(`前提：${c}。`);
  // Room left in a year (「本年度还有 10万元 额度」) helps only for a year not yet over.
  for (const { year, result } of years) if (year >= thisYear) for (const h of result.hints ?? []) lines.push(`提示（${year}年）：${h}。`);
  lines.push("（按贵机构在示范区内且具有专利代理资质测算，金额均为「不超过」的上限。）");
  const closing = closingSentenceLine(years[0]!.result);
  if (closing) lines.push(closing);
  return lines;
}

function checkLines(result: CheckResult, stated: string[]): { lines: string[]; clauses: string[]; verdicts: ("met" | "not-met" | "depends")[] } {
  const lines: string[] = [];
  const clauses: string[] = [];
  const verdicts: ("met" | "not-met" | "depends")[] = [];
  const label = JURISDICTION_LABELS[result.jurisdiction];
  for (const c of result.conditions) {
    const touched = stated.some((s) => c.detail.includes(s));
    if (!touched) continue;
    clauses.push(c.id);
    const said = c.detail.split("；").filter((part) => stated.some((s) => part.includes(s)));
    // A rough figure on both sides of the threshold (「20家左右」 against 20家以上) settles nothing yet.
    const depends = said.some((part) => part.includes("取决于"));
    if (c.status === "not-met") {
      lines.push(`${label}：按${formatClause(c.id)}，${said.join("；")}，${c.gap ?? ""}，暂不满足。`.replace("，，", "，"));
      verdicts.push("not-met");
    } else if (depends) {
      lines.push(`${label}：按${formatClause(c.id)}，${said.join("；")}，还不能确定是否达到，请核实确切数字。`);
      verdicts.push("depends");
    } else {
      lines.push(`${label}：按${formatClause(c.id)}，${said.join("；")}，这一项已达到${c.status === "unknown" ? "（该条其余要求还需核对）" : ""}。`);
      verdicts.push("met");
    }
  }
  return { lines, clauses, verdicts };
}

/**
 * The conclusion from the asker's own numbers, or undefined when the question
 * states none the rules read. `jurisdictions` are those the reply speaks for.
 */
export function applyOwnNumbers(asked: string, jurisdictions: readonly Jurisdiction[], today: string, followUp?: string): OwnNumbersOutcome | undefined {
  const moreThan = readMoreThan(asked.replace(INDEFINITE_ONE, ""));
  const question = moreThan.text;
  // 「那以上呢」「120件以上呢？」 asks of a tier of the text, not of the asker's count: such a follow-up states no figure of theirs.
  const followMoreThan = followUp && !TIER_ASKED.test(followUp) ? readMoreThan(followUp.replace(INDEFINITE_ONE, "")) : undefined;
  const ownFollowUp = followMoreThan?.text;
  // How a 「超过…件」 was read: the follow-up's, whose figure replaces the earlier one, else the question's.
  const moreThanReadings = followMoreThan?.readings.length ? followMoreThan.readings : moreThan.readings;
  const year = Number(today.slice(0, 4));
  // The first jurisdiction the reply speaks for whose module offers an estimate (registration order).
  const offering = estimateJurisdictions().find((m) => jurisdictions.includes(m.jurisdiction));
  const yearly = offering ? yearlyFacts(question, year, offering.jurisdiction) : undefined;
  if (yearly) {
    const results = yearly.map((y) => ({ year: y.year, result: estimateSupport(y.facts, { today }) }));
    return {
      lines: yearlyLines(results, askedAmountIn(question), year),
      clauses: [...new Set(results.flatMap((r) => restingOn(r.result).map((i) => i.clause)))],
      estimated: true,
    };
  }
  // 「授权大概60来件」: each end of the range estimated (roughGrantLines).
  // A follow-up's own count of grants (「那150件呢？」) replaces the rough one carried from before.
  const followUpGrants = offering && ownFollowUp ? agencyFactsIn(ownFollowUp, year, offering.jurisdiction, question)?.inventionGrants : undefined;
  const rough = offering && followUpGrants === undefined ? roughGrantEnds(question) : undefined;
  const low = rough ? agencyFactsIn(rough.low, year, offering!.jurisdiction) : undefined;
  const high = rough ? agencyFactsIn(rough.high, year, offering!.jurisdiction) : undefined;
  if (rough && low && high) return { ...roughGrantLines({ low, high, range: rough.range, reading: rough.reading }, today, askedAmountIn(question)), estimated: true };
  const agency = offering ? agencyFactsWithFollowUp(question, ownFollowUp, year, offering.jurisdiction) : undefined;
  if (agency) {
    const result = estimateSupport(agency.facts, { today });
    return {
      lines: [...estimateLines(result, askedAmountIn(question)), ...[...moreThanReadings, ...agency.readings].map((r) => `（${r}。）`)],
      clauses: [...new Set(restingOn(result).map((i) => i.clause))],
      estimated: true,
    };
  }
  const facts = asksOfZoneFacts(question) ? zoneFactsWithFollowUp(question, ownFollowUp) : undefined;
  if (!facts) {
    // 「2021年10月还在试用期内吗」: the asker's date against each text's trial (date-in-trial.ts).
    const dated = trialDateLines(question, jurisdictions, today) ?? reviewScheduleLines(question, jurisdictions, today);
    return dated ? { ...dated, estimated: false, noHint: true } : undefined;
  }
  const { zone, readings } = facts;
  const measured = [
    ...(zone.serviceInstitutions !== undefined ? [{ forms: statedForms(zone.serviceInstitutions, "家"), noun: "知识产权服务机构数量" }] : []),
    ...(zone.coreAreaSqm !== undefined ? [{ forms: statedForms(zone.coreAreaSqm, "平方米"), noun: "核心区面积" }] : []),
  ];
  const stated = measured.flatMap((f) => f.forms);
  const lines: string[] = [];
  const clauses: string[] = [];
  // 「…，浙江的要求够吗」: each side's first line says 够 or 不够 first, in the question's own verb, when all it
  // checks settles it (so that 「都够。」 can open a comparison, same-or-different.ts).
  const meets = ASKS_MEETS.exec(question);
  const verb = meets ? (meets[1] ?? meets[2] ?? "达标") : undefined;
  for (const j of jurisdictions) {
    const result = checkJurisdiction(j, { zone }, { today });
    const r = checkLines(result, stated);
    const settled = verb && r.verdicts.length > 0 && !r.verdicts.includes("depends");
    if (settled) {
      const own = `${JURISDICTION_LABELS[j]}：`;
      r.lines[0] = `${own}${r.verdicts.includes("not-met") ? `不${verb}` : verb}。${r.lines[0]!.slice(own.length)}`;
    }
    // 「核心区2000平方米，淄博的要求够吗」: a fact no condition of this text measures is said to be none of its
    // requirements — only beside a fact it does measure, so the reply still rests on a clause.
    const unmeasured = r.lines.length > 0 ? measured.filter((f) => !result.conditions.some((c) => f.forms.some((form) => c.detail.includes(form)))) : [];
    lines.push(...r.lines, ...unmeasured.map((f) => `${JURISDICTION_LABELS[j]}：${jurisdictionNames(j).shortName}没有对${f.noun}的要求。`));
    clauses.push(...r.clauses);
  }
  // A rough figure is said to have been read as a range, so the asker can give the exact one.
  if (lines.length > 0) lines.push(...[readings.count, readings.area].flatMap((r) => (r ? [`（${r}。）`] : [])));
  return lines.length > 0 ? { lines, clauses, estimated: false } : undefined;
}
