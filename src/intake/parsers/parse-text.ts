/**
 * Free-text facts (organisation name, person name, address). Only length and
 * shape are checked: a name is not a number, an address has some substance.
 */
import { normalizeInput } from "./normalize-input.ts";
import { fail, ok, type ParseResult } from "./parse-result.ts";

export interface TextRule {
  /** what is being asked, for messages: "单位全称" */
  what: string;
  min: number;
  max: number;
  example: string;
  /** refuse digits (person names) */
  noDigits?: boolean;
}

export function parseText(raw: string, rule: TextRule): ParseResult<string> {
  const text = normalizeInput(raw).replace(/^[「“"'《]+|[」”"'》。.]+$/gu, "").trim();
  const length = [...text].length;
  if (length < rule.min) return fail(`${rule.what}至少 ${rule.min} 个字`, rule.example);
  if (length > rule.max) return fail(`${rule.what}不超过 ${rule.max} 个字`, rule.example);
  if (!/\p{L}/u.test(text)) return fail(`${rule.what}应包含文字`, rule.example);
  if (rule.noDigits && /\d/.test(text)) return fail(`${rule.what}不应包含数字`, rule.example);
  return ok(text);
}

export const ORG_NAME: TextRule = { what: "单位全称", min: 4, max: 100, example: "杭州某某科技园发展有限公司" };
export const PERSON_NAME: TextRule = { what: "联系人姓名", min: 2, max: 30, example: "张三", noDigits: true };
export const ADDRESS: TextRule = { what: "通讯地址", min: 6, max: 200, example: "淄博市张店区某某路 1 号" };
export const ZONE_NAME: TextRule = { what: "示范区名称", min: 4, max: 100, example: "某某知识产权服务业集聚发展示范区" };
