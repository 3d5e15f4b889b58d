/**
 * Coming back to an intake the user left with 「退出」: the answers are still
 * in the stored state, so starting the same flow again offers to continue
 * with them — showing what was saved — instead of asking everything anew.
 */
import type { Reply } from "../messages/message.types.ts";
import { formatFactValue } from "./format-fact-value.ts";
import type { IntakeState } from "./intake-state.schema.ts";
import { proceed, type IntakeStep } from "./intake-steps.ts";
import { applicableQuestions, jurisdictionOf, resolveQuestion } from "./question-catalog.ts";

export const RESUME_CHOICE = { resume: "intake:resume", fresh: "intake:fresh" } as const;

/** The saved answers as 「label：value」 lines (skipped ones as 未知); empty when nothing was answered. */
export function savedAnswerLines(state: IntakeState): string[] {
  const j = jurisdictionOf(state);
  return applicableQuestions(state).flatMap((def) => {
    const q = resolveQuestion(def, j);
    if (state.facts[def.id] !== undefined) return [`${q.label}：${formatFactValue(q, state.facts[def.id])}`];
    return state.unknown.includes(def.id) ? [`${q.label}：未知（已跳过）`] : [];
  });
}

/** Was anything worth offering saved? (A jurisdiction alone is not.) */
export function hasSavedAnswers(state: IntakeState): boolean {
  return Object.keys(state.facts).some((id) => id !== "jurisdiction") || state.unknown.length > 0;
}

export function offerResume(state: IntakeState): Reply {
  const lines = savedAnswerLines(state);
  return {
    kind: "choices",
    text: ["您上次填写到一半退出了，已保存的内容如下：", ...lines.map((l) => `· ${l}`), "", "要接着上次的继续填，还是重新开始？"].join("\n"),
    options: [
      { id: RESUME_CHOICE.resume, label: "继续上次的填报" },
      { id: RESUME_CHOICE.fresh, label: "重新开始" },
    ],
  };
}

/** Reopens a left intake at its first open question (or its summary), answers kept. */
export function resumeIntake(left: IntakeState, now: Date): IntakeStep {
  const state = structuredClone(left);
  state.updatedAt = now.toISOString();
  state.misses = {};
  const { replies, next } = proceed(state, ["好的，接着上次的填报，已填写的内容都保留。"]);
  return { state, replies, event: { type: "started", flow: state.flow, questionId: next } };
}
