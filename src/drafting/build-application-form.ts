/**
 * The application form (申报书): zj2018:9.2 《浙江省…建设申报书》 or
 * zb2020:8.1 《淄博市…申报书》. Pure: (profile, check, now) → DocModel.
 */
import { articleOf, formatCitation, formatClause } from "../knowledge/citation.ts";
import type { CheckResult } from "../rules/rule-result.types.ts";
import type { ZoneProfile } from "../rules/zone-profile.schema.ts";
import { SERVICE_LABELS } from "../rules/labels.ts";
import { formatChineseDate, formatIsoDateChinese, isoDateInChina } from "./chinese-date.ts";
import { conditionTable, VERDICT_LABELS } from "./condition-results.ts";
import {
  createDocModel,
  fieldTable,
  paragraph,
  placeholder,
  section,
  table,
  text,
  type Block,
  type DocModel,
  type Span,
} from "./document-model.ts";
import { requiredServices, templateFor, type JurisdictionTemplate } from "./jurisdiction-templates.ts";
import * as f from "./profile-facts.ts";

export const APPLICATION_FORM_NAMES = { name: "申报书", asciiName: "application-form" } as const;

/** Words shared by the form and the plan so both describe the zone alike. */
export function industryParagraph(p: ZoneProfile, t: JurisdictionTemplate): Span[] {
  const v = p.zone?.industryAdvantage;
  if (v === undefined) return [placeholder(f.FACT_PLACEHOLDERS.industryAdvantage)];
  return [
    text(
      v
        ? "所在区域产业优势明显，聚集一批创新型企业和骨干龙头企业，创新主体对知识产权服务有较强需求和较高要求。"
        : `据申报单位填报，所在区域尚未形成${formatClause(t.clauses.industry)}所述的产业优势。`,
    ),
  ];
}

export function industryDetails(): Span[] {
  return [text("主导产业及创新主体情况："), placeholder("主导产业、创新型企业和骨干龙头企业名单及数量")];
}

export function managementParagraph(p: ZoneProfile): Span[] {
  const v = p.zone?.ipManagementSystem;
  if (v === undefined) return [placeholder(f.FACT_PLACEHOLDERS.ipManagementSystem)];
  return [
    text(
      v
        ? "已建立较为完善的知识产权管理制度，具有保障知识产权服务业发展的条件资源。"
        : "据申报单位填报，尚未建立较为完善的知识产权管理制度。",
    ),
  ];
}

/** Zibo 第五条（一）: the county's mechanism, plan and policies, one row each. */
export function countyRows(p: ZoneProfile): [string, Span[]][] {
  const c = p.county;
  return [
    ["知识产权管理机制", f.yesNo(c?.managementMechanism, "具备比较健全的知识产权管理机制", "尚不具备比较健全的知识产权管理机制", f.FACT_PLACEHOLDERS.countyMechanism)],
    ["知识产权服务业发展规划", f.yesNo(c?.developmentPlan, "有明确的知识产权服务业发展规划", "尚无明确的知识产权服务业发展规划", f.FACT_PLACEHOLDERS.countyPlan)],
    ["知识产权服务业扶持政策", f.yesNo(c?.supportPolicies, "有保障知识产权服务业发展的扶持政策", "尚无保障知识产权服务业发展的扶持政策", f.FACT_PLACEHOLDERS.countyPolicies)],
  ];
}

function cover(p: ZoneProfile, t: JurisdictionTemplate, now: Date): Block[] {
  const line = (label: string, value: Span[]): Block => paragraph([text(label, true), ...value]);
  return [
    paragraph(""),
    { kind: "title", text: t.formTitle },
    paragraph(""),
    line("示范区名称：", f.zoneName(p)),
    line(`${t.applicantRole}（盖章）：`, f.applicantName(p)),
    line("推荐单位：", [placeholder(`推荐单位（${t.recommender}）名称`)]),
    line("联 系 人：", f.str(p.applicant?.contactName, f.FACT_PLACEHOLDERS.contactName)),
    line("联系电话：", f.str(p.applicant?.contactPhone, f.FACT_PLACEHOLDERS.contactPhone)),
    line("填报日期：", [text(formatChineseDate(now))]),
    paragraph(""),
    paragraph([text("填表说明", true)]),
    paragraph(`1．本申报书依据${formatCitation(t.clauses.form)}编制，由${t.applicantRole}填写。`, { note: true }),
    paragraph("2．标有【待补充】处为申报助手未掌握的信息，须由申报单位如实补全后方可盖章报送。", { note: true }),
    paragraph(`3．“申报条件自查情况”由申报助手对照${formatClause(articleOf(t.clauses.institutions))}逐项生成，不代表主管部门审核意见。`, { note: true }),
    { kind: "page-break" },
  ];
}

