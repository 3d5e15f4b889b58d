/**
 * The guided intake as two pure functions over a JSON state:
 *
 *   const step = startIntake("application", { jurisdiction: "zhejiang", now });
 *   // send step.replies, store step.state
 *   const next = advanceIntake(step.state, { text: "25家" }, now);
 *   // react to next.event (question → answer it first; completed → run check/estimate)
 *
 * Nothing here reads the clock, a database or a channel; the caller passes
 * `now` and keeps the state.
 */
import type { Jurisdiction } from "../rules/zone-profile.schema.ts";
import type { Reply } from "../messages/message.types.ts";
import { detectIntent, type Intent } from "./detect-intent.ts";
import { looksLikeQuestion } from "./detect-question.ts";
import { intakeStateSchema, isIntakeOpen, type FactValue, type IntakeFlow, type IntakeState } from "./intake-state.schema.ts";
import {
  ask,
  cancel,
  complete,
  currentPrompt,
  editPicker,
  explain,
  keep,
  miss,
  pendingQuestion,
  proceed,
  record,
  resolved,
  skip,
  startEdit,
  type IntakeStep,
} from "./intake-steps.ts";
import { parseAnswer } from "./parse-answer.ts";
import { policyStandingNote } from "./policy-standing-note.ts";
import { parseYesNo } from "./parsers/parse-yes-no.ts";
import { cleanAnswer } from "./parsers/normalize-input.ts";
import type { QuestionDef, ResolvedQuestion } from "./question.types.ts";
import { agencyJurisdiction, applicableQuestions, jurisdictionOf, questionById, questionsOf } from "./question-catalog.ts";
import { jurisdictionModule } from "../rules/jurisdiction-registry.ts";
import { CONTROL, EDIT_PREFIX, readQuestionChoice } from "./render-question.ts";
import { renderConfirmPrompt, renderSummary } from "./render-summary.ts";
import { inferCorrection, mentionedIn, resolveTarget } from "./resolve-target.ts";

export type { IntakeStep } from "./intake-steps.ts";

/** What a user sent: typed text, or the id of a pressed button (as in `IncomingMessage`). */
export interface IntakeInput {
  text?: string;
  choice?: string;
}

export interface StartIntakeOptions {
  /** the application flow skips the jurisdiction question when it is known */
  jurisdiction?: Jurisdiction;
  /** facts known beforehand, by question id (e.g. from a stored profile) */
  prefill?: Record<string, FactValue>;
  /** defaults to the current time */
  now?: Date;
}

/** The intake's opening sentence; the estimate's is its jurisdiction module's (Zibo 第九条). */
function intro(flow: IntakeFlow): string {
  if (flow === "application") {
    return "好的，我们来做申报准备：先确认单位信息，再逐项核对示范区条件，最后给出自检结果。随时可以问我政策问题，也可以回复「跳过」「修改 面积」「上一步」或「退出」。";
  }
  return `${jurisdictionModule(agencyJurisdiction()).estimate!.intro}随时可以问我政策问题，也可以回复「跳过」「修改 年度」「上一步」或「退出」。`;
}

/** Begins an intake and asks its first question. */
export function startIntake(flow: IntakeFlow, opts: StartIntakeOptions = {}): IntakeStep {
  const now = opts.now ?? new Date();
  const facts: Record<string, FactValue> = { ...(opts.prefill ?? {}) };
  if (flow === "application" && opts.jurisdiction) facts.jurisdiction = opts.jurisdiction;
  const state = intakeStateSchema.parse({
    version: 1,
    flow,
    status: "asking",
    facts,
    unknown: [],
    pending: null,
    editing: false,
    misses: {},
    selection: [],
    answerOrder: [],
    startedAt: now.toISOString(),
    updatedAt: now.toISOString(),
  });
  const { replies, next } = proceed(state, [intro(flow), ...policyStandingNote(jurisdictionOf(state), now)]);
  return { state, replies, event: { type: "started", flow, questionId: next } };
}

/** The prompt the intake is waiting on, e.g. when a user comes back after a break. */
export function repeatPrompt(state: IntakeState): Reply[] {
  return isIntakeOpen(state) ? currentPrompt(intakeStateSchema.parse(state)) : [];
}

/** One user message → the new state, the replies to send and what happened. The state given is left as it was. */
export function advanceIntake(stateIn: IntakeState, input: IntakeInput | string, now: Date): IntakeStep {
  // Not validated again: an `IntakeState` is one already (a stored one is checked where it is read,
  // src/assistant/session-state.schema.ts), and the zod parse here was 6 % of a chat message's CPU.
  return advanceOwnIntake(structuredClone(stateIn), input, now);
}

