/**
 * `kpic score` on the Decree 335/2025 example: examples/vn-decree-335/framework checked and
 * built with kpic, then examples/vn-decree-335/data/2026.csv scored for 2026. Every civil
 * servant's indicator values, parts, total, the rating of the total, the final rating and each
 * adjustment (a condition, a quota) are worked out by hand below from the rows of the data
 * file (see its README) and the rules of the framework.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { kpic, REPO_ROOT, workspace, type KpicRun } from './kpic-process.js';

const FRAMEWORK = join(REPO_ROOT, 'examples/vn-decree-335/framework');
const DATA = join(REPO_ROOT, 'examples/vn-decree-335/data/2026.csv');

/** A quota adjustment as the test compares it: every field but the label and the sentence. */
interface ExpectedQuota {
  step: 'quota';
  rule: 'excellent_share';
  from: 'outstanding';
  to: 'completed_well';
  set: { within: string; key: string };
  candidates: number;
  base: number;
  share: string;
  places: number;
  rank: number;
  /** The person's total, task-results points and quality, in the quota's key order. */
  keys: [string, string, string];
  tiedWith: string[];
}

interface ExpectedCondition {
  step: 'condition';
  rule: string;
  from: string | null;
  to: string;
}

interface ExpectedPerson {
  status: string;
  /** Each indicator's rated value (exact text), or null when it has none. */
  values: Record<string, string | null>;
  /** The points of `general` and `task_results`. */
  parts: [string | null, string | null];
  total: string | null;
  scored: string | null;
  rating: string | null;
  adjustments: (ExpectedQuota | ExpectedCondition)[];
}

/*
 * How the framework scores (framework/*.kpi): every indicator is scored in proportion, so its
 * points are its rated value, a percentage, and it contributes points × weight / 100. General
 * criteria: each quarter's general_points / 30 as a percentage, the mean of the four quarters.
 * Quantity, quality and timeliness: each month min(figure, products_assigned) /
 * products_assigned as a percentage, the mean of the twelve months; everyone is assigned 20
 * products a month, so a monthly figure of n is 5n%. Weights: a specialist has general 30,
 * quantity 30, quality 25, timeliness 15; a division leader general 30, quantity 20, quality
 * 15, timeliness 10, unit_results 15, organising_ability 10. Parts: general_criteria makes
 * `general`, the rest `task_results`. Lines: outstanding from 90, completed_well from 70 to
 * under 90, completed from 50 to under 70, not_completed under 50. A month without figures
 * leaves the person unrated (missing data unrated).
 *
 * General criteria in short: the mean of the quarters' points is G, the value is G × 100 / 30
 * and it contributes exactly G (× 30 / 100). So 28 each quarter is 280/3 % and 28 points.
 */

/** A specialist's indicator values, in the position's order. */
function specialist(general: string, quantity: string, quality: string, timeliness: string) {
  return { general_criteria: general, quantity, quality, timeliness };
}

/** A division leader's indicator values, in the position's order. */
function leader(
  general: string,
  quantity: string,
  quality: string,
  timeliness: string,
  unitResults: string,
  organising: string,
) {
  return {
    ...specialist(general, quantity, quality, timeliness),
    unit_results: unitResults,
    organising_ability: organising,
  };
}

/** A move from outstanding to completed_well by the quota `excellent_share`. */
function quota(
  set: ExpectedQuota['set'],
  counts: { candidates: number; base: number; places: number; rank: number },
  keys: ExpectedQuota['keys'],
  tiedWith: string[] = [],
): ExpectedQuota {
  return {
    step: 'quota',
    rule: 'excellent_share',
    from: 'outstanding',
    to: 'completed_well',
    set,
    ...counts,
    share: '20',
    keys,
    tiedWith,
  };
}

