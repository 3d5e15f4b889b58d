/**
 * Materials checklist and pre-check report: every item of zj2018:9 or
 * zb2020:7–8 with who supplies it, every condition's result, the facts still
 * unknown (from the rules and from the other drafts' placeholders), and the
 * warnings, policy validity first. Pure: (profile, check, now, context) → DocModel.
 */
import { articleOf, citationsMatch, formatCitation, formatClause } from "../knowledge/citation.ts";
import { POLICIES } from "../knowledge/policy-catalog.ts";
import { factLabel } from "../rules/labels.ts";
import type { CheckResult } from "../rules/rule-result.types.ts";
import type { ZoneProfile } from "../rules/zone-profile.schema.ts";
import { formatChineseDate, formatIsoDateChinese, isoDateInChina } from "./chinese-date.ts";
import { conditionTable, statusSummary, VERDICT_LABELS } from "./condition-results.ts";
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
  type DocumentKind,
  type PlaceholderSection,
  type Span,
} from "./document-model.ts";
import { templateFor, type JurisdictionTemplate, type MaterialTemplate } from "./jurisdiction-templates.ts";
import * as f from "./profile-facts.ts";

export const PRECHECK_REPORT_NAMES = { name: "材料清单与预审报告", asciiName: "checklist-precheck-report" } as const;

/** What the report needs to know about the other drafts. */
export interface PrecheckContext {
  /** the drafts generated alongside, with their file names and open placeholders */
  drafts: { kind: DocumentKind; title: string; fileName: string; placeholders: PlaceholderSection[] }[];
  /** 1 for a first submission; 2+ when re-drafted after staff returned it */
  revision?: number;
  /** why staff returned the previous submission */
  returnNotes?: string[];
}

/** Policy validity in one sentence, for both the trial with no end date and the one-year trial. */
export function policyValidityText(check: CheckResult, asOf: string): string {
  const meta = POLICIES[check.policy.id];
  const title = `《${meta.title}》`;
  const since = formatIsoDateChinese(meta.effective);
  if (meta.trialEnds === undefined) {
    return `${title}自${since}起实施，为试行文件，未规定截止日期。本报告按现行有效处理；申报前请向${meta.issuer}或所在设区市知识产权局确认仍在执行、没有新版本。`;
  }
  const ends = formatIsoDateChinese(meta.trialEnds);
  const lastArticle = meta.id === "zb2020" ? "（第十七条）" : "";
  if (check.policy.status === "trial-expired") {
    return `${title}自${since}起实施，试用期一年，已于${ends}届满${lastArticle}。预审基准日${formatIsoDateChinese(asOf)}已超出试用期：请先向${meta.issuer}确认该方案是否延续或已有新文件，再决定是否按本方案申报。`;
  }
  if (check.policy.status === "not-yet-in-force") {
    return `${title}自${since}起实施；预审基准日${formatIsoDateChinese(asOf)}时尚未施行。`;
  }
  return `${title}自${since}起实施，试用期一年，至${ends}${lastArticle}；预审基准日${formatIsoDateChinese(asOf)}在试用期内。`;
}

function header(p: ZoneProfile, check: CheckResult, asOf: string, now: Date, ctx: PrecheckContext): Block[] {
  const meta = POLICIES[check.policy.id];
  const t = templateFor(check.jurisdiction);
  return [
    { kind: "title", text: t.reportTitle },
    fieldTable([
      ["申报单位", f.applicantName(p)],
      ["示范区名称", f.zoneName(p)],
      ["适用政策", [text(`《${meta.title}》`)]],
      ["政策状态", [text(check.policy.status === "in-force" ? "施行中" : check.policy.status === "trial-expired" ? "试用期已满" : "尚未施行")]],
      ["预审基准日", [text(formatIsoDateChinese(asOf))]],
      ["生成日期", [text(formatChineseDate(now))]],
      ["提交次数", [text(`第 ${ctx.revision ?? 1} 次`)]],
      ["预审结论", [text(VERDICT_LABELS[check.verdict], true)]],
    ]),
  ];
}

function conclusion(check: CheckResult): Block[] {
  const next =
    check.verdict === "eligible"
      ? "申报条件均已具备。请补全各初稿中的【待补充】项，盖章后按申报程序报送。"
      : check.verdict === "not-eligible"
        ? "有申报条件尚不符合（见下表“差距”），建议先补齐差距再申报；初稿可作准备之用。"
        : "有申报条件因信息不全无法判断，请补充下列信息后重新生成，预审结论将随之更新。";
  const expired = check.policy.status === "trial-expired" ? "注意：所依据的政策试用期已满，见“提示与风险”。" : "";
  return [
    ...section(1, "预审结论", undefined),
    paragraph([text(`${VERDICT_LABELS[check.verdict]}。`, true), text(`${statusSummary(check)}。${next}${expired}`)], { indent: true }),
  ];
}

function conditions(check: CheckResult, t: JurisdictionTemplate): Block[] {
  return [...section(1, "申报条件逐项结果", formatCitation(articleOf(t.clauses.institutions))), conditionTable(check, { withGap: true })];
}

