/**
 * Works the inbox of one channel: each stored update is answered and its
 * replies delivered, then the row is marked done. This is what makes an
 * update "at least once, with one effect":
 *
 * - the platform was told "got it" only after the row was written, so a
 *   crash loses nothing: `recover()` at start-up re-queues pending rows;
 * - the turn's replies are stored before the first platform call, and each
 *   platform call the user sees is counted (`stepDone`), so a retry or a
 *   restart resumes delivery after the last call made instead of answering
 *   the turn again. The core commits the turn with its replies
 *   (src/store/turn-journal.repository.ts), so a crash before `saveReplies`
 *   gets the same replies back, not a second answer. Each call is marked in
 *   flight before it is made; only such a call, interrupted by a crash, can
 *   arrive twice (no chat platform offers an idempotency key for sending), and
 *   when it is made again it is counted in the row's `resentSteps`;
 * - the updates of one chat run in order, one at a time; different chats run
 *   concurrently up to `concurrency`, and the worker yields to the event loop
 *   before each update so the webhook's 200 is never stuck behind answering.
 *
 * Failures are classified by the channel (`classify`):
 * - `retry-after`: the platform asked to wait (Telegram 429 beyond the retry
 *   cap, WeCom 45009): the row waits that long and is retried, not counted;
 * - `transient`: network or 5xx after the client's own bounded retries:
 *   retried with back-off (up to a minute) until the row is `giveUpAfterMs` old;
 * - `undeliverable`: the user cannot be reached (blocked the bot, left the
 *   company): logged once and finished as failed;
 * - `error`: anything else: retried `maxAttempts` times, then failed.
 */
import type { Reply } from "../../src/assistant/message.types.ts";
import type { Logger } from "../../src/logging/logger.ts";
import type { InboxRecord, InboxRepository } from "../../src/store/index.ts";
import { createKeyedQueue } from "./keyed-queue.ts";
import { decodeReplies, encodeReplies } from "../../src/assistant/reply-codec.ts";

export type DeliveryFailure =
  | { kind: "retry-after"; seconds: number }
  | { kind: "transient" }
  | { kind: "undeliverable" }
  | { kind: "error" };

/** What the channel's handler gets besides the row: the turn's progress, kept in the inbox. */
export interface TurnProgress {
  /** the replies of an earlier attempt of this turn; deliver these instead of answering again */
  readonly replies: Reply[] | undefined;
  saveReplies(replies: readonly Reply[]): Promise<void>;
  /** platform calls of the replies made by earlier attempts (skip that many) */
  readonly sentSteps: number;
  /** a platform call the user sees is about to be made (its outcome is unknown until `stepDone`/`stepNotSent`) */
  stepStarted(): Promise<void>;
  /** one more platform call the user sees was made */
  stepDone(): Promise<void>;
  /** the platform answered the call with an error: it was not sent */
  stepNotSent(): Promise<void>;
  /** aborted when the process stops: pass it to platform calls */
  readonly signal: AbortSignal;
}

export type InboxHandler = (row: InboxRecord, progress: TurnProgress) => Promise<void>;

export interface InboxWorkerOptions {
  channel: string;
  inbox: InboxRepository;
  handle: InboxHandler;
  classify(err: unknown): DeliveryFailure;
  log: Logger;
  /** updates worked at once (across chats) */
  concurrency?: number;
  maxAttempts?: number;
  /** a row still undelivered after this long is given up (Telegram keeps an update 24 h) */
  giveUpAfterMs?: number;
  now?: () => number;
}

export interface InboxWorker {
  /** Queues a row just accepted (or recovered). */
  submit(row: InboxRecord): void;
  /** Queues the channel's unfinished rows; returns how many. */
  recover(): Promise<number>;
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>;
  /**
   * Takes nothing new; lets running updates finish for `graceMs`, then aborts
   * their platform calls. Unfinished rows stay in the inbox for the next start.
   */
  stop(graceMs: number): Promise<void>;
}

const MAX_BACKOFF_MS = 60_000;