/*
 * The quota (framework/quota.kpi): outstanding at most 20% of completed_well, within unit,
 * then group; rank by total, then task_results points, then quality. The people moved land
 * on completed_well, the base line, so in a set with L candidates and B completed_well, k is
 * the largest from 0 to L with 100 × k <= 20 × (B + L − k).
 *
 * Step 1, units (on the ratings after the conditions):
 * - planning: outstanding p01 95.5, p05 93, p06 93, p07 91.5, p08 90 (L = 5); completed_well
 *   p02, p03, p04, p09 to p15 (B = 3 + 7 = 10). k = 2: 200 <= 20 × 13 = 260, while k = 3
 *   needs 300 <= 20 × 12 = 240. Rank: p01; then p05 and p06 tie on 93 and the task results
 *   put p06 (65) before p05 (63); then p07, p08. p01 and p06 keep outstanding; p05 (rank 3),
 *   p07 (4) and p08 (5) move to completed_well.
 * - inspection: outstanding p19 alone (p20's 96.5 and p18 were rated not_completed by their
 *   facts); completed_well p17, p24 to p29 (B = 7). k = 1: 100 <= 20 × 7 = 140. No one moves.
 * Step 2, groups:
 * - general_staff: outstanding p06 (L = 1); completed_well p05, p07, p08, p09 to p15, p24 to
 *   p29 (B = 3 + 7 + 6 = 16). k = 1: 100 <= 320. No one moves.
 * - leaders: outstanding p01 and p19 (L = 2); completed_well p02, p03, p04, p17 (B = 4).
 *   k = 1: 100 <= 20 × (4 + 1) = 100 holds exactly, k = 2 needs 200 <= 80. p01 and p19 tie
 *   on 95.5 and on task results 67.5; quality puts p19 (100) first, so p01 (rank 2) moves.
 */
const PLANNING = { within: 'unit', key: 'planning' };
const PLANNING_COUNTS = { candidates: 5, base: 10, places: 2 };
const LEADERS = { within: 'group', key: 'leaders' };

