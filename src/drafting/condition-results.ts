/**
 * The rule results (CheckResult from src/rules) as document text: the
 * condition-by-condition table the application form and the pre-check report
 * both print, and the verdict in words.
 *
 * The 说明 column states the evidence given — the fact, the number against
 * the parameter, the document that proves it — not the condition again.
 */
import { AREA_TYPE_LABELS, CARRIER_TYPE_LABELS, factLabel, joinLabels, OWNERSHIP_LABELS, SERVICE_LABELS } from "../rules/labels.ts";
import { jurisdictionModule } from "../rules/jurisdiction-registry.ts";
import type { CheckResult, ConditionResult, ConditionStatus, Verdict } from "../rules/rule-result.types.ts";
import type { ZoneProfile } from "../rules/zone-profile.schema.ts";
import { formatClause } from "../knowledge/citation.ts";
import { table, text, type Block, type Span } from "./document-model.ts";
import type { JurisdictionTemplate } from "./jurisdiction-templates.ts";
import type { PolicyFigures } from "./policy-figures.ts";
import { figureText } from "./profile-facts.ts";

/** Short enough for a narrow 结果 column; the 说明 says what is missing. */
export const CONDITION_STATUS_LABELS: Record<ConditionStatus, string> = {
  met: "符合",
  "not-met": "不符合",
  unknown: "待确认",
};

export const VERDICT_LABELS: Record<Verdict, string> = {
  eligible: "符合申报条件",
  "not-eligible": "暂不符合申报条件",
  "needs-review": "信息不全，补充后复核",
};

/** A fact's label in this jurisdiction's words (Zibo's 服务点（机构）, Zhejiang's 服务机构). */
export function documentFactLabel(path: string, t: JurisdictionTemplate): string {
  if (path === "zone.serviceInstitutions") return `${t.terms.institutions.replace(/^(现有|已有)/, "")}数量（家）`;
  if (path.startsWith("county.")) return factLabel(path).replace(/^所在区县/, t.terms.county);
  return factLabel(path);
}

export interface EvidenceContext {
  profile: ZoneProfile;
  template: JurisdictionTemplate;
  figures: PolicyFigures;
}

function servicesEvidence(services: readonly string[], ctx: EvidenceContext): string {
  const have = new Set(services);
  const parts = ctx.figures.serviceGroups.map((g) => {
    const lacking = g.services.filter((s) => !have.has(s));
    const covered = g.services.length - lacking.length;
    const head = ctx.figures.serviceGroups.length > 1 ? `${g.title}` : `${formatClause(ctx.template.clauses.institutions)}所列服务`;
    return `${head}${covered}/${g.services.length}${lacking.length ? `，尚缺${joinLabels(lacking, SERVICE_LABELS)}` : ""}`;
  });
  return `${parts.join("；")}（见服务覆盖表）`;
}

