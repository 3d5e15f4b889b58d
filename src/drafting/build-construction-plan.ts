/**
 * The construction-plan outline (建设工作方案, zj2018:9.3; the 《建设方案》 that
 * zb2020:13–14 assess). Its sections follow what the policy will assess
 * (zj2018:15 / zb2020:13): goals, tasks, key projects and indicators; system
 * and mechanism; further ideas. Pure: (profile, check, context) → DocModel.
 */
import { articleOf, formatCitation, formatClause } from "../knowledge/citation.ts";
import { SERVICE_LABELS } from "../rules/labels.ts";
import type { CheckResult } from "../rules/rule-result.types.ts";
import type { ZoneProfile } from "../rules/zone-profile.schema.ts";
import { countyRows, industryDetails, industryParagraph, managementParagraph } from "./build-application-form.ts";
import { formatIsoDateChinese } from "./chinese-date.ts";
import { conditionEvidence } from "./condition-results.ts";
import {
  blank,
  createDocModel,
  paragraph,
  placeholder,
  section,
  spansText,
  table,
  text,
  type Block,
  type DocModel,
  type Span,
} from "./document-model.ts";
import type { DraftContext } from "./draft-context.ts";
import { indicatorRequirement, type Indicator, type JurisdictionTemplate, type PlanTask } from "./jurisdiction-templates.ts";
import * as f from "./profile-facts.ts";

export const CONSTRUCTION_PLAN_NAMES = { name: "建设工作方案", asciiName: "construction-plan" } as const;

const clauses = (ids: string[]) => ids.map(formatClause).join("、");
const CN = "一二三四五六七八九十";

/** What the plan is based on (both editions), and how its parts answer the assessment (review edition). */
function lead(t: JurisdictionTemplate): Block[] {
  const [a1, a2, a3] = t.clauses.assessmentItems.map(formatClause);
  const assessment = formatClause(articleOf(t.clauses.assessment));
  return [
    paragraph(t.planTexts.basis, { indent: true }),
    paragraph(t.planTexts.structure({ assessment, a1: a1!, a2: a2!, a3: a3! }), { indent: true, note: true, reviewOnly: true }),
  ];
}

function basicSituation(p: ZoneProfile, check: CheckResult, t: JurisdictionTemplate, ctx: DraftContext): Block[] {
  const z = p.zone;
  const place = f.placeFromAddress(p.applicant?.address);
  const services = z?.services ? [text(f.serviceList(z.services))] : [placeholder(f.FACT_PLACEHOLDERS.services)];
  const gaps = check.conditions.filter((c) => c.status !== "met");
  const evidence = { profile: p, template: t, figures: ctx.figures };
  const gapLines: Block[] =
    gaps.length === 0
      ? [paragraph(`对照${formatClause(articleOf(t.clauses.institutions))}，各项申报条件均已具备。`, { indent: true })]
      : gaps.map((c) =>
          paragraph(
            `对照${formatClause(c.id)}（${c.label}），${c.status === "not-met" ? "尚不符合" : "信息尚不完整，补充后复核"}。${conditionEvidence(c, evidence)}`,
            { indent: true },
          ),
        );

  return [
    ...section(1, "基本情况", formatClause(articleOf(t.clauses.institutions))),
    ...section(2, `${t.applicantRole.replace(/（.*）$/, "")}概况`, t.clauses.carrier ? formatClause(t.clauses.carrier) : undefined),
    paragraph(
      [
        ...f.applicantName(p),
        text("（统一社会信用代码："),
        ...f.field(p.applicant?.creditCode, f.FACT_PLACEHOLDERS.creditCode),
        text("）是"),
        ...f.ownership(p),
        text("的"),
        ...f.carrierType(p),
        text("，地址："),
        ...f.field(p.applicant?.address, f.FACT_PLACEHOLDERS.address),
        text("。"),
      ],
      { indent: true },
    ),
    paragraph([text("单位简介（成立时间、主营业务、运营服务能力）："), blank("单位简介")], { indent: true }),
    ...section(2, "示范区概况", `${formatClause(t.clauses.location)}、${formatClause(t.clauses.institutions)}`),
    paragraph(
      [
        ...f.zoneName(p),
        ...(place.county ? [text(`位于${place.city ?? ""}${place.county}，`)] : [text("，")]),
        text("所在区域为"),
        ...f.areaType(p),
        text("，核心区面积"),
        ...f.num(z?.coreAreaSqm, "平方米", f.FACT_PLACEHOLDERS.coreArea),
        text(`，${t.terms.institutions}`),
        ...f.num(z?.serviceInstitutions, "家", f.FACT_PLACEHOLDERS.institutions),
        text("，区内已能提供"),
        ...services,
        text("等服务。"),
      ],
      { indent: true },
    ),
    ...section(2, "产业基础", formatClause(t.clauses.industry)),
    paragraph(industryParagraph(p, t), { indent: true }),
    paragraph(industryDetails(), { indent: true }),
    ...section(2, t.clauses.county !== undefined ? `${t.terms.county.replace(/^所在/, "")}支持与管理制度` : "管理制度", t.clauses.county ? `${formatClause(t.clauses.county)}、${formatClause(t.clauses.management)}` : formatClause(t.clauses.management)),
    ...(t.clauses.county !== undefined ? countyRows(p, t).map(([label, value]) => paragraph([text(`${label}：`), ...value, ...(value.at(-1)?.kind === "text" ? [text("。")] : [])], { indent: true })) : []),
    paragraph(managementParagraph(p), { indent: true }),
    ...section(2, "对照申报条件的差距", formatClause(articleOf(t.clauses.institutions))),
    ...gapLines,
  ];
}

