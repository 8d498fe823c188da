/**
 * `kpic score` on the bundled example: examples/cema/framework built with kpic, then
 * examples/cema/data/2024-Q3.csv scored for 2024-Q3. Every official's status, total and
 * rating, and each indicator's value, band, points, effective weight and contribution, are
 * worked out by hand below from the rows of the data file and the rules of the framework.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { kpic, REPO_ROOT, workspace, type KpicRun } from './kpic-process.js';

/** An indicator as the test compares it. Numbers are `exact` text: decimals or fractions. */
interface RatedIndicator {
  value: string;
  band: string;
  points: string;
  /** The effective weight, in percent. */
  weight: string;
  contribution: string;
  /** The value of each period, when the indicator reads more than one. */
  periods?: (string | null)[];
  /** The number of survey answers in the quarter, for a survey. */
  answers?: number;
}

interface ExcludedIndicator {
  /** The reason it has no value. */
  excluded: string;
  periods?: (string | null)[];
  answers?: number;
}

interface ExpectedPerson {
  status: string;
  /** The sum of the declared weights that count. */
  counted: string;
  total: string;
  rating: string;
  indicators: Record<string, RatedIndicator | ExcludedIndicator>;
}

/** A rated indicator: value, band, points, effective weight and contribution. */
function rated(
  value: string,
  band: string,
  points: string,
  weight: string,
  contribution: string,
  extra: Pick<RatedIndicator, 'periods' | 'answers'> = {},
): RatedIndicator {
  return { value, band, points, weight, contribution, ...extra };
}

/*
 * How a total is reached (framework.kpi and the runtime's README): each level earns points
 * (excellent and met 100, good 80, acceptable 60, improve and weak 40, poor 20, not met 0).
 * An indicator without a value is left out (`missing data exclude`), and every other weight
 * becomes weight × 100 / (the weights that count). A rated indicator contributes
 * points × effective weight / 100, and the total is the sum of the contributions. The rating
 * lines: outstanding from 90, completed_well from 70 to under 90, completed from 50 to under
 * 70, not_completed under 50. A percent formula gives 100 × numerator / denominator.
 */
