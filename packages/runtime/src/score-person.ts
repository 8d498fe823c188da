/**
 * One person's result, up to the rating of the total (step 1 of three): each indicator
 * measured, the missing-data rule applied to those without a value, the weights of the
 * indicators that count scaled to 100, the weighted total of points, its split by parts and
 * the rating line it falls in. Conditions and quotas come after (`conditions.ts`,
 * `quotas.ts`). All arithmetic is exact.
 */
import type { Band, Level } from '@kpilang/rule-set';
import { decimal, describeInterval, lowestBand, pointsOf, toBandMatch } from './band.js';
import type { PersonRows } from './check-rows.js';
import { toExactNumber } from './exact-number.js';
import {
  decimals,
  measureIndicator,
  valueText,
  type MeasuredIndicator,
} from './measure-indicator.js';
import type { ScoringContext } from './scoring-context.js';
import type { IndicatorSetup } from './position-setup.js';
import { Rational, sumRationals } from './rational.js';
import { partResults } from './part-results.js';
import { ratingLineOf, toRatingMatch } from './rating-lines.js';
import type { IndicatorResult, IndicatorStatus, PersonResult, RatingMatch } from './results.js';

interface Counted {
  item: IndicatorSetup;
  measured: MeasuredIndicator;
  status: IndicatorStatus;
  band: Band | undefined;
  /**
   * The points of the band's level, or in proportion the rated value (0 for `lowest`);
   * undefined when it earns none.
   */
  points: Rational | undefined;
  weight: Rational;
}

export function scorePerson(person: PersonRows, context: ScoringContext): PersonResult {
  const counted = person.setup.indicators.map((item): Counted => {
    const measured = measureIndicator(item, person.byMeasure, context);
    const weight = decimal(item.weighted.weight);
    if (item.indicator.scoring === 'proportional') return inProportion(item, measured, weight);
    const withBand = (status: IndicatorStatus, band: Band | undefined): Counted => ({
      item,
      measured,
      status,
      band,
      points: band === undefined ? undefined : pointsOf(context.levelOf(band.level)),
      weight,
    });
    if (measured.notRated === undefined) return withBand('rated', measured.band);

    const rule = item.indicator.missingData;
    if (rule === 'lowest')
      return withBand('lowest', lowestBand(item.weighted.bands, context.levelOf));
    return withBand(rule === 'exclude' ? 'excluded' : 'unrated', undefined);
  });

  const counting = counted.filter((entry) => entry.status === 'rated' || entry.status === 'lowest');
  const weightCounted = sumRationals(counting.map((entry) => entry.weight));
  const unrated = counted.filter((entry) => entry.status === 'unrated');
  const personUnrated = unrated.length > 0 || weightCounted.isZero();

  // Each indicator's points × weight / 100, once for its line, the total and its part.
  const shares = counted.map((entry) =>
    personUnrated ? undefined : contribution(entry, weightCounted),
  );
  const indicators = counted.map((entry, at) =>
    indicatorResult(entry, personUnrated ? undefined : weightCounted, shares[at], context),
  );
  const notes = personNotes(counted, unrated, weightCounted);
  const exactTotal = personUnrated
    ? undefined
    : sumRationals(shares.flatMap((share) => share ?? []));
  const places = context.rounding.total;
  const total = places === undefined ? exactTotal : exactTotal?.round(places);
  const rating = total === undefined ? undefined : ratingLineOf(context.ruleSet.rating, total);
  if (total !== undefined && rating === undefined && context.ruleSet.rating.length > 0) {
    notes.push(`No rating line holds the total ${valueText(total)}.`);
  }
  const split = partResults(
    context.ruleSet.parts,
    counted.map((entry, at) => ({ part: entry.item.indicator.part, contribution: shares[at] })),
    !personUnrated,
  );

  const status = personUnrated
    ? 'unrated'
    : counted.every((entry) => entry.status === 'rated')
      ? 'complete'
      : 'incomplete';
  const ratingMatch: RatingMatch | null = rating === undefined ? null : toRatingMatch(rating);
  return {
    person: person.person,
    orgUnit: person.orgUnit,
    position: person.setup.position.id,
    context: person.setup.context ?? null,
    period: context.scored,
    status,
    total: total === undefined ? null : toExactNumber(total),
    unroundedTotal:
      places === undefined || exactTotal === undefined ? null : toExactNumber(exactTotal),
    scoredRating: ratingMatch,
    rating: ratingMatch,
    adjustments: [],
    parts: split.parts,
    facts: [],
    weightCounted: toExactNumber(weightCounted),
    indicators,
    notes,
    rows: [...new Set(indicators.flatMap((indicator) => indicator.rows))].sort((a, b) => a - b),
    explanation: personExplanation(status, exactTotal, places, ratingMatch, notes, split.text),
  };
}

/**
 * An indicator that earns its rated value as points: a percentage of 95 earns 95. Without a
 * value, `lowest` gives it 0, the fewest points a percentage earns.
 */
function inProportion(
  item: IndicatorSetup,
  measured: MeasuredIndicator,
  weight: Rational,
): Counted {
  const base = { item, measured, band: undefined, weight };
  if (measured.notRated === undefined) return { ...base, status: 'rated', points: measured.value };
  const rule = item.indicator.missingData;
  if (rule === 'lowest') return { ...base, status: 'lowest', points: Rational.ZERO };
  return { ...base, status: rule === 'exclude' ? 'excluded' : 'unrated', points: undefined };
}

/** points × weight × 100 / (the sum of the weights that count) / 100. */
function contribution(entry: Counted, weightCounted: Rational): Rational | undefined {
  const effective = effectiveWeight(entry, weightCounted);
  if (effective === undefined || entry.points === undefined) return undefined;
  return entry.points.multiply(effective).divide(Rational.HUNDRED);
}

