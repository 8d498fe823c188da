/**
 * Quotas (step 3): limits across people, applied once everyone is scored and the conditions
 * have spoken, in each set of people of their `within` words in order. The arithmetic of the
 * places, the rank order with its ties, and the words of each move, worked out by hand.
 */
import { describe, expect, test } from 'vitest';
import type { Indicator, Quota } from '@kpilang/rule-set';
import { RuleSetError, loadRuleSet, score, scorePeople } from '@kpilang/runtime';
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

/** a: a percentage earning its own value as points, so a person's total is their `a`. */
const a = formulaIndicator('a', measure('a'), { bands: [], scoring: 'proportional' });

/** b: another, for ranking ties on the total; left out when it has no value. */
const b = formulaIndicator('b', measure('b'), { bands: [], scoring: 'proportional' });

function quota(fields: Partial<Quota> = {}): Quota {
  return {
    id: 'excellent_share',
    label: label('At most a share of outstanding'),
    limited: 'outstanding',
    share: '20',
    of: 'well',
    demoteTo: 'well',
    within: ['unit'],
    rankBy: [{ kind: 'total' }],
    ...fields,
  };
}

/** Position `staff` (group staff) and `lead` (group leaders) weighting `indicators` equally. */
function limited(quotas: Quota[], indicators: Indicator[] = [a]) {
  const weights = Object.fromEntries(
    indicators.map((indicator) => [indicator.id, String(100 / indicators.length)]),
  );
  return rules({
    indicators,
    positions: [
      position('staff', indicators, weights, 'staff'),
      position('lead', indicators, weights, 'leaders'),
      position('alone', indicators, weights),
    ],
    groups: ['staff', 'leaders'],
    conditions: [
      { id: 'disciplined', label: label('Disciplined'), groups: [], rating: 'not_done' },
    ],
    quotas,
  });
}

/** A row of measure `a` for a person of position staff in `unit`. */
const row = (person: string, value: string, unit = 'u', position = 'staff') =>
  `${person},${unit},${position},,2024-Q1,a,${value}`;

const ratings = (result: ReturnType<typeof score>) =>
  Object.fromEntries(result.people.map((person) => [person.person, person.rating?.id ?? null]));