const EXPECTED: Record<string, ExpectedPerson> = {
  // p01, head of personnel, base rules; weights 30, 10, 20, 15, 15, 10 and all six rated, so
  // 100 counts and every effective weight is the declared one.
  // - task_completion: 57 / 60 = 0.95, so 95%; Excellent is from 95% → 100 × 30 / 100 = 30.
  // - subordinate_satisfaction: 8 answers (4, 5, 4, 4, 5, 4, 4, 4), two 5s and six 4s:
  //   (10 + 24) / 8 = 34 / 8 = 4.25; Good is from 4.0 to under 4.5 → 80 × 10 / 100 = 8.
  // - records_quality: 468 / 480 = 0.975, so 97.5%; Good is from 90% to under 98%
  //   → 80 × 20 / 100 = 16.
  // - database_updates, every month rated on its own: 5 in July, 3 in August, 4 in
  //   September, each at least 1, so each is Met (100 points). The month with the fewest
  //   points decides, the first one on a tie: July, so the value is 5 → 100 × 15 / 100 = 15.
  // - audit_compliance: 1 major violation; Acceptable is = 1 → 60 × 15 / 100 = 9.
  // - partner_satisfaction: 12 answers, six 5s and six 4s: (30 + 24) / 12 = 54 / 12 = 4.5;
  //   Excellent is from 4.5 → 100 × 10 / 100 = 10.
  // Total 30 + 8 + 16 + 15 + 9 + 10 = 88: completed_well. Complete.
  p01: {
    status: 'complete',
    counted: '100',
    total: '88',
    rating: 'completed_well',
    indicators: {
      task_completion: rated('95', 'excellent', '100', '30', '30'),
      subordinate_satisfaction: rated('4.25', 'good', '80', '10', '8', { answers: 8 }),
      records_quality: rated('97.5', 'good', '80', '20', '16'),
      database_updates: rated('5', 'met', '100', '15', '15', { periods: ['5', '3', '4'] }),
      audit_compliance: rated('1', 'acceptable', '60', '15', '9'),
      partner_satisfaction: rated('4.5', 'excellent', '100', '10', '10', { answers: 12 }),
    },
  },

  // p02, ethnic policy officer in Đắk Lắk, whose weights are policy_approval 25,
  // economic_access 35, public_service_satisfaction 15 and document_accuracy 25.
  // - policy_approval is measured every year and rated in 2024-Q4; 2024-Q3 lies between its
  //   measurements, which the framework calls missing, so it is left out. The weights that
  //   count are 35 + 15 + 25 = 75, and each becomes weight × 100 / 75: 3500 / 75 = 140/3,
  //   1500 / 75 = 20 and 2500 / 75 = 100/3 (140/3 + 20 + 100/3 = 80 + 20 = 100).
  // - economic_access: 1548 / 1800 = 0.86, so 86%; Đắk Lắk's Excellent is above 85%
  //   → 100 × (140/3) / 100 = 140/3. (The base bands would give Acceptable, 80% .. 90%.)
  // - public_service_satisfaction: 30 answers, exactly the minimum: eight 5s, fourteen 4s
  //   and eight 3s, (40 + 56 + 24) / 30 = 120 / 30 = 4; Excellent is above 4.0 and
  //   Acceptable is 3.0 .. 4.0, which holds 4 → 60 × 20 / 100 = 12.
  // - document_accuracy: July 48 / 50 = 96%, August 57 / 60 = 95%, September 97 / 100 = 97%;
  //   mean (96 + 95 + 97) / 3 = 288 / 3 = 96; Good is from 95% to under 98%
  //   → 80 × (100/3) / 100 = 80/3.
  // Total 140/3 + 12 + 80/3 = 220/3 + 36/3 = 256/3 (85.33…): completed_well. Incomplete,
  // because policy_approval was left out.
  p02: {
    status: 'incomplete',
    counted: '75',
    total: '256/3',
    rating: 'completed_well',
    indicators: {
      policy_approval: { excluded: 'between-measurements' },
      economic_access: rated('86', 'excellent', '100', '140/3', '140/3'),
      public_service_satisfaction: rated('4', 'acceptable', '60', '20', '12', { answers: 30 }),
      document_accuracy: rated('96', 'good', '80', '100/3', '80/3', {
        periods: ['96', '95', '97'],
      }),
    },
  },

  // p03, ethnic policy officer in Cần Thơ, whose weights are policy_approval 25,
  // economic_access 30, public_service_satisfaction 25 and document_accuracy 20.
  // - policy_approval: left out, between its measurements, as for p02.
  // - public_service_satisfaction: 24 answers, fewer than the 30 the survey needs, so no value
  //   (too-few-responses): left out.
  // The weights that count are 30 + 20 = 50: 30 × 100 / 50 = 60 and 20 × 100 / 50 = 40.
  // - economic_access: 1350 / 1500 = 0.9, so 90%; Cần Thơ keeps the base bands, where
  //   Excellent is above 90% and Acceptable, 80% .. 90%, holds 90 → 60 × 60 / 100 = 36.
  // - document_accuracy: 40 / 40 = 100%, 39 / 40 = 97.5%, 193 / 200 = 96.5%; mean
  //   (100 + 97.5 + 96.5) / 3 = 294 / 3 = 98; Excellent is from 98% → 100 × 40 / 100 = 40.
  // Total 36 + 40 = 76: completed_well. Incomplete.
  p03: {
    status: 'incomplete',
    counted: '50',
    total: '76',
    rating: 'completed_well',
    indicators: {
      policy_approval: { excluded: 'between-measurements' },
      economic_access: rated('90', 'acceptable', '60', '60', '36'),
      public_service_satisfaction: { excluded: 'too-few-responses', answers: 24 },
      document_accuracy: rated('98', 'excellent', '100', '40', '40', {
        periods: ['100', '97.5', '96.5'],
      }),
    },
  },

  // The administrative officers: response_time 40, coordination_quality 30 and
  // document_accuracy 30. Response time is the mean over the thirteen weeks 2024-W27 to
  // 2024-W39 of each week's hours / requests; the base bands are Excellent under 8 hours and
  // Good from 8 to under 24. Coordination quality: Excellent from 4.5, Good from 4.0 to under
  // 4.5, Acceptable from 3.0 to under 4.0. Document accuracy: Excellent from 98%, Good from
  // 95% to under 98%, Acceptable from 85% to under 95%.

  // p04. Response: 54/9 = 6, 49/7 = 7, 50/10 = 5, 66/11 = 6, 52/8 = 6.5, 44/8 = 5.5,
  // 36/6 = 6, 45/9 = 5, 28/4 = 7, 60/10 = 6, 65/10 = 6.5, 55/10 = 5.5, 72/12 = 6; sum 78,
  // mean 78 / 13 = 6: Excellent → 100 × 40 / 100 = 40. Coordination: 12 answers, six 5s and
  // six 4s, 54 / 12 = 4.5: Excellent → 30. Documents: 97 / 100 = 97, 117 / 120 = 97.5,
  // 193 / 200 = 96.5; 291 / 3 = 97: Good → 80 × 30 / 100 = 24. Total 40 + 30 + 24 = 94:
  // outstanding.
  p04: {
    status: 'complete',
    counted: '100',
    total: '94',
    rating: 'outstanding',
    indicators: {
      response_time: rated('6', 'excellent', '100', '40', '40', {
        periods: ['6', '7', '5', '6', '6.5', '5.5', '6', '5', '7', '6', '6.5', '5.5', '6'],
      }),
      coordination_quality: rated('4.5', 'excellent', '100', '30', '30', { answers: 12 }),
      document_accuracy: rated('97', 'good', '80', '30', '24', { periods: ['97', '97.5', '96.5'] }),
    },
  },

  // p05. Response: 100/10 = 10, 96/8 = 12, 81/9 = 9, 88/11 = 8, 110/10 = 11, 70/7 = 10,
  // 54/6 = 9, 120/10 = 12, 40/5 = 8, 99/9 = 11, 120/12 = 10, 95/10 = 9.5, 126/12 = 10.5;
  // sum 130, mean 130 / 13 = 10: Good → 80 × 40 / 100 = 32. Coordination: 10 answers, three
  // 5s, six 4s and one 3, (15 + 24 + 3) / 10 = 42 / 10 = 4.2: Good → 80 × 30 / 100 = 24.
  // Documents: 198 / 200 = 99, 194 / 200 = 97, 245 / 250 = 98; 294 / 3 = 98: Excellent
  // → 30. Total 32 + 24 + 30 = 86: completed_well.
  p05: {
    status: 'complete',
    counted: '100',
    total: '86',
    rating: 'completed_well',
    indicators: {
      response_time: rated('10', 'good', '80', '40', '32', {
        periods: ['10', '12', '9', '8', '11', '10', '9', '12', '8', '11', '10', '9.5', '10.5'],
      }),
      coordination_quality: rated('4.2', 'good', '80', '30', '24', { answers: 10 }),
      document_accuracy: rated('98', 'excellent', '100', '30', '30', {
        periods: ['99', '97', '98'],
      }),
    },
  },

  // p06. Response: 60/8 = 7.5, 70/10 = 7, 72/9 = 8, 52/8 = 6.5, 75/10 = 7.5, 56/7 = 8,
  // 42/6 = 7, 90/12 = 7.5, 30/4 = 7.5, 85/10 = 8.5, 77/11 = 7, 60/8 = 7.5, 80/10 = 8;
  // sum 97.5, mean 97.5 / 13 = 7.5: Excellent (the mean is rated, not each week) → 40.
  // Coordination: 15 answers, four 5s, seven 4s and four 3s, (20 + 28 + 12) / 15 =
  // 60 / 15 = 4: Good → 24. Documents: 114 / 120 = 95, 144 / 150 = 96, 97 / 100 = 97;
  // 288 / 3 = 96: Good → 24. Total 40 + 24 + 24 = 88: completed_well.
  p06: {
    status: 'complete',
    counted: '100',
    total: '88',
    rating: 'completed_well',
    indicators: {
      response_time: rated('7.5', 'excellent', '100', '40', '40', {
        periods: ['7.5', '7', '8', '6.5', '7.5', '8', '7', '7.5', '7.5', '8.5', '7', '7.5', '8'],
      }),
      coordination_quality: rated('4', 'good', '80', '30', '24', { answers: 15 }),
      document_accuracy: rated('96', 'good', '80', '30', '24', { periods: ['95', '96', '97'] }),
    },
  },

  // p07. Response: 120/10 = 12, 126/9 = 14, 110/10 = 11, 104/8 = 13, 110/11 = 10,
  // 84/7 = 12, 90/6 = 15, 99/9 = 11, 48/4 = 12, 100/10 = 10, 144/12 = 12, 130/10 = 13,
  // 88/8 = 11; sum 156, mean 156 / 13 = 12: Good → 32. Coordination: 10 answers, one 5,
  // seven 4s, one 3 and one 2, (5 + 28 + 3 + 2) / 10 = 38 / 10 = 3.8: Acceptable
  // → 60 × 30 / 100 = 18. Documents: 46 / 50 = 92, 76 / 80 = 95, 114 / 120 = 95;
  // 282 / 3 = 94: Acceptable → 18. Total 32 + 18 + 18 = 68: completed (50 to under 70).
  p07: {
    status: 'complete',
    counted: '100',
    total: '68',
    rating: 'completed',
    indicators: {
      response_time: rated('12', 'good', '80', '40', '32', {
        periods: ['12', '14', '11', '13', '10', '12', '15', '11', '12', '10', '12', '13', '11'],
      }),
      coordination_quality: rated('3.8', 'acceptable', '60', '30', '18', { answers: 10 }),
      document_accuracy: rated('94', 'acceptable', '60', '30', '18', {
        periods: ['92', '95', '95'],
      }),
    },
  },

  // p08, the official with a missing measure: 2024-W33 has requests_answered (6) but no
  // response_hours, so that week has no value and response time has none (no-data): left
  // out. The other weeks: 72/8 = 9, 90/10 = 9, 85/10 = 8.5, 99/11 = 9, 76/8 = 9.5,
  // 63/7 = 9, (W33 none), 80/10 = 8, 45/5 = 9, 95/10 = 9.5, 108/12 = 9, 90/10 = 9,
  // 81/9 = 9. The weights that count are 30 + 30 = 60, each scaled to 30 × 100 / 60 = 50.
  // Coordination: 10 answers, four 5s, five 4s and one 3, (20 + 20 + 3) / 10 = 4.3: Good
  // → 80 × 50 / 100 = 40. Documents: 99 / 100 = 99, 147 / 150 = 98, 491 / 500 = 98.2;
  // 295.2 / 3 = 98.4: Excellent → 100 × 50 / 100 = 50. Total 40 + 50 = 90: outstanding, at
  // its lower edge. Incomplete.
  p08: {
    status: 'incomplete',
    counted: '60',
    total: '90',
    rating: 'outstanding',
    indicators: {
      response_time: {
        excluded: 'no-data',
        periods: ['9', '9', '8.5', '9', '9.5', '9', null, '8', '9', '9.5', '9', '9', '9'],
      },
      coordination_quality: rated('4.3', 'good', '80', '50', '40', { answers: 10 }),
      document_accuracy: rated('98.4', 'excellent', '100', '50', '50', {
        periods: ['99', '98', '98.2'],
      }),
    },
  },

  // p09. Response: 80/10 = 8, 60/8 = 7.5, 85/10 = 8.5, 88/11 = 8, 63/9 = 7, 63/7 = 9,
  // 48/6 = 8, 96/12 = 8, 30/4 = 7.5, 85/10 = 8.5, 72/9 = 8, 80/10 = 8, 96/12 = 8; sum 104,
  // mean 104 / 13 = 8: Excellent is under 8, so Good → 32. Coordination: 10 answers, seven
  // 5s and three 4s, (35 + 12) / 10 = 4.7: Excellent → 30. Documents: 120 / 120 = 100,
  // 197 / 200 = 98.5, 197 / 200 = 98.5; 297 / 3 = 99: Excellent → 30. Total
  // 32 + 30 + 30 = 92: outstanding.
  p09: {
    status: 'complete',
    counted: '100',
    total: '92',
    rating: 'outstanding',
    indicators: {
      response_time: rated('8', 'good', '80', '40', '32', {
        periods: ['8', '7.5', '8.5', '8', '7', '9', '8', '8', '7.5', '8.5', '8', '8', '8'],
      }),
      coordination_quality: rated('4.7', 'excellent', '100', '30', '30', { answers: 10 }),
      document_accuracy: rated('99', 'excellent', '100', '30', '30', {
        periods: ['100', '98.5', '98.5'],
      }),
    },
  },

  // p10, in Cần Thơ, where response time is Excellent under 4 hours and Good from 4 to
  // under 8. Response: 50/10 = 5, 36/8 = 4.5, 55/10 = 5.5, 55/11 = 5, 36/9 = 4, 42/7 = 6,
  // 30/6 = 5, 60/12 = 5, 18/4 = 4.5, 55/10 = 5.5, 45/9 = 5, 50/10 = 5, 60/12 = 5; sum 65,
  // mean 65 / 13 = 5: Good → 32 (the base bands would give Excellent). Coordination: 15
  // answers, seven 5s, seven 4s and one 3, (35 + 28 + 3) / 15 = 66 / 15 = 4.4: Good → 24.
  // Documents: 98 / 100 = 98, 194 / 200 = 97, 117 / 120 = 97.5; 292.5 / 3 = 97.5: Good
  // → 24. Total 32 + 24 + 24 = 80: completed_well.
  p10: {
    status: 'complete',
    counted: '100',
    total: '80',
    rating: 'completed_well',
    indicators: {
      response_time: rated('5', 'good', '80', '40', '32', {
        periods: ['5', '4.5', '5.5', '5', '4', '6', '5', '5', '4.5', '5.5', '5', '5', '5'],
      }),
      coordination_quality: rated('4.4', 'good', '80', '30', '24', { answers: 15 }),
      document_accuracy: rated('97.5', 'good', '80', '30', '24', { periods: ['98', '97', '97.5'] }),
    },
  },
};

