/**
 * Replies as terminal text. Choices become a numbered list; the number typed
 * back is mapped to the option's id by `choiceForInput` (single choice only —
 * multi-select answers like 「1,3,5」 go to the assistant as text, which the
 * intake reads itself). When the question takes a number as its answer
 * (`numberAnswer`), its buttons are listed by name instead, so that 「2」
 * stays an answer.
 */
import type { ChoiceOption, Reply } from "../../src/assistant/message.types.ts";

type ChoicesReply = Extract<Reply, { kind: "choices" }>;

const LEADING_NUMBER = /^\s*\d+[.．、]\s*/u;

const bare = (label: string) => label.replace(LEADING_NUMBER, "");

export function renderChoices(text: string, options: readonly ChoiceOption[], multi: boolean, selected: readonly string[] = []): string {
  const lines = [text];
  options.forEach((o, i) => {
    const tick = multi && selected.includes(o.id) ? "✓ " : "";
    lines.push(`  [${i + 1}] ${tick}${bare(o.label)}`);
  });
  lines.push(multi ? "（可输入多个序号，如 1,3,5；或输入名称）" : "（输入序号或直接回答）");
  return lines.join("\n");
}

function renderNamedChoices(reply: ChoicesReply): string {
  return [reply.text, `（直接输入数字作答；或回复：${reply.options.map((o) => `「${bare(o.label)}」`).join(" ")}）`].join("\n");
}

export function renderTextReply(reply: Exclude<Reply, { kind: "document" }>): string {
  if (reply.kind === "text") return reply.text;
  return reply.numberAnswer ? renderNamedChoices(reply) : renderChoices(reply.text, reply.options, reply.multi ?? false, reply.selected);
}

/**
 * The option a typed line stands for, answering the last choices reply:
 * its label typed out (「不清楚，跳过」), or its number — for a single choice
 * any listed number, for a multi-select only a button that is not one of the
 * numbered answers (「跳过」), since 「1,3,5」 is read by the assistant itself.
 */
export function choiceForInput(input: string, last: Reply | undefined): string | undefined {
  if (!last || last.kind !== "choices") return undefined;
  const typed = input.normalize("NFKC").trim();
  // On a multi-select a typed name (「专利」) is an answer for the assistant to read, not a toggle.
  const named = last.options.find((o) => bare(o.label).normalize("NFKC") === typed && !(last.multi && LEADING_NUMBER.test(o.label)));
  if (named) return named.id;
  if (last.numberAnswer) return undefined;
  const m = /^(\d{1,2})$/u.exec(typed);
  if (!m) return undefined;
  const option = last.options[Number(m[1]) - 1];
  if (!option) return undefined;
  if (last.multi && LEADING_NUMBER.test(option.label)) return undefined;
  return option.id;
}
