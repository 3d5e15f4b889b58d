/**
 * Which policy a question is about: the jurisdictions whose words (their
 * `mentions` and level in src/knowledge/jurisdictions.ts — 浙江/省级 → the
 * Zhejiang measures, 淄博/市级/区县 → the Zibo plan) it uses; a question naming neither gets both
 * (labelled) when both speak to it; 「两边」「两份政策」 name both. A question that names another place
 * (上海, 北京 …) and neither of ours is outside what the assistant knows.
 */
import { JURISDICTIONS, jurisdictionNames, type Jurisdiction } from "../knowledge/jurisdictions.ts";

export { JURISDICTION_OF, POLICY_OF, type Jurisdiction } from "../knowledge/jurisdictions.ts";

// The words that name each jurisdiction are its `mentions` in the names
// registry (its cities, 「省里」「本市」 …). 省级/市级 (its `level`) name it only
// when they qualify the zone or the policy itself (省级示范区); 「省级示范品牌」
// in Zibo 第九条（三） is a brand level.
const LEVEL_SUBJECT = "(?:的)?(?:知识产权服务业)?(?:集聚发展)?(?:示范区|政策|办法|管理办法|方案|建设方案|规定|要求)";

/**
 * A mention that names no place of its own (「市里」「本省」「区县」「设区市」: short, none of the
 * jurisdiction's aliases or places). In 「浙江的申报是往省里交还是先给市里」 市里 is a Zhejiang city,
 * not Zibo: such a word names its jurisdiction only when no place is named by name.
 */
function isGeneric(mention: string, n: ReturnType<typeof jurisdictionNames>): boolean {
  return mention.length <= 3 && !n.aliases.some((a) => mention.includes(a)) && !n.places.includes(mention);
}

/** Per registered jurisdiction, in registration order, its patterns (by name, and generic); rebuilt when one is registered. */
let patterns: { jurisdiction: Jurisdiction; pattern: RegExp; proper: RegExp }[] = [];
function mentionPatterns(): readonly { jurisdiction: Jurisdiction; pattern: RegExp; proper: RegExp }[] {
  if (patterns.length !== JURISDICTIONS.length) {
    patterns = JURISDICTIONS.map((j) => {
      const n = jurisdictionNames(j);
      const all = [`${n.level}${LEVEL_SUBJECT}`, ...n.mentions];
      return { jurisdiction: j, pattern: new RegExp(all.join("|")), proper: new RegExp(all.filter((m) => !isGeneric(m, n)).join("|")) };
    });
  }
  return patterns;
}

/** Both policies at once, named by neither place: 「两边的要求差多少」「两份政策有什么不同」 (every registered one). */
const BOTH = /两边|两地|两份(政策|文件|办法|方案)?|两个地方|两个(政策|文件|办法|方案)|两家的(政策|规定)/;

const BOTH_SIDES = /两边|两地/;

/** Places other than ours; naming one (without ours) puts a question outside both policies. */
const OTHER_PLACES =
  /北京|上海|天津|重庆|广东|广州|深圳|江苏|南京|苏州|无锡|山东省(?!.*淄博)|济南|青岛|烟台|潍坊|河北|河南|湖北|武汉|湖南|长沙|四川|成都|福建|厦门|福州|安徽|合肥|江西|陕西|西安|山西|辽宁|沈阳|大连|吉林|黑龙江|哈尔滨|广西|云南|贵州|海南|甘肃|青海|宁夏|新疆|西藏|内蒙古|香港|澳门|台湾|美国|日本|欧盟|韩国|德国|英国/;

export interface JurisdictionMention {
  /** jurisdictions the question names; empty = none named */
  named: Jurisdiction[];
  /** another place is named and none of ours */
  otherPlaceOnly: boolean;
  /** another place is compared with ours (「浙江和江苏哪边补得多」): the texts speak for one side only */
  comparedWithOther: boolean;
  /** `named` rests only on words that name no place of their own (「省里」「市里」「区县」, see isGeneric) */
  genericOnly: boolean;
}

export function detectJurisdiction(text: string): JurisdictionMention {
  const matched = mentionPatterns().filter((m) => m.pattern.test(text));
  const byName = matched.filter((m) => m.proper.test(text));
  const named = (byName.length > 0 ? byName : matched).map((m) => m.jurisdiction);
  if (named.length === 0 && BOTH.test(text)) named.push(...JURISDICTIONS);
  // 「两边」「两地」 name both also beside one named place (「那浙江呢？两边是同一个部门吗」);
  // 「两个文件」 there may count one side's (「浙江办法是依据哪两个文件制订的」).
  else if (BOTH_SIDES.test(text)) named.push(...JURISDICTIONS.filter((j) => !named.includes(j)));
  const other = OTHER_PLACES.exec(text);
  const comparedWithOther =
    other !== null && named.length > 0 && new RegExp(`[和跟与同、比](?:${other[0]})|(?:${other[0]})(?:省|市)?[的]?[和跟与同、比]`).test(text);
  // 「山东省里…」: another place named makes 省里 that place's, which is no conversation's place either.
  const genericOnly = byName.length === 0 && matched.length > 0 && !BOTH.test(text) && other === null;
  return { named, otherPlaceOnly: named.length === 0 && other !== null, comparedWithOther, genericOnly };
}

/**
 * The text with the places' own names taken out (「浙江省」「淄博」「两边」, not
 * 区县 or 省知识产权局, which say what the question is about), with the
 * connective that joined two of them (「浙江和淄博」「浙江的管理办法和淄博的」).
 */
export function withoutPlaceNames(text: string): string {
  const names = JURISDICTIONS.flatMap((j) => {
    const n = jurisdictionNames(j);
    return n.aliases.filter((a) => a !== n.level);
  }).sort((a, b) => b.length - a.length);
  const any = `(?:${[...names, BOTH.source].join("|")})`;
  return text.replace(new RegExp(`${any}(?:的)?(?:[和与跟及、]|以及)?`, "g"), "");
}
