/**
 * How a computed number appears in a scoring result: its exact value as text, and a rounded
 * text for people to read. Results hold no JavaScript numbers but whole counts (row numbers,
 * response counts), so they survive JSON without losing a digit.
 */
import { Rational } from './rational.js';

/** The decimal places of `display`. */
export const DISPLAY_PLACES = 4;

/** A computed number. */
export interface ExactNumber {
  /**
   * The exact value: decimal text when it has a finite decimal expansion (`95`, `33.25`,
   * `-0.5`), else a fraction in lowest terms (`2/3`). `Rational.parse` reads it back.
   */
  exact: string;
  /**
   * For display only, never for comparing: the value rounded half away from zero to
   * `DISPLAY_PLACES` (4) decimal places, trailing zeros dropped (`0.6667`). It equals `exact`
   * whenever `exact` has 4 decimal places or fewer.
   */
  display: string;
}

export function toExactNumber(value: Rational): ExactNumber {
  if (value.denominator !== 1n) {
    return { exact: value.toExactText(), display: value.toDisplayText(DISPLAY_PLACES) };
  }
  // Whole numbers recur (weights, points, counts), so each is made once and shared, frozen.
  const text = value.numerator.toString();
  let shared = integers.get(text);
  if (shared === undefined) {
    shared = Object.freeze({ exact: text, display: text });
    if (integers.size >= 4096) integers.clear();
    integers.set(text, shared);
  }
  return shared;
}

const integers = new Map<string, ExactNumber>();