function baseline(i: Indicator, p: ZoneProfile, ctx: DraftContext): Span[] {
  switch (i.baseline) {
    case "serviceInstitutions":
      return f.num(p.zone?.serviceInstitutions, "", f.FACT_PLACEHOLDERS.institutions);
    case "coreAreaSqm":
      return f.num(p.zone?.coreAreaSqm, "", f.FACT_PLACEHOLDERS.coreArea);
    case "serviceCoverage": {
      const cov = f.serviceCoverage(p, ctx.figures.requiredServices);
      return cov ? [text(`${cov.covered.length}/${ctx.figures.requiredServices.length}`)] : [blank(f.FACT_PLACEHOLDERS.services)];
    }
    default:
      return [blank("主要指标的现状值")];
  }
}

/** Only service coverage has a target the policy itself fixes: every required service. */
function target(i: Indicator, p: ZoneProfile, ctx: DraftContext): Span[] {
  if (i.baseline === "serviceCoverage") {
    const cov = f.serviceCoverage(p, ctx.figures.requiredServices);
    if (cov) return [text(cov.lacking.length === 0 ? "保持全部覆盖" : `补齐${cov.lacking.map((s) => SERVICE_LABELS[s]).join("、")}`)];
  }
  return [blank("主要指标的建设期目标值")];
}

function goals(p: ZoneProfile, t: JurisdictionTemplate, ctx: DraftContext): Block[] {
  const cycle = formatClause(t.clauses.assessmentCycle);
  const period = t.planTexts.period(cycle);
  const rows: Span[][][] = t.indicators.map((i) => [
    [text(i.category)],
    [text(i.name)],
    baseline(i, p, ctx),
    target(i, p, ctx),
    [text(`${indicatorRequirement(i, ctx.figures)}（${formatClause(i.clause)}）`)],
  ]);
  const assessed = t.clauses.goalsAssessment ? `${formatClause(t.clauses.goalsAssessment)}；` : "";
  return [
    ...section(1, "建设目标", `${assessed}${formatClause(t.clauses.goals)}`),
    ...section(2, "总体目标", formatClause(t.clauses.goals)),
    paragraph([text("建设期（"), blank("建设期起止时间"), text("）内，"), ...f.zoneName(p), text(`将${t.goalText}${period}`)], { indent: true }),
    ...section(2, "主要指标", t.clauses.goalsAssessment ? formatClause(t.clauses.goalsAssessment) : undefined),
    paragraph(
      `下表“现状”为${t.applicantRole.replace(/（.*）$/, "")}填报的情况，“建设期目标”由${t.applicantRole.replace(/（.*）$/, "")}根据实际确定，${t.terms.assessment}时以此为依据。`,
      { indent: true },
    ),
    table([["类别", 1.2], ["指标", 4], ["现状", 2], ["建设期目标", 2.4], ["政策要求（条款）", 4.8]], rows, true, { align: { 0: "center", 2: "center" } }),
  ];
}

