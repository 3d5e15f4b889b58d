/**
 * The application form (申报书): zj2018:9.2 《浙江省…建设申报书》 or
 * zb2020:8.1 《淄博市…申报书》. Pure: (profile, check, context) → DocModel.
 * Every date printed is the one document date (the profile's asOf).
 */
import { articleOf, formatCitation, formatClause } from "../knowledge/citation.ts";
import type { CheckResult } from "../rules/rule-result.types.ts";
import type { Service, ZoneProfile } from "../rules/zone-profile.schema.ts";
import { joinLabels, SERVICE_LABELS } from "../rules/labels.ts";
import { formatIsoDateChinese } from "./chinese-date.ts";
import { conditionTable, VERDICT_LABELS, type EvidenceContext } from "./condition-results.ts";
import {
  blank,
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
import type { DraftContext } from "./draft-context.ts";
import type { JurisdictionTemplate } from "./jurisdiction-templates.ts";
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
        : `据${t.applicantRole}填报，所在区域尚未形成${formatClause(t.clauses.industry)}所述的产业优势。`,
    ),
  ];
}

export function industryDetails(): Span[] {
  return [text("主导产业及创新主体情况（主导产业、创新型企业和骨干龙头企业名单及数量）："), blank("主导产业、创新型企业和骨干龙头企业名单及数量")];
}

export function managementParagraph(p: ZoneProfile): Span[] {
  const v = p.zone?.ipManagementSystem;
  if (v === undefined) return [placeholder(f.FACT_PLACEHOLDERS.ipManagementSystem)];
  return [
    text(
      v
        ? "已建立较为完善的知识产权管理制度，具有保障知识产权服务业发展的条件资源。"
        : "尚未建立较为完善的知识产权管理制度。",
    ),
  ];
}

/** A county condition (Zibo 第五条（一）): the county's mechanism, plan and policies, one row each. */
export function countyRows(p: ZoneProfile, t: JurisdictionTemplate): [string, Span[]][] {
  const c = p.county;
  const label = (s: string) => s.replace(/^区县/, t.terms.county.replace(/^所在/, ""));
  return [
    [label("区县知识产权管理机制"), f.yesNo(c?.managementMechanism, "具备比较健全的知识产权管理机制", "尚不具备比较健全的知识产权管理机制", f.FACT_PLACEHOLDERS.countyMechanism)],
    [label("区县知识产权服务业发展规划"), f.yesNo(c?.developmentPlan, "有明确的知识产权服务业发展规划", "尚无明确的知识产权服务业发展规划", f.FACT_PLACEHOLDERS.countyPlan)],
    [label("区县知识产权服务业扶持政策"), f.yesNo(c?.supportPolicies, "有保障知识产权服务业发展的扶持政策", "尚无保障知识产权服务业发展的扶持政策", f.FACT_PLACEHOLDERS.countyPolicies)],
  ];
}

/** The recommending authority by name when the address says where the zone is (杭州市知识产权局). */
export function recommenderName(p: ZoneProfile, t: JurisdictionTemplate): Span[] {
  const named = t.terms.recommenderAt(f.placeFromAddress(p.applicant?.address));
  return named ? [text(named)] : [blank(`推荐单位（${t.recommender}）名称`)];
}

