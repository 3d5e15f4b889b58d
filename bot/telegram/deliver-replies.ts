/**
 * The assistant's replies as Bot API calls: text (split below 4,096
 * characters), choices (inline keyboards), documents (`.docx` via InputFile).
 */
import { GrammyError, InputFile, type Api } from "grammy";
import type { Message } from "grammy/types";
import type { Reply } from "../../src/assistant/message.types.ts";
import { splitMessage } from "../shared/split-message.ts";
import { markdownToTelegramHtml } from "./markdown-html.ts";
import { choiceKeyboard, type ChoiceCallbackCodec, type ChoicesReply } from "./choice-keyboard.ts";

/** Telegram allows 4,096; the margin leaves room for clients that count differently. */
export const TELEGRAM_TEXT_LIMIT = 4_000;
const CAPTION_LIMIT = 1_024;
const noPreview = { link_preview_options: { is_disabled: true } } as const;

export interface DeliverOptions {
  /**
   * A multi-select keyboard message the user just toggled: the first
   * multi-select reply re-draws it in place instead of arriving as a new message.
   */
  editMessageId?: number;
}

export async function deliverReplies(
  api: Api,
  chatId: number,
  replies: Reply[],
  codec: ChoiceCallbackCodec,
  options: DeliverOptions = {},
): Promise<void> {
  let editMessageId = options.editMessageId;
  for (const reply of replies) {
    switch (reply.kind) {
      case "text":
        // Formatted when it fits one message (splitting HTML could cut a tag); plain text otherwise.
        if (reply.markdown !== undefined) {
          const html = markdownToTelegramHtml(reply.markdown);
          if (html.length <= TELEGRAM_TEXT_LIMIT) {
            await api.sendMessage(chatId, html, { ...noPreview, parse_mode: "HTML" });
            break;
          }
        }
        for (const part of splitMessage(reply.text, { maxLength: TELEGRAM_TEXT_LIMIT })) {
          await api.sendMessage(chatId, part, noPreview);
        }
        break;
      case "choices":
        if (reply.multi && editMessageId !== undefined) {
          await redrawChoices(api, chatId, editMessageId, reply, codec);
          editMessageId = undefined;
        } else {
          await sendChoices(api, chatId, reply, codec);
        }
        break;
      case "document":
        await sendDocument(api, chatId, reply);
        break;
    }
  }
}

async function sendChoices(api: Api, chatId: number, reply: ChoicesReply, codec: ChoiceCallbackCodec): Promise<Message> {
  const parts = splitMessage(reply.text, { maxLength: TELEGRAM_TEXT_LIMIT });
  const last = parts.pop() ?? "请选择：";
  for (const part of parts) await api.sendMessage(chatId, part, noPreview);
  return api.sendMessage(chatId, last, { ...noPreview, reply_markup: choiceKeyboard(reply, codec) });
}

async function redrawChoices(api: Api, chatId: number, messageId: number, reply: ChoicesReply, codec: ChoiceCallbackCodec) {
  const text = splitMessage(reply.text, { maxLength: TELEGRAM_TEXT_LIMIT }).pop() ?? "请选择：";
  await ignoreNotModified(api.editMessageText(chatId, messageId, text, { ...noPreview, reply_markup: choiceKeyboard(reply, codec) }));
}

async function sendDocument(api: Api, chatId: number, reply: Extract<Reply, { kind: "document" }>) {
  const file = new InputFile(reply.data, reply.fileName);
  const caption = reply.caption?.trim();
  if (!caption || caption.length <= CAPTION_LIMIT) {
    await api.sendDocument(chatId, file, caption ? { caption } : {});
    return;
  }
  await api.sendDocument(chatId, file);
  for (const part of splitMessage(caption, { maxLength: TELEGRAM_TEXT_LIMIT })) await api.sendMessage(chatId, part, noPreview);
}

/**
 * Takes the keyboard off a message the user answered and notes the answer
 * under it ("✓ 已选择：高新园区"), so an old question cannot be answered twice
 * by accident and the chat still shows what was picked.
 */
export async function closeChoices(api: Api, chatId: number, message: { message_id: number; text?: string }, picked: string[]) {
  const note = picked.length > 0 ? `✓ 已选择：${picked.join("、")}` : "✓ 已完成";
  const text = message.text ? `${message.text}\n\n${note}` : undefined;
  const empty = { reply_markup: { inline_keyboard: [] } };
  if (text && text.length <= 4_096) {
    await ignoreNotModified(api.editMessageText(chatId, message.message_id, text, { ...noPreview, ...empty }));
  } else {
    await ignoreNotModified(api.editMessageReplyMarkup(chatId, message.message_id, empty));
  }
}

/** Re-pressing a button can leave a message unchanged; Telegram answers 400 "message is not modified". */
async function ignoreNotModified(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (err) {
    if (err instanceof GrammyError && err.description.includes("message is not modified")) return;
    throw err;
  }
}
