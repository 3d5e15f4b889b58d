/** How choices read in WeCom text, where there are no buttons. */
import type { Reply } from "../../src/assistant/message.types.ts";

export type ChoicesReply = Extract<Reply, { kind: "choices" }>;

// The intake numbers its labels (「1. 高新园区」) so buttons match typed numbers;
// here the list numbers them itself, so a label's own number would read 「1. 1. 高新园区」.
const LEADING_NUMBER = /^\s*\d+[.．、]\s*/u;
const label = (o: { label: string }) => o.label.replace(LEADING_NUMBER, "");

/**
 * @example
 *   （1/3）请选择园区类型：
 *   回复数字选择：
 *   1. 高新园区
 *   2. 科技城
 */
export function formatChoices(reply: ChoicesReply): string {
  // The question wants a number (a count, an area): its buttons are offered
  // by name, so that 「2」 stays an answer of 2 and not the second button.
  if (reply.numberAnswer) return [reply.text, `也可以回复：${reply.options.map((o) => `「${label(o)}」`).join("、")}`].join("\n");
  if (!reply.multi) {
    const lines = reply.options.map((o, i) => `${i + 1}. ${label(o)}`);
    return [reply.text, "回复数字选择：", ...lines].join("\n");
  }
  const selected = new Set(reply.selected ?? []);
  const options = reply.options.filter((o) => o.id !== "done");
  const lines = options.map((o, i) => `${i + 1}. ${selected.has(o.id) ? "✓ " : ""}${label(o)}`);
  const done = reply.options.find((o) => o.id === "done")?.label ?? "完成";
  return [
    reply.text,
    "回复数字选中或取消（可一次回复多个，如「1 3」），选好后回复 0 完成：",
    ...lines,
    `0. ${done}${selected.size > 0 ? `（已选 ${selected.size} 项）` : ""}`,
  ].join("\n");
}