function cover(p: ZoneProfile, t: JurisdictionTemplate, ctx: DraftContext): Block[] {
  const line = (label: string, value: Span[]): Block => paragraph([text(label, true), ...value]);
  const date = formatIsoDateChinese(ctx.date);
  return [
    paragraph(""),
    { kind: "title", text: t.formTitle },
    paragraph(""),
    line("示范区名称：", f.field(p.zone?.name, f.FACT_PLACEHOLDERS.zoneName)),
    line(`${t.applicantRole}（盖章）：`, f.field(p.applicant?.name, f.FACT_PLACEHOLDERS.applicantName)),
    line("推荐单位：", recommenderName(p, t)),
    line("联 系 人：", f.field(p.applicant?.contactName, f.FACT_PLACEHOLDERS.contactName)),
    line("联系电话：", f.field(p.applicant?.contactPhone, f.FACT_PLACEHOLDERS.contactPhone)),
    line("填报日期：", [text(date)]),
    paragraph(""),
    paragraph([text("填表说明", true)]),
    paragraph(`1．本申报书依据${formatCitation(t.clauses.form)}编制，由${t.applicantRole}填写，${t.recommender}审核推荐。`, { note: true }),
    paragraph(`2．标有【待补充】（黄色底纹）处须由${t.applicantRole}如实填写后，方可盖章报送。`, { note: true }),
    paragraph(
      `3．“申报条件自查情况”由${t.applicantRole}对照${formatClause(articleOf(t.clauses.institutions))}逐项填写，自查基准日与填报日期同为${date}；自查结果不代表主管部门审核意见。`,
      { note: true },
    ),
    { kind: "page-break" },
  ];
}

function applicantSection(p: ZoneProfile, t: JurisdictionTemplate): Block[] {
  const a = p.applicant;
  return [
    ...section(1, `${t.applicantRole.replace(/（.*）$/, "")}基本情况`, formatClause(t.clauses.carrier ?? t.clauses.applicantInfo ?? t.clauses.form)),
    fieldTable([
      ["单位名称", f.field(a?.name, f.FACT_PLACEHOLDERS.applicantName)],
      ["统一社会信用代码", f.field(a?.creditCode, f.FACT_PLACEHOLDERS.creditCode)],
      ["载体类型", f.carrierType(p, true)],
      ["单位性质", f.ownership(p, true)],
      ["联系人", f.field(a?.contactName, f.FACT_PLACEHOLDERS.contactName)],
      ["联系电话", f.field(a?.contactPhone, f.FACT_PLACEHOLDERS.contactPhone)],
      ["法定代表人", [blank("法定代表人")]],
      ["成立时间", [blank("成立时间")]],
    ]),
    fieldTable([["单位地址", f.field(a?.address, f.FACT_PLACEHOLDERS.address)]], 1, [2.1, 8.5]),
    paragraph([text("单位简介（成立时间、主营业务、运营服务能力）：", true), blank("单位简介")], { indent: true }),
  ];
}

/**
 * Zhejiang 第六条（三） asks for 「专利、商标、版权等各类知识产权的代理、法律、信息、
 * 商用化、咨询、培训等服务」: a grid of IP kinds × service kinds. A cell is
 * covered when the zone offers both its kind and its service.
 */
function coverageGrid(p: ZoneProfile, ctx: DraftContext): Block {
  const [kinds, services] = ctx.figures.serviceGroups.map((g) => g.services) as [Service[], Service[]];
  const offered = p.zone?.services;
  const has = (s: Service) => offered?.includes(s) ?? false;
  const mark = (k: Service, s: Service): Span[] => (!offered ? [] : has(k) && has(s) ? [text("√")] : [text("×", true)]);
  const rows: Span[][][] = kinds.map((k) => [
    [text(`${SERVICE_LABELS[k]}${offered && !has(k) ? "（缺）" : ""}`, offered !== undefined && !has(k))],
    ...services.map((s) => mark(k, s)),
  ]);
  const columns: [string, number][] = [
    ["知识产权门类＼服务类型", 3.2],
    ...services.map((s): [string, number] => [`${SERVICE_LABELS[s]}${offered && !has(s) ? "（缺）" : ""}`, 1.2]),
  ];
  const align = Object.fromEntries(services.map((_, i) => [i + 1, "center" as const]));
  return table(columns, rows, true, { align });
}

/** Zibo 第五条（三） lists its services in one breath: two pairs a row. */
function coverageList(p: ZoneProfile, ctx: DraftContext): Block {
  const offered = p.zone?.services;
  const cells: [string, Span[]][] = ctx.figures.requiredServices.map((s) => [
    SERVICE_LABELS[s],
    offered ? [text(offered.includes(s) ? "已覆盖" : "未覆盖", !offered.includes(s))] : [],
  ]);
  const block = fieldTable(cells, 2, [2.6, 2.7, 2.6, 2.7]);
  return block.kind === "table" ? { ...block, header: true, columns: block.columns.map((c, i) => ({ ...c, title: i % 2 === 0 ? "服务需求" : "覆盖情况" })) } : block;
}