function taskFacts(task: PlanTask, p: ZoneProfile, t: JurisdictionTemplate, ctx: DraftContext): Block[] {
  // The institutions task is the one the profile can speak to: count and coverage.
  if (!task.institutions) return [];
  const cov = f.serviceCoverage(p, ctx.figures.requiredServices);
  const spans: Span[] = [
    text(`现有基础：区内${t.terms.institutions.replace(/^(现有|已有)/, "")}`),
    ...f.num(p.zone?.serviceInstitutions, "家", f.FACT_PLACEHOLDERS.institutions),
    text("；"),
    ...(cov
      ? [text(cov.lacking.length === 0 ? "已覆盖全部所需服务门类。" : `尚未覆盖${cov.lacking.map((s) => SERVICE_LABELS[s]).join("、")}。`)]
      : [placeholder(f.FACT_PLACEHOLDERS.services)]),
  ];
  return [paragraph(spans, { indent: true })];
}

function measures(todo: string): Block {
  return paragraph([text(`具体举措（${todo}）：`), blank("各项任务的具体举措")], { indent: true });
}

function tasks(p: ZoneProfile, t: JurisdictionTemplate, ctx: DraftContext): Block[] {
  const taskArticles = [...new Set(t.tasks.flatMap((x) => x.clauses).map(articleOf))].filter((a) => a !== t.clauses.support);
  const assessed = formatClause(t.clauses.assessmentItems[0]);
  const blocks: Block[] = [...section(1, "主要任务", `${assessed}；${taskArticles.map(formatClause).join("、")}`)];
  for (const task of t.tasks) {
    blocks.push(...section(2, task.title, clauses(task.clauses)));
    blocks.push(paragraph(task.content, { indent: true }));
    blocks.push(...taskFacts(task, p, t, ctx));
    if (task.subtasks) {
      for (const sub of task.subtasks) {
        blocks.push(...section(3, sub.title, clauses(sub.clauses)));
        blocks.push(paragraph(sub.content, { indent: true }));
        blocks.push(measures(sub.todo));
      }
    } else {
      blocks.push(measures(task.todo));
    }
  }
  blocks.push(...mappingTable(t));
  return blocks;
}

/** Every item of the task articles, and which task answers it — for staff to see nothing is skipped (review edition). */
function mappingTable(t: JurisdictionTemplate): Block[] {
  const byClause = new Map<string, string[]>();
  t.tasks.forEach((task, i) => {
    const all = [...task.clauses, ...(task.subtasks?.flatMap((s) => s.clauses) ?? [])];
    for (const c of new Set(all)) byClause.set(c, [...(byClause.get(c) ?? []), `任务（${CN[i]}）`]);
  });
  const ids = [...byClause.keys()].sort((a, b) => {
    const [, x = ""] = a.split(":");
    const [, y = ""] = b.split(":");
    const [xa = 0, xi = 0] = x.split(".").map(Number);
    const [ya = 0, yi = 0] = y.split(".").map(Number);
    return xa - ya || xi - yi;
  });
  const rows: Span[][][] = ids.map((id) => [[text(formatClause(id))], [text((byClause.get(id) ?? []).join("、"))]]);
  return [
    paragraph([text("任务与条款对照", true)], { indent: true, reviewOnly: true }),
    table([["条款", 2], ["本方案对应任务", 5]], rows, true, { reviewOnly: true }),
  ];
}

function projects(p: ZoneProfile, t: JurisdictionTemplate): Block[] {
  const owner = f.applicantName(p);
  const rows: Span[][][] = t.projects.map((proj, i) => [
    [text(String(i + 1))],
    [text(proj.name)],
    [placeholder(proj.todo, proj.name)],
    [blank("重点项目完成时限")],
    owner,
  ]);
  rows.push([[text(String(t.projects.length + 1))], [placeholder("其他重点项目")], [], [], []]);
  return [
    ...section(1, "重点项目", `${formatClause(t.clauses.assessmentItems[0])}；${t.projects.flatMap((x) => x.clauses).filter((c, i, a) => a.indexOf(c) === i).map(formatClause).join("、")}`),
    table([["序号", 1.3], ["项目名称", 3.6], ["建设内容", 3.6], ["完成时限", 2], ["责任单位", 3.2]], rows, true, { align: { 0: "center" } }),
  ];
}

