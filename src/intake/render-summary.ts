/**
 * The summary before finishing: every answer, numbered like the steps, so
 * 「修改 3」 and the progress line 「第 3/9 步」 name the same item; plus buttons
 * to confirm or pick an item to change.
 */
import type { ChoiceOption, Reply } from "../messages/message.types.ts";
import { formatFactValue } from "./format-fact-value.ts";
import type { FactValue, IntakeState } from "./intake-state.schema.ts";
import type { QuestionDef } from "./question.types.ts";
import { applicableQuestions, jurisdictionOf, resolveQuestion } from "./question-catalog.ts";
import { CONTROL, EDIT_PREFIX } from "./render-question.ts";

export interface SummaryLine {
  /** the step number (absent for the unnumbered jurisdiction choice) */
  step?: number;
  questionId: string;
  label: string;
  value: FactValue | undefined;
  /** the value as the user reads it, or 未知（已跳过） */
  display: string;
  status: "answered" | "unknown" | "open";
}

export function summaryLines(state: IntakeState): SummaryLine[] {
  const j = jurisdictionOf(state);
  let step = 0;
  return applicableQuestions(state).map((def) => {
    const q = resolveQuestion(def, j);
    const value = state.facts[q.id];
    const status = value !== undefined ? "answered" : state.unknown.includes(q.id) ? "unknown" : "open";
    const display = status === "answered" ? formatFactValue(q, value) : status === "unknown" ? "未知（已跳过）" : "未填写";
    return { ...(q.unnumbered ? {} : { step: ++step }), questionId: q.id, label: q.label, value, display, status };
  });
}

const CONFIRM_LABEL = { application: "确认无误，开始自检", "agency-estimate": "确认无误，开始测算" } as const;
const EDIT_HINT = {
  application: "确认无误请回复「确认」；要修改请回复「修改 3」或「修改 面积」，也可以直接说「面积其实是1200平米」。",
  "agency-estimate": "确认无误请回复「确认」；要修改请回复「修改 4」或「修改 贷款」，也可以直接说「贷款其实是5笔」。",
} as const;

function confirmOptions(state: IntakeState): ChoiceOption[] {
  return [
    { id: CONTROL.confirm, label: CONFIRM_LABEL[state.flow] },
    { id: CONTROL.edit, label: "修改某一项" },
  ];
}

export function renderSummary(state: IntakeState, before: string[] = []): Reply {
  const lines = summaryLines(state);
  const text: string[] = [...before];
  if (text.length) text.push("");
  text.push("请核对以下信息：");
  for (const l of lines) text.push(l.step === undefined ? `${l.label}：${l.display}` : `${l.step}. ${l.label}：${l.display}`);
  const unknown = lines.filter((l) => l.status !== "answered").length;
  if (unknown > 0) {
    const effect = state.flow === "application" ? "自检结果中会显示为“待确认”" : "测算结果会注明未提供的信息";
    text.push("", `有 ${unknown} 项未填写，${effect}。`);
  }
  if (state.flow === "agency-estimate" && (state.facts["agency.inZone"] === false || state.facts["agency.patentAgencyQualified"] === false)) {
    // Reading 2 of 第九条 (estimate-assumptions.ts): no item of 第九条 applies outside the zone or without qualification.
    text.push("", "第九条的各项支持只面向示范区内、有专利代理资质的服务机构，所以其余问题没有再问。");
  }
  text.push("", EDIT_HINT[state.flow]);
  return { kind: "choices", text: text.join("\n"), options: confirmOptions(state) };
}

/** A short reminder after an interruption, without repeating the whole list. */
export function renderConfirmPrompt(state: IntakeState, before: string[] = []): Reply {
  const text = [...before, ...(before.length ? [""] : []), "（回到核对信息）", EDIT_HINT[state.flow]].join("\n");
  return { kind: "choices", text, options: confirmOptions(state) };
}

/** Buttons to pick the item to change; `only` narrows them (e.g. an ambiguous 「修改 服务」). */
export function renderEditPicker(state: IntakeState, before: string[] = [], only?: readonly QuestionDef[]): Reply {
  const ids = only ? new Set(only.map((q) => q.id)) : undefined;
  // Without a narrowing, offer what has been answered or skipped: questions ahead come in their turn.
  const all = summaryLines(state);
  const reached = all.filter((l) => l.status !== "open");
  const lines = ids ? all.filter((l) => ids.has(l.questionId)) : reached.length ? reached : all;
  const resume = state.status === "asking" ? "不改的话，直接回答刚才的问题即可。" : "";
  const text = [...before, ...(before.length ? [""] : []), `要修改哪一项？点选，或回复「修改 编号」「修改 名称」。${resume}`].join("\n");
  return {
    kind: "choices",
    text,
    options: lines.map((l) => ({
      id: `${EDIT_PREFIX}${l.questionId}`,
      label: `${l.step === undefined ? "" : `${l.step}. `}${l.label}：${l.display}`,
    })),
  };
}
