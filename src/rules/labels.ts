/**
 * Chinese labels for every enum value of the zone profile and the agency input
 * (docs/input-formats.md lists the values), and for the profile facts the rules read. One table
 * per enum; chat, drafting and the error formatter all read from here.
 *
 * @example enumLabel("incubator") // "科技企业孵化器"
 */
import type { AreaType, CarrierType, Ownership, Service } from "./zone-profile.schema.ts";
import type { CustodyMode } from "./agency-input.schema.ts";
import { JURISDICTION_LABELS } from "../knowledge/jurisdictions.ts";

export const CARRIER_TYPE_LABELS: Record<CarrierType, string> = {
  "sci-tech-service-center": "科创服务中心",
  incubator: "科技企业孵化器",
  "maker-space": "众创空间",
  "tech-market": "科技大市场",
  "university-science-park": "大学科技园",
  "tech-transfer-agency": "技术转移服务机构",
  other: "其他载体",
};

export const OWNERSHIP_LABELS: Record<Ownership, string> = {
  "state-owned": "国有",
  private: "民营",
  other: "其他性质",
};

export const AREA_TYPE_LABELS: Record<AreaType, string> = {
  "high-tech-park": "高新园区",
  "science-city": "科技城",
  "characteristic-town": "高新技术特色小镇",
  "innovation-park": "创新创业园区",
  "demonstration-zone": "示范区",
  "development-zone": "经济（技术）开发区",
  other: "其他区域",
};

/** Words as the policies use them (zj2018 第六条（三）, zb2020 第五条（三）). */
export const SERVICE_LABELS: Record<Service, string> = {
  patent: "专利",
  trademark: "商标",
  copyright: "版权",
  agency: "代理",
  legal: "法律",
  information: "信息",
  commercialization: "商用化",
  consulting: "咨询",
  training: "培训",
  "geographical-indication": "地理标志",
  "plant-variety": "植物新品种",
  "patent-search-analysis": "专利检索分析",
  "navigation-warning": "导航预警",
  evaluation: "评议评估",
  "pledge-financing": "质押融资",
  transfer: "转移转化",
  custody: "托管",
};

export const CUSTODY_MODE_LABELS: Record<CustodyMode, string> = {
  full: "完全式",
  advisory: "顾问式",
  single: "单项式",
};

export const WON_CASE_KIND_LABELS: Record<"foreign" | "major" | "other", string> = {
  foreign: "涉外",
  major: "具有重大影响",
  other: "其他",
};

export const CLIENT_PROGRAM_LABELS: Record<"zeroing" | "doubling", string> = {
  zeroing: "专利清零",
  doubling: "专利倍增",
};

export { JURISDICTION_LABELS } from "../knowledge/jurisdictions.ts";

const ENUM_TABLES: Record<string, string>[] = [
  CARRIER_TYPE_LABELS,
  OWNERSHIP_LABELS,
  AREA_TYPE_LABELS,
  SERVICE_LABELS,
  CUSTODY_MODE_LABELS,
  WON_CASE_KIND_LABELS,
  CLIENT_PROGRAM_LABELS,
  JURISDICTION_LABELS,
];

/**
 * The label table whose keys are exactly these enum values (so `other` reads
 * 其他载体 for carriers and 其他区域 for areas).
 */
export function labelsForOptions(options: readonly string[]): Record<string, string> | undefined {
  const wanted = [...options].sort().join("|");
  return ENUM_TABLES.find((t) => Object.keys(t).sort().join("|") === wanted);
}

/** Label of one value; the first table that knows it, else the value itself. */
export function enumLabel(value: string): string {
  for (const t of ENUM_TABLES) if (Object.hasOwn(t, value)) return t[value]!;
  return value;
}

/** 「专利、商标、版权」 */
export function joinLabels(values: readonly string[], table?: Record<string, string>): string {
  return values.map((v) => table?.[v] ?? enumLabel(v)).join("、");
}

/**
 * What each input fact means, in the words an applicant would be asked.
 * Keys are dotted paths into the zone profile or the agency input.
 */
export const FACT_LABELS: Record<string, string> = {
  jurisdiction: "申报地区",
  asOf: "评估日期",
  "carrier.type": "依托单位的载体类型",
  "carrier.ownership": "依托单位的性质（国有/民营）",
  "zone.name": "示范区名称",
  "zone.areaType": "示范区所在区域类型",
  "zone.coreAreaSqm": "核心区面积（平方米）",
  "zone.serviceInstitutions": "现有知识产权服务机构（服务点）数量（家）",
  "zone.services": "区内能保障的知识产权服务",
  "zone.industryAdvantage": "所在区域产业优势是否明显、是否聚集一批创新型企业和骨干龙头企业",
  "zone.ipManagementSystem": "是否具有较为完善的知识产权管理制度",
  "county.managementMechanism": "所在区县是否具备比较健全的知识产权管理机制",
  "county.developmentPlan": "所在区县是否有明确的知识产权服务业发展规划",
  "county.supportPolicies": "所在区县是否有保障知识产权服务业发展的扶持政策",
  year: "测算年度",
  "agency.inZone": "机构是否在示范区内",
  "agency.patentAgencyQualified": "机构是否具有专利代理资质",
  pledgeLoans: "本年度完成的政银保专利权保险质押贷款（项）",
  securitizations: "本年度完成的知识产权证券化（项）",
  "custody.modes": "提供的专利托管方式",
  "custody.certifiedOutstanding": "托管工作是否经市知识产权事业发展中心认定成绩显著",
  newPatentAttorneys: "本年度新获国家专利代理师证书的人数",
  "brand.national": "是否创国家级示范品牌或重点资质",
  "brand.provincial": "是否创省级示范品牌或重点资质",
  "brand.afterJoiningZone": "品牌或资质是否在进驻示范区后取得",
  wonCases: "本年度为企业代理胜诉的专利案件",
  "wonCases[].enterpriseInZone": "胜诉案件的企业是否在示范区内",
  "wonCases[].kind": "胜诉案件的类型（涉外/具有重大影响/其他）",
  inventionGrants: "本年度代理的本市发明专利授权数量（件）",
  abnormalApplications: "是否有（恶意）非正常申请",
  clients: "参加「专利清零」「专利倍增」的服务企业",
  "clients[].name": "企业名称",
  "clients[].program": "企业参加的行动（专利清零/专利倍增）",
  "clients[].inventionGrants": "为该企业代理的发明专利授权数量（件）",
};

/** Label of a fact path; array indexes are ignored (`clients[2].name` → 企业名称). */
export function factLabel(path: string): string {
  return FACT_LABELS[path] ?? FACT_LABELS[path.replace(/\[\d+\]/g, "[]")] ?? path;
}

/** Values of the reading parameters of 第九条 (knowledge/rules/zb2020.params.json), in words. */
export const READING_LABELS: Record<string, string> = {
  "higher-only": "只计金额较高的一档",
  both: "两档都计",
  independent: "证券化与质押贷款各自计算",
  "requires-pledge-loan": "证券化以当年有质押贷款为前提",
  "per-item": "每一项每年一次，各项可同时享受",
  "per-agency": "每个机构每年只享受一项",
};
