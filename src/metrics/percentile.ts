/**
 * Nearest-rank percentile (p in 0–100): the smallest value with at least p %
 * of the values at or below it. The one definition used by `eval` and every
 * benchmark, so their p50/p95 figures are comparable.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