function applicantSection(p: ZoneProfile, t: JurisdictionTemplate): Block[] {
  const a = p.applicant;
  return [
    ...section(1, `${t.applicantRole}基本情况`, t.clauses.carrier ? formatClause(t.clauses.carrier) : formatClause("zb2020:7.1")),
    fieldTable([
      ["单位名称", f.applicantName(p)],
      ["统一社会信用代码", f.str(a?.creditCode, f.FACT_PLACEHOLDERS.creditCode)],
      ["载体类型", f.carrierType(p)],
      ["单位性质", f.ownership(p)],
      ["联系人", f.str(a?.contactName, f.FACT_PLACEHOLDERS.contactName)],
      ["联系电话", f.str(a?.contactPhone, f.FACT_PLACEHOLDERS.contactPhone)],
      ["单位地址", f.str(a?.address, f.FACT_PLACEHOLDERS.address)],
      ["法定代表人", [placeholder("法定代表人")]],
    ]),
    paragraph([text("单位简介：", true), placeholder("单位简介（成立时间、主营业务、运营服务能力）")], { indent: true }),
  ];
}

function servicesTable(p: ZoneProfile, t: JurisdictionTemplate): Block {
  const offered = p.zone?.services;
  const required = requiredServices(t.jurisdiction, p.asOf);
  const rows: Span[][][] = required.map((s) => [
    [text(SERVICE_LABELS[s])],
    offered ? [text(offered.includes(s) ? "已覆盖" : "未覆盖", !offered.includes(s))] : [placeholder("是否覆盖", SERVICE_LABELS[s])],
  ]);
  const extra = (offered ?? []).filter((s) => !required.includes(s));
  if (extra.length) rows.push([[text("其他服务")], [text(`已覆盖：${f.serviceList(extra)}`)]]);
  return table([["服务需求", 2], ["覆盖情况", 3]], rows);
}

function zoneSection(p: ZoneProfile, t: JurisdictionTemplate): Block[] {
  const z = p.zone;
  const institutionsLabel = t.jurisdiction === "zibo" ? "知识产权服务点（机构）数量" : "现有知识产权服务机构数量";
  const count = z?.serviceInstitutions;
  return [
    ...section(1, "示范区基本情况", `${formatClause(t.clauses.location)}、${formatClause(t.clauses.institutions)}`),
    fieldTable([
      ["示范区名称", f.zoneName(p)],
      ["所在区域类型", f.areaType(p)],
      ["所在县（市、区）", [placeholder("示范区所在县（市、区）")]],
      ["核心区面积", f.num(z?.coreAreaSqm, "平方米", f.FACT_PLACEHOLDERS.coreArea)],
      [institutionsLabel, f.num(count, "家", f.FACT_PLACEHOLDERS.institutions)],
      ["区内服务门类", z?.services ? [text(`${z.services.length}类`)] : [placeholder(f.FACT_PLACEHOLDERS.services)]],
    ]),
    ...section(2, "知识产权服务覆盖情况", formatClause(t.clauses.institutions)),
    servicesTable(p, t),
    ...section(2, "入驻知识产权服务机构名单", formatClause(t.clauses.institutions)),
    table(
      [["序号", 1.3], ["机构名称", 4], ["主要服务", 3], ["入驻时间", 2]],
      [[[text("1")], [placeholder(count === undefined ? "入驻机构名单" : `入驻机构名单（共 ${count} 家）`)], [placeholder("主要服务")], [placeholder("入驻时间")]]],
    ),
  ];
}

