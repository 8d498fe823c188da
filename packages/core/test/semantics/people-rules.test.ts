/**
 * Issue 6's constructs in the checker: parts of the total (KPI801, KPI802, KPI803, KPI809),
 * points in proportion (KPI806), conditions (KPI807, and their names), quotas (KPI805, KPI808,
 * their names and words), a rating line no total reaches (KPI804), and the model each builds.
 */
import { describe, expect, test } from 'vitest';
import { toText } from '../../src/util/decimal.js';
import { checkKpi, codesOf, only, rangeIn, rangeOf, withCode } from './helpers.js';

const HEADER =
  'framework t "T" { cycle annual }\n' +
  'rating {\n' +
  '  outstanding "Xuất sắc" / "Outstanding" from 90\n' +
  '  well "Tốt" / "Well" from 70 to under 90\n' +
  '  done "Hoàn thành" / "Completed" from 50 to under 70\n' +
  '  not_done "Không hoàn thành" / "Not completed" under 50\n' +
  '}\n';

const PARTS =
  'part general "Chung" / "General" points 30\n' +
  'part tasks "Nhiệm vụ" / "Task results" points 70\n';

/** A complete indicator scored in proportion, in `part` when given. */
function proportional(id: string, part?: string): string {
  return (
    `kpi ${id} "${id}" { kind output measure ${id}_done / ${id}_all unit percent ` +
    `better higher target >= 100% points proportional${part ? ` part ${part}` : ''} ` +
    'every year source "S" }\n'
  );
}

const DECREE =
  HEADER +
  PARTS +
  proportional('conduct', 'general') +
  proportional('quantity', 'tasks') +
  proportional('quality', 'tasks') +
  'group staff "Staff" { conduct, quantity, quality }\n' +
  'position specialist "S" in staff { conduct weight 30%  quantity weight 40%  quality weight 30% }\n';