interface ExactNumber {
  exact: string;
}

interface PeriodJson {
  value: ExactNumber | null;
  survey: { responses: number } | null;
}

interface IndicatorJson {
  indicator: string;
  status: string;
  value: ExactNumber | null;
  band: { level: string } | null;
  points: ExactNumber | null;
  effectiveWeight: ExactNumber | null;
  contribution: ExactNumber | null;
  notRated: { reason: string; message: string } | null;
  periods: PeriodJson[];
}

interface PersonJson {
  person: string;
  status: string;
  weightCounted: ExactNumber;
  total: ExactNumber | null;
  rating: { id: string } | null;
  indicators: IndicatorJson[];
}

/** A person's result in the shape of EXPECTED. */
function observed(person: PersonJson): ExpectedPerson {
  const indicators: ExpectedPerson['indicators'] = {};
  for (const item of person.indicators) {
    const extra: { periods?: (string | null)[]; answers?: number } = {};
    if (item.periods.length > 1) {
      extra.periods = item.periods.map((period) => period.value?.exact ?? null);
    }
    const survey = item.periods[0]?.survey;
    if (survey) extra.answers = survey.responses;
    indicators[item.indicator] =
      item.status === 'excluded'
        ? { excluded: item.notRated?.reason ?? '(none)', ...extra }
        : {
            value: item.value?.exact ?? '(none)',
            band: item.band?.level ?? '(none)',
            points: item.points?.exact ?? '(none)',
            weight: item.effectiveWeight?.exact ?? '(none)',
            contribution: item.contribution?.exact ?? '(none)',
            ...extra,
          };
  }
  return {
    status: person.status,
    counted: person.weightCounted.exact,
    total: person.total?.exact ?? '(none)',
    rating: person.rating?.id ?? '(none)',
    indicators,
  };
}