describe('a quota', () => {
  test('5 outstanding, 10 completed well, at most 20%: 2 keep it and 3 move down', () => {
    // k = 2: 100 × 2 <= 20 × (10 + 3) = 260; k = 3 fails: 300 > 20 × (10 + 2) = 240.
    // o0 is disciplined (not completed) and u0 has no total: neither is counted.
    const lines = [
      row('o1', '95'),
      row('o2', '94'),
      row('o3', '93'),
      row('o4', '92'),
      row('o5', '91'),
      row('o0', '99'),
      'o0,u,staff,,2024-Q1,disciplined,1',
      'u0,u,staff,,2024-Q1,disciplined,0',
      ...Array.from({ length: 10 }, (_, index) => row(`w${index}`, '80')),
    ];
    const result = score(limited([quota()]), csv(lines.join('\n')), { period: '2024-Q1' });
    expect(ratings(result)).toMatchObject({
      o1: 'outstanding',
      o2: 'outstanding',
      o3: 'well',
      o4: 'well',
      o5: 'well',
      o0: 'not_done',
      u0: null,
    });

    const o3 = personOf(result, 'o3');
    expect(o3.scoredRating?.id).toBe('outstanding');
    expect(o3.adjustments).toEqual([
      {
        step: 'quota',
        rule: 'excellent_share',
        label: label('At most a share of outstanding'),
        from: 'outstanding',
        to: 'well',
        set: { within: 'unit', key: 'u' },
        candidates: 5,
        base: 10,
        share: { exact: '20', display: '20' },
        places: 2,
        rank: 3,
        keys: [{ kind: 'total', value: { exact: '93', display: '93' } }],
        tiedWith: [],
        reason:
          'Quota excellent_share in unit "u": 2 of the 5 rated outstanding keep it (at most ' +
          '20% of the 13 rated well, counting the 3 moved there); ranked 3 of 5 by total 93, ' +
          'moved to well.',
      },
    ]);
    expect(o3.explanation).toBe(`Total 93: outstanding (from 90). ${o3.adjustments[0]?.reason}`);
    expect(personOf(result, 'o5').adjustments[0]).toMatchObject({ rank: 5 });
    expect(personOf(result, 'o1').adjustments).toEqual([]);
    // Kept: no adjustment, but the result says the quota ranked them.
    expect(personOf(result, 'o2').explanation).toBe(
      'Total 94: outstanding (from 90). Quota excellent_share in unit "u": 2 of the 5 rated ' +
        'outstanding keep it; ranked 2 of 5 by total 94, keeps outstanding.',
    );
    // A set where the quota holds leaves everyone's result as it was.
    expect(personOf(result, 'w0').explanation).toBe('Total 80: well (from 70 to under 90).');
  });

  test('people moved to the base line count in it; moved elsewhere they do not', () => {
    // 10 outstanding (99 down to 90), 10 others, at most 50%.
    // Moved to `of` (well): k <= 50 × (10 + 10) / 150 = 6.67, so 6 keep it.
    // Of `done`, moved to well: k <= 50 × 10 / 100 = 5, so 5 keep it.
    const outstanding = Array.from({ length: 10 }, (_, index) => row(`o${index}`, `${99 - index}`));
    const keptOf = (base: string, fields: Partial<Quota>) => {
      const others = Array.from({ length: 10 }, (_, index) => row(`b${index}`, base));
      const result = score(
        limited([quota({ share: '50', ...fields })]),
        csv([...outstanding, ...others].join('\n')),
        { period: '2024-Q1' },
      );
      return result.people.filter((person) => person.rating?.id === 'outstanding').length;
    };
    expect(keptOf('80', {})).toBe(6);
    expect(keptOf('60', { of: 'done' })).toBe(5);
  });

  test('ties on the total go to the next key, and then to the person ids, which the result says', () => {
    // x: a 90, b 100; y and z: a 100, b 90. All total 95. Three well (80, 80).
    // k = 2: 100 × 2 <= 50 × (3 + 1) = 200. By total, then b: x first; y and z are equal on
    // both, so y (the smaller id) keeps it and z moves.
    const pair = (person: string, left: string, right: string) =>
      `${person},u,staff,,2024-Q1,a,${left}\n${person},u,staff,,2024-Q1,b,${right}`;
    const result = score(
      limited(
        [quota({ share: '50', rankBy: [{ kind: 'total' }, { kind: 'indicator', id: 'b' }] })],
        [a, b],
      ),
      csv(
        [
          pair('z', '100', '90'),
          pair('y', '100', '90'),
          pair('x', '90', '100'),
          pair('w1', '80', '80'),
          pair('w2', '80', '80'),
          pair('w3', '80', '80'),
        ].join('\n'),
      ),
      { period: '2024-Q1' },
    );
    expect(ratings(result)).toMatchObject({ x: 'outstanding', y: 'outstanding', z: 'well' });
    expect(personOf(result, 'z').adjustments[0]).toMatchObject({
      rank: 3,
      places: 2,
      keys: [
        { kind: 'total', value: { exact: '95' } },
        { kind: 'indicator', id: 'b', value: { exact: '90' } },
      ],
      tiedWith: ['y'],
    });
    expect(personOf(result, 'z').adjustments[0]?.reason).toBe(
      'Quota excellent_share in unit "u": 2 of the 3 rated outstanding keep it (at most 50% of ' +
        'the 4 rated well, counting the 1 moved there); ranked 3 of 3 by total 95, b 90, moved ' +
        'to well. Equal on every key with y, who keeps outstanding: the person ids decide.',
    );
    expect(personOf(result, 'y').explanation).toContain(
      'ranked 2 of 3 by total 95, b 90, keeps outstanding. Equal on every key with z, who ' +
        'moves: the person ids decide.',
    );
  });

  test('only the people tied across the line name each other; ties on one side name no one', () => {
    // Outstanding: t 99; p, q, r 95; s, v 92. Four well at 80. k = 3: 100 × 3 <= 50 × (4 + 3).
    // Kept t, p, q; moved r, s, v. p, q and r tie across the line; s and v only with each other.
    const rows = [
      ['t', '99'],
      ['r', '95'],
      ['q', '95'],
      ['p', '95'],
      ['v', '92'],
      ['s', '92'],
      ['w1', '80'],
      ['w2', '80'],
      ['w3', '80'],
      ['w4', '80'],
    ].map(([person, value]) => `${person},u,staff,,2024-Q1,a,${value}`);
    const result = score(limited([quota({ share: '50' })]), csv(rows.join('\n')), {
      period: '2024-Q1',
    });
    expect(ratings(result)).toMatchObject({
      t: 'outstanding',
      p: 'outstanding',
      q: 'outstanding',
      r: 'well',
      s: 'well',
      v: 'well',
    });
    const tied = (person: string) => personOf(result, person).adjustments[0]?.tiedWith;
    expect([tied('r'), tied('s'), tied('v')]).toEqual([['p', 'q'], [], []]);
    for (const person of ['p', 'q']) {
      expect(personOf(result, person).explanation).toContain(
        'Equal on every key with r, who moves',
      );
    }
    expect(personOf(result, 't').explanation).not.toContain('Equal on every key');
  });

  test('a person without a value for a key ranks after everyone who has one', () => {
    // r has no b (excluded, so the total is a alone: 96); s has b 91 and a 97: total 94.
    // Ranked by b first: s, then r. One place: 100 × 1 <= 50 × (1 + 1).
    const result = score(
      limited([quota({ share: '50', rankBy: [{ kind: 'indicator', id: 'b' }] })], [a, b]),
      csv(`
        r,u,staff,,2024-Q1,a,96
        s,u,staff,,2024-Q1,a,97
        s,u,staff,,2024-Q1,b,91
        w,u,staff,,2024-Q1,a,80
        w,u,staff,,2024-Q1,b,80
      `),
      { period: '2024-Q1' },
    );
    expect(ratings(result)).toMatchObject({ r: 'well', s: 'outstanding' });
    expect(personOf(result, 'r').adjustments[0]?.reason).toContain('ranked 2 of 2 by b none');
  });

  test('within unit, then group: the second step counts the moves of the first', () => {
    // At most 50% of well, moved to well. Unit u1: o1 (99, staff), o2 (98) and o3 (97)
    // (leaders), 4 well (staff). Unit u2: o4 (96, staff), 1 well.
    // Units: u1 k = 50 × (4 + 3) / 150 = 2.33, 2: o1 and o2 keep it, o3 moves.
    //        u2 k = 50 × (1 + 1) / 150 = 0.67, 0: o4 moves.
    // Groups: staff: o1 and 4 + 1 + 1 well: k = 50 × (6 + 1) / 150 = 2.33, so o1 keeps it.
    //         leaders: o2 and o3 (now well): k = 50 × (1 + 1) / 150 = 0.67, 0: o2 moves.
    const lines = [
      row('o1', '99', 'u1'),
      row('o2', '98', 'u1', 'lead'),
      row('o3', '97', 'u1', 'lead'),
      ...Array.from({ length: 4 }, (_, index) => row(`w${index}`, '80', 'u1')),
      row('o4', '96', 'u2'),
      row('w9', '80', 'u2'),
    ];
    const result = score(
      limited([quota({ share: '50', within: ['unit', 'group'] })]),
      csv(lines.join('\n')),
      { period: '2024-Q1' },
    );
    expect(ratings(result)).toMatchObject({
      o1: 'outstanding',
      o2: 'well',
      o3: 'well',
      o4: 'well',
    });
    expect(personOf(result, 'o3').adjustments[0]).toMatchObject({
      set: { within: 'unit', key: 'u1' },
      candidates: 3,
      base: 4,
      places: 2,
    });
    expect(personOf(result, 'o4').adjustments[0]).toMatchObject({
      set: { within: 'unit', key: 'u2' },
      places: 0,
    });
    expect(personOf(result, 'o2').adjustments).toEqual([
      expect.objectContaining({
        set: { within: 'group', key: 'leaders' },
        candidates: 1,
        base: 1,
        places: 0,
        rank: 1,
        reason:
          'Quota excellent_share in group "leaders": 0 of the 1 rated outstanding keep it (at ' +
          'most 50% of the 2 rated well, counting the 1 moved there); ranked 1 of 1 by total ' +
          '98, moved to well.',
      }),
    ]);
  });

  test('within group, the people of a position in no group are a set of their own', () => {
    // Position alone has no group: o (95) and w (80): k = 20 × (1 + 1) / 120 = 0.33, 0.
    const result = score(
      limited([quota({ within: ['group'] })]),
      csv([row('o', '95', 'u', 'alone'), row('w', '80', 'u', 'alone')].join('\n')),
      { period: '2024-Q1' },
    );
    expect(personOf(result, 'o').adjustments[0]).toMatchObject({
      set: { within: 'position', key: 'alone' },
    });
    expect(personOf(result, 'o').adjustments[0]?.reason).toContain(
      'in position "alone" (in no group)',
    );
  });

  test('scorePeople scores everyone before it gives the first result, and gives the same', () => {
    const lines = [row('o1', '95'), row('o2', '94'), row('w1', '80'), row('w2', '80')];
    const rulesWithQuota = limited([quota()]);
    const stream = scorePeople(rulesWithQuota, csv(lines.join('\n')), { period: '2024-Q1' });
    const first = stream.people.next();
    // k = 20 × (2 + 2) / 120 = 0.67, 0: both move, and the first result already says so.
    expect(first.value?.rating?.id).toBe('well');
    expect([first.value, ...stream.people]).toEqual(
      score(rulesWithQuota, csv(lines.join('\n')), { period: '2024-Q1' }).people,
    );
  });
});

