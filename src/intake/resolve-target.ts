/**
 * Which question a correction names: 「修改 3」 (the step number), 「修改 面积」
 * (a label or alias), or nothing at all — 「其实是1200平米」 — where the most
 * recent answer that the new value fits is meant.
 */
import type { FactValue, IntakeState } from "./intake-state.schema.ts";
import { parseAnswer } from "./parse-answer.ts";
import { parseNumeral } from "./parsers/parse-chinese-number.ts";
import type { QuestionDef } from "./question.types.ts";
import { applicableQuestions, jurisdictionOf, numberedQuestions, questionById, resolveQuestion } from "./question-catalog.ts";

export type TargetResolution =
  | { kind: "found"; question: QuestionDef }
  | { kind: "ambiguous"; questions: QuestionDef[] }
  | { kind: "none" };

const squash = (s: string) => s.normalize("NFKC").replace(/[\s的]/gu, "").toLowerCase();

/** @param among where to look; by default the questions that apply now */
export function resolveTarget(state: IntakeState, target: string, among?: readonly QuestionDef[]): TargetResolution {
  const t = squash(target);
  if (t === "") return { kind: "none" };
  if (/^\d+$/.test(t) || /^[一二三四五六七八九十]+$/u.test(t)) {
    const n = parseNumeral(t);
    const q = n === undefined ? undefined : numberedQuestions(state)[n - 1];
    return q ? { kind: "found", question: q } : { kind: "none" };
  }
  const candidates = among ?? applicableQuestions(state);
  const names = (q: QuestionDef) => [q.label, ...q.aliases].map(squash);
  const exact = candidates.filter((q) => names(q).includes(t));
  if (exact.length === 1) return { kind: "found", question: exact[0]! };
  if (exact.length > 1) return { kind: "ambiguous", questions: exact };
  const partial = candidates.filter((q) =>
    names(q).some((n) => n.length >= 2 && t.length >= 2 && (t.includes(n) || n.includes(t))),
  );
  if (partial.length === 1) return { kind: "found", question: partial[0]! };
  if (partial.length > 1) {
    // 「核心区的面积」 contains both 核心区 and 面积 of one question: prefer the longest name that occurs.
    const score = (q: QuestionDef) => Math.max(...names(q).filter((n) => t.includes(n)).map((n) => n.length), 0);
    const best = Math.max(...partial.map(score));
    const top = partial.filter((q) => score(q) === best);
    if (best > 0 && top.length === 1) return { kind: "found", question: top[0]! };
    return { kind: "ambiguous", questions: partial };
  }
  return { kind: "none" };
}

// Free text accepts anything, so it is only corrected when named: 「地址其实是…」.
const FREE_TEXT = new Set(["org-name", "zone-name", "person-name", "address"]);

/**
 * The question an unnamed 「其实是 …」 corrects: the pending one if it was
 * reopened, else the most recent answers first (then the pending question),
 * the first whose parser accepts the value. Returns the parsed value with it.
 */
export function inferCorrection(
  state: IntakeState,
  value: string,
  now: Date,
): { question: QuestionDef; value: FactValue; note?: string } | undefined {
  const applicable = new Set(applicableQuestions(state).map((q) => q.id));
  const order = [
    ...(state.editing && state.pending ? [state.pending] : []),
    ...[...state.answerOrder].reverse(),
    ...Object.keys(state.facts).filter((id) => !state.answerOrder.includes(id)),
    // Last: the question being asked, for 「其实有25家」 said before answering it.
    ...(state.pending ? [state.pending] : []),
  ];
  const j = jurisdictionOf(state);
  for (const id of new Set(order)) {
    const def = questionById(id);
    if (!def || !applicable.has(id) || FREE_TEXT.has(def.kind)) continue;
    const parsed = parseAnswer(resolveQuestion(def, j), value, now);
    if (parsed.ok) return { question: def, value: parsed.value, ...(parsed.note ? { note: parsed.note } : {}) };
  }
  return undefined;
}

/**
 * A question named inside a correction's value: 「其实不是国家级」 names
 * brand.national. Returns the question and the value with the name taken out
 * (「不是」), or undefined unless exactly one question is named.
 */
export function mentionedIn(state: IntakeState, value: string): { question: QuestionDef; rest: string } | undefined {
  const v = squash(value);
  let best: { question: QuestionDef; name: string } | undefined;
  let tie = false;
  for (const q of applicableQuestions(state)) {
    for (const name of [q.label, ...q.aliases].map(squash)) {
      if (name.length < 2 || !v.includes(name)) continue;
      if (!best || name.length > best.name.length) {
        best = { question: q, name };
        tie = false;
      } else if (name.length === best.name.length && best.question.id !== q.id) tie = true;
    }
  }
  if (!best || tie) return undefined;
  return { question: best.question, rest: v.replace(best.name, "") };
}