/** One fact as evidence: what was given, with the parameter it is measured against. */
function factEvidence(path: string, ctx: EvidenceContext): string | undefined {
  const p = ctx.profile;
  const f = ctx.figures;
  switch (path) {
    case "carrier.type":
      return p.carrier?.type && `载体类型：${CARRIER_TYPE_LABELS[p.carrier.type]}`;
    case "carrier.ownership":
      return p.carrier?.ownership && `单位性质：${OWNERSHIP_LABELS[p.carrier.ownership]}`;
    case "zone.areaType":
      return p.zone?.areaType && `所在区域：${AREA_TYPE_LABELS[p.zone.areaType]}`;
    case "zone.serviceInstitutions":
      return p.zone?.serviceInstitutions !== undefined
        ? `${ctx.template.terms.institutions}${figureText(p.zone.serviceInstitutions, "家")}（要求${f.minServiceInstitutions}家以上）`
        : undefined;
    case "zone.coreAreaSqm":
      return p.zone?.coreAreaSqm !== undefined
        ? `核心区面积${figureText(p.zone.coreAreaSqm, "平方米")}${f.minCoreAreaSqm !== undefined ? `（要求不少于${f.minCoreAreaSqm}平方米）` : ""}`
        : undefined;
    case "zone.services":
      return p.zone?.services && servicesEvidence(p.zone.services, ctx);
    case "zone.industryAdvantage":
      return p.zone?.industryAdvantage === undefined
        ? undefined
        : p.zone.industryAdvantage
          ? "申报单位填报区域产业优势明显，已聚集创新型企业和骨干龙头企业"
          : "申报单位填报区域产业优势尚不明显";
    case "zone.ipManagementSystem":
      return p.zone?.ipManagementSystem === undefined
        ? undefined
        : p.zone.ipManagementSystem
          ? "申报单位填报已建立知识产权管理制度"
          : "申报单位填报知识产权管理制度尚不完善";
    case "county.managementMechanism":
      return p.county?.managementMechanism === undefined ? undefined : `知识产权管理机制：${p.county.managementMechanism ? "已建立" : "尚未健全"}`;
    case "county.developmentPlan":
      return p.county?.developmentPlan === undefined ? undefined : `服务业发展规划：${p.county.developmentPlan ? "已制定" : "尚未制定"}`;
    case "county.supportPolicies":
      return p.county?.supportPolicies === undefined ? undefined : `扶持政策：${p.county.supportPolicies ? "已出台" : "尚未出台"}`;
    default:
      return undefined;
  }
}

/** The facts a condition reads, in the order its tests read them. */
function conditionFacts(c: ConditionResult, jurisdiction: JurisdictionTemplate["jurisdiction"]): string[] {
  const rule = jurisdictionModule(jurisdiction).conditions.find((r) => r.id === c.id);
  return rule ? [...new Set(rule.tests.map((t) => t.fact.path))] : (c.missing ?? []);
}

/** 说明: the evidence given, the shortfall, what is still missing, the documents that prove it. */
export function conditionEvidence(c: ConditionResult, ctx: EvidenceContext): string {
  const facts = conditionFacts(c, ctx.template.jurisdiction);
  const given = facts.map((path) => factEvidence(path, ctx)).filter((e): e is string => Boolean(e));
  const parts: string[] = [];
  if (given.length) parts.push(given.join("；"));
  // Count and area shortfalls (「还差 2 家服务机构」); missing services are named in the evidence already.
  const gaps = (c.gap ?? "").split("；").filter((g) => g && !g.startsWith("缺少") && c.status === "not-met" && /\d/.test(g));
  if (gaps.length) parts.push(gaps.join("；"));
  const missing = facts.filter((path) => factEvidence(path, ctx) === undefined).map((path) => documentFactLabel(path, ctx.template));
  if (missing.length) parts.push(`尚未填报：${missing.join("；")}`);
  const proofs = ctx.template.attachments.filter((a) => a.proves === c.id).map((a) => a.name);
  if (proofs.length) parts.push(`证明材料：${proofs.join("；")}`);
  return `${parts.join("。")}。`;
}

/** 序号 | 条款 | 条件 | 结果 | 说明 — one row per condition, in the order the rules give. */
export function conditionTable(check: CheckResult, ctx: EvidenceContext): Block {
  const rows: Span[][][] = check.conditions.map((c, i) => [
    [text(String(i + 1))],
    [text(formatClause(c.id))],
    [text(c.label)],
    [text(CONDITION_STATUS_LABELS[c.status], c.status !== "met")],
    [text(conditionEvidence(c, ctx))],
  ]);
  return table([["序号", 1.3], ["条款", 2.1], ["条件", 4], ["结果", 1.6], ["说明", 7]], rows, true, { align: { 0: "center", 3: "center" } });
}

export function countByStatus(check: CheckResult): Record<ConditionStatus, number> {
  const counts: Record<ConditionStatus, number> = { met: 0, "not-met": 0, unknown: 0 };
  for (const c of check.conditions) counts[c.status]++;
  return counts;
}

/** 「共4项条件：符合3项，不符合0项，待确认1项」 */
export function statusSummary(check: CheckResult): string {
  const n = countByStatus(check);
  return `共${check.conditions.length}项条件：符合${n.met}项，不符合${n["not-met"]}项，待确认${n.unknown}项`;
}
