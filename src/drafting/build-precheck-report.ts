/**
 * Materials checklist and pre-check report: every item of zj2018:9 or
 * zb2020:7–8 with who supplies it, every condition's result, the facts still
 * unknown (from the rules and from the other drafts' placeholders), and the
 * warnings, policy validity first. Pure: (profile, check, now, context) → DocModel.
 */
import { articleOf, citationsMatch, formatCitation, formatClause } from "../knowledge/citation.ts";
import { POLICIES } from "../knowledge/policy-catalog.ts";
import { policyValidityOn, trialText } from "../rules/policy-dates.ts";
import type { CheckResult } from "../rules/rule-result.types.ts";
import type { ZoneProfile } from "../rules/zone-profile.schema.ts";
import { formatIsoDateChinese } from "./chinese-date.ts";
import { conditionTable, documentFactLabel, statusSummary, VERDICT_LABELS } from "./condition-results.ts";
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
  type DocumentKind,
  type PlaceholderSection,
  type Span,
} from "./document-model.ts";
import type { DraftContext } from "./draft-context.ts";
import type { JurisdictionTemplate, MaterialTemplate } from "./jurisdiction-templates.ts";
import * as f from "./profile-facts.ts";

export const PRECHECK_REPORT_NAMES = { name: "材料清单与预审报告", asciiName: "checklist-precheck-report" } as const;

/** What the report needs to know about the other drafts. */
export interface PrecheckContext {
  /** the drafts made alongside (《申报书》), with their open placeholders */
  drafts: { kind: DocumentKind; title: string; placeholders: PlaceholderSection[] }[];
  /** 1 for a first submission; 2+ when re-drafted after staff returned it */
  revision?: number;
  /** why staff returned the previous submission */
  returnNotes?: string[];
}

/** Policy validity in one sentence, for both the trial with no end date and the one-year trial. */
export function policyValidityText(check: CheckResult, asOf: string): string {
  const meta = POLICIES[check.policy.id];
  const validity = policyValidityOn(check.policy.id, asOf);
  const title = `《${meta.title}》`;
  const since = formatIsoDateChinese(validity.effective);
  if (validity.trialEnds === null) {
    return `${title}自${since}起实施，为试行文件，未规定截止日期。本报告按现行有效处理；申报前请向${meta.issuer}或所在设区市知识产权局确认仍在执行、没有新版本。`;
  }
  const ends = formatIsoDateChinese(validity.trialEnds);
  const lastArticle = `（${formatClause(validity.trialClause)}）`;
  if (check.policy.status === "trial-expired") {
    return `${title}自${since}起实施，${trialText(validity)}，已于${ends}届满${lastArticle}。预审基准日${formatIsoDateChinese(asOf)}已超出试用期：请先向${meta.issuer}确认该方案是否延续或已有新文件，再决定是否按本方案申报。`;
  }
  if (check.policy.status === "not-yet-in-force") {
    return `${title}自${since}起实施；预审基准日${formatIsoDateChinese(asOf)}时尚未施行。`;
  }
  return `${title}自${since}起实施，${trialText(validity)}，至${ends}${lastArticle}；预审基准日${formatIsoDateChinese(asOf)}在试用期内。`;
}

function header(p: ZoneProfile, check: CheckResult, d: DraftContext, ctx: PrecheckContext): Block[] {
  const meta = POLICIES[check.policy.id];
  const t = d.template;
  return [
    { kind: "title", text: t.reportTitle },
    fieldTable([
      [t.applicantRole.replace(/（.*）$/, ""), f.field(p.applicant?.name, f.FACT_PLACEHOLDERS.applicantName)],
      ["示范区名称", f.field(p.zone?.name, f.FACT_PLACEHOLDERS.zoneName)],
      ["预审基准日", [text(`${formatIsoDateChinese(d.date)}（即填报日期）`)]],
      ["政策状态", [text(check.policy.status === "in-force" ? "施行中" : check.policy.status === "trial-expired" ? "试用期已满" : "尚未施行")]],
      ["提交次数", [text(`第${ctx.revision ?? 1}次`)]],
      ["预审结论", [text(VERDICT_LABELS[check.verdict], true)]],
    ]),
    fieldTable([["适用政策", [text(`《${meta.title}》`)]]], 1, [2.1, 8.5]),
  ];
}

