/**
 * Threshold analysis on the domain of the rated value: gaps (KPI301), overlaps (KPI302),
 * order against direction (KPI303), values outside the domain (KPI304), targets against
 * bands (KPI305), fractions on percentages (KPI306), weighted indicators without bands
 * (KPI307), unreachable targets (KPI308), empty bands (KPI309), and the overall rating.
 */
import { describe, expect, test } from 'vitest';
import { checkKpi, HEADER, only, rangeIn, rangeOf, withCode } from './helpers.js';

/** An indicator with the given fields, completed so that only the tested defects remain. */
function kpi(fields: string, id = 'k'): string {
  return `kpi ${id} "K" { kind output measure x source "S" ${fields} }\nposition p "P" { ${id} weight 100% }\n`;
}

describe('KPI301 values no band covers', () => {
  test("Appendix 2's task completion (> 95%, < 80%) leaves 80% to 95%, at the bands", () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target >= 95% every quarter bands { excellent > 95%  poor < 80% }',
        'task_completion',
      );
    const diagnostic = only(checkKpi(text), 'KPI301');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.message).toBe(
      "'task_completion' leaves 80% to 95% unrated: no band covers it.",
    );
    expect(diagnostic.range).toEqual(rangeOf(text, 'bands { excellent > 95%  poor < 80% }'));
    expect(diagnostic.data).toEqual({ uncovered: ['80% to 95%'] });
  });

  test('on a count, <= 1 and > 2 leave exactly 2', () => {
    const text =
      HEADER +
      kpi('unit count better lower target <= 1 every quarter bands { good <= 1  poor > 2 }');
    expect(only(checkKpi(text), 'KPI301').message).toBe(
      "'k' leaves exactly 2 unrated: no band covers it.",
    );
  });

  test('on hours, <= 1 and > 2 leave more than 1 and up to 2', () => {
    const text =
      HEADER +
      kpi('unit hours better lower target <= 1 every quarter bands { good <= 1  poor > 2 }');
    expect(only(checkKpi(text), 'KPI301').message).toBe(
      "'k' leaves more than 1 and up to 2 unrated: no band covers it.",
    );
  });

  test('a monthly count averaged over the quarter is continuous; summed, it stays whole', () => {
    const mean =
      HEADER +
      kpi(
        'unit count better lower target <= 1 every month aggregate mean bands { good <= 1  poor > 2 }',
      );
    const sum =
      HEADER +
      kpi(
        'unit count better lower target <= 1 every month aggregate sum bands { good <= 1  poor > 2 }',
      );

    expect(only(checkKpi(mean), 'KPI301').data).toEqual({ uncovered: ['more than 1 and up to 2'] });
    expect(only(checkKpi(sum), 'KPI301').data).toEqual({ uncovered: ['exactly 2'] });
  });

  test('a single Likert answer leaves the whole answers 3 to 4; a survey mean leaves 3.0 to 4.0', () => {
    const single =
      HEADER +
      kpi(
        'unit likert5 better higher target >= 4.0 every quarter bands { good > 4.0  poor < 3.0 }',
      );
    const survey = single.replace('measure x', 'measure survey answers minimum 5 responses');

    expect(only(checkKpi(single), 'KPI301').data).toEqual({ uncovered: ['3 to 4'] });
    expect(only(checkKpi(survey), 'KPI301').data).toEqual({ uncovered: ['3.0 to 4.0'] });
  });

  test('an end the writer did not write takes the decimals of the written end paired with it', () => {
    const survey = (bands: string) =>
      HEADER +
      kpi(`unit likert5 better higher target >= 4.0 every quarter bands { ${bands} }`).replace(
        'measure x',
        'measure survey answers minimum 5 responses',
      );
    const percent = (bands: string) =>
      HEADER + kpi(`unit percent better higher target >= 99.5% every quarter bands { ${bands} }`);

    const cases: [string, string[]][] = [
      [survey('good >= 3.0'), ['1.0 to under 3.0']],
      [survey('good > 1.0'), ['exactly 1.0']],
      [survey('poor < 3.0  good >= 4'), ['3.0 to under 4']],
      [percent('good >= 99.5%  poor < 50.5%'), ['50.5% to under 99.5%']],
      [percent('good >= 50.5%'), ['0.0% to under 50.5%']],
      [percent('poor < 99.5%'), ['99.5% to 100.0%']],
      [percent('poor < 99.5%  good >= 99.5%'), []],
    ];
    for (const [text, uncovered] of cases) {
      const gaps = withCode(checkKpi(text), 'KPI301').flatMap((found) => found.data?.uncovered);
      expect(gaps, text).toEqual(uncovered);
    }
  });

  test('an overlap reaching an end the writer did not write reads with the same decimals', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better lower target < 5.5% every quarter bands { good < 5.5%  poor <= 10.5% }',
      );
    expect(only(checkKpi(text), 'KPI302').message).toContain(': 0.0% to under 5.5% falls in both');
  });

  test('every gap is listed in the data, the first in the message', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target >= 90% every quarter bands { excellent >= 90%  good 50% .. 80% }',
      );
    const diagnostic = only(checkKpi(text), 'KPI301');

    expect(diagnostic.message).toContain('0% to under 50%');
    expect(diagnostic.data).toEqual({
      uncovered: ['0% to under 50%', 'more than 80% and under 90%'],
    });
  });

  test('the paper bands > 95% / 80% .. 95% / < 80% partition 0..100 exactly', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target > 95% every quarter bands { excellent > 95%  good 80% .. 95%  poor < 80% }',
      );
    const result = checkKpi(text);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code.startsWith('KPI3'))).toEqual(
      [],
    );
  });
});