describe('loading quotas', () => {
  test('rating lines, a share above 0 and up to 100, distinct lines and known rank keys', () => {
    const value = ruleSetValue({
      indicators: [a],
      positions: [position('p', [a], { a: '100' })],
      quotas: [
        quota({
          limited: 'well',
          of: 'well',
          demoteTo: 'nowhere',
          share: '0',
          rankBy: [
            { kind: 'part', id: 'general' },
            { kind: 'indicator', id: 'ghost' },
          ],
        }),
        quota({ share: '120', demoteTo: 'outstanding' }),
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
      'quotas[1].id: The id "excellent_share" is used twice.',
      'quotas[0].demoteTo: Rating line "nowhere" is not in "rating".',
      'quotas[0].share: Quota "excellent_share" allows 0%; a share is above 0% and at most 100%.',
      'quotas[0].of: Quota "excellent_share" limits "well" to a share of itself.',
      'quotas[0].rankBy[0].id: Part "general" is not in "parts".',
      'quotas[0].rankBy[1].id: Indicator "ghost" is not in "indicators".',
      'quotas[1].share: Quota "excellent_share" allows 120%; a share is above 0% and at most 100%.',
      'quotas[1].demoteTo: Quota "excellent_share" moves the people over its limit to the line ' +
        'they are on.',
    ]);
  });
});