const EXPECTED: Record<string, ExpectedPerson> = {
  // p01, head of planning. General 28 each quarter: 280/3 %, 28 points. Quantity 20 of 20
  // every month = 100% → 100 × 20 / 100 = 20. Quality 18 → 90% → 90 × 15 / 100 = 13.5.
  // Timeliness 20 → 100% → 10. Unit results 100% → 15. Organising 90% → 9.
  // Task results 20 + 13.5 + 10 + 15 + 9 = 67.5; total 28 + 67.5 = 95.5: outstanding. Keeps
  // it in planning (rank 1), loses it in the leaders group to p19 on quality.
  p01: {
    status: 'complete',
    values: leader('280/3', '100', '90', '100', '100', '90'),
    parts: ['28', '67.5'],
    total: '95.5',
    scored: 'outstanding',
    rating: 'completed_well',
    adjustments: [
      quota(LEADERS, { candidates: 2, base: 4, places: 1, rank: 2 }, ['95.5', '67.5', '90']),
    ],
  },
  // p02. General 26: 260/3 %, 26. Quantity 16 (80%) January to June, 20 (100%) July to
  // December: (6 × 80 + 6 × 100) / 12 = 1080 / 12 = 90 → 90 × 20 / 100 = 18. Quality 16 → 80%
  // → 12. Timeliness 16 → 80% → 8. Unit results 100 → 15. Organising 80 → 8.
  // Task 18 + 12 + 8 + 15 + 8 = 61; total 26 + 61 = 87: completed_well.
  p02: {
    status: 'complete',
    values: leader('260/3', '90', '80', '80', '100', '80'),
    parts: ['26', '61'],
    total: '87',
    scored: 'completed_well',
    rating: 'completed_well',
    adjustments: [],
  },
  // p03. General 25: 250/3 %, 25. Quantity 100 → 20. Quality 16 → 80 → 12. Timeliness 14
  // → 70 → 7. Unit 100 → 15. Organising 70 → 7. Task 20 + 12 + 7 + 15 + 7 = 61; total 86.
  p03: {
    status: 'complete',
    values: leader('250/3', '100', '80', '70', '100', '70'),
    parts: ['25', '61'],
    total: '86',
    scored: 'completed_well',
    rating: 'completed_well',
    adjustments: [],
  },
  // p04. General 23: 230/3 %, 23. Quantity 16 → 80 → 16. Quality 15 → 75 → 11.25.
  // Timeliness 14 → 70 → 7. Unit 100 → 15. Organising 60 → 6.
  // Task 16 + 11.25 + 7 + 15 + 6 = 55.25; total 23 + 55.25 = 78.25: completed_well.
  p04: {
    status: 'complete',
    values: leader('230/3', '80', '75', '70', '100', '60'),
    parts: ['23', '55.25'],
    total: '78.25',
    scored: 'completed_well',
    rating: 'completed_well',
    adjustments: [],
  },
  // p05, specialist. General 30: 100%, 30. Quantity: 24 done of 20 assigned, min(24, 20) /
  // 20 = 100% (not 120%) → 100 × 30 / 100 = 30. Quality 18 → 90 → 90 × 25 / 100 = 22.5.
  // Timeliness 14 → 70 → 70 × 15 / 100 = 10.5. Task 30 + 22.5 + 10.5 = 63; total 93:
  // outstanding. Planning rank 3 (behind p06 on task results) → completed_well.
  p05: {
    status: 'complete',
    values: specialist('100', '100', '90', '70'),
    parts: ['30', '63'],
    total: '93',
    scored: 'outstanding',
    rating: 'completed_well',
    adjustments: [quota(PLANNING, { ...PLANNING_COUNTS, rank: 3 }, ['93', '63', '90'])],
  },
  // p06. General 27, 28, 28, 29: 90, 280/3, 280/3, 290/3 %, mean (270 + 280 + 280 + 290) / 12
  // = 1120 / 12 = 280/3 %, 28 points. Quantity 100 → 30. Quality 16 → 80 → 20. Timeliness 20
  // → 100 → 15. Task 30 + 20 + 15 = 65; total 93: outstanding; planning rank 2, keeps it.
  p06: {
    status: 'complete',
    values: specialist('280/3', '100', '80', '100'),
    parts: ['28', '65'],
    total: '93',
    scored: 'outstanding',
    rating: 'outstanding',
    adjustments: [],
  },
  // p07. General 28. Quantity 100 → 30. Quality 16 → 80 → 20. Timeliness 18 → 90 → 13.5.
  // Task 63.5; total 91.5: outstanding; planning rank 4 → completed_well.
  p07: {
    status: 'complete',
    values: specialist('280/3', '100', '80', '90'),
    parts: ['28', '63.5'],
    total: '91.5',
    scored: 'outstanding',
    rating: 'completed_well',
    adjustments: [quota(PLANNING, { ...PLANNING_COUNTS, rank: 4 }, ['91.5', '63.5', '80'])],
  },
  // p08. General 26, 27, 27, 28: mean 108 / 4 = 27, value 90%, 27 points. Quantity 100 → 30.
  // Quality 18 → 90 → 22.5. Timeliness 14 → 70 → 10.5. Task 63; total 27 + 63 = 90, exactly
  // on the line: outstanding (from 90). Planning rank 5 → completed_well.
  p08: {
    status: 'complete',
    values: specialist('90', '100', '90', '70'),
    parts: ['27', '63'],
    total: '90',
    scored: 'outstanding',
    rating: 'completed_well',
    adjustments: [quota(PLANNING, { ...PLANNING_COUNTS, rank: 5 }, ['90', '63', '90'])],
  },
  // p09. General 27, 27, 27, 28: mean 109 / 4 = 27.25 points, value 27.25 × 100 / 30 = 545/6
  // %. Quantity 100 → 30. Quality 17 → 85 → 21.25. Timeliness 15 → 75 → 11.25. Task 62.5;
  // total 27.25 + 62.5 = 89.75: just under 90, completed_well.
  p09: {
    status: 'complete',
    values: specialist('545/6', '100', '85', '75'),
    parts: ['27.25', '62.5'],
    total: '89.75',
    scored: 'completed_well',
    rating: 'completed_well',
    adjustments: [],
  },
  // p10. General 20, 21, 21, 22: mean 84 / 4 = 21, value 70%. Quantity 16 → 80 → 24. Quality
  // 14 → 70 → 17.5. Timeliness 10 → 50 → 7.5. Task 49; total 21 + 49 = 70, exactly on the
  // line: completed_well (from 70).
  p10: {
    status: 'complete',
    values: specialist('70', '80', '70', '50'),
    parts: ['21', '49'],
    total: '70',
    scored: 'completed_well',
    rating: 'completed_well',
    adjustments: [],
  },
  // p11. General 24: 80%, 24. Quantity 16 (80%) January to March, 20 (100%) April to December:
  // (3 × 80 + 9 × 100) / 12 = 1140 / 12 = 95 → 28.5. Quality 16 → 80 → 20. Timeliness 16 → 80
  // → 12. Task 28.5 + 20 + 12 = 60.5; total 84.5.
  p11: {
    status: 'complete',
    values: specialist('80', '95', '80', '80'),
    parts: ['24', '60.5'],
    total: '84.5',
    scored: 'completed_well',
    rating: 'completed_well',
    adjustments: [],
  },
  // p12. General 26: 260/3 %. Quantity 100 → 30. Quality 15 → 75 → 18.75. Timeliness 16 → 80
  // → 12. Task 60.75; total 86.75.
  p12: {
    status: 'complete',
    values: specialist('260/3', '100', '75', '80'),
    parts: ['26', '60.75'],
    total: '86.75',
    scored: 'completed_well',
    rating: 'completed_well',
    adjustments: [],
  },
  // p13. General 24. Quantity 16 then 20, six months each: 90 → 27. Quality 16 → 80 → 20.
  // Timeliness 14 → 70 → 10.5. Task 57.5; total 81.5.
  p13: {
    status: 'complete',
    values: specialist('80', '90', '80', '70'),
    parts: ['24', '57.5'],
    total: '81.5',
    scored: 'completed_well',
    rating: 'completed_well',
    adjustments: [],
  },
  // p14. General 22: 220/3 %. Quantity 16 → 80 → 24. Quality 15 → 75 → 18.75. Timeliness 12
  // → 60 → 9. Task 51.75; total 73.75.
  p14: {
    status: 'complete',
    values: specialist('220/3', '80', '75', '60'),
    parts: ['22', '51.75'],
    total: '73.75',
    scored: 'completed_well',
    rating: 'completed_well',
    adjustments: [],
  },
  // p15. General 25: 250/3 %. Quantity 100 → 30. Quality 14 → 70 → 17.5. Timeliness 10 → 50
  // → 7.5. Task 55; total 80.
  p15: {
    status: 'complete',
    values: specialist('250/3', '100', '70', '50'),
    parts: ['25', '55'],
    total: '80',
    scored: 'completed_well',
    rating: 'completed_well',
    adjustments: [],
  },
  // p16. General 21: 70%. Quantity 16 → 80 → 24. Quality 14 → 70 → 17.5. Timeliness 9 → 45
  // → 6.75. Task 48.25; total 69.25: just under 70, completed.
  p16: {
    status: 'complete',
    values: specialist('70', '80', '70', '45'),
    parts: ['21', '48.25'],
    total: '69.25',
    scored: 'completed',
    rating: 'completed',
    adjustments: [],
  },
  // p17, head of inspection; managed_unit_sanctioned is given as 0, which changes nothing.
  // General 26: 260/3 %. Quantity 100 → 20. Quality 17 → 85 → 12.75. Timeliness 18 → 90 → 9.
  // Unit results 50 (people of the division did not complete their tasks) → 7.5. Organising
  // 80 → 8. Task 20 + 12.75 + 9 + 7.5 + 8 = 57.25; total 83.25: completed_well.
  p17: {
    status: 'complete',
    values: leader('260/3', '100', '85', '90', '50', '80'),
    parts: ['26', '57.25'],
    total: '83.25',
    scored: 'completed_well',
    rating: 'completed_well',
    adjustments: [],
  },
  // p18, deputy of inspection, whose directly managed team was sanctioned. General 27: 90%.
  // Quantity 100 → 20. Quality 18 → 90 → 13.5. Timeliness 18 → 90 → 9. Unit results 50 → 7.5.
  // Organising 90 → 9. Task 59; total 86: completed_well, then managed_unit_sanctioned
  // holds: not_completed.
  p18: {
    status: 'complete',
    values: leader('90', '100', '90', '90', '50', '90'),
    parts: ['27', '59'],
    total: '86',
    scored: 'completed_well',
    rating: 'not_completed',
    adjustments: [
      {
        step: 'condition',
        rule: 'managed_unit_sanctioned',
        from: 'completed_well',
        to: 'not_completed',
      },
    ],
  },
  // p19, deputy of inspection. General 28: 280/3 %. Quantity 100 → 20. Quality 20 → 100 → 15.
  // Timeliness 17 → 85 → 8.5. Unit 100 → 15. Organising 90 → 9. Task 20 + 15 + 8.5 + 15 + 9 =
  // 67.5; total 95.5: outstanding; alone in inspection, first in the leaders group: keeps it.
  p19: {
    status: 'complete',
    values: leader('280/3', '100', '100', '85', '100', '90'),
    parts: ['28', '67.5'],
    total: '95.5',
    scored: 'outstanding',
    rating: 'outstanding',
    adjustments: [],
  },
  // p20, disciplined in November. General 30, 30, 30, 27: 100, 100, 100, 90 %, mean 97.5%,
  // 29.25 points. Quantity 100 → 30. Quality 19 → 95 → 23.75. Timeliness 18 → 90 → 13.5.
  // Task 67.25; total 96.5: outstanding, then disciplined holds: not_completed.
  p20: {
    status: 'complete',
    values: specialist('97.5', '100', '95', '90'),
    parts: ['29.25', '67.25'],
    total: '96.5',
    scored: 'outstanding',
    rating: 'not_completed',
    adjustments: [
      { step: 'condition', rule: 'disciplined', from: 'outstanding', to: 'not_completed' },
    ],
  },
  // p21. General 18: 60%. Quantity 10 → 50 → 15. Quality 10 → 50 → 12.5. Timeliness 6 → 30 →
  // 4.5. Task 32; total 18 + 32 = 50, exactly on the line: completed (from 50).
  p21: {
    status: 'complete',
    values: specialist('60', '50', '50', '30'),
    parts: ['18', '32'],
    total: '50',
    scored: 'completed',
    rating: 'completed',
    adjustments: [],
  },
  // p22. General 17, 18, 18, 19: mean 18, 60%. Quantity 10 → 50 → 15. Quality 10 → 50 → 12.5.
  // Timeliness 5 → 25 → 3.75. Task 31.25; total 49.25: just under 50, not_completed.
  p22: {
    status: 'complete',
    values: specialist('60', '50', '50', '25'),
    parts: ['18', '31.25'],
    total: '49.25',
    scored: 'not_completed',
    rating: 'not_completed',
    adjustments: [],
  },
  // p23. General 20: 200/3 %. Quantity 13 → 65 → 19.5. Quality 12 → 60 → 15. Timeliness 8 →
  // 40 → 6. Task 40.5; total 60.5: completed.
  p23: {
    status: 'complete',
    values: specialist('200/3', '65', '60', '40'),
    parts: ['20', '40.5'],
    total: '60.5',
    scored: 'completed',
    rating: 'completed',
    adjustments: [],
  },
  // p24. General 25. Quantity 100 → 30. Quality 16 → 80 → 20. Timeliness 16 → 80 → 12.
  // Task 62; total 87.
  p24: {
    status: 'complete',
    values: specialist('250/3', '100', '80', '80'),
    parts: ['25', '62'],
    total: '87',
    scored: 'completed_well',
    rating: 'completed_well',
    adjustments: [],
  },
  // p25. General 24. Quantity 100 → 30. Quality 15 → 75 → 18.75. Timeliness 14 → 70 → 10.5.
  // Task 59.25; total 83.25.
  p25: {
    status: 'complete',
    values: specialist('80', '100', '75', '70'),
    parts: ['24', '59.25'],
    total: '83.25',
    scored: 'completed_well',
    rating: 'completed_well',
    adjustments: [],
  },
  // p26. General 23. Quantity 16 → 80 → 24. Quality 16 → 80 → 20. Timeliness 14 → 70 → 10.5.
  // Task 54.5; total 77.5.
  p26: {
    status: 'complete',
    values: specialist('230/3', '80', '80', '70'),
    parts: ['23', '54.5'],
    total: '77.5',
    scored: 'completed_well',
    rating: 'completed_well',
    adjustments: [],
  },
  // p27. General 22. Quantity 16 then 20, six months each: 90 → 27. Quality 14 → 70 → 17.5.
  // Timeliness 12 → 60 → 9. Task 53.5; total 75.5.
  p27: {
    status: 'complete',
    values: specialist('220/3', '90', '70', '60'),
    parts: ['22', '53.5'],
    total: '75.5',
    scored: 'completed_well',
    rating: 'completed_well',
    adjustments: [],
  },
  // p28. General 26. Quantity 19 → 95 → 28.5. Quality 17 → 85 → 21.25. Timeliness 17 → 85 →
  // 12.75. Task 62.5; total 88.5.
  p28: {
    status: 'complete',
    values: specialist('260/3', '95', '85', '85'),
    parts: ['26', '62.5'],
    total: '88.5',
    scored: 'completed_well',
    rating: 'completed_well',
    adjustments: [],
  },
  // p29. General 20. Quantity 16 → 80 → 24. Quality 14 → 70 → 17.5. Timeliness 12 → 60 → 9.
  // Task 50.5; total 70.5: completed_well.
  p29: {
    status: 'complete',
    values: specialist('200/3', '80', '70', '60'),
    parts: ['20', '50.5'],
    total: '70.5',
    scored: 'completed_well',
    rating: 'completed_well',
    adjustments: [],
  },
  // p30. No figures for 2026-07: quantity, quality and timeliness each miss a month of the
  // twelve they read, so none has a value, and missing data unrated leaves p30 without a
  // total. The general criteria still have their value, 24 points each quarter: 80%.
  p30: {
    status: 'unrated',
    values: specialist('80', null, null, null),
    parts: [null, null],
    total: null,
    scored: null,
    rating: null,
    adjustments: [],
  },
};