function conclusion(check: CheckResult): Block[] {
  const next =
    check.verdict === "eligible"
      ? "申报条件均已具备。请补全申报书和建设工作方案中的【待补充】项，盖章后按申报程序报送。"
      : check.verdict === "not-eligible"
        ? "有申报条件尚不符合（见“申报条件逐项结果”），建议先补齐差距再申报；申报书和建设工作方案可先行准备。"
        : "有申报条件因信息不全无法判断，请补充“待补充信息”所列内容后重新预审。";
  const expired = check.policy.status === "trial-expired" ? "注意：所依据的政策试用期已满，见“提示与风险”。" : "";
  return [
    ...section(1, "预审结论", undefined),
    paragraph([text(`${VERDICT_LABELS[check.verdict]}。`, true), text(`${statusSummary(check)}。${next}${expired}`)], { indent: true }),
  ];
}

function conditions(p: ZoneProfile, check: CheckResult, d: DraftContext): Block[] {
  const t = d.template;
  return [
    ...section(1, "申报条件逐项结果", formatCitation(articleOf(t.clauses.institutions))),
    conditionTable(check, { profile: p, template: t, figures: d.figures }),
  ];
}

function numbered(items: Span[][]): Block[] {
  return items.map((spans, i) => paragraph([text(`${i + 1}．`), ...spans], { indent: true }));
}

function unknowns(check: CheckResult, t: JurisdictionTemplate, ctx: PrecheckContext): Block[] {
  const missing = check.conditions.flatMap((c) => (c.missing ?? []).map((m) => ({ fact: m, clause: c.id })));
  const blocks: Block[] = [...section(1, "待补充信息", undefined)];
  blocks.push(...section(2, "影响申报条件判断的信息", undefined));
  if (missing.length === 0) blocks.push(paragraph("无。申报条件所需的信息均已填报。", { indent: true }));
  else
    blocks.push(
      table(
        [["序号", 1.3], ["待补充信息", 9], ["影响的条件", 2.6]],
        missing.map((m, i) => [[text(String(i + 1))], [placeholder(documentFactLabel(m.fact, t))], [text(formatClause(m.clause))]]),
        true,
        { align: { 0: "center", 2: "center" } },
      ),
    );
  for (const d of ctx.drafts) {
    const count = draftOpenCount(d);
    blocks.push(...section(2, `${d.title}中的待补充项`, undefined));
    if (count === 0) {
      blocks.push(paragraph("无。", { indent: true }));
      continue;
    }
    blocks.push(paragraph(`共${count}处，在${d.title}中以【待补充】标出（黄色底纹）：`, { indent: true }));
    blocks.push(
      table(
        [["部分", 3.6], ["处数", 1.3], ["待补充项", 9]],
        d.placeholders.map((s) => [[text(s.section)], [text(String(s.count))], [text(s.items.join("；"))]]),
        true,
        { align: { 1: "center" } },
      ),
    );
  }
  return blocks;
}

function draftOpenCount(d: PrecheckContext["drafts"][number]): number {
  return d.placeholders.reduce((n, s) => n + s.count, 0);
}

function warnings(check: CheckResult, asOf: string): Block[] {
  // policy-trial-expired is said by policyValidityText in full; the others are printed as the rules give them.
  const others = check.warnings.filter((w) => w.code !== "policy-trial-expired").map((w) => [text(w.message)]);
  return [
    ...section(1, "提示与风险", undefined),
    ...numbered([
      [text("政策时效："), text(policyValidityText(check, asOf))],
      ...others,
      [text("本报告依据申报单位填报的信息对照政策逐项预审，不代表主管部门的审核意见；最终以主管部门审核、专家评估和现场考察结果为准。")],
    ]),
  ];
}

function provider(m: MaterialTemplate, t: JurisdictionTemplate, ctx: PrecheckContext): { who: string; status: Span[] } {
  const role = t.applicantRole.replace(/（.*）$/, "");
  if (m.source === "authority") return { who: t.recommender, status: [text("待出具")] };
  if (m.source === "applicant") return { who: role, status: [text("待提供")] };
  const d = ctx.drafts.find((x) => x.kind === m.document);
  if (m.embedded) return { who: role, status: [text(`已拟好，附于${d?.title ?? "申报书"}末，待签字盖章`)] };
  const open = d ? draftOpenCount(d) : 0;
  return { who: role, status: [text(open ? `初稿已拟，待补充${open}处` : "初稿已拟，信息已齐")] };
}

