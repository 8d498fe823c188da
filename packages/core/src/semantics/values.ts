/**
 * The checks of one number written in a target, a band or a rating line, against the unit
 * and domain of the value it is compared with: a suffix of another unit (KPI501, `48h` on a
 * percent indicator), a value outside the domain (KPI304, `6` on a 1..5 scale, `120%`), and a
 * bare fraction on a percent indicator (KPI306, `0.95` where 95% was meant, with a fix).
 */
import type * as ast from '../syntax/ast.js';
import { compare, HUNDRED, mul, ONE, toText, ZERO, type Decimal } from '../util/decimal.js';
import { describeDomain } from './describe.js';
import type { Domain, UnitInfo } from './model.js';
import type { RelatedInformation } from '../diagnostics/diagnostic.js';
import type { Reporter } from './report.js';
import { allowedSuffix } from './units.js';

/**
 * What is wrong with a value: its unit (it cannot be compared at all), its range, or its
 * scale (a bare fraction on a percent indicator: comparable, but probably not what was
 * meant, so nothing derived from it is reported besides KPI306).
 */
export type ValueProblem = 'unit' | 'domain' | 'fraction' | undefined;

/** What the value checks need besides the number. */
export interface ValueContext {
  reporter: Reporter;
  uri: string;
  unit: UnitInfo | undefined;
  domain: Domain | undefined;
  /** Added to each report: for an override, what it replaces. */
  related?: RelatedInformation[];
}

/**
 * Checks `value`, reporting what is wrong, and says which problem it has. A value with a
 * `unit` problem cannot take part in the interval analysis; one outside the domain can (the
 * analysis clips it). Without a known unit there is nothing to check against.
 */
export function checkValue(context: ValueContext, value: ast.NumberLit): ValueProblem {
  const { reporter, uri, unit, domain } = context;
  const problem = valueProblem(value, unit, domain);
  const place = { uri, range: value.range };
  const extras = context.related?.length ? { related: context.related } : {};

  if (problem === 'unit' && unit) {
    reporter.report('KPI501', place, [value.text, unitPhrase(unit)], extras);
  } else if (problem === 'domain' && unit && domain) {
    reporter.report('KPI304', place, [value.text, describeDomain(unit, domain)], extras);
  } else if (problem === 'fraction') {
    const meant = `${toText(mul(value.value, HUNDRED))}%`;
    reporter.report('KPI306', place, [value.text, meant], {
      ...extras,
      fixes: [{ title: `Write ${meant}`, edits: [{ uri, range: value.range, newText: meant }] }],
      data: { suggestion: meant },
    });
  }
  return problem;
}

/** The problem of `value` without reporting it. */
export function valueProblem(
  value: ast.NumberLit,
  unit: UnitInfo | undefined,
  domain: Domain | undefined,
): ValueProblem {
  if (!unit) return undefined;
  if (value.suffix && value.suffix !== allowedSuffix(unit)) return 'unit';
  if (domain && outside(value, domain)) return 'domain';
  if (isBareFraction(value, unit)) return 'fraction';
  return undefined;
}

/** The unit as the phrase "... is not a value in <phrase>". */
export function unitPhrase(unit: UnitInfo): string {
  if (unit.per) return `${unit.name} per ${unit.per}`;
  switch (unit.name) {
    case 'percent':
    case 'hours':
    case 'days':
      return unit.name;
    case 'count':
      return 'counts';
    case 'number':
      return 'plain numbers';
    default:
      return `the ${unit.name} scale`;
  }
}

function outside(value: ast.NumberLit, domain: Domain): boolean {
  if (domain.low !== undefined && compare(value.value, domain.low) < 0) return true;
  return domain.high !== undefined && compare(value.value, domain.high) > 0;
}

/**
 * The percentage a bare fraction probably meant (`0.95` meant 95), or undefined when `value`
 * is not one (see `isBareFraction`).
 */
export function meantPercent(
  value: ast.NumberLit,
  unit: UnitInfo | undefined,
): Decimal | undefined {
  return unit && isBareFraction(value, unit) ? mul(value.value, HUNDRED) : undefined;
}

/** `0.95` with no `%` on a percent indicator: strictly between 0 and 1. */
function isBareFraction(value: ast.NumberLit, unit: UnitInfo): boolean {
  if (unit.name !== 'percent' || unit.per || value.suffix) return false;
  return compare(value.value, ZERO) > 0 && compare(value.value, ONE) < 0;
}