function numbered(items: Span[][]): Block[] {
  return items.map((spans, i) => paragraph([text(`${i + 1}．`), ...spans], { indent: true }));
}

function unknowns(check: CheckResult, ctx: PrecheckContext): Block[] {
  const missing = check.conditions.flatMap((c) => (c.missing ?? []).map((m) => ({ fact: m, clause: c.id })));
  const blocks: Block[] = [...section(1, "待补充信息", undefined)];
  blocks.push(...section(2, "影响申报条件判断的信息", undefined));
  if (missing.length === 0) blocks.push(paragraph("无。申报条件所需的信息均已填报。", { indent: true }));
  else blocks.push(...numbered(missing.map((m) => [placeholder(factLabel(m.fact)), text(`（影响${formatClause(m.clause)}的判断）`)])));
  for (const d of ctx.drafts) {
    const count = d.placeholders.reduce((n, s) => n + s.items.length, 0);
    blocks.push(...section(2, `${d.title}中的待补充项`, undefined));
    if (count === 0) {
      blocks.push(paragraph("无。", { indent: true }));
      continue;
    }
    blocks.push(paragraph(`共 ${count} 项，在${d.fileName}中以【待补充】标出（Word 中以黄色突出显示）：`, { indent: true }));
    blocks.push(table([["部分", 3], ["待补充项", 9]], d.placeholders.map((s) => [[text(s.section)], [text(s.items.join("；"))]])));
  }
  return blocks;
}

function warnings(check: CheckResult, asOf: string): Block[] {
  // policy-trial-expired is said by policyValidityText in full; the others are printed as the rules give them.
  const others = check.warnings.filter((w) => w.code !== "policy-trial-expired").map((w) => [text(w.message)]);
  return [
    ...section(1, "提示与风险", undefined),
    ...numbered([
      [text("政策时效："), text(policyValidityText(check, asOf))],
      ...others,
      [text("本报告及各初稿由申报助手依据申报单位填报的信息生成，自查结果不代表主管部门的审核意见；最终以主管部门审核、专家评估和现场考察结果为准。")],
    ]),
  ];
}

function provider(m: MaterialTemplate, t: JurisdictionTemplate, ctx: PrecheckContext): { who: string; status: Span[] } {
  if (m.source === "authority") return { who: t.recommender, status: [text("待出具")] };
  if (m.source === "applicant") return { who: "申报单位提供", status: [text("待提供")] };
  const d = ctx.drafts.find((x) => x.kind === m.document);
  if (m.embedded) return { who: `申报助手已生成${d ? `（附于${d.fileName}末）` : ""}`, status: [text("已生成")] };
  const open = d?.placeholders.reduce((n, s) => n + s.items.length, 0) ?? 0;
  return {
    who: `申报助手已生成${d ? `（${d.fileName}）` : ""}`,
    status: [text(open ? `初稿，待补充 ${open} 项` : "初稿，信息已齐")],
  };
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
    rows.push([[text(String(rows.length + 1))], [text(m.name)], [text(formatClause(m.clause))], [text("申报单位提供")], [text("待提供")]]);
  }
  const attachments: Span[][][] = t.attachments.map((a, i) => [[text(String(i + 1))], [text(a.name)], [text(formatClause(a.proves))]]);
  const article = t.jurisdiction === "zhejiang" ? formatCitation(t.clauses.procedure) : `${formatCitation("zb2020:7")}、${formatClause("zb2020:8")}`;
  return [
    ...section(1, "申报材料清单", article),
    table([["序号", 1.3], ["材料", 4.4], ["依据条款", 2.2], ["提供方", 3], ["状态与说明", 5]], rows),
    ...section(2, "建议附件", undefined),
    paragraph("以下附件用于证明各项申报条件，政策未逐项列明，建议按实际提供：", { indent: true }),
    table([["序号", 1.3], ["附件", 8], ["用于证明", 3]], attachments),
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
    paragraph(`本稿为第 ${ctx.revision} 次提交。上次退回意见如下：`, { indent: true }),
    ...(notes.length ? numbered(notes.map((n) => [text(n)])) : [paragraph("（退回时未附意见）", { indent: true })]),
    paragraph([text("修改说明："), placeholder("针对退回意见的逐条修改说明")], { indent: true }),
  ];
}

export function buildPrecheckReport(profile: ZoneProfile, check: CheckResult, now: Date, ctx: PrecheckContext): DocModel {
  const t = templateFor(check.jurisdiction);
  const asOf = check.asOf ?? profile.asOf ?? isoDateInChina(now);
  const blocks: Block[] = [
    ...header(profile, check, asOf, now, ctx),
    ...conclusion(check),
    ...resubmission(ctx),
    // Warnings come early: an expired trial can make the whole application moot.
    ...warnings(check, asOf),
    ...conditions(check, t),
    ...unknowns(check, ctx),
    ...materials(check, t, ctx),
    ...procedure(check, t),
    ...section(1, "下一步", undefined),
    paragraph("补全上述待补充信息后重新生成（命令行 draft，或在对话中重新提交），申报书、建设工作方案和本报告会按新信息一并更新。", { indent: true }),
  ];
  return createDocModel("precheck-report", PRECHECK_REPORT_NAMES, t.reportTitle, blocks);
}