interface ExactNumber {
  exact: string;
}

interface IndicatorJson {
  indicator: string;
  value: ExactNumber | null;
  notRated: { reason: string; message: string } | null;
}

interface AdjustmentJson {
  step: 'condition' | 'quota';
  rule: string;
  from: string | null;
  to: string;
  reason: string;
  set?: { within: string; key: string };
  candidates?: number;
  base?: number;
  share?: ExactNumber;
  places?: number;
  rank?: number;
  keys?: { value: ExactNumber | null }[];
  tiedWith?: string[];
}

interface PersonJson {
  person: string;
  orgUnit: string;
  status: string;
  total: ExactNumber | null;
  scoredRating: { id: string } | null;
  rating: { id: string } | null;
  adjustments: AdjustmentJson[];
  parts: { id: string; points: ExactNumber | null; max: ExactNumber }[];
  facts: { condition: string; holds: boolean }[];
  indicators: IndicatorJson[];
  explanation: string;
}

/** An adjustment in the shape of ExpectedPerson's. */
function observedAdjustment(adjustment: AdjustmentJson): ExpectedQuota | ExpectedCondition {
  const { step, rule, from, to } = adjustment;
  if (step === 'condition') return { step, rule, from, to };
  return {
    step,
    rule: rule as 'excellent_share',
    from: from as 'outstanding',
    to: to as 'completed_well',
    set: adjustment.set ?? { within: '(none)', key: '(none)' },
    candidates: adjustment.candidates ?? -1,
    base: adjustment.base ?? -1,
    share: adjustment.share?.exact ?? '(none)',
    places: adjustment.places ?? -1,
    rank: adjustment.rank ?? -1,
    keys: (adjustment.keys ?? []).map((key) => key.value?.exact ?? '(none)') as [
      string,
      string,
      string,
    ],
    tiedWith: adjustment.tiedWith ?? [],
  };
}