/**
 * `advanceIntake` for a caller that owns the state it passes — a copy it has
 * just parsed for this message and will not read again — which becomes the
 * step's state, changed in place. The assistant's turn does this: its state
 * is parsed from the stored JSON for every message, so the engine's own copy
 * (`structuredClone`, ~8 % of a chat message's main-thread time in the
 * assistant bench's profile) would copy a copy.
 */
export function advanceOwnIntake(state: IntakeState, input: IntakeInput | string, now: Date): IntakeStep {
  state.updatedAt = now.toISOString();
  const msg = typeof input === "string" ? { text: input } : input;
  if (state.status === "done" || state.status === "cancelled") {
    return { state, replies: [], event: { type: "closed" } };
  }
  if (state.status === "asking" && !pendingQuestion(state)) {
    // A stored state from an older catalog may point at a question that no longer exists.
    const { replies } = proceed(state, []);
    return { state, replies, event: { type: "edit", questionId: state.pending } };
  }
  const choice = msg.choice?.trim();
  if (choice) return onChoice(state, choice, now);
  const text = msg.text ?? "";
  if (cleanAnswer(text) === "") return noAnswer(state, "没有收到内容");
  return onText(state, text, now);
}

function noAnswer(state: IntakeState, message: string): IntakeStep {
  return {
    state,
    replies: currentPrompt(state, [`${message}，请回答下面的问题：`]),
    event: { type: "invalid", questionId: state.pending, misses: state.misses[state.pending ?? ""] ?? 0, message, offerHelp: false },
  };
}

function onChoice(state: IntakeState, choice: string, now: Date): IntakeStep {
  if (choice === CONTROL.cancel) return cancel(state);
  if (choice === UNSURE.yes || choice === UNSURE.no) {
    const unsure = heldAnswer(state);
    if (!unsure) return noAnswer(state, "这个按钮已过期");
    return choice === UNSURE.yes ? acceptHeld(state, unsure.def) : rejectHeld(state, unsure.def);
  }
  if (choice === CONTROL.edit) return editPicker(state);
  if (choice.startsWith(EDIT_PREFIX)) {
    const def = questionById(choice.slice(EDIT_PREFIX.length));
    return def ? startEdit(state, def) : editPicker(state, ["这一项已不存在，请重新选择。"]);
  }
  if (state.status === "confirming") {
    if (choice === CONTROL.confirm) return complete(state, now);
    return { state, replies: [renderSummary(state, ["这个按钮已过期。"])], event: { type: "summary" } };
  }
  const def = pendingQuestion(state)!;
  if (def.kind === "multi-choice" && choice === CONTROL.done) return record(state, def, [...state.selection]);
  const pressed = readQuestionChoice(choice);
  // A button of another (earlier) question never answers this one.
  if (!pressed || pressed.questionId !== def.id) return noAnswer(state, "这个按钮对应的是之前的问题");
  const q = resolved(state, def);
  if ("control" in pressed) {
    if (pressed.control === "skip") return skip(state, def);
    if (pressed.control === "explain") return explain(state, def);
    if (pressed.control === "keep" && state.editing) return keep(state, def);
    return noAnswer(state, "这个按钮已过期");
  }
  const value = pressed.value;
  if (def.kind === "yes-no" && (value === "yes" || value === "no")) return record(state, def, value === "yes");
  const option = q.options?.find((o) => o.id === value);
  if (def.kind === "choice" && option) return record(state, def, option.id);
  if (def.kind === "multi-choice") {
    if (option) {
      const selected = state.selection.includes(option.id)
        ? state.selection.filter((id) => id !== option.id)
        : [...state.selection, option.id];
      // Keep option order, so the stored list reads like the question.
      state.selection = (q.options ?? []).map((o) => o.id).filter((id) => selected.includes(id));
      return {
        state,
        replies: currentPrompt(state),
        event: { type: "selection", questionId: def.id, selected: state.selection },
      };
    }
  }
  return noAnswer(state, "这个按钮对应的是之前的问题");
}

