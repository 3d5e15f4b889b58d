/**
 * Options of the fixed-choice questions. Ids are the enum values of the zod
 * schemas in src/rules, so a pressed button and a typed answer store the same
 * value; labels are what people read; aliases are what people type.
 */
import type { ChoiceSpec } from "./parsers/parse-choice.ts";
import { JURISDICTIONS, jurisdictionNames } from "../knowledge/jurisdictions.ts";
import type { AreaType, CarrierType, Jurisdiction, Ownership, Service } from "../rules/zone-profile.schema.ts";
import type { CustodyMode } from "../rules/agency-input.schema.ts";

type Spec<Id extends string> = ChoiceSpec & { id: Id };

/** One choice per registered jurisdiction: 「浙江省（省级示范区）」, typed as its aliases or a place in it. */
export function jurisdictionOptions(): readonly Spec<Jurisdiction>[] {
  return JURISDICTIONS.map((j) => {
    const n = jurisdictionNames(j);
    return { id: j, label: `${n.label}（${n.level}示范区）`, aliases: [...n.aliases, ...n.places] };
  });
}

export const CARRIER_TYPE_OPTIONS: readonly Spec<CarrierType>[] = [
  { id: "sci-tech-service-center", label: "科创服务中心", aliases: ["科创中心", "科技服务中心", "科技创新服务中心"] },
  { id: "incubator", label: "科技企业孵化器", aliases: ["孵化器", "企业孵化器", "孵化园", "孵化基地"] },
  { id: "maker-space", label: "众创空间", aliases: ["众创", "创客空间"] },
  { id: "tech-market", label: "科技大市场", aliases: ["技术市场", "科技市场", "技术交易市场"] },
  { id: "university-science-park", label: "大学科技园", aliases: ["大学科技园区", "高校科技园"] },
  { id: "tech-transfer-agency", label: "技术转移服务机构", aliases: ["技术转移机构", "技术转移中心", "技术转移"] },
  { id: "other", label: "其他", aliases: ["其它", "都不是", "以上都不是"] },
];

export const OWNERSHIP_OPTIONS: readonly Spec<Ownership>[] = [
  { id: "state-owned", label: "国有", aliases: ["国企", "国有企业", "国资", "国有控股", "国营"] },
  { id: "private", label: "民营", aliases: ["民企", "民营企业", "私营", "私企", "民办"] },
  { id: "other", label: "其他（外资、合资、混合所有制等）", aliases: ["其他", "其它", "外资", "合资", "混合所有制", "中外合资"] },
];

export const AREA_TYPE_OPTIONS: readonly Spec<AreaType>[] = [
  { id: "high-tech-park", label: "高新园区", aliases: ["高新区", "高新技术产业开发区", "高新技术园区", "高新园"] },
  { id: "science-city", label: "科技城" },
  { id: "characteristic-town", label: "高新技术特色小镇", aliases: ["特色小镇", "小镇"] },
  { id: "innovation-park", label: "创新创业园区", aliases: ["双创园区", "创业园", "创新园", "创业园区", "双创基地"] },
  { id: "demonstration-zone", label: "示范区", aliases: ["自主创新示范区", "自创区"] },
  { id: "development-zone", label: "经济（技术）开发区", aliases: ["经济开发区", "经济技术开发区", "经开区", "开发区"] },
  { id: "other", label: "其他", aliases: ["其它", "都不是", "以上都不是"] },
];

const SERVICE_LABELS: Record<Service, ChoiceSpec> = {
  patent: { id: "patent", label: "专利" },
  trademark: { id: "trademark", label: "商标" },
  copyright: { id: "copyright", label: "版权", aliases: ["著作权"] },
  agency: { id: "agency", label: "代理", aliases: ["代理服务"] },
  legal: { id: "legal", label: "法律", aliases: ["法律服务", "维权", "诉讼"] },
  information: { id: "information", label: "信息", aliases: ["信息服务", "信息利用"] },
  commercialization: { id: "commercialization", label: "商用化", aliases: ["商用化服务", "商业化", "运营"] },
  consulting: { id: "consulting", label: "咨询", aliases: ["咨询服务"] },
  training: { id: "training", label: "培训", aliases: ["培训服务"] },
  "geographical-indication": { id: "geographical-indication", label: "地理标志", aliases: ["地理标识", "地标"] },
  "plant-variety": { id: "plant-variety", label: "植物新品种", aliases: ["新品种"] },
  "patent-search-analysis": { id: "patent-search-analysis", label: "专利检索分析", aliases: ["检索分析", "专利检索", "检索"] },
  "navigation-warning": { id: "navigation-warning", label: "导航预警", aliases: ["专利导航", "导航", "预警"] },
  evaluation: { id: "evaluation", label: "评议评估", aliases: ["评议", "评估", "价值评估"] },
  "pledge-financing": { id: "pledge-financing", label: "质押融资", aliases: ["质押", "融资"] },
  transfer: { id: "transfer", label: "转移转化", aliases: ["转移", "转化", "成果转化"] },
  custody: { id: "custody", label: "托管", aliases: ["知识产权托管", "专利托管"] },
};

/**
 * Only the services a jurisdiction's rules read, in the order of its params
 * file (Zhejiang 第六条（三）, Zibo 第五条（三）). Asking about the others would ask
 * more than the rules read.
 */
export function serviceOptions(services: readonly string[]): readonly ChoiceSpec[] {
  return services.flatMap((s) => (s in SERVICE_LABELS ? [SERVICE_LABELS[s as Service]] : []));
}

export const CUSTODY_MODE_OPTIONS: readonly Spec<CustodyMode>[] = [
  { id: "full", label: "完全式托管（全部专利事务整包）", aliases: ["完全式", "完全", "整包", "全包"] },
  { id: "advisory", label: "顾问式托管（咨询性专利事务）", aliases: ["顾问式", "顾问"] },
  { id: "single", label: "单项式托管（单项或几项专利事务）", aliases: ["单项式", "单项"] },
];

/** Buttons of every yes/no question; typed answers go through parse-yes-no.ts. */
export const YES_NO_OPTIONS: readonly ChoiceSpec[] = [
  { id: "yes", label: "是" },
  { id: "no", label: "否" },
];
