/**
 * Button presses. A press reaches the core as `{ choice: <option id> }`.
 * On a multi-select keyboard a press toggles one option: the core answers
 * with the updated selection and the same message is re-drawn with ✓ marks.
 * A single choice, or 完成 on a multi-select, closes the keyboard and notes
 * what was picked.
 */
import { Composer, type Context } from "grammy";
import { userNotices } from "../shared/user-notices.ts";
import { DONE_ID, pickedLabels, type ChoiceCallbackCodec } from "./choice-keyboard.ts";
import type { TelegramConverse } from "./converse.ts";
import { closeChoices, deliverReplies } from "./deliver-replies.ts";

export function choiceFeature(converse: TelegramConverse, codec: ChoiceCallbackCodec): Composer<Context> {
  const feature = new Composer<Context>();

  feature.on("callback_query:data", async (ctx) => {
    // Stops the client's spinner; a query too old to answer is harmless.
    await ctx.answerCallbackQuery().catch(() => undefined);
    const data = ctx.callbackQuery.data;
    const pressed = codec.decode(data);
    const chatId = ctx.chat?.id;
    if (chatId === undefined) return;
    if (!pressed) return void (await ctx.reply(userNotices.expiredButton));

    const replies = await converse(ctx, { choice: pressed.choice });
    const message = ctx.callbackQuery.message;
    // A press on a multi-select only redraws it while the core answers with
    // that same multi-select; 「跳过」 or an answer that moved on closes it.
    const first = replies[0];
    const toggled = pressed.multi && pressed.choice !== DONE_ID && replies.length === 1 && first?.kind === "choices" && first.multi === true;
    if (message && !toggled) {
      const markup = "reply_markup" in message ? message.reply_markup : undefined;
      const text = "text" in message ? message.text : undefined;
      await closeChoices(ctx.api, chatId, { message_id: message.message_id, text }, pickedLabels(markup, data, pressed));
    }
    await deliverReplies(ctx.api, chatId, replies, codec, { editMessageId: toggled ? message?.message_id : undefined });
  });

  return feature;
}
