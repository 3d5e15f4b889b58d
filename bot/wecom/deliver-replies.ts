/**
 * The assistant's replies as WeCom messages, as few as the limits allow:
 * WeCom takes 30 messages a minute per member, so the texts of one turn
 * (answers, numbered choices, document captions) are joined into one text
 * and split only where a message would pass 2,048 bytes of UTF-8; each
 * document is uploaded as media and sent as a file after the text before it.
 *
 * With a `progress` (a stored inbox update) each message sent is counted, and
 * a turn delivered again skips the messages already sent.
 */
import type { Reply } from "../../src/assistant/message.types.ts";
import type { TurnProgress } from "../shared/inbox-worker.ts";
import { splitMessage } from "../shared/split-message.ts";
import type { PendingChoices } from "./pending-choices.ts";
import type { WecomApi } from "./wecom-api.ts";
import { WecomApiError, WecomInvalidUserError, WecomMemberBudgetError } from "./wecom-errors.ts";
import { formatChoices } from "./wecom-format.ts";

/** 2,048 bytes allowed; the margin keeps a split part safely below it. */
export const WECOM_TEXT_BYTES = 2_000;

export type WecomOutgoing =
  | { kind: "text"; content: string }
  | { kind: "file"; fileName: string; mimeType: string; data: Uint8Array };

/** The messages one turn's replies become, in order. */
export function planMessages(replies: readonly Reply[]): WecomOutgoing[] {
  const out: WecomOutgoing[] = [];
  let texts: string[] = [];
  const flush = () => {
    for (const content of splitMessage(texts.join("\n\n"), { maxLength: WECOM_TEXT_BYTES, unit: "utf8" })) out.push({ kind: "text", content });
    texts = [];
  };
  for (const reply of replies) {
    const text = reply.kind === "text" ? reply.text : reply.kind === "choices" ? formatChoices(reply) : reply.caption;
    if (text?.trim()) texts.push(text.trim());
    if (reply.kind === "document") {
      flush();
      out.push({ kind: "file", fileName: reply.fileName, mimeType: reply.mimeType, data: reply.data });
    }
  }
  flush();
  return out;
}

export async function deliverReplies(
  api: WecomApi,
  userId: string,
  replies: readonly Reply[],
  pending: PendingChoices,
  progress?: Pick<TurnProgress, "sentSteps" | "stepStarted" | "stepDone" | "stepNotSent">,
): Promise<void> {
  const choices = replies.filter((r) => r.kind === "choices");
  const lastChoices = choices[choices.length - 1];
  if (lastChoices) pending.remember(userId, lastChoices);
  else pending.forget(userId);

  const messages = planMessages(replies);
  for (const [i, message] of messages.entries()) {
    if (progress && i < progress.sentSteps) continue;
    await progress?.stepStarted();
    try {
      if (message.kind === "text") await api.sendText(userId, message.content);
      else await api.sendFile(userId, message);
    } catch (err) {
      // WeCom answered with an error code (or the member's budget is spent): not sent. A network error stays unknown.
      const refused = (err instanceof WecomApiError && !err.transient) || err instanceof WecomInvalidUserError || err instanceof WecomMemberBudgetError;
      if (refused) await progress?.stepNotSent();
      throw err;
    }
    await progress?.stepDone();
  }
}