function onText(state: IntakeState, text: string, now: Date): IntakeStep {
  const held = heldAnswer(state);
  if (held) {
    const said = cleanAnswer(text);
    const yn = parseYesNo(text);
    if (/^(不对|不是|错了|填错了|重新填写?|不，?重新填写?)$/u.test(said) || (yn.ok && !yn.value)) return rejectHeld(state, held.def);
    if ((yn.ok && yn.value) || /^(确认|没错|对的|对|就是这个数|就是)$/u.test(said)) return acceptHeld(state, held.def);
    // Anything else is a new answer (or a question): the held one is dropped.
    state.unsure = null;
  }
  const questionLike = looksLikeQuestion(text);
  const intent = detectIntent(text);
  // 「其实是不是也算？」 is a question, not a correction.
  if (intent && !(questionLike && intent.kind === "correct")) {
    const handled = onIntent(state, intent, now);
    if (handled) return handled;
  }

  if (state.status === "confirming") {
    // A bare number or item name on the summary picks the item to change: 「3」「面积」.
    const target = resolveTarget(state, text);
    if (!questionLike && target.kind === "found") return startEdit(state, target.question);
    if (questionLike) {
      return { state, replies: [renderConfirmPrompt(state)], event: { type: "question", text, questionId: null } };
    }
    return {
      state,
      replies: [renderConfirmPrompt(state, ["没能识别这个回复。"])],
      event: { type: "invalid", questionId: null, misses: 0, message: "请确认或指明要修改的项目", offerHelp: false },
    };
  }

  const def = pendingQuestion(state)!;
  const q = resolved(state, def);
  const parsed = parseAnswer(q, text, now, questionLike ? "exact" : "lenient");
  if (parsed.ok) return recordParsed(state, def, parsed);
  const attempt = questionLike ? answerAttempt(q, text) : undefined;
  if (attempt !== undefined) {
    // 「91330106MA2B3C4D5D?」: an answer with a stray mark, not a policy question. Read it as the answer it is.
    const retried = parseAnswer(q, attempt, now, "lenient");
    if (retried.ok) return recordParsed(state, def, retried);
    return miss(state, def, retried.message, retried.example);
  }
  if (questionLike) {
    // State is untouched: the core answers `text`, then sends the pending question again (once).
    return {
      state,
      replies: [ ...currentPrompt(state, ["（接着刚才的问题）"]) ],
      event: { type: "question", text, questionId: def.id },
    };
  }
  return miss(state, def, parsed.message, parsed.example);
}

/**
 * Kinds whose answers have a shape of their own (digits, a code): a message of
 * that shape is an answer attempt even when it ends in 「?」.
 */
const SHAPED: Partial<Record<QuestionDef["kind"], RegExp>> = {
  "credit-code": /^[0-9A-Za-z][0-9A-Za-z\s-]{5,}$/u,
  phone: /^[+＋]?[\d\s()（）-]{5,}$/u,
  count: /\d/u,
  area: /\d/u,
  year: /\d/u,
  date: /\d/u,
  clients: /\d/u,
};

/** The text without its trailing question marks, when what is left is shaped like this question's answer. */
function answerAttempt(q: ResolvedQuestion, text: string): string | undefined {
  const shape = SHAPED[q.kind];
  if (!shape) return undefined;
  const bare = cleanAnswer(text).replace(/[\s?？]+$/u, "");
  if (bare === "" || looksLikeQuestion(bare) || !shape.test(bare)) return undefined;
  return bare;
}

/** Steering words; undefined when they do not apply here and the text should be read as an answer. */
function onIntent(state: IntakeState, intent: Intent, now: Date): IntakeStep | undefined {
  const def = pendingQuestion(state);
  const asking = state.status === "asking" && def !== undefined;
  switch (intent.kind) {
    case "cancel":
      return cancel(state);
    case "skip":
      return asking ? skip(state, def) : undefined;
    case "explain":
      return asking ? explain(state, def) : undefined;
    case "keep":
      return asking && state.editing ? keep(state, def) : undefined;
    case "confirm":
      return state.status === "confirming" ? complete(state, now) : undefined;
    case "done":
      return asking && def.kind === "multi-choice" && state.selection.length > 0
        ? record(state, def, [...state.selection])
        : undefined;
    case "back":
      return back(state);
    case "edit":
      return onEdit(state, intent, now);
    case "correct":
      return onCorrect(state, intent.target, intent.value, now);
  }
}

function back(state: IntakeState): IntakeStep {
  const all = applicableQuestions(state);
  const index = state.pending ? all.findIndex((q) => q.id === state.pending) : all.length;
  const previous = all[index - 1];
  return previous ? startEdit(state, previous) : { state, replies: currentPrompt(state, ["已经是第一步了。"]), event: { type: "edit", questionId: state.pending } };
}

