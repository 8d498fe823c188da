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
  return { exact: value.toExactText(), display: value.toDisplayText(DISPLAY_PLACES) };
}
