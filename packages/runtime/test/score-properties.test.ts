/**
 * Properties that hold for any data: a better value never earns less, boundaries fall where
 * the bands put them, totals stay on the scale of the points, the weights that count sum to
 * 100 or the result says it is incomplete, every row is used or rejected, and no result holds
 * a float, NaN or Infinity.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Band, Direction, Indicator, MissingDataRule } from '@kpilang/rule-set';
import { COLUMNS, Rational, readRowsCsv, score, type ScoreResult } from '@kpilang/runtime';
import {
  COUNT,
  HOURS,
  band,
  csv,
  formulaIndicator,
  from,
  fromUnder,
  indicatorOf,
  measure,
  op,
  personOf,
  position,
  rules,
  surveyIndicator,
  under,
} from './fixture.js';

/** Levels by points, lowest first (the fixture's levels). */
const BY_POINTS = [
  ['not_met', 0],
  ['poor', 20],
  ['acceptable', 60],
  ['good', 80],
  ['excellent', 100],
] as const;

/**
 * Random bands on 0..100 with up to four cuts (hundredths), each cut's value given to the
 * band above it or the one below it, and points that never fall as values get better.
 */
const bandsArbitrary = fc
  .record({
    cuts: fc.uniqueArray(fc.integer({ min: 1, max: 9999 }), { minLength: 1, maxLength: 4 }),
    upperTakesCut: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    ranks: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 5, maxLength: 5 }),
    direction: fc.constantFrom<Direction>('higher', 'lower'),
  })
  .map(({ cuts, upperTakesCut, ranks, direction }) => {
    const sorted = [...cuts].sort((x, y) => x - y);
    const points = ranks.slice(0, sorted.length + 1).sort((x, y) => x - y);
    if (direction === 'lower') points.reverse();
    return {
      cuts: sorted,
      upperTakesCut: upperTakesCut.slice(0, sorted.length),
      points,
      direction,
    };
  });

type BandSpec = {
  cuts: number[];
  upperTakesCut: boolean[];
  points: number[];
  direction: Direction;
};

const hundredths = (value: number) => Rational.of(BigInt(value), 100n).toExactText();

function bandsOf(spec: BandSpec): Band[] {
  const levelAt = (index: number) => BY_POINTS[spec.points[index] ?? 0]?.[0] ?? 'poor';
  return spec.points.map((_, index) => {
    const low = spec.cuts[index - 1];
    const high = spec.cuts[index];
    return band(levelAt(index), {
      ...(low === undefined ? {} : { low: hundredths(low) }),
      lowInclusive: low !== undefined && (spec.upperTakesCut[index - 1] ?? false),
      ...(high === undefined ? {} : { high: hundredths(high) }),
      highInclusive: high !== undefined && !(spec.upperTakesCut[index] ?? false),
    });
  });
}

/** The oracle: the band a value in hundredths falls in, counted in whole numbers. */
function expectedPoints(spec: BandSpec, value: number): number {
  const index = spec.cuts.filter(
    (cut, at) => value > cut || (value === cut && spec.upperTakesCut[at]),
  ).length;
  return BY_POINTS[spec.points[index] ?? 0]?.[1] ?? -1;
}

function scoreOne(indicator: Indicator, value: number): ScoreResult {
  const set = rules({
    indicators: [indicator],
    positions: [position('p', [indicator], { [indicator.id]: '100' })],
  });
  return score(set, csv(`x,u,p,,2024-Q1,m,${hundredths(value)}`), { period: '2024-Q1' });
}

describe('bands and direction', () => {
  test('a value earns the points of the band the cuts put it in, boundaries included', () => {
    fc.assert(
      fc.property(
        bandsArbitrary,
        fc.integer({ min: 0, max: 10000 }),
        fc.boolean(),
        (spec, value, onCut) => {
          const at = onCut ? (spec.cuts[value % spec.cuts.length] ?? value) : value;
          const indicator = formulaIndicator('k', measure('m'), {
            bands: bandsOf(spec),
            direction: spec.direction,
          });
          const points = indicatorOf(scoreOne(indicator, at), 'x', 'k').points?.exact;
          expect(points).toBe(String(expectedPoints(spec, at)));
        },
      ),
    );
  });

  test('a better measured value never earns fewer points', () => {
    fc.assert(
      fc.property(
        bandsArbitrary,
        fc.integer({ min: 0, max: 10000 }),
        fc.integer({ min: 0, max: 10000 }),
        (spec, a, b) => {
          const indicator = formulaIndicator('k', measure('m'), {
            bands: bandsOf(spec),
            direction: spec.direction,
          });
          const [worse, better] = (spec.direction === 'higher') === a <= b ? [a, b] : [b, a];
          const pointsOf = (value: number) =>
            Rational.parse(indicatorOf(scoreOne(indicator, value), 'x', 'k').points?.exact ?? '')!;
          expect(pointsOf(worse).compare(pointsOf(better))).toBeLessThanOrEqual(0);
        },
      ),
    );
  });
});