function applyValue(state: IntakeState, def: QuestionDef, raw: string, now: Date): IntakeStep {
  const parsed = parseAnswer(resolved(state, def), raw, now);
  if (parsed.ok) return recordParsed(state, def, parsed, true);
  return startEdit(state, def, [`「${raw}」不能作为「${def.label}」的答案：${parsed.message}。例如：${parsed.example}`]);
}

function onEdit(state: IntakeState, intent: Extract<Intent, { kind: "edit" }>, now: Date): IntakeStep | undefined {
  if (intent.target === "") {
    if (intent.value !== undefined) return onCorrect(state, "", intent.value, now);
    return intent.loose ? undefined : editPicker(state);
  }
  const target = resolveTarget(state, intent.target);
  if (target.kind === "found") {
    return intent.value !== undefined ? applyValue(state, target.question, intent.value, now) : startEdit(state, target.question);
  }
  if (intent.loose) return undefined; // 「改革路1号」 is an address, not an edit
  if (target.kind === "ambiguous") return editPicker(state, [`「${intent.target}」可能指以下几项：`], target.questions);
  const elsewhere = resolveTarget(state, intent.target, questionsOf(state.flow));
  if (elsewhere.kind === "found") {
    return editPicker(state, [`「${elsewhere.question.label}」在当前情况下不需要填写（所选政策的条件不看这一项）。`]);
  }
  return editPicker(state, [`没找到「${intent.target}」这一项。`]);
}

function onCorrect(state: IntakeState, target: string, value: string, now: Date): IntakeStep | undefined {
  if (target !== "") {
    const t = resolveTarget(state, target);
    if (t.kind === "found") return applyValue(state, t.question, value, now);
    if (t.kind === "ambiguous") return editPicker(state, [`「${target}」可能指以下几项：`], t.questions);
  }
  const mention = mentionedIn(state, value);
  if (mention) {
    const parsed = parseAnswer(resolved(state, mention.question), mention.rest, now);
    if (parsed.ok) return recordParsed(state, mention.question, parsed, true);
  }
  const inferred = inferCorrection(state, value, now);
  if (!inferred) return undefined;
  const id = inferred.question.id;
  return record(state, inferred.question, inferred.value, {
    corrected: state.facts[id] !== undefined || state.unknown.includes(id),
    ...(inferred.note ? { note: inferred.note } : {}),
  });
}

/** Buttons of the 「确认吗？」 question asked before an unusual answer is recorded. */
export const UNSURE = { yes: "unsure:yes", no: "unsure:no" } as const;

/** Records a parsed answer, or holds it and asks first when the parser wants confirmation. */
function recordParsed(
  state: IntakeState,
  def: QuestionDef,
  parsed: Extract<ReturnType<typeof parseAnswer>, { ok: true }>,
  corrected = false,
): IntakeStep {
  const note = parsed.note ? { note: parsed.note } : {};
  if (!parsed.confirm) return record(state, def, parsed.value, { ...note, ...(corrected ? { corrected } : {}) });
  state.status = "asking";
  state.pending = def.id;
  state.unsure = { questionId: def.id, value: parsed.value, ...note, question: parsed.confirm, corrected };
  return {
    state,
    replies: [
      {
        kind: "choices",
        text: parsed.confirm,
        options: [
          { id: UNSURE.yes, label: "是，按这个记录" },
          { id: UNSURE.no, label: "不对，重新填写" },
        ],
      },
    ],
    event: { type: "confirm-answer", questionId: def.id, value: parsed.value, question: parsed.confirm },
  };
}

function heldAnswer(state: IntakeState): { def: QuestionDef } | undefined {
  const u = state.unsure;
  if (!u || state.status !== "asking" || u.questionId !== state.pending) return undefined;
  const def = questionById(u.questionId);
  return def ? { def } : undefined;
}

function acceptHeld(state: IntakeState, def: QuestionDef): IntakeStep {
  const u = state.unsure!;
  state.unsure = null;
  return record(state, def, u.value, { ...(u.note ? { note: u.note } : {}), ...(u.corrected ? { corrected: true } : {}) });
}

function rejectHeld(state: IntakeState, def: QuestionDef): IntakeStep {
  state.unsure = null;
  return { state, replies: [ask(state, def, { before: ["好的，请重新填写："] })], event: { type: "edit", questionId: def.id } };
}
