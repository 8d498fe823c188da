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
