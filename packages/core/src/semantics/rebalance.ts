/**
 * Proportional rebalancing of weights to exactly 100%, for the fix of KPI201. Each weight is
 * scaled by 100 / sum at the precision the weights are written in, and the rounding is
 * settled by the largest-remainder method, so the result sums to 100 exactly and does not
 * depend on the order of arithmetic. Exact throughout: the scaling is an integer division of
 * the decimals' units, with its remainder kept, never a floating-point quotient.
 */
import { normalize, type Decimal } from '../util/decimal.js';

/**
 * The weights scaled to sum to exactly 100, each with as many decimals as the most precise
 * of them: floor each scaled weight at that precision, then give the units left over one
 * each to the weights with the largest remainders, the first written first among equals.
 * Undefined when a weight is not positive, or when one would become 0.
 */
export function rebalanceToHundred(weights: readonly Decimal[]): Decimal[] | undefined {
  if (weights.length === 0 || weights.some((weight) => weight.units <= 0n)) return undefined;
  const scale = Math.max(...weights.map((weight) => weight.scale));
  const units = weights.map((weight) => weight.units * 10n ** BigInt(scale - weight.scale));
  const sum = units.reduce((acc, value) => acc + value, 0n);
  const hundred = 100n * 10n ** BigInt(scale);

  // weight × 100 / sum, as a whole number of units at `scale` and the remainder over `sum`.
  const shares = units.map((value, index) => ({
    index,
    floor: (value * hundred) / sum,
    remainder: (value * hundred) % sum,
  }));
  const given = shares.reduce((acc, share) => acc + share.floor, 0n);
  const left = Number(hundred - given);

  // Fewer units are left over than there are weights, since each floor loses less than one.
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const share of byRemainder.slice(0, left)) share.floor += 1n;

  if (shares.some((share) => share.floor === 0n)) return undefined;
  return shares.map((share) => ({ units: share.floor, scale }));
}

/**
 * `value` with `scale` decimals, or more when it needs them, for writing it back: a
 * rebalanced `50` keeps the writer's `50.0` as `50.0`, and their `50` as `50`.
 */
export function atLeastDecimals(value: Decimal, scale: number): Decimal {
  const exact = normalize(value);
  if (exact.scale >= scale) return exact;
  return { units: exact.units * 10n ** BigInt(scale - exact.scale), scale };
}
