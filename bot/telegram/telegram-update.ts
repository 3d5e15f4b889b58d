/**
 * What the inbox keeps of a Telegram update: its id and the chat it belongs
 * to (the worker keeps a chat in order). The rest is stored as received and
 * read by grammY when the update is worked.
 */
import { z } from "zod";

const chatRef = z.object({ id: z.number() }).loose();
export const telegramUpdateSchema = z
  .object({
    update_id: z.number().int().nonnegative(),
    message: z.object({ chat: chatRef }).loose().optional(),
    edited_message: z.object({ chat: chatRef }).loose().optional(),
    callback_query: z
      .object({ from: chatRef, message: z.object({ chat: chatRef }).loose().optional() })
      .loose()
      .optional(),
  })
  .loose();

export type TelegramUpdateEnvelope = z.infer<typeof telegramUpdateSchema>;

export function telegramChatKey(update: TelegramUpdateEnvelope): string {
  const chat = update.message?.chat.id ?? update.edited_message?.chat.id ?? update.callback_query?.message?.chat.id ?? update.callback_query?.from.id;
  return chat === undefined ? `update:${update.update_id}` : String(chat);
}

export function toInboxInput(update: TelegramUpdateEnvelope) {
  return { channel: "telegram", externalId: String(update.update_id), chatKey: telegramChatKey(update), payload: JSON.stringify(update) };
}
