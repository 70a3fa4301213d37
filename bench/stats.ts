/** Order statistics for the benches' figures: medians and percentiles of measured values. */

/**
 * The median of `values` (the mean of the middle two for an even count); 0 for none.
 * @example median([3, 1, 2]) // 2
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * The `p`th percentile of `values` by the nearest-rank method; NaN for none.
 * @example percentile([10, 20, 30, 40], 95) // 40
 */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Latency percentiles of some calls, in milliseconds. */
export interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

/**
 * The count and the 50th, 95th and 99th percentiles of `values` (milliseconds).
 * @example latency(attempts.map((a) => a.answeredAt - a.sentAt)).p95
 */
export function latency(values: readonly number[]): Latency {
  return {
    count: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
  };
}
