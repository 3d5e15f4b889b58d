/**
 * Citation ids (`zb2020:9.5`) and how people read them
 * (《淄博市知识产权服务业集聚发展示范区建设方案（试行）》第九条（五）). See docs/citation-ids.md.
 */
import { POLICIES } from "./policy-catalog.ts";
import { isPolicyId, policyNames, type PolicyId } from "./jurisdictions.ts";

export interface Citation {
  doc: PolicyId;
  /** 0 = an untitled opening paragraph (zb2020:preamble, also cited as zb2020:1) */
  article: number;
  item?: number;
}

const CITATION = /^([a-z]+\d+):(\d+|preamble)(?:\.(\d+))?$/;

export function parseCitation(id: string): Citation | undefined {
  const m = CITATION.exec(id.trim());
  if (!m || !isPolicyId(m[1])) return undefined;
  const article = m[2] === "preamble" ? 0 : Number(m[2]);
  return { doc: m[1] as PolicyId, article, item: m[3] ? Number(m[3]) : undefined };
}

/** The article-level id of a citation: `zj2018:6.3` → `zj2018:6`. */
export function articleOf(id: string): string {
  const c = parseCitation(id);
  if (!c) return id;
  return c.article === 0 ? `${c.doc}:preamble` : `${c.doc}:${c.article}`;
}

/** docs/citation-ids.md: equal, or one is the article of the other (zj2018:6.3 matches zj2018:6). */
export function citationsMatch(a: string, b: string): boolean {
  const na = normalizeCitation(a);
  const nb = normalizeCitation(b);
  return na === nb || articleOf(na) === nb || articleOf(nb) === na;
}

/** zb2020:1 and zb2020:preamble name the same piece (a policy whose names say `articleOneIsPreamble`). */
export function normalizeCitation(id: string): string {
  const trimmed = id.trim();
  const m = /^([a-z]+\d+):1(?=$|\.)/.exec(trimmed);
  if (!m || !isPolicyId(m[1]) || !policyNames(m[1]).citations?.articleOneIsPreamble) return trimmed;
  return `${m[1]}:preamble${trimmed.slice(m[0].length)}`;
}

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 18 → 十八, 20 → 二十, 35 → 三十五 (enough for article and item numbers). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ""}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ""}`;
  return String(n);
}

/** 第九条（五）, 第七条第2项 (articles whose items are numbered 1．2．3．, jurisdictions.ts), or 开头部分. */
export function formatClause(id: string): string {
  const c = parseCitation(normalizeCitation(id));
  if (!c) return id;
  if (c.article === 0) return "印发通知及开头部分";
  const article = `第${chineseNumber(c.article)}条`;
  if (c.item === undefined) return article;
  const arabicItems = policyNames(c.doc).citations?.arabicItemArticles?.includes(c.article) ?? false;
  return arabicItems ? `${article}第${c.item}项` : `${article}（${chineseNumber(c.item)}）`;
}

/** 《浙江省…管理办法（试行）》第六条（三） */
export function formatCitation(id: string): string {
  const c = parseCitation(normalizeCitation(id));
  if (!c) return id;
  return `《${POLICIES[c.doc].title}》${formatClause(id)}`;
}
