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
import { blank, placeholder, text, type Span } from "./document-model.ts";

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
  coreArea: "核心区面积",
  institutions: "知识产权服务机构数量",
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

/** A fact standing alone in a sentence: its text, or 【待补充：what】. */
export function str(value: string | undefined, what: string): Span[] {
  return value ? [text(value)] : [placeholder(what)];
}

/** A fact beside its label (a form cell, 「联系人：」): its text, or 【待补充】. */
export function field(value: string | undefined, what: string): Span[] {
  return value ? [text(value)] : [blank(what)];
}

/** A count or an area as the profile may give it: a number, or a range `{min, max}` when known only roughly. */
export type FactFigure = number | { min: number; max: number };

/** 「26家」, or 「20至25家」 for a range (公文 style: no separator, no space). */
export function figureText(value: FactFigure, unit: string): string {
  if (typeof value === "number") return `${value}${unit}`;
  return value.min === value.max ? `${value.min}${unit}` : `${value.min}至${value.max}${unit}`;
}

/** True when the figure is a range with two different ends. */
export function isRough(value: FactFigure | undefined): boolean {
  return value !== undefined && typeof value !== "number" && value.min !== value.max;
}

/**
 * A number with its unit — 「1680平方米」, or 「【待补充】平方米」 when unknown. A
 * range is printed as given and the exact figure left to fill in:
 * 「20至25家（确切数字【待补充】）」 — a form takes one number.
 */
export function num(value: FactFigure | undefined, unit: string, what: string): Span[] {
  if (value === undefined) return [blank(what, unit)];
  if (!isRough(value)) return [text(figureText(value, unit))];
  return [text(`${figureText(value, unit)}（确切数字`), blank(`${what}（确切数字）`), text("）")];
}

export interface Place {
  /** 设区市: 杭州市 */
  city?: string;
  /** 县（市、区）: 西湖区, 义乌市, 桓台县 */
  county?: string;
}

const PROVINCE = /^(?:[^省]{2,3}省|[^区]{2,8}自治区)/;

/**
 * The 设区市 and 县（市、区） an address names: 「浙江省杭州市西湖区云栖小镇…」 →
 * 杭州市, 西湖区. Only what the address spells out; a street address without
 * a 区/县 gives no county (and the form asks for it).
 */
export function placeFromAddress(address: string | undefined): Place {
  if (!address) return {};
  const rest = address.replace(/\s+/g, "").replace(PROVINCE, "");
  const m = /^([\u4e00-\u9fff]{2,6}?市)(?:([\u4e00-\u9fff]{1,6}?(?:区|县|市)))?/.exec(rest);
  if (!m) return {};
  return { city: m[1], ...(m[2] ? { county: m[2] } : {}) };
}

/** `labelled`: the cell or line already names the fact, so a missing one prints 【待补充】. */
export function carrierType(p: ZoneProfile, labelled = false): Span[] {
  const t = p.carrier?.type;
  return t ? [text(CARRIER_TYPE_LABELS[t])] : [labelled ? blank(FACT_PLACEHOLDERS.carrierType) : placeholder(FACT_PLACEHOLDERS.carrierType)];
}

export function ownership(p: ZoneProfile, labelled = false): Span[] {
  const o = p.carrier?.ownership;
  return o ? [text(OWNERSHIP_LABELS[o])] : [labelled ? blank(FACT_PLACEHOLDERS.ownership) : placeholder(FACT_PLACEHOLDERS.ownership)];
}

export function areaType(p: ZoneProfile, labelled = false): Span[] {
  const a = p.zone?.areaType;
  return a ? [text(AREA_TYPE_LABELS[a])] : [labelled ? blank(FACT_PLACEHOLDERS.areaType) : placeholder(FACT_PLACEHOLDERS.areaType)];
}

export function serviceList(services: readonly Service[]): string {
  return services.map((s) => SERVICE_LABELS[s]).join("、");
}

/** A yes/no fact beside its label, in the words of the form: 具备 / 不具备, or 【待补充】. */
export function yesNo(value: boolean | undefined, yes: string, no: string, what: string): Span[] {
  if (value === undefined) return [blank(what)];
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