export function createInboxWorker(options: InboxWorkerOptions): InboxWorker {
  const { inbox, handle, classify, log } = options;
  const concurrency = options.concurrency ?? 4;
  const maxAttempts = options.maxAttempts ?? 5;
  const giveUpAfterMs = options.giveUpAfterMs ?? 24 * 3_600_000;
  const now = options.now ?? Date.now;
  const queue = createKeyedQueue();
  const stopping = new AbortController();
  /** stop() was called: updates not yet started stay in the inbox */
  let closing = false;
  /** wakes rows waiting for a retry when stopping */
  const sleepers = new AbortController();
  const queued = new Set<number>();
  let running = 0;
  const waiting: (() => void)[] = [];

  async function acquire(): Promise<void> {
    if (running < concurrency) {
      running++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  function release(): void {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }

  function progressOf(row: InboxRecord): TurnProgress {
    let sent = row.sentSteps;
    // The first call of this attempt is the one an earlier attempt left with its outcome unknown.
    let unknownOutcome = row.status === "answered" && row.stepInFlight;
    return {
      replies: row.status === "answered" && row.replies ? decodeReplies(row.replies) : undefined,
      async saveReplies(replies) {
        sent = 0;
        unknownOutcome = false;
        await inbox.saveReplies(row.id, encodeReplies(replies));
      },
      get sentSteps() {
        return row.sentSteps;
      },
      async stepStarted() {
        const resend = unknownOutcome;
        unknownOutcome = false;
        if (resend) {
          // No platform takes an idempotency key for sending: at-least-once is the only choice that loses nothing.
          log.warn({ channel: options.channel, inboxId: row.id, step: sent }, "inbox: a call interrupted by a crash or network error is made again; the user may see that message twice");
        }
        await inbox.stepStarted(row.id, resend);
      },
      async stepDone() {
        sent++;
        await inbox.stepsSent(row.id, sent);
      },
      async stepNotSent() {
        await inbox.stepNotSent(row.id);
      },
      signal: stopping.signal,
    };
  }

  async function attempt(id: number): Promise<"finished" | { wait: number }> {
    const row = await inbox.get(id);
    if (!row || row.status === "done" || row.status === "failed") return "finished";
    const wait = (row.notBefore?.getTime() ?? 0) - now();
    if (wait > 0) return { wait };
    let failure: unknown;
    await acquire();
    try {
      // Let the HTTP server answer waiting requests before this turn's CPU work.
      await new Promise((resolve) => setImmediate(resolve));
      if (closing) return "finished";
      await handle(row, progressOf(row));
      await inbox.finish(id, "done");
      return "finished";
    } catch (err) {
      failure = err;
    } finally {
      release();
    }
    // Stopping: the row stays as it is and the next start resumes it.
    if (closing) return "finished";
    return afterFailure(row, failure);
  }

  async function afterFailure(row: InboxRecord, err: unknown): Promise<"finished" | { wait: number }> {
    const failure = classify(err);
    const where = { channel: options.channel, inboxId: row.id, externalId: row.externalId, attempt: row.attempts + 1 };
    const message = err instanceof Error ? err.message : String(err);
    const backoff = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** row.attempts);
    switch (failure.kind) {
      case "retry-after": {
        const wait = failure.seconds * 1_000;
        log.warn({ ...where, retryAfterS: failure.seconds }, "inbox: the platform asked to wait; the reply is queued again");
        await inbox.retryLater(row.id, { notBefore: new Date(now() + wait), error: message, countAttempt: false });
        return { wait };
      }
      case "transient":
        if (now() - row.createdAt.getTime() > giveUpAfterMs) {
          log.error({ ...where, err }, "inbox: the platform stayed unreachable; update given up");
          await inbox.finish(row.id, "failed", message);
          return "finished";
        }
        log.warn({ ...where, err, retryInMs: backoff }, "inbox: platform unreachable; will retry");
        await inbox.retryLater(row.id, { notBefore: new Date(now() + backoff), error: message, countAttempt: true });
        return { wait: backoff };
      case "undeliverable":
        log.warn({ ...where, err }, "inbox: the user cannot be reached; reply dropped");
        await inbox.finish(row.id, "failed", message);
        return "finished";
      case "error":
        if (row.attempts + 1 >= maxAttempts) {
          log.error({ ...where, err }, "inbox: update failed; giving up after the last attempt");
          await inbox.finish(row.id, "failed", message);
          return "finished";
        }
        log.warn({ ...where, err, retryInMs: backoff }, "inbox: update failed; will retry");
        await inbox.retryLater(row.id, { notBefore: new Date(now() + backoff), error: message, countAttempt: true });
        return { wait: backoff };
    }
  }

  async function work(id: number): Promise<void> {
    for (;;) {
      if (closing) return;
      let outcome: "finished" | { wait: number };
      try {
        outcome = await attempt(id);
      } catch (err) {
        // The inbox itself failed (database gone): the row stays for the next start.
        log.error({ channel: options.channel, inboxId: id, err }, "inbox: could not record progress; the update is retried at the next start");
        return;
      }
      if (outcome === "finished") return;
      await sleep(outcome.wait, sleepers.signal);
    }
  }

  const worker: InboxWorker = {
    submit(row) {
      if (closing || queued.has(row.id)) return;
      queued.add(row.id);
      void queue
        .run(row.chatKey, () => work(row.id))
        .finally(() => queued.delete(row.id));
    },
    async recover() {
      const rows = await inbox.unfinished(options.channel);
      for (const row of rows) worker.submit(row);
      if (rows.length > 0) log.info({ channel: options.channel, count: rows.length }, "inbox: resuming updates left unfinished");
      return rows.length;
    },
    idle: () => queue.drain(),
    async stop(graceMs) {
      closing = true;
      sleepers.abort();
      const drained = queue.drain();
      const timer = new Promise<"late">((resolve) => setTimeout(resolve, graceMs, "late").unref());
      if ((await Promise.race([drained.then(() => "done" as const), timer])) === "late") {
        log.warn({ channel: options.channel }, "inbox: stopping with updates in progress; they resume at the next start");
      }
      stopping.abort(new Error("the channel is stopping"));
      // Aborted calls settle promptly; do not wait for a platform that does not answer.
      await Promise.race([queue.drain(), new Promise((resolve) => setTimeout(resolve, 500).unref())]);
    },
  };
  return worker;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}
