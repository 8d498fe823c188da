/**
 * The weight checks of one position (in the base framework or in a context), in exact
 * decimals: each weight is a positive percentage no larger than 100 (KPI203, KPI204, KPI207),
 * and together they make exactly 100% (KPI201), unless they are plainly fractions of 1
 * (KPI202, with a fix that writes them as percentages). A weight without `%` is a percentage.
 * When every weight is written in the block the sum is reported at, KPI201 carries a fix
 * that rebalances them proportionally to 100% (`rebalance.ts`).
 */
import type { Fix } from '../diagnostics/diagnostic.js';
import type * as ast from '../syntax/ast.js';
import {
  add,
  compare,
  HUNDRED,
  mul,
  ONE,
  sub,
  toText,
  ZERO,
  type Decimal,
} from '../util/decimal.js';
import { decimalWritten } from './describe.js';
import { atLeastDecimals, rebalanceToHundred } from './rebalance.js';
import { related, type Place, type Reporter } from './report.js';

/** One written weight, the indicator it weights and the file it is in. */
export interface WrittenWeight {
  indicator: string;
  weight: ast.NumberLit;
  uri: string;
  /** For a context's weight: the base weight it replaces, for related information. */
  replaces?: Place;
}

/**
 * Checks one weight on its own (KPI203, KPI204, KPI207). Its value counts as a percentage
 * either way, so that the sum still reflects what the writer typed.
 */
export function checkWeight(reporter: Reporter, written: WrittenWeight): void {
  const { weight, uri, indicator } = written;
  const place = { uri, range: weight.range };
  const notes = written.replaces ? [related(written.replaces, 'The base weight it replaces.')] : [];

  if (weight.suffix === 'h' || weight.suffix === 'd') {
    const percent = `${toText(weight.value)}%`;
    reporter.report('KPI207', place, [weight.text], {
      related: notes,
      fixes: [
        { title: `Write ${percent}`, edits: [{ uri, range: weight.range, newText: percent }] },
      ],
    });
  }
  if (compare(weight.value, ZERO) <= 0) {
    reporter.report('KPI203', place, [indicator, `${toText(weight.value)}%`], {
      related: notes,
    });
  } else if (compare(weight.value, HUNDRED) > 0) {
    reporter.report('KPI204', place, [indicator, toText(weight.value)], { related: notes });
  }
}

/** What the sum check needs to know about the position. */
export interface WeightSum {
  position: string;
  /** Where the sum is reported: the position's name, or the context's block for it. */
  place: Place;
  weights: WrittenWeight[];
  /** `in context 'dak_lak'` for a context's effective position. */
  where?: string;
  related?: { uri: string; range: ast.Name['range']; message: string }[];
  /**
   * True when every weight of the sum is written in the block it is reported at, so that a
   * fix may rewrite them all; false for a context's position whose weights come partly from
   * the base position.
   */
  allWrittenHere: boolean;
}

/** Reports KPI202 when the weights are fractions summing to 1, else KPI201 unless they make 100. */
export function checkWeightSum(reporter: Reporter, sum: WeightSum): Decimal {
  const total = sum.weights.reduce((acc, written) => add(acc, written.weight.value), ZERO);
  if (sum.weights.length === 0 || compare(total, HUNDRED) === 0) return total;
  const extras = sum.related ? { related: sum.related } : {};

  if (looksLikeFractions(sum.weights, total)) {
    const asPercent = sum.weights.map(
      (written) => `${toText(mul(written.weight.value, HUNDRED))}%`,
    );
    const edits = sum.weights.map((written, index) => ({
      uri: written.uri,
      range: written.weight.range,
      newText: asPercent[index] as string,
    }));
    reporter.report('KPI202', sum.place, [sum.position, asPercent.join(', ')], {
      ...extras,
      fixes: [{ title: 'Write the weights as percentages', edits }],
    });
    return total;
  }

  const rebalance = sum.allWrittenHere ? rebalanceFix(sum) : undefined;
  reporter.report('KPI201', sum.place, [sum.position, toText(total), sum.where], {
    ...extras,
    ...(rebalance ? { fixes: [rebalance] } : {}),
    data: { sum: toText(total) },
  });
  return total;
}

/**
 * The fix of KPI201 that scales every weight so that they make exactly 100% (see
 * `rebalance.ts`), each kept in its written form: `%` where the writer wrote it, a bare number
 * where they did not. None when a weight is not positive, is in hours or days (KPI207 comes
 * first), or would be rounded to nothing.
 */
function rebalanceFix(sum: WeightSum): Fix | undefined {
  const { weights } = sum;
  if (weights.some(({ weight }) => weight.suffix === 'h' || weight.suffix === 'd')) {
    return undefined;
  }
  const balanced = rebalanceToHundred(weights.map(({ weight }) => weight.value));
  if (!balanced) return undefined;

  const numbers = weights.map(({ weight }, index) =>
    decimalWritten(atLeastDecimals(balanced[index] as Decimal, weight.value.scale)),
  );
  const edits = weights.flatMap(({ weight, uri }, index) => {
    const newText = `${numbers[index]}${weight.suffix ?? ''}`;
    return newText === weight.text ? [] : [{ uri, range: weight.range, newText }];
  });

  const where = sum.where ? ` ${sum.where}` : '';
  const list = numbers.map((number) => `${number}%`).join(', ');
  return { title: `Rebalance the weights of '${sum.position}'${where} to 100% (${list})`, edits };
}

/**
 * The weight one more indicator needs for `weights` to make exactly 100% (`30%` after 70%),
 * or undefined when there is none to suggest: nothing is left, or a weight looks like a
 * fraction of 1, so that the writer's scale is not known.
 */
export function remainingWeight(weights: WrittenWeight[]): string | undefined {
  const fractions = weights.some(
    ({ weight }) => weight.suffix === undefined && compare(weight.value, ONE) <= 0,
  );
  const total = weights.reduce((acc, written) => add(acc, written.weight.value), ZERO);
  const left = sub(HUNDRED, total);
  if (fractions || compare(left, ZERO) <= 0) return undefined;
  return `${toText(left)}%`;
}

/** True when every weight is a bare number in (0, 1] and together they make exactly 1. */
function looksLikeFractions(weights: WrittenWeight[], total: Decimal): boolean {
  if (compare(total, ONE) !== 0) return false;
  return weights.every(
    ({ weight }) =>
      weight.suffix === undefined &&
      compare(weight.value, ZERO) > 0 &&
      compare(weight.value, ONE) <= 0,
  );
}
