/**
 * Which rows are used and which are rejected, with what reason; and contexts, whose rules
 * replace the base rules for the people in them.
 */
import { describe, expect, test } from 'vitest';
import { score, scorePeople, type Rejection } from '@kpilang/runtime';
import {
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

const share = formulaIndicator('share', op(measure('done'), '/', measure('all')));
const quick = formulaIndicator('quick', measure('q'));
const survey = surveyIndicator('survey', 'rating', '1');
const officer = position('officer', [share, quick, survey], {
  share: '50',
  quick: '30',
  survey: '20',
});
const clerk = position('clerk', [quick], { quick: '100' });

// In Đắk Lắk, share weighs 70 and quick 10, and share is excellent from 90.
const dakLakBands = [
  band('excellent', from('90')),
  band('good', fromUnder('80', '90')),
  band('poor', under('80')),
];
const ruleSet = rules({
  indicators: [share, quick, survey],
  positions: [officer, clerk],
  contexts: [
    {
      id: 'dak_lak',
      label: { vi: 'Đắk Lắk', en: 'Dak Lak' },
      positions: [
        {
          ...officer,
          indicators: [
            { indicator: 'share', weight: '70', bands: dakLakBands },
            { indicator: 'quick', weight: '10', bands: quick.bands },
            { indicator: 'survey', weight: '20', bands: survey.bands },
          ],
        },
      ],
    },
  ],
});

const codes = (rejected: readonly Rejection[]) =>
  rejected.map((rejection) => [rejection.row, rejection.column, rejection.code]);

describe('score: contexts', () => {
  const result = score(
    ruleSet,
    csv(`
      base,u,officer,,2024-Q1,done,92
      base,u,officer,,2024-Q1,all,100
      base,u,officer,,2024-Q1,q,96
      base,u,officer,,2024-Q1,rating,5
      highland,u,officer,dak_lak,2024-Q1,done,92
      highland,u,officer,dak_lak,2024-Q1,all,100
      highland,u,officer,dak_lak,2024-Q1,q,96
      highland,u,officer,dak_lak,2024-Q1,rating,5
    `),
    { period: '2024-Q1' },
  );

  test('without a context, the base rules apply', () => {
    // share 92: good (80) × 50% = 40; quick 96: excellent (100) × 30% = 30; survey 5: excellent × 20% = 20.
    expect(indicatorOf(result, 'base', 'share').band?.level).toBe('good');
    expect(personOf(result, 'base')).toMatchObject({ context: null, total: { exact: '90' } });
  });

  test('in a context, its bands and weights apply instead', () => {
    // share 92 is excellent from 90: 100 × 70% = 70; quick 100 × 10% = 10; survey 100 × 20% = 20.
    expect(indicatorOf(result, 'highland', 'share').band).toMatchObject({
      level: 'excellent',
      condition: 'from 90',
    });
    expect(indicatorOf(result, 'highland', 'share').weight.exact).toBe('70');
    expect(personOf(result, 'highland')).toMatchObject({
      context: 'dak_lak',
      total: { exact: '100' },
    });
  });

  test('an unknown context, or a context without rules for the position, is rejected', () => {
    const rejected = score(
      ruleSet,
      csv('a,u,officer,can_tho,2024-Q1,q,1\nb,u,clerk,dak_lak,2024-Q1,q,1'),
      {
        period: '2024-Q1',
      },
    ).rejected;
    expect(codes(rejected)).toEqual([
      [1, 'context', 'unknown-context'],
      [2, 'position', 'unknown-position'],
    ]);
    expect(rejected[1]?.reason).toBe('Context "dak_lak" has no rules for position "clerk".');
  });
});

describe('score: rejected rows', () => {
  test(
    'each kind of bad row is rejected with its row, column and reason, and kept out of the ' +
      'scores',
    () => {
      const result = score(
        ruleSet,
        csv(`
        x,u,officer,,2024-Q1,q,90
        ,u,officer,,2024-Q1,q,90
        x,u,officer,,2024-Q5,q,90
        x,u,officer,,2024-Q1,done,1e3
        x,u,officer,,2024-Q1,done,"1,5"
        x,u,officer,,2024-Q1,done,95%
        x,u,director,,2024-Q1,q,90
        x,u,clerk,,2024-Q1,q,90
        x,u,officer,dak_lak,2024-Q1,q,90
        x,other,officer,,2024-Q1,q,90
        x,u,officer,,2024-Q1,speed,90
        x,u,officer,,2024-Q2,done,90
        x,u,officer,,2024,done,90
        x,u,officer,,2024-Q1,q,80
        x,u,officer,,2024-01,q,80
        x,u,officer,,2024-Q1,rating,6
        x,u,officer,,2024-Q1,rating,4.5
        x,u,officer
      `),
        { period: '2024-Q1' },
      );
      expect(codes(result.rejected)).toEqual([
        [2, 'person', 'empty-field'],
        [3, 'period', 'bad-period'],
        [4, 'value', 'bad-number'],
        [5, 'value', 'bad-number'],
        [6, 'value', 'bad-number'],
        [7, 'position', 'unknown-position'],
        [8, 'position', 'conflict'],
        [9, 'context', 'conflict'],
        [10, 'org_unit', 'conflict'],
        [11, 'measure', 'unknown-measure'],
        [12, 'period', 'outside-period'],
        [13, 'period', 'coarser-than-measured'],
        [14, 'period', 'duplicate'],
        [15, 'period', 'duplicate'],
        [16, 'value', 'not-an-answer'],
        [17, 'value', 'not-an-answer'],
        [18, 'context', 'field-count'],
      ]);
      expect(result.counts).toEqual({ rows: 18, used: 1, rejected: 17 });
      // Only row 1 is used: quick is 90, good.
      expect(personOf(result, 'x').rows).toEqual([1]);
      expect(indicatorOf(result, 'x', 'quick').value?.exact).toBe('90');
    },
  );

  test('the reasons name rows, columns and ids, never the measured value', () => {
    const result = score(
      ruleSet,
      csv(`
        x,u,officer,,2024-Q1,q,987654321
        x,u,officer,,2024-Q1,q,987654321
        x,u,officer,,2024-Q1,done,987654321e3
        x,u,officer,,2024-Q2,done,987654321
        x,u,officer,,2024-Q1,rating,987654321
        x,u,officer,,2024-Q1,nothing,987654321
        x,u,officer,,2024-Q1,987654321,
        y,u,987654321,,2024-Q1,q,
        z,u,officer,987654321,2024-Q1,q,
      `),
      { period: '2024-Q1' },
    );
    // The last three rows have a figure in the wrong column (a measure, position or context),
    // where a reason would otherwise quote it as an id.
    expect(codes(result.rejected).slice(5)).toEqual([
      [7, 'measure', 'unknown-measure'],
      [8, 'position', 'unknown-position'],
      [9, 'context', 'unknown-context'],
    ]);
    expect(result.rejected).toHaveLength(8);
    for (const rejection of result.rejected) expect(rejection.reason).not.toContain('987654321');
  });

  test('the reasons say what is wrong in words', () => {
    const result = score(
      ruleSet,
      csv(`
        x,u,officer,,2024-Q1,q,90
        x,u,clerk,,2024-Q1,q,90
        x,u,officer,,2024-Q1,speed,1
        x,u,officer,,2024-Q1,q,2
        x,u,officer,,2024-01,q,2
        x,u,officer,,2024-Q1,rating,6
      `),
      { period: '2024-Q1' },
    );
    expect(result.rejected.map((rejection) => rejection.reason)).toEqual([
      'Person "x" holds position "officer" (row 1); a person has one position per scored period.',
      'No indicator of position "officer" reads measure "speed".',
      'Row 1 already gives measure "q" for 2024-Q1.',
      'Row 1 gives measure "q" for 2024-Q1, which 2024-01 lies within.',
      'An answer to survey measure "rating" must be a whole point of likert5, from 1 to 5.',
    ]);
    expect(result.rejected[0]).toMatchObject({ row: 2, line: 3, person: 'x' });
  });

  test('rows a reader rejected come first in the result, in row order with the others', () => {
    const result = score(
      ruleSet,
      csv('x,u,officer,,2024-Q1,q\nx,u,officer,,2024-Q1,q,90\nx,u,officer,,2024-Q2,q,1'),
      {
        period: '2024-Q1',
      },
    );
    expect(codes(result.rejected)).toEqual([
      [1, 'value', 'field-count'],
      [3, 'period', 'outside-period'],
    ]);
    expect(result.counts).toEqual({ rows: 3, used: 1, rejected: 2 });
  });
});

describe('score: who a person is', () => {
  test(
    'a rejected row does not fix the unit: a stale row of another unit costs the good rows ' +
      'nothing',
    () => {
      // Row 1 is last quarter's, from before x moved unit; row 2 names a measure no indicator
      // reads. Both are rejected for what they are, and x's rows of this quarter all count.
      const result = score(
        ruleSet,
        csv(`
        x,old unit,officer,,2023-Q4,q,50
        x,old unit,clerk,,2024-Q1,speed,1
        x,new unit,officer,,2024-Q1,q,96
        x,new unit,officer,,2024-Q1,done,19
        x,new unit,officer,,2024-Q1,all,20
        x,old unit,officer,,2024-Q1,rating,5
      `),
        { period: '2024-Q1' },
      );
      expect(codes(result.rejected)).toEqual([
        [1, 'period', 'outside-period'],
        [2, 'measure', 'unknown-measure'],
        [6, 'org_unit', 'conflict'],
      ]);
      expect(result.rejected[2]?.reason).toBe(
        'Person "x" is in org_unit "new unit" (row 3); a person has one unit per scored period.',
      );
      expect(personOf(result, 'x')).toMatchObject({ orgUnit: 'new unit', rows: [3, 4, 5] });
    },
  );

  test(
    'a person whose every row is rejected still appears, with the rules of their first ' + 'row',
    () => {
      const result = score(ruleSet, csv('y,u,clerk,,2024-Q2,q,1\ny,u,officer,,2024-Q3,q,1'), {
        period: '2024-Q1',
      });
      expect(codes(result.rejected)).toEqual([
        [1, 'period', 'outside-period'],
        [2, 'period', 'outside-period'],
      ]);
      expect(personOf(result, 'y')).toMatchObject({ position: 'clerk', status: 'unrated' });
    },
  );

  test('an org_unit written in another Unicode form is the same unit', () => {
    // Vietnamese letters may come precomposed (NFC) from one system and decomposed (NFD)
    // from another; both spell the same name.
    const unit = 'Phòng Tổ chức cán bộ';
    const result = score(
      ruleSet,
      csv(
        `x,${unit.normalize('NFC')},officer,,2024-Q1,q,96\nx,${unit.normalize('NFD')},officer,,2024-Q1,rating,5`,
      ),
      { period: '2024-Q1' },
    );
    expect(result.rejected).toEqual([]);
    expect(personOf(result, 'x').rows).toEqual([1, 2]);
  });
});

describe('score: many rows of one measure', () => {
  test('a long list of weekly rows of a yearly measure still finds each overlap', () => {
    const yearly = formulaIndicator('yearly', measure('w'), {
      frequency: 'year',
      unit: { name: 'number', integer: false },
    });
    const set = rules({
      indicators: [yearly],
      positions: [position('p', [yearly], { yearly: '100' })],
      cycle: 'year',
    });
    const weeks = Array.from(
      { length: 52 },
      (_, index) => `x,u,p,,2024-W${String(index + 1).padStart(2, '0')},w,1`,
    );
    const result = score(
      set,
      csv([...weeks, 'x,u,p,,2024-W30,w,1', 'x,u,p,,2024-07,w,1', 'x,u,p,,2024-H2,w,1'].join('\n')),
      {
        period: '2024',
      },
    );
    // 52 weeks of 1: 52. Week 30 again, July (which holds weeks 27 to 30) and the second half all overlap.
    expect(indicatorOf(result, 'x', 'yearly').value?.exact).toBe('52');
    expect(result.rejected.map((rejection) => [rejection.row, rejection.reason])).toEqual([
      [53, 'Row 30 already gives measure "w" for 2024-W30.'],
      [54, 'Row 27 gives measure "w" for 2024-W27, within 2024-07.'],
      [55, 'Row 27 gives measure "w" for 2024-W27, within 2024-H2.'],
    ]);
  });
});

describe('scorePeople', () => {
  test(
    'gives the same results as score, one person at a time, with every rejection up ' + 'front',
    () => {
      const data = csv(`
      a,u,officer,,2024-Q1,q,96
      b,u,clerk,,2024-Q1,q,50
      a,u,officer,,2024-Q2,q,1
      a,u,officer,,2024-Q1,done,9
      a,u,officer,,2024-Q1,all,10
    `);
      const stream = scorePeople(ruleSet, data, { period: '2024-Q1' });
      expect(stream.rejected.map((rejection) => rejection.row)).toEqual([3]);
      expect(stream.counts).toEqual({ rows: 5, used: 4, rejected: 1 });
      const people = [...stream.people];
      expect(people.map((person) => person.person)).toEqual(['a', 'b']);
      expect(people).toEqual(score(ruleSet, data, { period: '2024-Q1' }).people);
      expect([...stream.people]).toEqual([]);
    },
  );
});
