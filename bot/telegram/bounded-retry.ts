/**
 * Bot API retries with bounds on everything. @grammyjs/auto-retry retries a
 * network failure (HttpError) without counting it against
 * `maxRetryAttempts`, backing off up to an hour, so an unreachable API kept a
 * reply — and the process's shutdown — waiting indefinitely. Here every
 * failure counts:
 *
 * - network errors and 5xx: at most `maxAttempts` tries, back-off from 0.5 s
 *   doubling to 5 s, and never past `budgetMs` in total;
 * - 429 with `retry_after` ≤ `maxDelaySeconds`: waited for and retried (it
 *   counts as an attempt too); a longer `retry_after` is handed back at once
 *   so the inbox re-queues the reply for that time instead of holding a worker;
 * - anything else (400, 403, …) is not retried.
 * The request's abort signal ends a wait at once (shutdown).
 */
import { HttpError, type Transformer } from "grammy";
import type { Logger } from "../../src/logging/logger.ts";

export interface RetryBounds {
  maxAttempts: number;
  maxDelaySeconds: number;
  /** total time of one call including its waits */
  budgetMs: number;
}

export const DEFAULT_RETRY_BOUNDS: RetryBounds = { maxAttempts: 4, maxDelaySeconds: 10, budgetMs: 20_000 };

export function boundedRetry(bounds: RetryBounds, log?: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    const started = Date.now();
    let backoffMs = 500;
    for (let attempt = 1; ; attempt++) {
      let result: Awaited<ReturnType<typeof prev>> | undefined;
      let failure: unknown;
      try {
        result = await prev(method, payload, signal);
      } catch (err) {
        if (!(err instanceof HttpError) || signal?.aborted) throw err;
        failure = err;
      }
      let waitMs: number;
      if (result) {
        if (result.ok) return result;
        const retryAfter = result.parameters?.retry_after;
        if (typeof retryAfter === "number") {
          if (retryAfter > bounds.maxDelaySeconds) return result;
          waitMs = retryAfter * 1_000;
        } else if (result.error_code >= 500) {
          waitMs = backoffMs;
        } else {
          return result;
        }
      } else {
        waitMs = backoffMs;
      }
      if (attempt >= bounds.maxAttempts || Date.now() - started + waitMs > bounds.budgetMs) {
        if (failure) throw failure;
        return result!;
      }
      log?.warn(
        { method, attempt, waitMs, failure: failure instanceof Error ? failure.message : result?.description },
        "telegram: Bot API call failed; retrying",
      );
      // grammY types its signal with the abort-controller polyfill; Node's own is what it gets at run time.
      await pause(waitMs, signal as unknown as AbortSignal | undefined);
      backoffMs = Math.min(backoffMs * 2, 5_000);
    }
  };
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", abort, { once: true });
  });
}