/** The errors and warnings, as code and message, for a failing assertion to show. */
function problems(text: string): string[] {
  return checkKpi(text)
    .diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')
    .map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`);
}

describe('a framework in the shape of Decree 335/2025', () => {
  test('checks clean and resolves its parts, scoring, conditions and quota', () => {
    const text =
      DECREE +
      'when disciplined "Kỷ luật" / "Disciplined" rate not_done\n' +
      'when sanctioned "Đơn vị bị xử lý" / "Unit sanctioned" in staff rate not_done\n' +
      'quota top "Top" { outstanding at most 20% of well  within unit, group  ' +
      'rank by total, tasks, quality }\n';
    expect(problems(text)).toEqual([]);

    const { model } = checkKpi(text);
    expect(model.parts.map((part) => [part.id, toText(part.points)])).toEqual([
      ['general', '30'],
      ['tasks', '70'],
    ]);
    expect(model.indicators.map((kpi) => [kpi.id, kpi.scoring, kpi.part])).toEqual([
      ['conduct', 'proportional', 'general'],
      ['quantity', 'proportional', 'tasks'],
      ['quality', 'proportional', 'tasks'],
    ]);
    expect(model.conditions.map(({ id, group, rating }) => ({ id, group, rating }))).toEqual([
      { id: 'disciplined', group: undefined, rating: 'not_done' },
      { id: 'sanctioned', group: 'staff', rating: 'not_done' },
    ]);
    const [quota] = model.quotas;
    expect(quota && { ...quota, node: undefined, label: undefined, uri: undefined }).toEqual({
      id: 'top',
      limited: 'outstanding',
      share: { units: 20n, scale: 0 },
      of: 'well',
      demoteTo: 'well',
      within: ['unit', 'group'],
      rankBy: [
        { kind: 'total' },
        { kind: 'part', id: 'tasks' },
        { kind: 'indicator', id: 'quality' },
      ],
      node: undefined,
      label: undefined,
      uri: undefined,
    });
  });
});

describe('KPI801 parts that do not add up to 100', () => {
  test('30 and 60 make 90, reported at the first part with the others related', () => {
    const text = HEADER + PARTS.replace('points 70', 'points 60');
    const result = checkKpi(text);
    const diagnostic = only(result, 'KPI801');
    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.message).toBe(
      "The parts of the total add up to 90 points, not 100: 'general' 30 and 'tasks' 60.",
    );
    expect(diagnostic.range).toEqual(rangeIn(text, 'part general', 'general'));
    expect(diagnostic.related?.map((note) => note.range)).toEqual([
      rangeIn(text, 'part tasks', 'tasks'),
    ]);
  });

  test('33.3, 33.3 and 33.4 make exactly 100', () => {
    const text =
      HEADER + 'part a "A" points 33.3\npart b "B" points 33.3\npart c "C" points 33.4\n';
    expect(withCode(checkKpi(text), 'KPI801')).toEqual([]);
  });
});

describe('KPI809 a part whose points cannot be points', () => {
  test('30h is a time: the one error, with no sum or weights reported beside it', () => {
    const text = DECREE.replace('points 30', 'points 30h');
    const result = checkKpi(text);
    const diagnostic = only(result, 'KPI809');
    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.message).toBe(
      "Part 'general' is worth 30h, which is a time, not points. A part is worth a number of " +
        "points above 0 and at most 100, as in 'points 30'.",
    );
    expect(diagnostic.range).toEqual(rangeOf(text, '30h'));
    expect(codesOf(result).filter((code) => code !== 'KPI809')).toEqual([]);
    expect(result.model.parts.map((part) => part.id)).toEqual(['tasks']);
  });

  test('-30 and 130 make 100 but each is reported, and 0 counts for nothing', () => {
    const text = DECREE.replace('points 30', 'points -30').replace('points 70', 'points 130');
    expect(withCode(checkKpi(text), 'KPI809').map((d) => d.message.split('. ')[0])).toEqual([
      "Part 'general' is worth -30, below zero, which would take points away from the total",
      "Part 'tasks' is worth 130, more than the whole total of 100 points",
    ]);
    const zero = HEADER + 'part a "A" points 0\npart b "B" points 100\n';
    expect(only(checkKpi(zero), 'KPI809').message).toContain('so it would count for nothing');
  });

  test('30% reads as 30 points', () => {
    const text = DECREE.replace('points 30', 'points 30%').replace('points 70', 'points 70%');
    expect(problems(text)).toEqual([]);
  });
});

describe('KPI802 a part whose indicators weigh other than its points', () => {
  test('general weighs 20% for 30 points and tasks 80% for 70, each reported', () => {
    const text = DECREE.replace(
      'conduct weight 30%  quantity weight 40%',
      'conduct weight 20%  quantity weight 50%',
    );
    const result = checkKpi(text);
    expect(withCode(result, 'KPI802').map((diagnostic) => diagnostic.message)).toEqual([
      "In 'specialist', the indicators of part 'general' weigh 20% together, but the part is " +
        'worth 30 points; make them add up to 30%.',
      "In 'specialist', the indicators of part 'tasks' weigh 80% together, but the part is " +
        'worth 70 points; make them add up to 70%.',
    ]);
    expect(withCode(result, 'KPI802')[0]?.range).toEqual(
      rangeIn(text, 'position specialist', 'specialist'),
    );
  });

  test('a position whose weights miss 100% gets KPI201 alone', () => {
    const text = DECREE.replace('quality weight 30%', 'quality weight 20%');
    expect(codesOf(checkKpi(text))).toContain('KPI201');
    expect(withCode(checkKpi(text), 'KPI802')).toEqual([]);
  });

  test("a context's block that moves weight across parts is reported at the block", () => {
    const text =
      DECREE +
      'context dak_lak "Đắk Lắk" { position specialist { conduct weight 20%  quality weight 40% } }\n';
    const diagnostics = withCode(checkKpi(text), 'KPI802');
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      "In 'specialist' in context 'dak_lak', the indicators of part 'general' weigh 20% " +
        'together, but the part is worth 30 points; make them add up to 30%.',
      "In 'specialist' in context 'dak_lak', the indicators of part 'tasks' weigh 80% " +
        'together, but the part is worth 70 points; make them add up to 70%.',
    ]);
    expect(diagnostics[0]?.range).toEqual(rangeIn(text, '{ position specialist', 'specialist'));
  });
  test("a context's block that lists an indicator twice gets KPI205 alone, as a position does", () => {
    const text =
      DECREE +
      'context dak_lak "Đắk Lắk" { position specialist { conduct weight 20%  quantity weight 50%  ' +
      'conduct weight 25% } }\n';
    const result = checkKpi(text);
    expect(codesOf(result)).toContain('KPI205');
    expect(withCode(result, 'KPI802')).toEqual([]);
  });
});

describe('KPI803 a weighted indicator in no part', () => {
  test('reported once at the indicator, naming the parts', () => {
    const text = DECREE.replace(proportional('quality', 'tasks'), proportional('quality'));
    const result = checkKpi(text);
    const diagnostic = only(result, 'KPI803');
    expect(diagnostic.message).toBe(
      "'quality' is weighted by a position but belongs to no part of the total, so its points " +
        "would count in the total and in no part. Add 'part' with one of: general, tasks.",
    );
    expect(diagnostic.range).toEqual(rangeIn(text, 'kpi quality', 'quality'));
    // No part sum is right to report while an indicator has none.
    expect(withCode(result, 'KPI802')).toEqual([]);
  });

  test('a framework without parts needs none', () => {
    const text = HEADER + proportional('a') + 'position p "P" { a weight 100% }\n';
    expect(problems(text)).toEqual([]);
  });

  test("a 'part' naming no part is KPI101 with a did-you-mean", () => {
    const text = DECREE.replace('part tasks every', 'part taks every');
    const diagnostic = only(checkKpi(text), 'KPI101');
    expect(diagnostic.message).toBe("There is no part 'taks'. Did you mean 'tasks'?");
    expect(withCode(checkKpi(text), 'KPI803')).toEqual([]);
  });
});

describe('KPI806 points in proportion that do not fit', () => {
  test('a count would earn its count as points', () => {
    const text = HEADER + 'kpi docs "Docs" { unit count better higher points proportional }\n';
    const diagnostic = only(checkKpi(text), 'KPI806');
    expect(diagnostic.message).toContain("its unit is 'count', not percent");
    expect(diagnostic.range).toEqual(rangeOf(text, 'points proportional'));
  });

  test('better lower would pay for worse work', () => {
    const text = HEADER + 'kpi late "Late" { unit percent better lower points proportional }\n';
    expect(only(checkKpi(text), 'KPI806').message).toContain('lower values are better');
  });

  test('bands in the indicator, and bands a position gives it, are each reported', () => {
    const own =
      HEADER +
      'kpi a "A" { unit percent better higher points proportional bands { good >= 50%  poor < 50% } }\n';
    expect(only(checkKpi(own), 'KPI806').range).toEqual(
      rangeOf(own, 'bands { good >= 50%  poor < 50% }'),
    );

    const positional =
      HEADER +
      'levels { good "G" points 80  poor "P" points 0 }\n' +
      'kpi a "A" { unit percent better higher points proportional }\n' +
      'position p "P" { a weight 100% bands { good >= 50%  poor < 50% } }\n';
    const diagnostic = only(checkKpi(positional), 'KPI806');
    expect(diagnostic.message).toContain("in 'p'");
  });

  test('without a unit, or without a direction, it is not known to be a percentage', () => {
    const noUnit = HEADER + 'kpi a "A" { better higher points proportional }\n';
    const unitless = only(checkKpi(noUnit), 'KPI806');
    expect(unitless.message).toBe(
      "'a' earns its percentage as points ('points proportional'), but it does not say its " +
        "unit, so nothing says its values are percentages from 0 to 100. Add 'unit percent'.",
    );
    expect(unitless.range).toEqual(rangeOf(noUnit, 'points proportional'));

    const noDirection = HEADER + 'kpi a "A" { unit percent points proportional }\n';
    expect(only(checkKpi(noDirection), 'KPI806').message).toBe(
      "'a' earns its percentage as points ('points proportional'), but it does not say " +
        'whether higher values are better, and only then may a value be its points. ' +
        "Add 'better higher'.",
    );
  });

  test('KPI806 alone says the unit and direction are missing; KPI601 lists the rest', () => {
    const text = HEADER + 'kpi a "A" { points proportional }\nposition p "P" { a weight 100% }\n';
    const result = checkKpi(text);
    expect(withCode(result, 'KPI806')).toHaveLength(2);
    const warning = only(result, 'KPI601');
    expect(warning.data).toEqual({ missing: ['measure', 'target', 'frequency', 'source'] });
    expect(warning.message).not.toContain('unit');

    // Complete but for the unit and direction: the errors, and no warning.
    const complete = proportional('b').replace('unit percent better higher ', '');
    expect(withCode(checkKpi(HEADER + complete), 'KPI601')).toEqual([]);
  });

  test('a unit or direction that is misspelt is KPI102 alone', () => {
    const text = HEADER + 'kpi a "A" { unit percnt better highr points proportional }\n';
    const result = checkKpi(text);
    expect(withCode(result, 'KPI102')).toHaveLength(2);
    expect(withCode(result, 'KPI806')).toEqual([]);
  });

  test("a misspelt word after 'points' is KPI102 with a did-you-mean", () => {
    const text = HEADER + 'kpi a "A" { unit percent better higher points proportionall }\n';
    const diagnostic = only(checkKpi(text), 'KPI102');
    expect(diagnostic.message).toContain("Did you mean 'proportional'?");
    expect(diagnostic.fixes?.[0]?.edits[0]?.newText).toBe('proportional');
  });

  test('needs no bands: a weighted proportional indicator gets no KPI307 or KPI602', () => {
    const text = HEADER + proportional('a') + 'position p "P" { a weight 100% }\n';
    expect(codesOf(checkKpi(text))).not.toContain('KPI307');
    expect(codesOf(checkKpi(HEADER + proportional('a')))).not.toContain('KPI602');
  });
});

describe('KPI804 a rating line no total can reach', () => {
  const LEVELS =
    'levels { top "T" points 100  good "G" points 80  fair "F" points 60  poor "P" points 0 }\n' +
    'kpi a "A" { unit percent better higher bands { good >= 80%  fair < 80% } }\n' +
    'position p "P" { a weight 100% }\n';

  test('levels of 60 to 80 points never give a total under 50, nor one from 90', () => {
    const text = HEADER + LEVELS;
    const result = checkKpi(text);
    expect(withCode(result, 'KPI804').map((diagnostic) => diagnostic.message)).toEqual([
      "No one can be rated 'outstanding' (from 90): in every position the total lies between " +
        "60 and 80 points, and no condition rates people 'outstanding'.",
      "No one can be rated 'not_done' (under 50): in every position the total lies between 60 " +
        "and 80 points, and no condition rates people 'not_done'.",
    ]);
    expect(withCode(result, 'KPI804')[1]?.range).toEqual(
      rangeOf(text, 'not_done "Không hoàn thành" / "Not completed" under 50'),
    );
  });

  test('a condition that rates people at the line makes it reachable', () => {
    const text = HEADER + LEVELS + 'when disciplined "Kỷ luật" / "Disciplined" rate not_done\n';
    expect(withCode(checkKpi(text), 'KPI804').map((d) => d.message)).toEqual([
      expect.stringContaining("'outstanding'"),
    ]);
  });

  test('a line that a quota moves people to is reached, from a line that is reached', () => {
    // Levels of 100 and 90 points give totals from 90: only 'outstanding' is reached by a
    // total, and the quota moves people from it to 'well'; nothing moves anyone to 'done'.
    const text =
      HEADER +
      'levels { top "T" points 100  good "G" points 90  poor "P" points 0 }\n' +
      'kpi a "A" { unit percent better higher bands { top >= 90%  good < 90% } }\n' +
      'position p "P" { a weight 100% }\n' +
      'quota q "Q" { outstanding at most 20% of not_done  within unit  rank by total }\n';
    expect(checkKpi(text).model.quotas.map((quota) => quota.demoteTo)).toEqual(['well']);
    expect(withCode(checkKpi(text), 'KPI804').map((diagnostic) => diagnostic.message)).toEqual([
      expect.stringContaining("No one can be rated 'done'"),
      expect.stringContaining("No one can be rated 'not_done'"),
    ]);
  });

  test('an indicator in proportion reaches 0 to 100, so every line', () => {
    expect(withCode(checkKpi(DECREE), 'KPI804')).toEqual([]);
  });
});

describe('conditions', () => {
  test('KPI807 a fact id that a formula also measures', () => {
    const text = DECREE + 'when conduct_done "Kỷ luật" / "Disciplined" rate not_done\n';
    const diagnostic = only(checkKpi(text), 'KPI807');
    expect(diagnostic.message).toBe(
      "'conduct_done' is both a condition and a measure of 'conduct': data rows name both in " +
        'the same column, so a row could not say which it gives. Rename one of them.',
    );
    expect(diagnostic.range).toEqual(rangeIn(text, 'when conduct_done', 'conduct_done'));
  });

  test('an unknown rating line or group is KPI101, and the condition is left out', () => {
    const text = DECREE + 'when x "X" in staf rate not_don\n';
    const result = checkKpi(text);
    expect(withCode(result, 'KPI101').map((diagnostic) => diagnostic.message)).toEqual([
      "There is no rating line 'not_don'. Did you mean 'not_done'?",
      "There is no group 'staf'. Did you mean 'staff'?",
    ]);
    expect(result.model.conditions).toEqual([]);
  });

  test('two conditions with the same id are KPI103', () => {
    const text = DECREE + 'when x "X" rate not_done\nwhen x "X again" rate done\n';
    expect(only(checkKpi(text), 'KPI103').message).toBe("The condition 'x' is declared twice.");
  });
});

describe('KPI808 a quota share that looks like a fraction', () => {
  const quota = (share: string) =>
    `${DECREE}quota top "Top" { outstanding at most ${share} of well  within unit  rank by total }\n`;

  test('0.2 reads as 0.2%, with a fix that writes 20%', () => {
    const text = quota('0.2');
    const result = checkKpi(text);
    const diagnostic = only(result, 'KPI808');
    expect(diagnostic.severity).toBe('warning');
    expect(diagnostic.message).toBe(
      "The quota 'top' allows a share of 0.2, which reads as 0.2%: a share without '%' is a " +
        "percentage. If 20% was meant, write '20%'.",
    );
    expect(diagnostic.range).toEqual(rangeOf(text, '0.2'));
    expect(diagnostic.fixes?.[0]?.edits.map((edit) => edit.newText)).toEqual(['20%']);
    // The quota still works as written.
    expect(result.model.quotas.map((q) => q.share)).toEqual([{ units: 2n, scale: 1 }]);
  });

  test('1 is a fraction too; 20 and 0.2% are not', () => {
    expect(only(checkKpi(quota('1')), 'KPI808').fixes?.[0]?.edits[0]?.newText).toBe('100%');
    for (const share of ['20', '0.2%', '20%']) {
      expect(withCode(checkKpi(quota(share)), 'KPI808')).toEqual([]);
    }
  });
});

describe('KPI805 a quota that cannot work', () => {
  const quota = (body: string) => `${DECREE}quota top "Top" { ${body} }\n`;

  test('a share above 100%', () => {
    const text = quota('outstanding at most 120% of well  within unit  rank by total');
    const diagnostic = only(checkKpi(text), 'KPI805');
    expect(diagnostic.message).toBe(
      "The quota 'top' cannot work: a share of 120% is not a percentage above 0% and at most " +
        "100%; write it as in '20%'.",
    );
    expect(diagnostic.range).toEqual(rangeOf(text, '120%'));
  });

  test('a share of 0%', () => {
    expect(
      only(checkKpi(quota('outstanding at most 0% of well  within unit  rank by total')), 'KPI805')
        .message,
    ).toContain('0%');
  });

  test('a line limited as a share of itself', () => {
    const text = quota('well at most 20% of well  within unit  rank by total');
    expect(only(checkKpi(text), 'KPI805').message).toContain('a share of itself');
  });

  test('the lowest line has no line below to move people to', () => {
    const text = quota('not_done at most 20% of well  within unit  rank by total');
    expect(only(checkKpi(text), 'KPI805').message).toContain("'not_done' is the lowest");
  });

  test('a missing field says which', () => {
    const text = quota('outstanding at most 20% of well');
    const diagnostic = only(checkKpi(text), 'KPI805');
    expect(diagnostic.message).toContain("where the limit holds ('within unit, group')");
    expect(diagnostic.message).toContain("('rank by total')");
    expect(checkKpi(text).model.quotas).toEqual([]);
  });

  test('a level where a rating line belongs is KPI101', () => {
    const text = quota('excellent at most 20% of well  within unit  rank by total');
    expect(only(checkKpi(text), 'KPI101').message).toBe("There is no rating line 'excellent'.");
  });

  test("a misspelt 'within' word is KPI102, an unknown rank key KPI101", () => {
    const text = quota('outstanding at most 20% of well  within unti  rank by totl, qualty');
    const result = checkKpi(text);
    expect(only(result, 'KPI102').message).toContain("Did you mean 'unit'?");
    expect(withCode(result, 'KPI101').map((diagnostic) => diagnostic.message)).toEqual([
      "There is no rank key (the total, a part or an indicator) 'totl'. Did you mean 'total'?",
      "There is no rank key (the total, a part or an indicator) 'qualty'. Did you mean 'quality'?",
    ]);
  });

  test('a rank key that does not say which values are better cannot order people', () => {
    const text =
      DECREE +
      'levels { good "G" points 80  poor "P" points 0 }\n' +
      'kpi late "Late" { unit percent bands { good >= 50%  poor < 50% } }\n' +
      'quota top "Top" { outstanding at most 20% of well  within unit  rank by total, late }\n';
    const result = checkKpi(text);
    const diagnostic = only(result, 'KPI805');
    expect(diagnostic.message).toBe(
      "The quota 'top' cannot work: 'late' does not say whether higher or lower values are " +
        "better, so it cannot put people in order; add 'better higher' or 'better lower' to it.",
    );
    expect(diagnostic.range).toEqual(rangeIn(text, 'total, late', 'late'));
    expect(result.model.quotas).toEqual([]);
  });

  test('the people over the limit move to the line directly below, in any source order', () => {
    const text =
      'framework t "T" { cycle annual }\n' +
      'rating { low "L" under 50  top "T" from 90  mid "M" from 50 to under 90 }\n' +
      proportional('a') +
      'position p "P" { a weight 100% }\n' +
      'quota q "Q" { top at most 10% of low  within group  rank by a }\n';
    expect(problems(text)).toEqual([]);
    expect(checkKpi(text).model.quotas[0]?.demoteTo).toBe('mid');
  });
});
