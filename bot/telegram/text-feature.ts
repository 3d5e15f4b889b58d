/**
 * Typed messages and menu commands. A command becomes the sentence it stands
 * for (bot/shared/command-texts.ts); anything that is not text gets one line
 * saying that only text is understood.
 */
import { Composer, type Context } from "grammy";
import type { Config } from "../../src/config.ts";
import { parseCommand, resolveCommand } from "../shared/command-texts.ts";
import { isStaff } from "../shared/staff.ts";
import { userNotices } from "../shared/user-notices.ts";
import type { ChoiceCallbackCodec } from "./choice-keyboard.ts";
import type { TelegramConverse } from "./converse.ts";
import { deliverReplies } from "./deliver-replies.ts";

export function textFeature(converse: TelegramConverse, codec: ChoiceCallbackCodec, staff: Config["staff"]): Composer<Context> {
  const feature = new Composer<Context>();

  feature.on("message:text", async (ctx) => {
    let text = ctx.message.text;
    const command = parseCommand(text);
    if (command) {
      const resolved = resolveCommand(command.name, command.args, { staff: isStaff(staff, "telegram", String(ctx.from.id)) });
      if (resolved.kind === "usage") return void (await ctx.reply(resolved.text));
      if (resolved.kind === "staff-only") return void (await ctx.reply(userNotices.staffOnly));
      text = resolved.kind === "text" ? resolved.text : "帮助";
    }
    const replies = await converse(ctx, { text });
    await deliverReplies(ctx.api, ctx.chat.id, replies, codec);
  });

  feature.on("message", (ctx) => ctx.reply(userNotices.textOnly));
  return feature;
}
