/**
 * The command menu: everyone sees the public commands in private chats;
 * each staff member (STAFF_IDS entries `telegram:<user id>`) also sees the
 * staff commands, set per chat (a private chat's id is the user's id).
 */
import type { Api } from "grammy";
import type { Config } from "../../src/config.ts";
import { channelCommands } from "../shared/command-texts.ts";

export async function publishCommandMenu(api: Api, staff: Config["staff"]): Promise<void> {
  const toMenu = (staffToo: boolean) =>
    channelCommands.filter((c) => staffToo || !c.staffOnly).map((c) => ({ command: c.name, description: c.description }));
  await api.setMyCommands(toMenu(false), { scope: { type: "all_private_chats" } });
  for (const member of staff) {
    if (member.channel !== "telegram") continue;
    const chatId = Number(member.userId);
    if (!Number.isSafeInteger(chatId)) continue;
    await api.setMyCommands(toMenu(true), { scope: { type: "chat", chat_id: chatId } });
  }
}
