/**
 * Conditions (step 2): declared facts, given as data rows whose measure is the condition id
 * and whose value is 1 or 0, that decide a person's rating whatever the total; the first in
 * source order that holds decides. Fact rows are checked like any other: their value, the
 * person's group, the period and repeats.
 */
import { describe, expect, test } from 'vitest';
import { RuleSetError, loadRuleSet, score } from '@kpilang/runtime';
import {
  csv,
  formulaIndicator,
  label,
  measure,
  personOf,
  position,
  ruleSetValue,
  rules,
} from './fixture.js';

/** a: a percent read from measure `a`, on the share bands (excellent from 95 is 100 points). */
const a = formulaIndicator('a', measure('a'), { missingData: 'unrated' });

/**
 * Position `staff` (group staff) and `lead` (group leaders), each weighting a alone. In source
 * order: `sanctioned` (leaders only) rates completed (`done`), `disciplined` (everyone) rates
 * not completed (`not_done`).
 */
const CONDITIONS = [
  {
    id: 'sanctioned',
    label: label('Managed unit sanctioned'),
    groups: ['leaders'],
    rating: 'done',
  },
  { id: 'disciplined', label: label('Disciplined'), groups: [], rating: 'not_done' },
];

const decided = rules({
  indicators: [a],
  positions: [
    position('staff', [a], { a: '100' }, 'staff'),
    position('lead', [a], { a: '100' }, 'leaders'),
  ],
  groups: ['staff', 'leaders'],
  conditions: CONDITIONS,
});

const scored = (lines: string) => score(decided, csv(lines), { period: '2024-Q1' });

describe('conditions', () => {
  test('without a row a fact does not hold, and the rating is the total’s', () => {
    const result = scored('x,u,staff,,2024-Q1,a,99');
    expect(personOf(result, 'x')).toMatchObject({
      scoredRating: { id: 'outstanding' },
      rating: { id: 'outstanding' },
      adjustments: [],
      facts: [{ condition: 'disciplined', holds: false, rows: [] }],
    });
  });

  test('a row giving 0 is used, and the fact does not hold', () => {
    const result = scored(`
      x,u,staff,,2024-Q1,a,99
      x,u,staff,,2024-Q1,disciplined,0
    `);
    expect(result.counts).toEqual({ rows: 2, used: 2, rejected: 0 });
    expect(personOf(result, 'x')).toMatchObject({
      rating: { id: 'outstanding' },
      facts: [{ condition: 'disciplined', holds: false, rows: [2] }],
      rows: [1, 2],
    });
  });

  test('a fact that holds sets the rating whatever the total, and says so', () => {
    // a = 99: excellent, 100 points: total 100, outstanding; disciplined: not completed.
    const result = scored(`
      x,u,staff,,2024-Q1,a,99
      x,u,staff,,2024-02,disciplined,1
    `);
    const person = personOf(result, 'x');
    expect(person).toMatchObject({
      total: { exact: '100' },
      scoredRating: { id: 'outstanding' },
      rating: { id: 'not_done' },
      rows: [1, 2],
    });
    expect(person.adjustments).toEqual([
      {
        step: 'condition',
        rule: 'disciplined',
        label: label('Disciplined'),
        from: 'outstanding',
        to: 'not_done',
        rows: [2],
        reason:
          'Condition disciplined holds (row 2): rated not_done whatever the total, instead of ' +
          'outstanding.',
      },
    ]);
    expect(person.explanation).toBe(
      'Total 100: outstanding (from 90). Condition disciplined holds (row 2): rated not_done ' +
        'whatever the total, instead of outstanding.',
    );
  });

  test('of two facts that hold, the first in source order decides', () => {
    // sanctioned comes first and rates `done`, though disciplined would rate lower.
    const result = scored(`
      y,u,lead,,2024-Q1,a,99
      y,u,lead,,2024-Q1,disciplined,1
      y,u,lead,,2024-Q1,sanctioned,1
    `);
    const person = personOf(result, 'y');
    expect(person.rating?.id).toBe('done');
    expect(person.facts).toEqual([
      { condition: 'sanctioned', holds: true, rows: [3] },
      { condition: 'disciplined', holds: true, rows: [2] },
    ]);
    expect(person.adjustments.map((adjustment) => adjustment.rule)).toEqual(['sanctioned']);
  });

  test('a fact that holds rates a person whom the total already rates there', () => {
    // a = 40: poor, 20 points: total 20, not completed.
    const result = scored(`
      x,u,staff,,2024-Q1,a,40
      x,u,staff,,2024-Q1,disciplined,1
    `);
    expect(personOf(result, 'x').adjustments[0]?.reason).toBe(
      'Condition disciplined holds (row 2): rated not_done whatever the total, as the total does.',
    );
  });

  test('a fact that holds rates a person without a total', () => {
    // a has no row and its missing-data rule is "unrated": no total, no rating line.
    const result = scored('x,u,staff,,2024-Q1,disciplined,1');
    expect(personOf(result, 'x')).toMatchObject({
      status: 'unrated',
      total: null,
      scoredRating: null,
      rating: { id: 'not_done' },
    });
    expect(personOf(result, 'x').adjustments[0]?.reason).toBe(
      'Condition disciplined holds (row 1): rated not_done whatever the total (the total gives ' +
        'no rating).',
    );
  });
});