function coverageSummary(p: ZoneProfile, ctx: DraftContext): Span[] {
  const offered = p.zone?.services;
  if (!offered) return [blank(f.FACT_PLACEHOLDERS.services)];
  const groups = ctx.figures.serviceGroups;
  return [
    text(
      groups
        .map((g) => `${groups.length > 1 ? g.title : "所列服务"}${g.services.filter((s) => offered.includes(s)).length}/${g.services.length}`)
        .join("，"),
    ),
  ];
}

function zoneSection(p: ZoneProfile, t: JurisdictionTemplate, ctx: DraftContext): Block[] {
  const z = p.zone;
  const count = z?.serviceInstitutions;
  const place = f.placeFromAddress(p.applicant?.address);
  const offered = z?.services;
  const extra = (offered ?? []).filter((s) => !ctx.figures.requiredServices.includes(s));
  return [
    ...section(1, "示范区基本情况", `${formatClause(t.clauses.location)}、${formatClause(t.clauses.institutions)}`),
    fieldTable([
      ["示范区名称", f.field(z?.name, f.FACT_PLACEHOLDERS.zoneName)],
      ["所在区域类型", f.areaType(p, true)],
      [t.terms.county, place.county ? [text(place.county)] : [blank(`示范区${t.terms.county}`)]],
      ["核心区面积", f.num(z?.coreAreaSqm, "平方米", f.FACT_PLACEHOLDERS.coreArea)],
      [`${t.terms.institutions}`, f.num(count, "家", f.FACT_PLACEHOLDERS.institutions)],
      ["服务覆盖", coverageSummary(p, ctx)],
    ]),
    ...section(2, "知识产权服务覆盖情况", formatClause(t.clauses.institutions)),
    paragraph(
      ctx.figures.serviceGroups.length > 1
        ? `${formatClause(t.clauses.institutions)}要求能基本保障${ctx.figures.serviceGroups.map((g) => joinLabels(g.services, SERVICE_LABELS)).join("等各类知识产权的")}等服务需求。下表按知识产权门类和服务类型列出区内服务的覆盖情况（√ 已覆盖，× 未覆盖）：`
        : `${formatClause(t.clauses.institutions)}要求能基本保障区内对${joinLabels(ctx.figures.requiredServices, SERVICE_LABELS)}等知识产权的服务需求，覆盖情况如下：`,
      { indent: true },
    ),
    ...(offered ? [] : [paragraph([placeholder(f.FACT_PLACEHOLDERS.services)], { indent: true })]),
    ctx.figures.serviceGroups.length > 1 ? coverageGrid(p, ctx) : coverageList(p, ctx),
    ...(extra.length ? [paragraph(`此外，区内还能提供${f.serviceList(extra)}服务。`, { indent: true })] : []),
    ...section(2, "入驻知识产权服务机构名单", formatClause(t.clauses.institutions)),
    table(
      [["序号", 1.3], ["机构名称", 4.4], ["主要服务", 3], ["入驻时间", 2]],
      [[[text("1")], [placeholder(count === undefined ? "入驻机构名单" : `入驻机构名单（共${f.figureText(count, "家")}，可另附页）`)], [blank("主要服务")], [blank("入驻时间")]]],
      true,
      { align: { 0: "center" } },
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
  if (t.clauses.county !== undefined) {
    return [
      ...section(1, `${t.terms.county.replace(/^所在/, "")}支持与管理制度`, `${formatClause(t.clauses.county!)}、${formatClause(t.clauses.management)}`),
      fieldTable([...countyRows(p, t), ["申报单位知识产权管理制度", managementParagraph(p)]], 1, [3.2, 7.4]),
      paragraph([text("配套资金和政策：", true), blank("配套资金和优惠政策")], { indent: true }),
    ];
  }
  return [
    ...section(1, "管理制度与保障条件", formatClause(t.clauses.management)),
    paragraph(managementParagraph(p), { indent: true }),
    paragraph([text("现有制度（制度名称、印发时间）：", true), blank("现有知识产权管理制度清单")], { indent: true }),
    paragraph([text("配套资金和政策：", true), blank("配套资金和优惠政策")], { indent: true }),
  ];
}

function checkSection(check: CheckResult, t: JurisdictionTemplate, ctx: DraftContext, evidence: EvidenceContext): Block[] {
  const article = articleOf(t.clauses.institutions);
  return [
    ...section(1, "申报条件自查情况", formatClause(article)),
    paragraph(
      [
        text(`依据${formatCitation(article)}，对照申报条件逐项自查（自查基准日${formatIsoDateChinese(ctx.date)}，与填报日期相同）。`),
        text("自查结论：", true),
        text(`${VERDICT_LABELS[check.verdict]}。逐项结果如下：`),
      ],
      { indent: true },
    ),
    // The conclusion comes first, so the table ends the section and no lone line follows it onto a page.
    conditionTable(check, evidence),
  ];
}

/** Who signs below the recommender and the approver: the place, a signature, the seal and a date. */
const AUTHORITY_SIGNATURE = ["负责人（签字）：　　　　　　", "（盖章）", "年　　月　　日"];

function opinionSections(p: ZoneProfile, t: JurisdictionTemplate): Block[] {
  const named = t.terms.recommenderAt(f.placeFromAddress(p.applicant?.address));
  return [
    // The two authorities' boxes share a page of their own, as printed forms end.
    { kind: "page-break" },
    ...section(1, `${t.recommender}推荐意见`, formatClause(t.clauses.recommendation)),
    {
      kind: "opinion-box",
      title: `${named ?? t.recommender}推荐意见：`,
      choices: ["□ 审核合格，同意推荐　　□ 不予推荐"],
      signatureLines: AUTHORITY_SIGNATURE,
    },
    ...section(1, `${t.approver}审核意见`, formatClause(t.clauses.approval)),
    {
      kind: "opinion-box",
      title: `${t.approverFull}审核意见：`,
      choices: ["□ 同意确定为示范区建设单位　　□ 不同意"],
      signatureLines: AUTHORITY_SIGNATURE,
    },
  ];
}

function commitment(p: ZoneProfile, t: JurisdictionTemplate, ctx: DraftContext): Block[] {
  return [
    { kind: "page-break" },
    { kind: "title", text: "申报材料真实性承诺书" },
    paragraph(`${t.approverFull}：`),
    paragraph(
      [
        text("本单位"),
        ...f.applicantName(p),
        text("申报"),
        ...f.zoneName(p),
        text(`为${t.programName}，郑重承诺：所提交的申报书、建设工作方案及全部附件材料内容真实、准确、完整，不存在弄虚作假、隐瞒事实等情况。如有不实，本单位愿承担由此产生的一切责任，并接受主管部门作出的处理。`),
      ],
      { indent: true },
    ),
    paragraph(""),
    paragraph([text("承诺单位（盖章）："), ...f.applicantName(p)], { align: "right" }),
    paragraph("法定代表人（签字）：　　　　　　", { align: "right" }),
    paragraph(formatIsoDateChinese(ctx.date), { align: "right" }),
  ];
}

export function buildApplicationForm(profile: ZoneProfile, check: CheckResult, ctx: DraftContext): DocModel {
  const t = ctx.template;
  const evidence: EvidenceContext = { profile, template: t, figures: ctx.figures };
  const blocks: Block[] = [
    ...cover(profile, t, ctx),
    ...applicantSection(profile, t),
    ...zoneSection(profile, t, ctx),
    ...industrySection(profile, t),
    ...managementSection(profile, t),
    ...checkSection(check, t, ctx, evidence),
    ...opinionSections(profile, t),
    ...commitment(profile, t, ctx),
  ];
  return createDocModel("application-form", APPLICATION_FORM_NAMES, t.formTitle, blocks);
}