describe('KPI302 values in two bands', () => {
  test('B15: >= 95% and 80% .. 95% share exactly 95%, reported at the later band', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target >= 95% every quarter bands { excellent >= 95%  good 80% .. 95%  poor < 80% }',
      );
    const diagnostic = only(checkKpi(text), 'KPI302');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeOf(text, 'good 80% .. 95%'));
    expect(diagnostic.message).toBe("'k': exactly 95% falls in both 'excellent' and 'good'.");
    expect(diagnostic.related?.[0]?.range).toEqual(rangeOf(text, 'excellent >= 95%'));
  });

  test('the half-open form from 80% to under 95% removes the overlap', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target >= 95% every quarter bands { excellent >= 95%  good from 80% to under 95%  poor < 80% }',
      );
    expect(
      checkKpi(text).diagnostics.filter((diagnostic) => diagnostic.code.startsWith('KPI3')),
    ).toEqual([]);
  });
});

describe('KPI303 bands against the direction', () => {
  test('with better higher, a low-points band above a high-points band is an error at it', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target < 50% every quarter bands { excellent < 50%  poor >= 50% }',
      );
    const diagnostic = only(checkKpi(text), 'KPI303');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeOf(text, 'poor >= 50%'));
    expect(diagnostic.message).toBe(
      "'k' is better when higher, but 'poor' covers better values than 'excellent' and earns fewer points.",
    );
  });

  test('with better lower, the same bands are in order', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better lower target < 50% every quarter bands { excellent < 50%  poor >= 50% }',
      );
    expect(withCode(checkKpi(text), 'KPI303')).toEqual([]);
  });
});

describe('KPI304 values outside the domain', () => {
  test('6 on a 1..5 Likert scale', () => {
    const text =
      HEADER +
      kpi('unit likert5 better higher target >= 6 every quarter bands { good >= 4  poor < 4 }');
    const diagnostic = only(checkKpi(text), 'KPI304');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeOf(text, '6'));
    expect(diagnostic.message).toBe('6 is outside the range of likert5 (whole numbers 1 to 5).');
    expect(withCode(checkKpi(text), 'KPI308')).toEqual([]);
  });

  test('120% in a band', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target >= 90% every quarter bands { excellent >= 90%  poor < 120% }',
      );
    const diagnostic = only(checkKpi(text), 'KPI304');

    expect(diagnostic.range).toEqual(rangeOf(text, '120%'));
    expect(diagnostic.message).toBe('120% is outside the range of percent (0% to 100%).');
  });
});