function safeguards(p: ZoneProfile, t: JurisdictionTemplate): Block[] {
  const localSupport: Block[] =
    t.clauses.county !== undefined
      ? [
          paragraph(t.localSupportText, { indent: true }),
          ...countyRows(p, t).map(([label, value]) => paragraph([text(`${label}：`), ...value, ...(value.at(-1)?.kind === "text" ? [text("。")] : [])], { indent: true })),
        ]
      : [
          paragraph(t.localSupportText, { indent: true }),
          paragraph([text("已争取或拟争取的地方支持措施："), blank("已争取或拟争取的地方支持措施")], { indent: true }),
        ];
  return [
    ...section(1, "保障措施", `${formatClause(t.clauses.safeguards)}；${formatClause(t.clauses.localSupport)}；${formatClause(t.clauses.assessmentItems[1])}`),
    ...section(2, "加强组织领导", formatClause(t.clauses.safeguards)),
    paragraph([text("成立示范区建设工作领导小组，明确责任部门和专人负责。领导小组组成和责任分工："), blank("领导小组组成和责任分工")], { indent: true }),
    ...section(2, "完善管理制度", formatClause(t.clauses.safeguards)),
    paragraph([...managementParagraph(p), text("建设期内进一步完善入驻机构管理、服务质量评价和考核奖惩等制度。")], { indent: true }),
    ...section(2, "落实配套资金和政策", formatClause(t.clauses.safeguards)),
    paragraph([text("落实示范区建设配套资金和政策。配套资金额度、来源和使用安排："), blank("配套资金额度、来源和使用安排")], { indent: true }),
    ...section(2, "明确优惠条件，营造落户环境", formatClause(t.clauses.safeguards)),
    paragraph(
      [text("明确对品牌服务机构和优秀人才入驻的优惠条件，积极营造吸引优秀人才和品牌服务机构落户的环境。入驻优惠条件（场地租金、奖励等）："), blank("入驻优惠条件")],
      { indent: true },
    ),
    ...section(2, "争取地方支持", formatClause(t.clauses.localSupport)),
    ...localSupport,
    ...section(2, "体制机制创新", formatClause(t.clauses.assessmentItems[1])),
    paragraph([placeholder("管理体制、运行机制和服务模式方面的创新举措")], { indent: true }),
  ];
}

function timetable(t: JurisdictionTemplate): Block[] {
  const rows: Span[][][] = t.phases.map((ph, i) => [[text(`第${CN[i]}阶段`)], [text(ph.when)], [text(ph.work)]]);
  return [
    ...section(1, "进度安排", `${formatClause(t.clauses.assessmentCycle)}；${t.phases.flatMap((x) => (x.clause ? [formatClause(x.clause)] : [])).filter((c, i, a) => a.indexOf(c) === i).join("、")}`),
    paragraph([text("计划启动时间："), blank("计划启动时间"), text("。")], { indent: true }),
    table([["阶段", 1.8], ["时间", 3], ["主要工作", 9]], rows),
  ];
}

function nextSteps(p: ZoneProfile, t: JurisdictionTemplate, ctx: DraftContext): Block[] {
  const reviewer = t.planTexts.adjustmentReviewer;
  const role = t.applicantRole.replace(/（.*）$/, "");
  return [
    ...section(1, "后续工作思路", formatClause(t.clauses.assessmentItems[2])),
    paragraph([placeholder("进一步支持和推动知识产权服务业集聚发展的工作思路和举措")], { indent: true }),
    paragraph(`本方案实施过程中如需调整内容或指标，${role}将调整情况及相关说明及时报${reviewer}。`, { indent: true }),
    paragraph(""),
    paragraph([text(`${role}（盖章）：`), ...f.applicantName(p)], { align: "right" }),
    paragraph(formatIsoDateChinese(ctx.date), { align: "right" }),
  ];
}

export function buildConstructionPlan(profile: ZoneProfile, check: CheckResult, ctx: DraftContext): DocModel {
  const t = ctx.template;
  const blocks: Block[] = [
    {
      kind: "title",
      text: t.planTitle,
      subtitle: [
        [text("（"), ...f.zoneName(profile), text("）")],
        [text(`${t.applicantRole.replace(/（.*）$/, "")}：`), ...f.field(profile.applicant?.name, f.FACT_PLACEHOLDERS.applicantName)],
        [text(`编制日期：${formatIsoDateChinese(ctx.date)}`)],
      ],
    },
    ...lead(t),
    ...basicSituation(profile, check, t, ctx),
    ...goals(profile, t, ctx),
    ...tasks(profile, t, ctx),
    ...projects(profile, t),
    ...safeguards(profile, t),
    ...timetable(t),
    ...nextSteps(profile, t, ctx),
  ];
  return createDocModel("construction-plan", CONSTRUCTION_PLAN_NAMES, `${t.planTitle}（${spansText(f.zoneName(profile))}）`, blocks);
}
