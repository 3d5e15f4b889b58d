/**
 * The assistant's choices as inline keyboards, and the `callback_data` that
 * brings a press back as an option id.
 *
 * `callback_data` may hold at most 64 bytes. It is `c:<id>` (single choice)
 * or `m:<id>` (multi-select, so the adapter knows to edit the keyboard in
 * place) when that fits, which covers every option id of docs/input-formats.md; a longer
 * id is sent as `c#<hash>` and looked up in a bounded in-memory table, so
 * such a button stops working after a restart (the user is told to resend the
 * command).
 */
import { createHash } from "node:crypto";
import { InlineKeyboard } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Reply } from "../../src/assistant/message.types.ts";

export type ChoicesReply = Extract<Reply, { kind: "choices" }>;

/** The option id the core expects when a multi-select is finished. */
export const DONE_ID = "done";
export const DONE_LABEL = "完成";
const SELECTED_MARK = "✓ ";
const MAX_CALLBACK_BYTES = 64;

export interface PressedChoice {
  choice: string;
  /** pressed on a multi-select keyboard */
  multi: boolean;
}

export interface ChoiceCallbackCodec {
  encode(multi: boolean, id: string): string;
  decode(data: string): PressedChoice | undefined;
}

export function createChoiceCallbackCodec(capacity = 10_000): ChoiceCallbackCodec {
  const longIds = new Map<string, string>();
  return {
    encode(multi, id) {
      const plain = `${multi ? "m" : "c"}:${id}`;
      if (Buffer.byteLength(plain, "utf8") <= MAX_CALLBACK_BYTES) return plain;
      const hash = createHash("sha256").update(id).digest("base64url").slice(0, 32);
      longIds.delete(hash);
      longIds.set(hash, id);
      if (longIds.size > capacity) longIds.delete(longIds.keys().next().value!);
      return `${multi ? "m" : "c"}#${hash}`;
    },
    decode(data) {
      const m = /^([cm])([:#])(.+)$/s.exec(data);
      if (!m) return undefined;
      const choice = m[2] === ":" ? m[3]! : longIds.get(m[3]!);
      return choice === undefined ? undefined : { choice, multi: m[1] === "m" };
    },
  };
}

/**
 * One button per option (two per row when the labels are short); a
 * multi-select marks picked options with ✓ and ends with a 完成 button.
 */
export function choiceKeyboard(reply: ChoicesReply, codec: ChoiceCallbackCodec): InlineKeyboard {
  const multi = reply.multi === true;
  const selected = new Set(reply.selected ?? []);
  const options = multi ? reply.options.filter((o) => o.id !== DONE_ID) : reply.options;
  const perRow = options.every((o) => Array.from(o.label).length <= 8) ? 2 : 1;
  const keyboard = new InlineKeyboard();
  options.forEach((option, i) => {
    const label = multi && selected.has(option.id) ? `${SELECTED_MARK}${option.label}` : option.label;
    keyboard.text(label, codec.encode(multi, option.id));
    if ((i + 1) % perRow === 0 && i < options.length - 1) keyboard.row();
  });
  if (multi) {
    const doneLabel = reply.options.find((o) => o.id === DONE_ID)?.label ?? DONE_LABEL;
    keyboard.row().text(selected.size > 0 ? `${doneLabel}（已选 ${selected.size} 项）` : doneLabel, codec.encode(true, DONE_ID));
  }
  return keyboard;
}

/**
 * What a user picked, read back from the keyboard they pressed: the pressed
 * button's label, or for a finished multi-select the ✓-marked labels.
 */
export function pickedLabels(markup: InlineKeyboardMarkup | undefined, data: string, pressed: PressedChoice): string[] {
  const buttons = (markup?.inline_keyboard ?? []).flat();
  if (pressed.multi && pressed.choice === DONE_ID) {
    return buttons.filter((b) => b.text.startsWith(SELECTED_MARK)).map((b) => b.text.slice(SELECTED_MARK.length));
  }
  const button = buttons.find((b) => "callback_data" in b && b.callback_data === data);
  return button ? [button.text] : [];
}
