/**
 * Band shapes for the generated indicators: the unit, the direction, three thresholds and
 * the four bands they cut the domain into.
 *
 * Every band set is a half-open partition of the whole number line (`under a`,
 * `from a to under b`, `from c`), so it covers every value of any domain, integer or not,
 * before or after aggregation; the target sits on a band boundary with the same
 * inclusiveness, which is what the checker asks of a clean framework.
 */

/** The rating levels, best first; bands are listed in this order. */
export const LEVEL_IDS = ['excellent', 'good', 'acceptable', 'poor'];

/**
 * Profiles by name. `choices` are the threshold triples (ascending) a profile draws from;
 * `step` is how far a context's relaxed bands move each threshold.
 */
const PROFILES = {
  percentHigh: {
    unit: { name: 'percent' },
    better: 'higher',
    suffix: '%',
    choices: [
      [50, 80, 95],
      [60, 80, 90],
      [65, 85, 98],
      [50, 75, 92],
      [60, 85, 95],
    ],
    step: 5,
  },
  percentLow: {
    unit: { name: 'percent' },
    better: 'lower',
    suffix: '%',
    choices: [
      [2, 5, 10],
      [1, 3, 8],
      [3, 6, 15],
    ],
    step: 1,
  },
  percentSavings: {
    unit: { name: 'percent' },
    better: 'higher',
    suffix: '%',
    choices: [
      [2, 5, 10],
      [2, 4, 6],
    ],
    step: 1,
  },
  likertHigh: {
    unit: { name: 'likert5' },
    better: 'higher',
    suffix: '',
    choices: [
      [2.5, 3.5, 4.5],
      [3, 3.5, 4],
      [2.5, 3.5, 4],
    ],
    step: 0.5,
  },
  countLow: {
    unit: { name: 'count' },
    better: 'lower',
    suffix: '',
    choices: [
      [1, 3, 6],
      [1, 4, 8],
      [2, 5, 10],
    ],
    step: 1,
  },
  hoursLow: {
    unit: { name: 'hours' },
    better: 'lower',
    suffix: 'h',
    choices: [
      [8, 16, 24],
      [16, 32, 48],
      [24, 48, 72],
    ],
    step: 4,
  },
  daysLow: {
    unit: { name: 'days' },
    better: 'lower',
    suffix: 'd',
    choices: [
      [3, 7, 10],
      [5, 10, 15],
      [7, 14, 21],
    ],
    step: 1,
  },
  hoursHigh: {
    unit: { name: 'hours' },
    better: 'higher',
    suffix: 'h',
    choices: [
      [8, 16, 32],
      [12, 24, 40],
    ],
    step: 4,
  },
  rateHigh: {
    unit: { name: 'count', per: 'month' },
    better: 'higher',
    suffix: '',
    choices: [
      [2, 4, 8],
      [3, 6, 10],
    ],
    step: 1,
  },
};

/**
 * The profile of that name, with one threshold triple drawn from `random`.
 *
 * @param {string} name
 * @param {{ pick: (items: unknown[]) => any }} random
 */
export function drawProfile(name, random) {
  const profile = PROFILES[name];
  if (!profile) throw new Error(`unknown band profile ${name}`);
  return {
    name,
    unit: profile.unit,
    better: profile.better,
    suffix: profile.suffix,
    step: profile.step,
    thresholds: [...random.pick(profile.choices)],
  };
}

/**
 * The four bands a threshold triple cuts the line into, best level first.
 * `low` is included and `high` excluded; a missing end is unbounded.
 */
export function bandsFor(better, [t1, t2, t3]) {
  if (better === 'higher') {
    return [
      { level: 'excellent', low: t3 },
      { level: 'good', low: t2, high: t3 },
      { level: 'acceptable', low: t1, high: t2 },
      { level: 'poor', high: t1 },
    ];
  }
  return [
    { level: 'excellent', high: t1 },
    { level: 'good', low: t1, high: t2 },
    { level: 'acceptable', low: t2, high: t3 },
    { level: 'poor', low: t3 },
  ];
}

/**
 * A target on a band boundary: the excellent boundary (`reach: 'excellent'`) or the good one.
 * Higher is better: `>= t`, the low end of the band; lower is better: `< t`, its high end.
 */
export function targetFor(better, thresholds, reach = 'excellent') {
  const [t1, t2, t3] = thresholds;
  if (better === 'higher') return { op: '>=', value: reach === 'excellent' ? t3 : t2 };
  return { op: '<', value: reach === 'excellent' ? t1 : t2 };
}

/** Thresholds eased by one step in the direction that makes each band easier to reach. */
export function relaxThresholds(better, thresholds, step) {
  const sign = better === 'higher' ? -1 : 1;
  return thresholds.map((value) => roundTenths(value + sign * step));
}

function roundTenths(value) {
  return Math.round(value * 10) / 10;
}