/** A person's result in the shape of EXPECTED. */
function observed(person: PersonJson): ExpectedPerson {
  const part = (id: string) => person.parts.find((item) => item.id === id)?.points?.exact ?? null;
  return {
    status: person.status,
    values: Object.fromEntries(
      person.indicators.map((item) => [item.indicator, item.value?.exact ?? null]),
    ),
    parts: [part('general'), part('task_results')],
    total: person.total?.exact ?? null,
    scored: person.scoredRating?.id ?? null,
    rating: person.rating?.id ?? null,
    adjustments: person.adjustments.map(observedAdjustment),
  };
}

interface Scored {
  run: KpicRun;
  scores: { people: PersonJson[]; rejected: { row: number; code: string; reason: string }[] };
  root: string;
}

/** Builds the framework in a fresh folder and scores `data` (the example's file by default). */
function scoreDecree(data = DATA, period = '2026'): Scored {
  const root = workspace({});
  const built = kpic(['build', FRAMEWORK, '--out', 'rules'], root);
  // kpic build reports its check on stderr; a clean framework has nothing else to say.
  expect(built.stderr).toBe('0 errors, 0 warnings in 7 files\n');
  expect(built.code).toBe(0);

  const run = kpic(
    ['score', '--rules', 'rules/vn_decree_335.rules.json', '--data', data, '--period', period],
    root,
  );
  const scores = run.code === 2 ? { people: [], rejected: [] } : readScores(root);
  return { run, scores, root };
}