describe('KPI305 the target against the bands', () => {
  test('Appendix 2: target >= 95% with excellent > 95%: exactly 95% meets the target but is unrated', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target >= 95% every quarter bands { excellent > 95%  poor < 80% }',
        'task_completion',
      );
    const diagnostic = only(checkKpi(text), 'KPI305');

    expect(diagnostic.severity).toBe('warning');
    expect(diagnostic.range).toEqual(rangeOf(text, '>= 95%'));
    expect(diagnostic.message).toBe(
      "'task_completion': the target >= 95% does not line up with the bands: " +
        'exactly 95% meets the target but no band rates it.',
    );
  });

  test('with good 80% .. 95%, exactly 95% meets the target but is rated good', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target >= 95% every quarter bands { excellent > 95%  good 80% .. 95%  poor < 80% }',
      );
    expect(only(checkKpi(text), 'KPI305').message).toContain(
      "exactly 95% meets the target but is rated 'good', like values that miss it",
    );
  });

  test('on a count, <= 1 and < 2 are the same boundary', () => {
    const text =
      HEADER +
      kpi('unit count better lower target <= 1 every quarter bands { good < 2  poor >= 2 }');
    expect(withCode(checkKpi(text), 'KPI305')).toEqual([]);
  });

  test('"no violations" (= 0) against <= 1: exactly 1 misses the target but is rated like 0', () => {
    const text =
      HEADER +
      kpi('unit count better lower target = 0 every quarter bands { good <= 1  poor > 1 }');
    expect(only(checkKpi(text), 'KPI305').message).toContain(
      "exactly 1 misses the target but is rated 'good', like values that meet it",
    );
  });
});

describe('KPI306 a fraction on a percent indicator', () => {
  test('0.95 gets "did you mean 95%?" and a fix', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target >= 0.95 every quarter bands { excellent >= 0.95  poor < 0.95 }',
      );
    const found = withCode(checkKpi(text), 'KPI306');

    expect(found).toHaveLength(3);
    expect(found[0]?.severity).toBe('warning');
    expect(found[0]?.range).toEqual(rangeOf(text, '0.95'));
    expect(found[0]?.message).toBe(
      '0.95 on a percent indicator means 0.95%, not 95%. Did you mean 95%?',
    );
    expect(found[0]?.fixes?.[0]?.edits[0]?.newText).toBe('95%');
  });

  test('a fractional target gets KPI306 alone, not also a misalignment at 0.9%', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target >= 0.9 every quarter bands { excellent >= 90%  poor < 90% }',
      );
    const result = checkKpi(text);

    expect(only(result, 'KPI306').data).toEqual({ suggestion: '90%' });
    expect(withCode(result, 'KPI305')).toEqual([]);
  });

  test('a fractional band boundary the target meant gets KPI306 alone, not KPI305', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target >= 90% every quarter bands { excellent >= 0.9  poor < 0.9 }',
      );
    const result = checkKpi(text);

    expect(withCode(result, 'KPI306')).toHaveLength(2);
    expect(withCode(result, 'KPI305')).toEqual([]);
  });

  test('a misalignment at another boundary than the fraction is still reported', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target >= 95% every quarter ' +
          'bands { excellent > 95%  good 0.8 .. 95%  poor under 0.8 }',
      );
    const result = checkKpi(text);

    expect(withCode(result, 'KPI306')).toHaveLength(2);
    expect(only(result, 'KPI305').message).toContain(
      "exactly 95% meets the target but is rated 'good', like values that miss it",
    );
  });

  test('a target whose fraction gets KPI306 is not also reported unreachable', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target 0.9 .. 0.5 every quarter bands { excellent >= 90%  poor < 90% }',
      );
    const result = checkKpi(text);

    expect(withCode(result, 'KPI306')).toHaveLength(2);
    expect(withCode(result, 'KPI308')).toEqual([]);
  });

  test('95 without % is a percentage and raises nothing', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target >= 95 every quarter bands { excellent >= 95  poor < 95 }',
      );
    expect(
      checkKpi(text).diagnostics.filter((diagnostic) => diagnostic.code.startsWith('KPI3')),
    ).toEqual([]);
  });
});

