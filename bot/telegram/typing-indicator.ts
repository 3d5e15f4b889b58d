/**
 * Shows "typing…" while a slow answer is produced. Telegram clears the status
 * after about 5 s, so it is renewed every 4 s; fast answers (under `delayMs`)
 * send no chat action at all.
 */
export async function withTypingIndicator<T>(
  sendTyping: () => Promise<unknown>,
  task: Promise<T>,
  options: { delayMs: number; repeatMs?: number },
): Promise<T> {
  let interval: NodeJS.Timeout | undefined;
  const typing = () => {
    // A failed chat action must never fail the answer itself.
    sendTyping().catch(() => undefined);
  };
  const timer = setTimeout(() => {
    typing();
    interval = setInterval(typing, options.repeatMs ?? 4_000);
  }, options.delayMs);
  try {
    return await task;
  } finally {
    clearTimeout(timer);
    if (interval) clearInterval(interval);
  }
}
