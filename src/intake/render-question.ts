/**
 * A question as a reply: progress line, prompt, why we ask (with its clause),
 * an example, and buttons for fixed options. Options are numbered in their
 * labels so that typing 「1,3,5」 matches what the buttons show.
 */
import type { ChoiceOption, Reply } from "../messages/message.types.ts";
import { formatCitation } from "../knowledge/citation.ts";
import { YES_NO_OPTIONS } from "./choice-options.ts";
import type { ResolvedQuestion } from "./question.types.ts";

/**
 * Control ids that are not tied to one question: the summary's 「确认」 and
 * 「修改某一项」, 「退出」, and 「完成」 of a multi-select (channels add that
 * button themselves and send `done`).
 */
export const CONTROL = {
  confirm: "confirm",
  edit: "edit",
  cancel: "cancel",
  done: "done",
} as const;

export const EDIT_PREFIX = "edit:";

/** Answers typed as numbers; channels that map 「1」「2」 to buttons must not do so for these. */
const NUMBER_KINDS = new Set<ResolvedQuestion["kind"]>(["count", "area", "year", "date", "clients", "phone", "credit-code"]);

/** Buttons that act on the question they were shown with. */
export type QuestionControl = "skip" | "keep" | "explain";

/**
 * Every button of a question names that question: `zone.areaType=other`,
 * `zone.industryAdvantage=yes`, `skip:zone.areaType`. A bare `other` or `yes`
 * from an older message (a double tap, a keyboard scrolled back to) would
 * otherwise answer whichever question is pending now — 「其他」 for the area
 * type landing on the carrier type asked next. The longest id is well under
 * Telegram's 64-byte `callback_data`.
 */
export function optionChoiceId(questionId: string, value: string): string {
  return `${questionId}=${value}`;
}

export function controlChoiceId(control: QuestionControl, questionId: string): string {
  return `${control}:${questionId}`;
}

export type QuestionChoice =
  | { questionId: string; value: string }
  | { questionId: string; control: QuestionControl };

/** Reads a question's button id back; undefined for anything else (global controls, foreign ids). */
export function readQuestionChoice(choice: string): QuestionChoice | undefined {
  const control = /^(skip|keep|explain):(.+)$/u.exec(choice);
  if (control) return { questionId: control[2]!, control: control[1] as QuestionControl };
  const eq = choice.indexOf("=");
  if (eq > 0 && eq < choice.length - 1) return { questionId: choice.slice(0, eq), value: choice.slice(eq + 1) };
  return undefined;
}

export interface AskContext {
  /** 1-based step and total for 「第 3/9 步」; absent for the unnumbered routing question */
  step?: number;
  total?: number;
  /** lines before the question: an acknowledgement, an error, 「回到刚才的问题」 */
  before?: string[];
  /** the current answer, when the question was reopened with 「修改」 */
  current?: string;
  /** options already ticked on a multi-choice question */
  selected?: string[];
  /** from the third miss: offer skip and explanation prominently */
  offerHelp?: boolean;
  /** after a bad answer: the prompt again without the explanation already shown */
  compact?: boolean;
}

export function clauseLine(q: ResolvedQuestion): string {
  return q.clause ? `（依据：${formatCitation(q.clause)}）` : "";
}

export function renderQuestion(q: ResolvedQuestion, ctx: AskContext = {}): Reply {
  const lines: string[] = [...(ctx.before ?? [])];
  if (lines.length) lines.push("");
  const progress = ctx.step !== undefined && ctx.total !== undefined ? `第 ${ctx.step}/${ctx.total} 步 · ` : "";
  lines.push(`${progress}${q.label}`);
  lines.push(q.prompt);
  if (!ctx.compact) lines.push(`为什么问：${q.why}${clauseLine(q)}`);
  if (ctx.current !== undefined) lines.push(`当前答案：${ctx.current}（不改请回复「保持」）`);
  const skipHint = q.required ? "" : "；不清楚可回复「跳过」";
  if (!ctx.compact) lines.push(`例如：${q.example}${skipHint}`);
  else if (!q.required) lines.push("不清楚可回复「跳过」。");
  if (ctx.offerHelp) {
    lines.push("");
    lines.push(
      q.required
        ? "这一项是必填的。可以点「为什么问这个？」看政策说明，或者直接向我提问。"
        : "这一题好像不太好回答。可以先「跳过」（结果里会标为待确认），点「为什么问这个？」看政策说明，或者直接向我提问。",
    );
  }
  const text = lines.join("\n");

  const controls: ChoiceOption[] = [];
  if (ctx.current !== undefined) controls.push({ id: controlChoiceId("keep", q.id), label: "保持原答案" });
  if (!q.required) controls.push({ id: controlChoiceId("skip", q.id), label: "不清楚，跳过" });
  if (ctx.offerHelp) controls.push({ id: controlChoiceId("explain", q.id), label: "为什么问这个？" });

  const numbered = (opts: readonly { id: string; label: string }[]) =>
    opts.map((o, i) => ({ id: optionChoiceId(q.id, o.id), label: `${i + 1}. ${o.label}` }));
  if (q.kind === "yes-no") {
    return { kind: "choices", text, options: [...YES_NO_OPTIONS.map((o) => ({ id: optionChoiceId(q.id, o.id), label: o.label })), ...controls] };
  }
  if (q.kind === "choice" && q.options) {
    return { kind: "choices", text, options: [...numbered(q.options), ...controls] };
  }
  if (q.kind === "multi-choice" && q.options) {
    return {
      kind: "choices",
      text,
      options: [...numbered(q.options), ...controls],
      multi: true,
      selected: (ctx.selected ?? []).map((value) => optionChoiceId(q.id, value)),
    };
  }
  if (controls.length > 0 && (ctx.offerHelp || ctx.current !== undefined)) {
    return { kind: "choices", text, options: controls, ...(NUMBER_KINDS.has(q.kind) ? { numberAnswer: true } : {}) };
  }
  return { kind: "text", text };
}
