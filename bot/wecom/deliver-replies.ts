/**
 * The assistant's replies as WeCom messages: text split below 2,048 bytes of
 * UTF-8 (WeCom's limit for a text message), choices as numbered lines,
 * documents uploaded as media and sent as files.
 */
import type { Reply } from "../../src/assistant/message.types.ts";
import { splitMessage } from "../shared/split-message.ts";
import type { PendingChoices } from "./pending-choices.ts";
import type { WecomApi } from "./wecom-api.ts";
import { formatChoices } from "./wecom-format.ts";

/** 2,048 bytes allowed; the margin keeps a split part safely below it. */
export const WECOM_TEXT_BYTES = 2_000;

export async function deliverReplies(api: WecomApi, userId: string, replies: Reply[], pending: PendingChoices): Promise<void> {
  const choices = replies.filter((r) => r.kind === "choices");
  const lastChoices = choices[choices.length - 1];
  if (lastChoices) pending.remember(userId, lastChoices);
  else pending.forget(userId);

  for (const reply of replies) {
    // WeCom's own markdown message renders bold and lists in the 企业微信 client; it fits one message or goes as text.
    if (reply.kind === "text" && reply.markdown !== undefined && Buffer.byteLength(reply.markdown, "utf8") <= WECOM_TEXT_BYTES) {
      await api.sendMarkdown(userId, reply.markdown);
      continue;
    }
    const text = reply.kind === "text" ? reply.text : reply.kind === "choices" ? formatChoices(reply) : reply.caption;
    for (const part of splitMessage(text ?? "", { maxLength: WECOM_TEXT_BYTES, unit: "utf8" })) {
      await api.sendText(userId, part);
    }
    if (reply.kind === "document") {
      await api.sendFile(userId, { fileName: reply.fileName, mimeType: reply.mimeType, data: reply.data });
    }
  }
}