describe('fact rows', () => {
  test.each([['yes'], ['2'], ['1.0'], ['-1'], ['']])('the value %j is refused', (value) => {
    const result = scored(`x,u,staff,,2024-Q1,disciplined,${value}`);
    expect(result.rejected).toEqual([
      {
        row: 1,
        line: 2,
        column: 'value',
        person: 'x',
        code: 'bad-fact-value',
        reason:
          'A row for the fact "disciplined" gives 1 when it holds and 0 when it does not, and ' +
          'nothing else.',
      },
    ]);
  });

  test("a fact for a person outside the condition's groups is refused", () => {
    const result = scored(`
      x,u,staff,,2024-Q1,a,99
      x,u,staff,,2024-Q1,sanctioned,1
    `);
    expect(result.rejected).toEqual([
      {
        row: 2,
        line: 3,
        column: 'measure',
        person: 'x',
        code: 'fact-not-applicable',
        reason:
          'The fact "sanctioned" applies to the positions of "leaders"; position "staff" is in ' +
          'group "staff".',
      },
    ]);
    expect(personOf(result, 'x').rating?.id).toBe('outstanding');
  });

  test('a fact for another cycle, or for a period longer than the cycle, is refused', () => {
    const result = scored(`
      x,u,staff,,2024-Q1,a,99
      x,u,staff,,2024-Q2,disciplined,1
      x,u,staff,,2024,disciplined,1
    `);
    expect(result.rejected.map((rejection) => [rejection.code, rejection.reason])).toEqual([
      [
        'outside-period',
        'The period 2024-Q2 does not lie within the scored period 2024-Q1; the fact ' +
          '"disciplined" is given for the scored period or a part of it.',
      ],
      [
        'outside-period',
        // A year holds the quarter but is longer: it is not "outside" it.
        'The period 2024 does not lie within the scored period 2024-Q1; the fact ' +
          '"disciplined" is given for the scored period or a part of it.',
      ],
    ]);
    expect(personOf(result, 'x').rating?.id).toBe('outstanding');
  });

  test('two rows giving a fact for the same time are one too many', () => {
    const result = scored(`
      x,u,staff,,2024-Q1,a,99
      x,u,staff,,2024-02,disciplined,0
      x,u,staff,,2024-Q1,disciplined,1
    `);
    expect(result.rejected.map((rejection) => [rejection.row, rejection.code])).toEqual([
      [3, 'duplicate'],
    ]);
  });
});

describe('loading conditions', () => {
  test('groups and rating lines must exist, and a fact may not be named like a measure', () => {
    const value = ruleSetValue({
      indicators: [a],
      positions: [position('staff', [a], { a: '100' }, 'staff')],
      groups: ['staff'],
      conditions: [
        { id: 'a', label: label('Named like a measure'), groups: ['ghosts'], rating: 'heroic' },
        { id: 'a', label: label('Twice'), groups: [], rating: 'done' },
      ],
    });
    let issues: string[] = [];
    try {
      loadRuleSet(value);
    } catch (error) {
      if (!(error instanceof RuleSetError)) throw error;
      issues = error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    }
    expect(issues).toEqual([
      'conditions[1].id: The id "a" is used twice.',
      'conditions[0].id: Condition "a" has the name of a measure an indicator reads.',
      'conditions[0].groups[0]: Group "ghosts" is not in "groups".',
      'conditions[0].rating: Rating line "heroic" is not in "rating".',
      'conditions[1].id: Condition "a" has the name of a measure an indicator reads.',
    ]);
  });
});
