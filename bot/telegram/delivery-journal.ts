/**
 * Delivery of one stored update's replies, made resumable: every Bot API
 * call the user sees (a message, a document, an edit) is marked in flight
 * before it is made and counted in the inbox as soon as Telegram accepted
 * it, and when the update is worked again
 * (a retry, a restart) the calls already made are skipped. Chat actions and
 * callback-query answers are not counted: they are harmless to repeat.
 *
 * Also classifies a failed update for the inbox worker.
 */
import { GrammyError, HttpError, type Transformer } from "grammy";
import type { DeliveryFailure, TurnProgress } from "../shared/inbox-worker.ts";

const VISIBLE = new Set(["sendMessage", "sendDocument", "sendPhoto", "editMessageText", "editMessageReplyMarkup", "editMessageCaption"]);

export function journalTransformer(progress: TurnProgress): Transformer {
  let calls = 0;
  return async (prev, method, payload, polyfilled) => {
    // grammY types its signal with the abort-controller polyfill; Node's own is what it gets at run time.
    const signal = polyfilled as unknown as AbortSignal | undefined;
    const combined = (signal ? AbortSignal.any([signal, progress.signal]) : progress.signal) as unknown as typeof polyfilled;
    if (!VISIBLE.has(method)) return prev(method, payload, combined);
    const index = calls++;
    // Made by an earlier attempt: the user already has it.
    if (index < progress.sentSteps) return { ok: true, result: true } as Awaited<ReturnType<typeof prev>>;
    // Marked before the call: a crash or network error leaves it "outcome unknown", made again and counted.
    await progress.stepStarted();
    const result = await prev(method, payload, combined);
    // An error answer (400, 403, a 429 past the retry cap) means Telegram did not send it.
    if (result.ok) await progress.stepDone();
    else await progress.stepNotSent();
    return result;
  };
}

export function classifyTelegramFailure(err: unknown): DeliveryFailure {
  if (err instanceof GrammyError) {
    if (err.error_code === 429) return { kind: "retry-after", seconds: err.parameters.retry_after ?? 5 };
    if (err.error_code >= 500) return { kind: "transient" };
    // The user blocked the bot, deleted the account, or the chat is gone.
    if (err.error_code === 403 || (err.error_code === 400 && /chat not found|user not found/i.test(err.description))) {
      return { kind: "undeliverable" };
    }
    return { kind: "error" };
  }
  if (err instanceof HttpError) return { kind: "transient" };
  return { kind: "error" };
}