function industrySection(p: ZoneProfile, t: JurisdictionTemplate): Block[] {
  return [
    ...section(1, "产业基础", formatClause(t.clauses.industry)),
    paragraph(industryParagraph(p, t), { indent: true }),
    paragraph(industryDetails(), { indent: true }),
  ];
}

function managementSection(p: ZoneProfile, t: JurisdictionTemplate): Block[] {
  if (t.jurisdiction === "zibo") {
    return [
      ...section(1, "区县支持与管理制度", `${formatClause(t.clauses.county!)}、${formatClause(t.clauses.management)}`),
      fieldTable([...countyRows(p), ["申报单位知识产权管理制度", managementParagraph(p)]], 1),
      paragraph([text("配套资金和政策：", true), placeholder("配套资金和优惠政策")], { indent: true }),
    ];
  }
  return [
    ...section(1, "管理制度与保障条件", formatClause(t.clauses.management)),
    paragraph(managementParagraph(p), { indent: true }),
    paragraph([text("现有制度：", true), placeholder("现有知识产权管理制度清单")], { indent: true }),
    paragraph([text("配套资金和政策：", true), placeholder("配套资金和优惠政策")], { indent: true }),
  ];
}

function checkSection(check: CheckResult, asOf: string): Block[] {
  const t = templateFor(check.jurisdiction);
  const article = articleOf(t.clauses.institutions);
  return [
    ...section(1, "申报条件自查情况", formatClause(article)),
    paragraph(`依据${formatCitation(article)}，对照申报条件逐项自查如下（自查基准日：${formatIsoDateChinese(asOf)}）：`, { indent: true }),
    conditionTable(check, { withGap: true }),
    paragraph([text("自查结论：", true), text(VERDICT_LABELS[check.verdict])], { indent: true }),
  ];
}

function recommendationSection(t: JurisdictionTemplate): Block[] {
  return [
    ...section(1, `${t.recommender}推荐意见`, formatClause(t.clauses.recommendation)),
    {
      kind: "opinion-box",
      title: `${t.recommender}推荐意见：`,
      signatureLines: ["负责人（签字）：", "（盖章）", "年　　月　　日"],
    },
  ];
}

function commitment(p: ZoneProfile, t: JurisdictionTemplate): Block[] {
  const recipient = t.jurisdiction === "zhejiang" ? "浙江省知识产权局" : "淄博市知识产权事业发展中心";
  const program = t.jurisdiction === "zhejiang" ? "浙江省知识产权服务业集聚发展示范区" : "淄博市知识产权服务业集聚发展示范区";
  return [
    { kind: "page-break" },
    { kind: "title", text: "申报材料真实性承诺书" },
    paragraph(`${recipient}：`),
    paragraph(
      [
        text("本单位"),
        ...f.applicantName(p),
        text("申报"),
        ...f.zoneName(p),
        text(`为${program}，郑重承诺：所提交的申报书、建设工作方案及全部附件材料内容真实、准确、完整，不存在弄虚作假、隐瞒事实等情况。如有不实，本单位愿承担由此产生的一切责任，并接受主管部门作出的处理。`),
      ],
      { indent: true },
    ),
    paragraph(""),
    paragraph([text("承诺单位（盖章）："), ...f.applicantName(p)], { align: "right" }),
    paragraph("法定代表人（签字）：　　　　　　", { align: "right" }),
    paragraph("年　　月　　日", { align: "right" }),
  ];
}

export function buildApplicationForm(profile: ZoneProfile, check: CheckResult, now: Date): DocModel {
  const t = templateFor(check.jurisdiction);
  const asOf = check.asOf ?? profile.asOf ?? isoDateInChina(now);
  const blocks: Block[] = [
    ...cover(profile, t, now),
    ...applicantSection(profile, t),
    ...zoneSection(profile, t),
    ...industrySection(profile, t),
    ...managementSection(profile, t),
    ...checkSection(check, asOf),
    ...recommendationSection(t),
    ...commitment(profile, t),
  ];
  return createDocModel("application-form", APPLICATION_FORM_NAMES, t.formTitle, blocks);
}
