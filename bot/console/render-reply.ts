/**
 * Replies as terminal text. Choices become a numbered list; the number typed
 * back is mapped to the option's id by `choiceForInput` (single choice only —
 * multi-select answers like 「1,3,5」 go to the assistant as text, which the
 * intake reads itself).
 */
import type { ChoiceOption, Reply } from "../../src/assistant/message.types.ts";

const LEADING_NUMBER = /^\s*\d+[.．、]\s*/u;

export function renderChoices(text: string, options: readonly ChoiceOption[], multi: boolean, selected: readonly string[] = []): string {
  const lines = [text];
  options.forEach((o, i) => {
    const tick = multi && selected.includes(o.id) ? "✓ " : "";
    lines.push(`  [${i + 1}] ${tick}${o.label.replace(LEADING_NUMBER, "")}`);
  });
  lines.push(multi ? "（可输入多个序号，如 1,3,5；或输入名称）" : "（输入序号或直接回答）");
  return lines.join("\n");
}

export function renderTextReply(reply: Exclude<Reply, { kind: "document" }>): string {
  return reply.kind === "text" ? reply.text : renderChoices(reply.text, reply.options, reply.multi ?? false, reply.selected);
}

/** A bare number answering the last single-choice reply is that option's id. */
export function choiceForInput(input: string, last: Reply | undefined): string | undefined {
  if (!last || last.kind !== "choices" || last.multi) return undefined;
  const m = /^\s*(\d{1,2})\s*$/u.exec(input.normalize("NFKC"));
  if (!m) return undefined;
  return last.options[Number(m[1]) - 1]?.id;
}
