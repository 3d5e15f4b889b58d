/**
 * The jurisdictions and their policies, named once. Everything that says
 * `Jurisdiction`, `PolicyId` or shows a jurisdiction's or a policy's name
 * reads it from here; a leaf (imports only zod) so the store, the rules, the
 * intake and the answers can all depend on it.
 *
 * The two built-in jurisdictions are the entries below. Another one adds its
 * entry with `registerJurisdictionNames` — src/rules/jurisdiction-registry.ts
 * does so when a jurisdiction module is registered — and every lookup here
 * sees it from then on (test/jurisdiction-extension.test.ts).
 */
import { z } from "zod";

export interface JurisdictionNames {
  jurisdiction: string;
  /** the citation prefix of its policy: zj2018 */
  policy: string;
  /** 「浙江省」 */
  label: string;
  /** 「省级」: the level of government, where policies are compared */
  level: string;
  /** the letters application numbers start with (ZJ-2026-0001) */
  numberPrefix: string;
  /** words that name it in a chat message (「浙江」「省级」); the first is how a choice is typed */
  aliases: readonly string[];
  /** places inside it that also answer 「您要申报哪里的示范区？」 (杭州, 张店) */
  places: readonly string[];
  /**
   * How a question names it, as regular-expression sources (「省里」「本市」, its
   * cities, its offices); the question answerer (src/answer/detect-jurisdiction.ts)
   * matches them in registration order. Its `level` with a policy word after it
   * (「省级示范区」) is matched there too, so it is not repeated here.
   */
  mentions: readonly string[];
  /** the policy's title, short name and issuer (README, the policy table) */
  title: string;
  shortName: string;
  issuer: string;
  /** date of the issuing notice, where the text carries one */
  issued?: string;
  /** how the policy's text numbers things, where it differs from 第X条（Y） */
  citations?: {
    /** 「zb2020:1」 names the untitled opening paragraph (article 0, 「zb2020:preamble」) */
    articleOneIsPreamble?: boolean;
    /** articles whose items are numbered 1．2．3． (cited as 第七条第2项) */
    arabicItemArticles?: readonly number[];
  };
}

const BUILT_IN = {
  zhejiang: {
    jurisdiction: "zhejiang",
    policy: "zj2018",
    label: "浙江省",
    level: "省级",
    numberPrefix: "ZJ",
    aliases: ["浙江", "浙江省", "省级"],
    places: ["杭州", "宁波", "温州", "嘉兴", "湖州", "绍兴", "金华", "衢州", "舟山", "台州", "丽水"],
    // Its cities (and 设区市, the provincial measures' word for them) count as Zhejiang: the measures apply there.
    mentions: ["浙江", "省里", "全省", "我省", "本省", "省内", "省知识产权局", "省局", "杭州", "宁波", "温州", "嘉兴", "湖州", "绍兴", "金华", "衢州", "舟山", "台州", "丽水", "义乌", "设区市"],
    title: "浙江省知识产权服务业集聚发展示范区管理办法（试行）",
    shortName: "浙江省管理办法",
    issuer: "浙江省知识产权局",
  },
  zibo: {
    jurisdiction: "zibo",
    policy: "zb2020",
    label: "淄博市",
    level: "市级",
    numberPrefix: "ZB",
    aliases: ["淄博", "淄博市", "市级"],
    places: ["山东", "张店", "淄川", "博山", "周村", "临淄", "桓台", "高青", "沂源"],
    // Its districts and counties count as Zibo; 山东 alone does not (another Shandong city is not Zibo).
    mentions: ["淄博", "本市", "我市", "市里", "市知识产权事业发展中心", "区县", "张店", "淄川", "博山", "临淄", "周村", "桓台", "高青", "沂源"],
    title: "淄博市知识产权服务业集聚发展示范区建设方案（试行）",
    shortName: "淄博市建设方案",
    issuer: "淄博市知识产权事业发展中心",
    // the issuing notice is signed 2020年8月25日
    issued: "2020-08-25",
    citations: { articleOneIsPreamble: true, arabicItemArticles: [7, 8] },
  },
} as const satisfies Record<string, JurisdictionNames>;

/** The jurisdictions the code is compiled with; one registered at run time is cast to it. */
export type Jurisdiction = keyof typeof BUILT_IN;
export type PolicyId = (typeof BUILT_IN)[Jurisdiction]["policy"];

const NAMES = new Map<string, JurisdictionNames>(Object.values(BUILT_IN).map((n) => [n.jurisdiction, n]));

/** Every jurisdiction, in registration order (a live list: registering one appends it). */
export const JURISDICTIONS: Jurisdiction[] = [...NAMES.keys()] as Jurisdiction[];
/** Every policy, in the order of JURISDICTIONS (live, like it). */
export const POLICY_IDS: PolicyId[] = JURISDICTIONS.map((j) => NAMES.get(j)!.policy as PolicyId);