function readScores(root: string): Scored['scores'] {
  return JSON.parse(readFileSync(join(root, 'out', 'scores.json'), 'utf8'));
}

describe('examples/vn-decree-335', () => {
  test('the framework checks clean: no errors and no warnings', () => {
    const run = kpic(['check', FRAMEWORK, '--format', 'json'], REPO_ROOT);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(run.code).toBe(0);
  });

  test('scores the 30 civil servants of 2026 as worked out by hand, using every row', () => {
    const { run, scores } = scoreDecree();

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Rows: 30 × 4 quarters of general points = 120; 30 × 12 months × 4 product figures =
    // 1440, less p30's 4 of July = 1436; the 7 leaders' unit_result and organising_result =
    // 14; facts p17, p18, p20 = 3. 120 + 1436 + 14 + 3 = 1573. Everyone but p30 is complete.
    expect(run.stdout).toBe(
      'kpic: scored 30 people for 2026 (29 complete, 0 incomplete, 1 unrated); ' +
        '1573 of 1573 rows used. Results in out/scores.json and out/scores.csv.\n',
    );
    expect(scores.rejected).toEqual([]);

    expect(scores.people.map((person) => person.person)).toEqual(Object.keys(EXPECTED));
    for (const person of scores.people) {
      expect(observed(person), person.person).toEqual(EXPECTED[person.person]);
    }
  });

  test('counts the final ratings as the data README says', () => {
    const { scores } = scoreDecree();
    const count = (line: string | null) =>
      scores.people.filter((person) => (person.rating?.id ?? null) === line).length;

    // outstanding p06, p19; not_completed p18, p20, p22; completed p16, p21, p23; unrated p30;
    // the other 30 − 2 − 3 − 3 − 1 = 21 completed_well.
    expect(count('outstanding')).toBe(2);
    expect(count('completed_well')).toBe(21);
    expect(count('completed')).toBe(3);
    expect(count('not_completed')).toBe(3);
    expect(count(null)).toBe(1);
  });

  test('says why each rating moved, which facts held, and which month p30 lacks', () => {
    const { scores } = scoreDecree();
    const person = (id: string) => {
      const found = scores.people.find((item) => item.person === id);
      if (found === undefined) throw new Error(`${id} is not in the results`);
      return found;
    };

    for (const id of ['p01', 'p05', 'p07', 'p08', 'p18', 'p20']) {
      const [adjustment] = person(id).adjustments;
      expect(adjustment?.reason, id).toMatch(/\S/);
      expect(person(id).explanation, id).toContain(adjustment?.rule ?? '(none)');
    }
    expect(person('p05').orgUnit).toBe('planning');

    // Facts that apply: disciplined and degraded to everyone, managed_unit_sanctioned to
    // leaders only. p17's row gives 0, p18's 1, p20's disciplined 1; no row means not holding.
    const facts = (id: string) =>
      Object.fromEntries(person(id).facts.map((fact) => [fact.condition, fact.holds]));
    expect(facts('p17')).toEqual({
      disciplined: false,
      degraded: false,
      managed_unit_sanctioned: false,
    });
    expect(facts('p18')).toEqual({
      disciplined: false,
      degraded: false,
      managed_unit_sanctioned: true,
    });
    expect(facts('p20')).toEqual({ disciplined: true, degraded: false });

    const quantity = person('p30').indicators.find((item) => item.indicator === 'quantity');
    expect(quantity?.notRated?.reason).toBe('no-data');
    expect(quantity?.notRated?.message).toContain('2026-07');
  });

  test('rejects a leaders-only fact given for a specialist, and rates no one by it', () => {
    const root = workspace({});
    const data = join(root, 'rows.csv');
    // p06 is a specialist (general_staff); managed_unit_sanctioned applies in leaders only.
    writeFileSync(
      data,
      readFileSync(DATA, 'utf8') + 'p06,planning,specialist,,2026,managed_unit_sanctioned,1\n',
    );
    const { run, scores } = scoreDecree(data);

    expect(run.code).toBe(1);
    expect(scores.rejected).toHaveLength(1);
    expect(scores.rejected[0]?.row).toBe(1574);
    expect(scores.rejected[0]?.code).toBe('fact-not-applicable');
    const p06 = scores.people.find((person) => person.person === 'p06');
    expect(p06 && observed(p06)).toEqual(EXPECTED.p06);
  });

  test('refuses to score 2025, a year before the decree took effect', () => {
    const { run } = scoreDecree(DATA, '2025');

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('2026-01-01');
  });
});
