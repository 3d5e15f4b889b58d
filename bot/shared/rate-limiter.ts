/**
 * Per-user token bucket, in memory. Each user may send `perMinute` messages
 * in a burst, refilled evenly over a minute. A limited user is told once
 * (`"notify"`); further messages while still limited are dropped silently
 * (`"drop"`), so a flood does not turn into a flood of apologies.
 */
export type RateDecision = "allow" | "notify" | "drop";

export interface RateLimiter {
  take(key: string): RateDecision;
}

interface Bucket {
  tokens: number;
  at: number;
  notified: boolean;
}

export function createRateLimiter(options: { perMinute: number; now?: () => number }): RateLimiter {
  const capacity = Math.max(1, options.perMinute);
  const perMs = capacity / 60_000;
  const now = options.now ?? Date.now;
  const buckets = new Map<string, Bucket>();

  function refill(bucket: Bucket, t: number): void {
    bucket.tokens = Math.min(capacity, bucket.tokens + (t - bucket.at) * perMs);
    bucket.at = t;
  }

  function forgetIdle(t: number): void {
    for (const [key, bucket] of buckets) {
      refill(bucket, t);
      if (bucket.tokens >= capacity) buckets.delete(key);
    }
  }

  return {
    take(key) {
      const t = now();
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= 10_000) forgetIdle(t);
        bucket = { tokens: capacity, at: t, notified: false };
        buckets.set(key, bucket);
      }
      refill(bucket, t);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        bucket.notified = false;
        return "allow";
      }
      if (bucket.notified) return "drop";
      bucket.notified = true;
      return "notify";
    },
  };
}
