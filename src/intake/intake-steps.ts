/**
 * The building blocks of one intake step: ask the next question, record an
 * answer (clearing what depended on the old one), skip, reopen, explain,
 * finish. Each takes a state it may change (the engine passes a copy) and
 * returns the step result.
 */
import { JURISDICTIONS } from "../knowledge/jurisdictions.ts";
import type { Reply } from "../messages/message.types.ts";
import { policyForJurisdiction } from "../knowledge/policy-catalog.ts";
import { buildAgencyInput } from "./build-agency-input.ts";
import { buildZoneProfile } from "./build-zone-profile.ts";
import { formatFactValue } from "./format-fact-value.ts";
import { policyStandingNote } from "./policy-standing-note.ts";
import type { IntakeEvent } from "./intake-event.types.ts";
import type { FactValue, IntakeState } from "./intake-state.schema.ts";
import type { QuestionDef, ResolvedQuestion } from "./question.types.ts";
import {
  applicableQuestions,
  dependentsOf,
  jurisdictionOf,
  plannedSteps,
  questionById,
  resolveQuestion,
} from "./question-catalog.ts";
import { clauseLine, renderQuestion, type AskContext } from "./render-question.ts";
import { renderConfirmPrompt, renderEditPicker, renderSummary } from "./render-summary.ts";

export interface IntakeStep {
  state: IntakeState;
  replies: Reply[];
  event: IntakeEvent;
}

export function resolved(state: IntakeState, def: QuestionDef): ResolvedQuestion {
  return resolveQuestion(def, jurisdictionOf(state));
}

export function pendingQuestion(state: IntakeState): QuestionDef | undefined {
  return state.pending ? questionById(state.pending) : undefined;
}

/** The first applicable question neither answered nor left unknown. */
export function openQuestion(state: IntakeState): QuestionDef | undefined {
  return applicableQuestions(state).find((q) => state.facts[q.id] === undefined && !state.unknown.includes(q.id));
}

/** The question as a reply, with progress, current value when reopened, ticks on multi-choice. */
export function ask(state: IntakeState, def: QuestionDef, ctx: AskContext = {}): Reply {
  const numbered = plannedSteps(state);
  const index = numbered.findIndex((q) => q.id === def.id);
  const q = resolved(state, def);
  const current = state.editing && state.pending === def.id
    ? (state.unknown.includes(def.id) ? "未知（已跳过）" : formatFactValue(q, state.facts[def.id]))
    : undefined;
  return renderQuestion(q, {
    ...(index >= 0 ? { step: index + 1, total: numbered.length } : {}),
    ...(current !== undefined ? { current } : {}),
    ...(def.kind === "multi-choice" ? { selected: state.selection } : {}),
    ...ctx,
  });
}

/** Repeats whatever the intake is waiting for (pending question or summary). */
export function currentPrompt(state: IntakeState, before: string[] = [], ctx: AskContext = {}): Reply[] {
  if (state.status === "confirming") return [renderConfirmPrompt(state, before)];
  const q = pendingQuestion(state);
  return q ? [ask(state, q, { before, ...ctx })] : [renderSummary(state, before)];
}

/** Moves on: the next open question, or the summary when none is left. */
export function proceed(state: IntakeState, before: string[]): { replies: Reply[]; next: string | null } {
  state.editing = false;
  state.selection = [];
  const next = openQuestion(state);
  if (next) {
    state.status = "asking";
    state.pending = next.id;
    return { replies: [ask(state, next, { before })], next: next.id };
  }
  state.status = "confirming";
  state.pending = null;
  return { replies: [renderSummary(state, before)], next: null };
}

function forget(state: IntakeState, id: string): void {
  delete state.facts[id];
  delete state.misses[id];
  state.unknown = state.unknown.filter((u) => u !== id);
  state.answerOrder = state.answerOrder.filter((u) => u !== id);
}

/** Drops every answer that depended on `id`; returns the ids that had an answer or were skipped. */
function clearDependents(state: IntakeState, id: string): string[] {
  const cleared: string[] = [];
  for (const dep of dependentsOf(id)) {
    if (state.facts[dep.id] !== undefined || state.unknown.includes(dep.id)) {
      forget(state, dep.id);
      cleared.push(dep.id);
    }
  }
  return cleared;
}

function clearedLine(state: IntakeState, changed: QuestionDef, cleared: string[]): string[] {
  if (cleared.length === 0) return [];
  const labels = cleared.map((id) => `「${questionById(id)?.label ?? id}」`).join("");
  const applicable = new Set(applicableQuestions(state).map((q) => q.id));
  const again = cleared.some((id) => applicable.has(id)) ? "，需要的会重新询问" : "";
  return [`${labels}依赖原来的「${changed.label}」，已清除${again}。`];
}

export function record(
  state: IntakeState,
  def: QuestionDef,
  value: FactValue,
  opts: { note?: string; corrected?: boolean } = {},
): IntakeStep {
  const old = state.facts[def.id];
  const wasKnown = old !== undefined || state.unknown.includes(def.id);
  const stepsBefore = plannedSteps(state).length;
  const changed = JSON.stringify(old) !== JSON.stringify(value);
  forget(state, def.id);
  state.facts[def.id] = value;
  state.answerOrder.push(def.id);
  const cleared = changed ? clearDependents(state, def.id) : [];
  const q = resolved(state, def);
  const shown = `${formatFactValue(q, value)}${opts.note ? `（${opts.note}）` : ""}`;
  const corrected = opts.corrected === true || (state.editing && wasKnown);
  const ack = corrected ? `✓ 已修改：${q.label} 改为 ${shown}` : `✓ 已记录：${q.label} ${shown}`;
  // Choosing (or changing to) a jurisdiction whose policy is out of its trial is said at once.
  const standing = def.id === "jurisdiction" && changed ? policyStandingNote(jurisdictionOf(state), state.updatedAt) : [];
  const { replies } = proceed(state, [ack, ...clearedLine(state, def, cleared), ...(def.unnumbered ? [] : fewerSteps(state, stepsBefore)), ...standing]);
  return { state, replies, event: { type: "answered", questionId: def.id, value, cleared, corrected } };
}

