/**
 * Profile facts as document text. A fact the profile leaves out is unknown
 * (docs/input-formats.md), so it becomes a 【待补充】 placeholder named after the fact —
 * never a guess, and never "否".
 */
import {
  AREA_TYPE_LABELS,
  CARRIER_TYPE_LABELS,
  OWNERSHIP_LABELS,
  SERVICE_LABELS,
} from "../rules/labels.ts";
import type { Service, ZoneProfile } from "../rules/zone-profile.schema.ts";
import { placeholder, text, type Span } from "./document-model.ts";

/** Placeholder names for the facts a profile can carry (short, as a form row reads). */
export const FACT_PLACEHOLDERS = {
  applicantName: "申报单位名称",
  creditCode: "统一社会信用代码",
  contactName: "联系人",
  contactPhone: "联系电话",
  address: "单位地址",
  carrierType: "载体类型",
  ownership: "单位性质（国有/民营）",
  zoneName: "示范区名称",
  areaType: "所在区域类型",
  coreArea: "核心区面积（平方米）",
  institutions: "现有知识产权服务机构数量（家）",
  services: "区内已能提供的知识产权服务",
  industryAdvantage: "所在区域产业优势情况",
  ipManagementSystem: "知识产权管理制度情况",
  countyMechanism: "区县知识产权管理机制情况",
  countyPlan: "区县知识产权服务业发展规划",
  countyPolicies: "区县知识产权服务业扶持政策",
} as const;

export function applicantName(p: ZoneProfile): Span[] {
  return str(p.applicant?.name, FACT_PLACEHOLDERS.applicantName);
}

export function zoneName(p: ZoneProfile): Span[] {
  return str(p.zone?.name, FACT_PLACEHOLDERS.zoneName);
}

export function str(value: string | undefined, what: string): Span[] {
  return value ? [text(value)] : [placeholder(what)];
}

export function num(value: number | undefined, unit: string, what: string): Span[] {
  // 公文 style: 1680平方米, no thousands separator, no space before the unit.
  return value === undefined ? [placeholder(what)] : [text(`${value}${unit}`)];
}

export function carrierType(p: ZoneProfile): Span[] {
  const t = p.carrier?.type;
  return t ? [text(CARRIER_TYPE_LABELS[t])] : [placeholder(FACT_PLACEHOLDERS.carrierType)];
}

export function ownership(p: ZoneProfile): Span[] {
  const o = p.carrier?.ownership;
  return o ? [text(OWNERSHIP_LABELS[o])] : [placeholder(FACT_PLACEHOLDERS.ownership)];
}

export function areaType(p: ZoneProfile): Span[] {
  const a = p.zone?.areaType;
  return a ? [text(AREA_TYPE_LABELS[a])] : [placeholder(FACT_PLACEHOLDERS.areaType)];
}

export function serviceList(services: readonly Service[]): string {
  return services.map((s) => SERVICE_LABELS[s]).join("、");
}

/** A yes/no fact in the words of the form: 具备 / 不具备, or a placeholder. */
export function yesNo(value: boolean | undefined, yes: string, no: string, what: string): Span[] {
  if (value === undefined) return [placeholder(what)];
  return [text(value ? yes : no)];
}

/** Coverage of the services a condition requires: which are in, which are not (undefined = unknown). */
export function serviceCoverage(p: ZoneProfile, required: readonly Service[]): { covered: Service[]; lacking: Service[] } | undefined {
  const offered = p.zone?.services;
  if (!offered) return undefined;
  return {
    covered: required.filter((s) => offered.includes(s)),
    lacking: required.filter((s) => !offered.includes(s)),
  };
}
