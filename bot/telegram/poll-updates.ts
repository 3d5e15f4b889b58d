/**
 * Long polling that confirms only what is safe: each getUpdates answer is
 * written to the inbox (one transaction) before the next getUpdates asks for
 * `offset = last + 1`, which is what tells Telegram the batch was received.
 * A crash before that commit leaves the offset where it was, so Telegram
 * sends the batch again — grammY's reliability guide calls this a sink into
 * a persistent queue. (@grammyjs/runner confirms a batch as soon as its sink
 * takes it, before any handling is durable, so it is not used.)
 *
 * Failures (API unreachable, 5xx, 409 another poller) are logged — the first
 * at once, then every tenth — and retried with back-off up to 30 s; stop()
 * aborts the pending request at once.
 */
import { GrammyError, type Api } from "grammy";
import type { Logger } from "../../src/logging/logger.ts";
import type { InboxRecord, InboxRepository } from "../../src/store/index.ts";
import { telegramUpdateSchema, toInboxInput } from "./telegram-update.ts";

export interface Poller {
  stop(): Promise<void>;
}

const LONG_POLL_SECONDS = 25;
const MAX_BACKOFF_MS = 30_000;

export function pollUpdates(
  api: Api,
  options: { inbox: InboxRepository; allowedUpdates: readonly string[]; submit(row: InboxRecord): void; log: Logger },
): Poller {
  const abort = new AbortController();
  const { inbox, log } = options;

  async function loop(): Promise<void> {
    let offset: number | undefined;
    let failures = 0;
    while (!abort.signal.aborted) {
      try {
        // grammY types its signal with the abort-controller polyfill; Node's own is what it gets at run time.
        const signal = abort.signal as unknown as Parameters<Api["getUpdates"]>[1];
        const raw = await api.getUpdates(
          { offset, timeout: LONG_POLL_SECONDS, allowed_updates: options.allowedUpdates as never },
          signal,
        );
        const updates = raw.flatMap((u) => {
          const parsed = telegramUpdateSchema.safeParse(u);
          if (!parsed.success) log.warn({ updateId: (u as { update_id?: unknown }).update_id }, "telegram: unreadable update skipped");
          return parsed.success ? [parsed.data] : [];
        });
        const fresh = await inbox.acceptMany(updates.map(toInboxInput));
        for (const row of fresh) options.submit(row);
        if (raw.length > 0) offset = Math.max(...raw.map((u) => u.update_id)) + 1;
        if (failures > 0) log.info({ failures }, "telegram: polling works again");
        failures = 0;
      } catch (err) {
        if (abort.signal.aborted) return;
        failures++;
        if (failures === 1 || failures % 10 === 0) {
          const hint = err instanceof GrammyError && err.error_code === 409 ? "another process polls this bot or a webhook is set" : undefined;
          log.error({ err, failures, hint }, "telegram: getUpdates failed; retrying");
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(failures, 8)));
          abort.signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
        });
      }
    }
  }

  const running = loop();
  return {
    async stop() {
      abort.abort(new Error("polling stopped"));
      await running;
    },
  };
}