/** Which policy governs a jurisdiction, and the other way round (live records). */
export const POLICY_OF = {} as Record<Jurisdiction, PolicyId>;
export const JURISDICTION_OF = {} as Record<PolicyId, Jurisdiction>;
/** 「浙江省」「淄博市」 */
export const JURISDICTION_LABELS = {} as Record<Jurisdiction, string>;
/** The letters application numbers start with (ZJ-2026-0001). */
export const APPLICATION_NUMBER_PREFIX = {} as Record<Jurisdiction, string>;

function index(n: JurisdictionNames): void {
  const j = n.jurisdiction as Jurisdiction;
  const p = n.policy as PolicyId;
  POLICY_OF[j] = p;
  JURISDICTION_OF[p] = j;
  JURISDICTION_LABELS[j] = n.label;
  APPLICATION_NUMBER_PREFIX[j] = n.numberPrefix;
}
for (const n of NAMES.values()) index(n);

/** Adds a jurisdiction's names; registering the same entry again changes nothing. */
export function registerJurisdictionNames(n: JurisdictionNames): void {
  const known = NAMES.get(n.jurisdiction);
  if (known === n) return;
  if (known || (JURISDICTION_OF as Record<string, string>)[n.policy]) {
    throw new Error(`地区 ${n.jurisdiction} 或政策 ${n.policy} 已登记`);
  }
  if (!/^[a-z][a-z0-9-]*$/.test(n.jurisdiction) || !/^[a-z]+\d+$/.test(n.policy)) {
    throw new Error(`地区标识 ${n.jurisdiction} 应为小写字母，政策标识 ${n.policy} 应为小写字母加数字（如 zj2018）`);
  }
  NAMES.set(n.jurisdiction, n);
  JURISDICTIONS.push(n.jurisdiction as Jurisdiction);
  POLICY_IDS.push(n.policy as PolicyId);
  index(n);
}

/**
 * Whether a word is a place inside one of the jurisdictions (杭州, 杭州市, 张店区): a place that is
 * also one of its mentions (山东 is not: another Shandong city is not Zibo). Told as where the asker
 * is (「园区在杭州」), it says which text applies; as the subject of a scheme (「杭州市的补贴」) it is not.
 */
export function isPlaceWithin(word: string): boolean {
  const bare = word.length > 2 ? word.replace(/[市区县]$/u, "") : word;
  for (const n of NAMES.values()) if (n.places.includes(bare) && n.mentions.includes(bare)) return true;
  return false;
}

export function isJurisdiction(v: unknown): v is Jurisdiction {
  return typeof v === "string" && NAMES.has(v);
}

export function isPolicyId(v: unknown): v is PolicyId {
  return typeof v === "string" && v in JURISDICTION_OF;
}

export function jurisdictionNames(j: Jurisdiction): JurisdictionNames {
  const n = NAMES.get(j);
  if (!n) throw new Error(`未登记的地区：${j}`);
  return n;
}

/** The names of the jurisdiction a policy belongs to. */
export function policyNames(p: PolicyId): JurisdictionNames {
  return jurisdictionNames(JURISDICTION_OF[p]);
}

const oneOf = (ids: readonly string[]) => `应为以下之一：${ids.map((j) => (NAMES.has(j) ? `${j}（${NAMES.get(j)!.label}）` : j)).join("、")}`;

/** A registered jurisdiction id; the message lists the ones registered when it fails. */
export const jurisdictionSchema: z.ZodType<Jurisdiction, Jurisdiction> = z.string().check((ctx) => {
  if (!NAMES.has(ctx.value)) ctx.issues.push({ code: "custom", input: ctx.value, message: oneOf(JURISDICTIONS) });
}) as unknown as z.ZodType<Jurisdiction, Jurisdiction>;

export const policyIdSchema: z.ZodType<PolicyId, PolicyId> = z.string().check((ctx) => {
  if (!isPolicyId(ctx.value)) ctx.issues.push({ code: "custom", input: ctx.value, message: `应为以下之一：${POLICY_IDS.join("、")}` });
}) as unknown as z.ZodType<PolicyId, PolicyId>;

/** 「浙江省（省级）」: the name with the level of government, where both policies are compared. */
export function jurisdictionWithLevel(j: Jurisdiction): string {
  const n = jurisdictionNames(j);
  return `${n.label}（${n.level}）`;
}

/** The jurisdictions a text names by one of their aliases (「浙江」「市级」), in registration order. */
export function jurisdictionsNamedIn(text: string): Jurisdiction[] {
  return JURISDICTIONS.filter((j) => jurisdictionNames(j).aliases.some((a) => text.includes(a)));
}