/** Builds the example framework and scores the example data in a fresh folder. */
function scoreExample(): { run: KpicRun; scores: { people: PersonJson[]; rejected: unknown[] } } {
  const root = workspace({});
  const built = kpic(['build', join(REPO_ROOT, 'examples/cema/framework'), '--out', 'rules'], root);
  expect(built.code).toBe(0);

  const data = join(REPO_ROOT, 'examples/cema/data/2024-Q3.csv');
  const run = kpic(
    ['score', '--rules', 'rules/cema.rules.json', '--data', data, '--period', '2024-Q3'],
    root,
  );
  const scores = JSON.parse(readFileSync(join(root, 'out', 'scores.json'), 'utf8'));
  return { run, scores };
}

describe('kpic score on examples/cema/data/2024-Q3.csv', () => {
  test('scores the ten officials of the pilot as worked out by hand, using every row', () => {
    const { run, scores } = scoreExample();

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Rows: seven administrative officers with 13 weeks × 2 measures, less p08's one missing
    // row (181), 3 months × 2 measures each (42) and 12 + 10 + 15 + 10 + 10 + 10 + 15 = 82
    // coordination answers: 305. The head: 2 + 8 + 2 + 3 + 1 + 12 = 28. p02: 2 + 30 + 6 = 38,
    // p03: 2 + 24 + 6 = 32. 305 + 28 + 38 + 32 = 403.
    expect(run.stdout).toBe(
      'kpic: scored 10 people for 2024-Q3 (7 complete, 3 incomplete, 0 unrated); ' +
        '403 of 403 rows used. Results in out/scores.json and out/scores.csv.\n',
    );
    expect(scores.rejected).toEqual([]);

    expect(scores.people.map((person) => person.person)).toEqual(Object.keys(EXPECTED));
    for (const person of scores.people) {
      expect(observed(person), person.person).toEqual(EXPECTED[person.person]);
    }
  });

  test(
    'says which week is missing, how few answers the survey had, and when policy approval ' +
      'is rated',
    () => {
      const { scores } = scoreExample();
      const message = (person: string, indicator: string) =>
        scores.people
          .find((item) => item.person === person)
          ?.indicators.find((item) => item.indicator === indicator)?.notRated?.message;

      expect(message('p08', 'response_time')).toBe('2024-W33: no row gives "response_hours".');
      expect(message('p03', 'public_service_satisfaction')).toBe(
        '2024-Q3: 24 answers to "service_user_rating"; the survey needs at least 30.',
      );
      expect(message('p02', 'policy_approval')).toContain('rated in 2024-Q4');
    },
  );
});