/** A position with one indicator of each kind, and the missing-data rules drawn at random. */
function mixedRuleSet(missing: readonly MissingDataRule[]) {
  const rule = (index: number): MissingDataRule => missing[index] ?? 'exclude';
  const indicators = [
    formulaIndicator('share', op(measure('done'), '/', measure('all')), { missingData: rule(0) }),
    formulaIndicator('hours', op(measure('hours'), '/', measure('answered')), {
      unit: HOURS,
      direction: 'lower',
      frequency: 'month',
      aggregation: 'mean',
      missingData: rule(1),
      bands: [
        band('excellent', under('8')),
        band('good', fromUnder('8', '24')),
        band('poor', from('24')),
      ],
    }),
    formulaIndicator('updates', measure('updates'), {
      unit: COUNT,
      frequency: 'month',
      aggregation: 'every',
      missingData: rule(2),
      bands: [band('met', from('1')), band('not_met', under('1'))],
    }),
    surveyIndicator('survey', 'rating', '3', { missingData: rule(3) }),
  ];
  return rules({
    indicators,
    positions: [
      position('p', indicators, { share: '30', hours: '25', updates: '20', survey: '25' }),
    ],
  });
}

/** A cell: left out (no row), blank, or a value drawn from `values`. */
const cell = (values: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant<string | null>(null) },
    { weight: 1, arbitrary: fc.constant<string | null>('') },
    { weight: 6, arbitrary: values.map((value): string | null => value) },
  );

const personArbitrary = fc.record({
  done: cell(fc.integer({ min: 0, max: 40 }).map(String)),
  all: cell(fc.integer({ min: 0, max: 40 }).map(String)),
  hours: fc.array(cell(fc.integer({ min: 0, max: 4000 }).map(hundredths)), {
    minLength: 3,
    maxLength: 3,
  }),
  answered: fc.array(cell(fc.integer({ min: 0, max: 5 }).map(String)), {
    minLength: 3,
    maxLength: 3,
  }),
  updates: fc.array(cell(fc.integer({ min: 0, max: 3 }).map(String)), {
    minLength: 3,
    maxLength: 3,
  }),
  ratings: fc.array(cell(fc.integer({ min: 1, max: 5 }).map(String)), { maxLength: 6 }),
  junk: fc.array(
    fc.constantFrom(
      'p,2024-Q2,done,1',
      'p,2024-Q1,done,1e3',
      'p,2024-Q1,nothing,1',
      'director,2024-Q1,done,1',
      'p,2024-Q1,rating,9',
      'p,2024-13,done,1',
    ),
    { maxLength: 3 },
  ),
});

function dataText(people: readonly fc.RecordValue<typeof personArbitrary>[]): string {
  const lines = [COLUMNS.join(',')];
  const months = ['2024-01', '2024-02', '2024-03'];
  people.forEach((person, index) => {
    const id = `x${index}`;
    const add = (period: string, name: string, value: string | null) => {
      if (value !== null) lines.push(`${id},u,p,,${period},${name},${value}`);
    };
    add('2024-Q1', 'done', person.done);
    add('2024-Q1', 'all', person.all);
    months.forEach((month, at) => {
      add(month, 'hours', person.hours[at] ?? null);
      add(month, 'answered', person.answered[at] ?? null);
      add(month, 'updates', person.updates[at] ?? null);
    });
    for (const rating of person.ratings) add('2024-Q1', 'rating', rating);
    for (const junk of person.junk) {
      const [positionId = 'p', ...rest] = junk.split(',');
      lines.push(`${id},u,${positionId},,${rest.join(',')}`);
    }
  });
  return `${lines.join('\n')}\n`;
}

const scenario = fc.record({
  missing: fc.array(fc.constantFrom<MissingDataRule>('exclude', 'lowest', 'unrated'), {
    minLength: 4,
    maxLength: 4,
  }),
  people: fc.array(personArbitrary, { minLength: 1, maxLength: 4 }),
});

function run({ missing, people }: fc.RecordValue<typeof scenario>): ScoreResult {
  return score(mixedRuleSet(missing), readRowsCsv(dataText(people)), { period: '2024-Q1' });
}

