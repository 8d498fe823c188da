/**
 * Summaries of repeated measurements: median, minimum and maximum. The benchmark reports
 * medians, which one slow run (a cache miss, another process waking up) cannot move.
 */

/**
 * Median, min and max of a non-empty list of numbers, and the samples themselves.
 *
 * @param {number[]} samples
 */
export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], samples };
}

/** `a / b`, or undefined when either is missing or b is zero. */
export function ratio(a, b) {
  return a !== undefined && b ? a / b : undefined;
}

/**
 * The `p`th percentile of a non-empty list by the nearest-rank method: the smallest sample
 * that at least p% of the samples do not exceed, so it is always one of the samples (p95 of
 * 200 samples is the 190th smallest).
 *
 * @param {number[]} samples
 * @param {number} p from 0 (exclusive) to 100
 */
export function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}