describe('KPI307 a weighted indicator without bands', () => {
  test('is an error at the position line that weights it', () => {
    const text = HEADER + kpi('unit percent better higher target >= 95% every quarter');
    const diagnostic = only(checkKpi(text), 'KPI307');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeIn(text, 'k weight', 'k'));
    expect(diagnostic.message).toBe("'p' weights 'k', which has no bands, so it cannot be rated.");
    expect(withCode(checkKpi(text), 'KPI602')).toEqual([]);
  });

  test('bands given by the position line make it rateable', () => {
    const text =
      HEADER +
      'kpi k "K" { kind output measure x source "S" unit percent better higher target >= 95% every quarter }\n' +
      'position p "P" { k weight 100% bands { excellent >= 95%  poor < 95% } }\n';
    const result = checkKpi(text);

    expect(withCode(result, 'KPI307')).toEqual([]);
    expect(result.model.positions[0]?.indicators[0]?.bands.map((band) => band.level)).toEqual([
      'excellent',
      'poor',
    ]);
  });
});

describe('KPI308 an unreachable target', () => {
  test('> 100% on a percent indicator', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target > 100% every quarter bands { excellent >= 90%  poor < 90% }',
      );
    const diagnostic = only(checkKpi(text), 'KPI308');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeOf(text, '> 100%'));
    expect(diagnostic.message).toBe(
      "'k': no value in the range of percent (0% to 100%) can meet the target > 100%.",
    );
  });

  test('between 1 and 2 exclusive on a count', () => {
    const text =
      HEADER +
      kpi(
        'unit count better lower target from 1.5 to under 2 every quarter bands { good <= 1  poor > 1 }',
      );
    expect(only(checkKpi(text), 'KPI308').message).toContain('whole numbers from 0');
  });
});

describe('KPI309 a band that covers nothing', () => {
  test('ends written in the wrong order', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target >= 95% every quarter bands { excellent >= 95%  good 95% .. 80%  poor < 95% }',
      );
    const diagnostic = only(checkKpi(text), 'KPI309');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeOf(text, 'good 95% .. 80%'));
    expect(diagnostic.message).toBe(
      "'k': 'good' (95% .. 80%) covers no value in the range of percent (0% to 100%); check its numbers and their order.",
    );
  });
});

describe('the overall rating', () => {
  const rating = (lines: string) => `${HEADER}rating { ${lines} }\n`;

  test('lines that leave totals uncovered get KPI301 naming the rating', () => {
    const text = rating(
      'outstanding "O" from 90  good "G" from 70 to under 90  failed "F" under 50',
    );
    const diagnostic = only(checkKpi(text), 'KPI301');

    expect(diagnostic.message).toBe(
      'The overall rating leaves 50 to under 70 unrated: no rating line covers it.',
    );
    expect(diagnostic.range).toEqual(rangeOf(text, text.split('\n')[2]!));
  });

  test('lines that share a total get KPI302', () => {
    const text = rating('outstanding "O" from 90  good "G" 50 .. 90  failed "F" under 50');
    const diagnostic = only(checkKpi(text), 'KPI302');

    expect(diagnostic.message).toBe(
      "The overall rating: exactly 90 falls in both 'outstanding' and 'good'.",
    );
    expect(diagnostic.range).toEqual(rangeOf(text, 'good "G" 50 .. 90'));
  });

  test("the levels' lowest and highest points take the decimals of the line they meet", () => {
    const low = only(checkKpi(rating('outstanding "O" from 50.5')), 'KPI301');
    const high = only(checkKpi(rating('failed "F" under 99.5')), 'KPI301');

    expect(low.data).toEqual({ uncovered: ['0.0 to under 50.5'] });
    expect(high.data).toEqual({ uncovered: ['99.5 to 100.0'] });
  });

  test('lines covering 0 to 100 points once raise nothing', () => {
    const text = rating(
      'outstanding "O" from 90  good "G" from 50 to under 90  failed "F" under 50',
    );
    expect(
      checkKpi(text).diagnostics.filter((diagnostic) => diagnostic.code.startsWith('KPI3')),
    ).toEqual([]);
  });
});