describe('results for any data', () => {
  test('the generated data reach every status and every rule, so the properties below bite', () => {
    const results = fc.sample(scenario, { numRuns: 300, seed: 5 }).map(run);
    const people = results.flatMap((result) => result.people);
    const statuses = new Set(people.map((person) => person.status));
    const indicatorStatuses = new Set(
      people.flatMap((person) => person.indicators.map((item) => item.status)),
    );
    const reasons = new Set(
      people.flatMap((person) => person.indicators.map((item) => item.notRated?.reason)),
    );
    expect([...statuses].sort()).toEqual(['complete', 'incomplete', 'unrated']);
    expect([...indicatorStatuses].sort()).toEqual(['excluded', 'lowest', 'rated', 'unrated']);
    for (const reason of [
      'no-data',
      'blank-cell',
      'too-few-responses',
      'zero-denominator',
      'out-of-range',
    ]) {
      expect(reasons).toContain(reason);
    }
    expect(results.some((result) => result.rejected.length > 0)).toBe(true);
  });

  test('a total stays within the points of the levels (0 to 100 here)', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        for (const person of run(input).people) {
          if (person.total === null) continue;
          const total = Rational.parse(person.total.exact)!;
          expect(total.compare(Rational.ZERO)).toBeGreaterThanOrEqual(0);
          expect(total.compare(Rational.HUNDRED)).toBeLessThanOrEqual(0);
        }
      }),
    );
  });

  test('the weights that count sum to 100, or the result is marked incomplete or unrated', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        for (const person of run(input).people) {
          const counted = person.indicators.filter(
            (item) => item.status === 'rated' || item.status === 'lowest',
          );
          const declared = counted.reduce(
            (sum, item) => sum.add(Rational.parse(item.weight.exact)!),
            Rational.ZERO,
          );
          expect(declared.toExactText()).toBe(person.weightCounted.exact);
          if (person.status === 'complete') expect(declared.equals(Rational.HUNDRED)).toBe(true);
          if (!declared.equals(Rational.HUNDRED)) expect(person.status).not.toBe('complete');
          if (person.total !== null) {
            const effective = counted.reduce(
              (sum, item) => sum.add(Rational.parse(item.effectiveWeight!.exact)!),
              Rational.ZERO,
            );
            expect(effective.equals(Rational.HUNDRED)).toBe(true);
            const contributions = counted.reduce(
              (sum, item) => sum.add(Rational.parse(item.contribution!.exact)!),
              Rational.ZERO,
            );
            expect(contributions.toExactText()).toBe(person.total.exact);
          }
        }
      }),
    );
  });

  test('every row is used by exactly one person or rejected, never both, never lost', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const result = run(input);
        const used = result.people.flatMap((person) => person.rows);
        const rejected = result.rejected.map((rejection) => rejection.row);
        const all = [...used, ...rejected].sort((a, b) => a - b);
        expect(all).toEqual(Array.from({ length: result.counts.rows }, (_, index) => index + 1));
        expect(result.counts.used).toBe(used.length);
      }),
    );
  });

  test('a result holds no float, NaN or Infinity: only whole counts and exact texts', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const visit = (value: unknown, key: string): void => {
          if (typeof value === 'number') expect(Number.isSafeInteger(value)).toBe(true);
          else if (typeof value === 'string') {
            expect(value).not.toMatch(/NaN|Infinity/);
            if (key === 'exact') expect(Rational.parse(value)?.toExactText()).toBe(value);
          } else if (Array.isArray(value)) value.forEach((item) => visit(item, key));
          else if (typeof value === 'object' && value !== null) {
            for (const [name, item] of Object.entries(value)) visit(item, name);
          }
        };
        const result = run(input);
        visit(JSON.parse(JSON.stringify(result)), '');
        expect(JSON.parse(JSON.stringify(result))).toEqual(result);
      }),
    );
  });

  test('a person is rated without missing data exactly when every indicator has a value', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        for (const person of run(input).people) {
          const allRated = person.indicators.every((item) => item.status === 'rated');
          expect(person.status === 'complete').toBe(allRated);
          for (const item of person.indicators) {
            expect(item.status === 'rated').toBe(item.notRated === null);
            expect(item.notRated === null || item.notRated.message.length > 0).toBe(true);
          }
        }
      }),
    );
  });
});

test('a better survey answer never lowers the total', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 8 }),
      fc.nat(),
      (answers, pick) => {
        const set = mixedRuleSet(['exclude', 'exclude', 'exclude', 'exclude']);
        const rows = (list: readonly number[]) =>
          csv(
            [
              'x,u,p,,2024-Q1,done,10',
              'x,u,p,,2024-Q1,all,20',
              ...list.map((answer) => `x,u,p,,2024-Q1,rating,${answer}`),
            ].join('\n'),
          );
        const index = pick % answers.length;
        const improved = answers.map((answer, at) =>
          at === index ? Math.min(5, answer + 1) : answer,
        );
        const before = personOf(score(set, rows(answers), { period: '2024-Q1' }), 'x').total;
        const after = personOf(score(set, rows(improved), { period: '2024-Q1' }), 'x').total;
        expect(
          Rational.parse(before!.exact)!.compare(Rational.parse(after!.exact)!),
        ).toBeLessThanOrEqual(0);
      },
    ),
  );
});