function materials(check: CheckResult, t: JurisdictionTemplate, ctx: PrecheckContext): Block[] {
  const rows: Span[][][] = t.materials.map((m, i) => {
    const { who, status } = provider(m, t, ctx);
    // The rules' params may add a note of their own (zb2020:8.1: 其他附件以区县要求为准).
    const ruleNote = check.materials.find((x) => m.clause && x.clause === m.clause)?.note;
    const note = ruleNote && !m.note.includes(ruleNote) ? `${ruleNote}；${m.note}` : m.note;
    return [[text(String(i + 1))], [text(m.name)], [text(m.clause ? formatClause(m.clause) : "未列明（建议）")], [text(who)], [...status, text(`；${note}`)]];
  });
  // Materials the rules name that the template does not: listed for the applicant to supply.
  for (const m of check.materials) {
    if (t.materials.some((x) => x.clause && citationsMatch(x.clause, m.clause))) continue;
    rows.push([[text(String(rows.length + 1))], [text(m.name)], [text(formatClause(m.clause))], [text(t.applicantRole.replace(/（.*）$/, ""))], [text("待提供")]]);
  }
  const attachments: Span[][][] = t.attachments.map((a, i) => [[text(String(i + 1))], [text(a.name)], [text(formatClause(a.proves))]]);
  const article = t.clauses.submission ? `${formatCitation(t.clauses.procedure)}、${formatClause(t.clauses.submission)}` : formatCitation(t.clauses.procedure);
  return [
    ...section(1, "申报材料清单", article),
    table([["序号", 1.3], ["材料", 4.6], ["依据条款", 2.2], ["提供方", 2.4], ["状态与说明", 5.6]], rows, true, { align: { 0: "center" } }),
    ...section(2, "建议附件", undefined),
    paragraph("以下附件用于证明各项申报条件，政策未逐项列明，建议按实际提供。", { indent: true }),
    table([["序号", 1.3], ["附件", 8.4], ["用于证明", 2.8]], attachments, true, { align: { 0: "center" } }),
  ];
}

function procedure(check: CheckResult, t: JurisdictionTemplate): Block[] {
  if (check.procedure.length === 0) return [];
  return [...section(1, "申报程序", formatClause(t.clauses.procedure)), ...numbered(check.procedure.map((s) => [text(s)]))];
}

function resubmission(ctx: PrecheckContext): Block[] {
  if (!ctx.revision || ctx.revision < 2) return [];
  const notes = ctx.returnNotes ?? [];
  return [
    ...section(1, "退回意见与修改情况", undefined),
    paragraph(`本稿为第${ctx.revision}次提交。此前退回意见如下。`, { indent: true }),
    ...(notes.length ? numbered(notes.map((n) => [text(n)])) : [paragraph("（退回时未附意见）", { indent: true })]),
    paragraph([text("修改说明（针对退回意见逐条说明）："), blank("针对退回意见的逐条修改说明")], { indent: true }),
  ];
}

/** The bureau's sign-off on this pre-check: accepted or returned, by whom, when. */
function reviewerSignOff(t: JurisdictionTemplate): Block[] {
  return [
    ...section(1, "审核意见", formatClause(t.clauses.recommendation)),
    {
      kind: "opinion-box",
      title: `审核意见（${t.recommender}填写）：`,
      choices: ["□ 材料齐全，予以受理　　□ 退回补充（意见如下）"],
      signatureLines: ["审核人（签字）：　　　　　　", "复核人（签字）：　　　　　　", "年　　月　　日"],
    },
  ];
}

export function buildPrecheckReport(profile: ZoneProfile, check: CheckResult, d: DraftContext, ctx: PrecheckContext): DocModel {
  const t = d.template;
  const role = t.applicantRole.replace(/（.*）$/, "");
  const blocks: Block[] = [
    ...header(profile, check, d, ctx),
    ...conclusion(check),
    ...resubmission(ctx),
    // Warnings come early: an expired trial can make the whole application moot.
    ...warnings(check, d.date),
    ...conditions(profile, check, d),
    ...unknowns(check, t, ctx),
    ...materials(check, t, ctx),
    ...procedure(check, t),
    ...section(1, "下一步", undefined),
    paragraph(
      `${role}补全上述待补充信息、备齐附件后，对申报书盖章，按申报程序报${t.recommender}审核推荐。所填信息有变动的，应重新预审，本报告和申报书的自查结果随之更新。`,
      { indent: true },
    ),
    ...reviewerSignOff(t),
  ];
  return createDocModel("precheck-report", PRECHECK_REPORT_NAMES, t.reportTitle, blocks);
}