function effectiveWeight(
  entry: Counted,
  weightCounted: Rational | undefined,
): Rational | undefined {
  if (weightCounted === undefined || weightCounted.isZero()) return undefined;
  if (entry.status !== 'rated' && entry.status !== 'lowest') return undefined;
  return entry.weight.multiply(Rational.HUNDRED).divide(weightCounted);
}

function indicatorResult(
  entry: Counted,
  weightCounted: Rational | undefined,
  share: Rational | undefined,
  context: ScoringContext,
): IndicatorResult {
  const { item, measured, status, band } = entry;
  const level = band === undefined ? undefined : context.levelOf(band.level);
  const effective = effectiveWeight(entry, weightCounted);
  const points = entry.points;

  return {
    indicator: item.indicator.id,
    label: item.indicator.label,
    status,
    scoring: item.indicator.scoring,
    part: item.indicator.part ?? null,
    weight: toExactNumber(entry.weight),
    missingData: item.indicator.missingData,
    frequency: item.plan.frequency,
    aggregation: measured.aggregation,
    between: item.indicator.between ?? null,
    value:
      status === 'rated' && measured.value !== undefined ? toExactNumber(measured.value) : null,
    unroundedValue:
      status === 'rated' && measured.unrounded !== undefined
        ? toExactNumber(measured.unrounded)
        : null,
    notRated: measured.notRated ?? null,
    band: band === undefined || level === undefined ? null : toBandMatch(band, level),
    points: points === undefined ? null : toExactNumber(points),
    effectiveWeight: effective === undefined ? null : toExactNumber(effective),
    contribution: share === undefined ? null : toExactNumber(share),
    periods: measured.periods,
    rows: measured.rows,
    explanation: indicatorExplanation(entry, level, effective, share),
  };
}

function indicatorExplanation(
  entry: Counted,
  level: Level | undefined,
  effective: Rational | undefined,
  share: Rational | undefined,
): string {
  const { measured, status } = entry;
  const proportional = entry.item.indicator.scoring === 'proportional';
  const rows =
    measured.rows.length === 0
      ? 'no rows'
      : `${measured.rows.length === 1 ? 'row' : 'rows'} ${measured.rows.join(', ')}`;
  const weight = `${entry.weight.toExactText()}%`;
  const scaled =
    effective !== undefined && !effective.equals(entry.weight)
      ? ` (${valueText(effective)}% once the weights that count are scaled to 100)`
      : '';
  const weighted = share === undefined ? '' : ` × weight ${weight}${scaled} = ${valueText(share)}`;
  const scoring =
    level === undefined || share === undefined
      ? ''
      : ` ${level.id}, ${pointsOf(level).toExactText()} points${weighted}.`;

  switch (status) {
    case 'rated': {
      if (proportional && entry.points !== undefined) {
        const points = valueText(entry.points);
        return (
          `${measured.summary} (${rows}); ${points}% earns ${points} points in ` +
          `proportion${weighted}.`
        );
      }
      const band = entry.band === undefined ? '' : describeInterval(entry.band.interval);
      return `${measured.summary} (${rows}); band ${band}:${scoring}`;
    }
    case 'lowest':
      if (proportional) {
        return (
          `Not rated: ${measured.notRated?.message ?? ''} Missing data "lowest" gives it 0 ` +
          `points, the fewest a value in proportion earns${weighted}.`
        );
      }
      return (
        `Not rated: ${measured.notRated?.message ?? ''} Missing data "lowest" rates it ` +
        `at its lowest level:${scoring}`
      );
    case 'excluded':
      return (
        `Not rated: ${measured.notRated?.message ?? ''} Missing data "exclude" leaves it ` +
        `out and spreads its weight of ${weight} over the indicators that count.`
      );
    case 'unrated':
      return (
        `Not rated: ${measured.notRated?.message ?? ''} Missing data "unrated" leaves ` +
        `the person without a total.`
      );
  }
}

function personNotes(
  counted: readonly Counted[],
  unrated: readonly Counted[],
  weightCounted: Rational,
): string[] {
  const notes: string[] = [];
  for (const entry of unrated) {
    notes.push(
      `"${entry.item.indicator.id}" has no value and its missing-data rule is "unrated", so ` +
        `the person is not rated.`,
    );
  }
  if (unrated.length === 0 && weightCounted.isZero()) {
    notes.push('No indicator has a value or counts at its lowest level, so there is no total.');
  }
  for (const entry of counted) {
    if (entry.status === 'excluded') {
      notes.push(
        `"${entry.item.indicator.id}" has no value and is left out (missing data "exclude"); ` +
          `the other weights are scaled to 100.`,
      );
    }
    if (entry.status === 'lowest') {
      notes.push(
        `"${entry.item.indicator.id}" has no value and is rated at its lowest level (missing ` +
          `data "lowest").`,
      );
    }
  }
  return notes;
}

function personExplanation(
  status: PersonResult['status'],
  total: Rational | undefined,
  places: number | undefined,
  rating: RatingMatch | null,
  notes: readonly string[],
  parts: string,
): string {
  if (total === undefined) return `Not rated. ${notes.join(' ')}`;
  const rounded =
    places === undefined
      ? ''
      : `, rounded to ${decimals(places)}: ${valueText(total.round(places))}`;
  const split = parts === '' ? '' : ` (${parts})`;
  const outcome = rating === null ? 'no rating line' : `${rating.id} (${rating.condition})`;
  const incomplete = status === 'incomplete' ? ` Incomplete: ${notes.join(' ')}` : '';
  return `Total ${valueText(total)}${split}${rounded}: ${outcome}.${incomplete}`;
}