/** The step count changed because of an answer: say why, so 「第 7/13 步」 after 「第 6/15 步」 is no surprise. */
function fewerSteps(state: IntakeState, before: number): string[] {
  const after = plannedSteps(state).length;
  if (after === before) return [];
  if (after < before) return [`根据这个回答，后面有 ${before - after} 个问题不需要填写，现在共 ${after} 步。`];
  return [`根据这个回答，需要多填 ${after - before} 个问题，现在共 ${after} 步。`];
}

export function skip(state: IntakeState, def: QuestionDef): IntakeStep {
  const q = resolved(state, def);
  if (def.required) {
    const message = `「${q.label}」是必填项，不能跳过`;
    return {
      state,
      replies: [ask(state, def, { before: [`${message}。${q.why}`] })],
      event: { type: "invalid", questionId: def.id, misses: state.misses[def.id] ?? 0, message, offerHelp: false },
    };
  }
  const hadAnswer = state.facts[def.id] !== undefined;
  const stepsBefore = plannedSteps(state).length;
  forget(state, def.id);
  state.unknown.push(def.id);
  const cleared = hadAnswer ? clearDependents(state, def.id) : [];
  const effect = state.flow === "application" ? "自检结果中会标为“待确认”" : "测算结果会注明这一项未提供";
  const { replies } = proceed(state, [`好的，「${q.label}」先记为未知，${effect}。`, ...clearedLine(state, def, cleared), ...fewerSteps(state, stepsBefore)]);
  return { state, replies, event: { type: "skipped", questionId: def.id } };
}

/** Reopens an answered (or skipped, or not yet reached) question. */
export function startEdit(state: IntakeState, def: QuestionDef, before: string[] = []): IntakeStep {
  if (!applicableQuestions(state).some((q) => q.id === def.id)) {
    return editPicker(state, [...before, `「${def.label}」在当前情况下不需要填写。`]);
  }
  state.status = "asking";
  state.pending = def.id;
  state.editing = true;
  const current = state.facts[def.id];
  state.selection = def.kind === "multi-choice" && Array.isArray(current) ? [...current] : [];
  return { state, replies: [ask(state, def, { before })], event: { type: "edit", questionId: def.id } };
}

export function editPicker(state: IntakeState, before: string[] = [], only?: readonly QuestionDef[]): IntakeStep {
  return { state, replies: [renderEditPicker(state, before, only)], event: { type: "edit", questionId: null } };
}

export function keep(state: IntakeState, def: QuestionDef): IntakeStep {
  const q = resolved(state, def);
  const current = state.unknown.includes(def.id) ? "未知" : formatFactValue(q, state.facts[def.id]);
  const { replies } = proceed(state, [`好的，「${q.label}」保持为：${current}。`]);
  return { state, replies, event: { type: "kept", questionId: def.id } };
}

export function explain(state: IntakeState, def: QuestionDef): IntakeStep {
  const q = resolved(state, def);
  const before = [`为什么问「${q.label}」：${q.why}${clauseLine(q)}`];
  return {
    state,
    replies: [ask(state, def, { before })],
    event: { type: "explain", questionId: def.id, clause: q.clause },
  };
}

export function miss(state: IntakeState, def: QuestionDef, message: string, example: string): IntakeStep {
  const misses = (state.misses[def.id] ?? 0) + 1;
  state.misses[def.id] = misses;
  const offerHelp = misses >= 3;
  const before = [`这个回答没能采用：${message}。`, `例如：${example}`];
  return {
    state,
    replies: [ask(state, def, { before, offerHelp, compact: !offerHelp })],
    event: { type: "invalid", questionId: def.id, misses, message, offerHelp },
  };
}

export function cancel(state: IntakeState): IntakeStep {
  state.status = "cancelled";
  state.pending = null;
  state.editing = false;
  state.selection = [];
  return {
    state,
    replies: [{ kind: "text", text: "已退出本次填报，已填写的内容不会提交。需要时可以重新开始。" }],
    event: { type: "cancelled" },
  };
}

export function complete(state: IntakeState, now: Date): IntakeStep {
  state.status = "done";
  state.pending = null;
  state.editing = false;
  if (state.flow === "application") {
    const profile = buildZoneProfile(state, now);
    // The jurisdiction question is required, so it is answered here; the first registered one is only a type's fallback.
    const jurisdiction = jurisdictionOf(state) ?? JURISDICTIONS[0]!;
    const policy = policyForJurisdiction(jurisdiction);
    return {
      state,
      replies: [{ kind: "text", text: `好的，信息已确认。下面按《${policy.title}》逐项自检。` }],
      event: { type: "completed", flow: "application", action: "check", jurisdiction, profile },
    };
  }
  const input = buildAgencyInput(state, now);
  return {
    state,
    replies: [{ kind: "text", text: "好的，信息已确认。下面按第九条逐项测算（各项金额均为“不超过”的上限）。" }],
    event: { type: "completed", flow: "agency-estimate", action: "estimate", input },
  };
}
