/**
 * Threshold analysis on the domain of the rated value: gaps (KPI301), overlaps (KPI302),
 * order against direction (KPI303), values outside the domain (KPI304), targets against
 * bands (KPI305), fractions on percentages (KPI306), weighted indicators without bands
 * (KPI307), unreachable targets (KPI308), empty bands (KPI309), and the overall rating.
 */
import { describe, expect, test } from 'vitest';
import { applyFix, checkKpi, HEADER, only, rangeIn, rangeOf, withCode } from './helpers.js';

/** An indicator with the given fields, completed so that only the tested defects remain. */
function kpi(fields: string, id = 'k'): string {
  return (
    `kpi ${id} "K" { kind output measure x source "S" ${fields} }\nposition p "P" { ` +
    `${id} weight 100% }\n`
  );
}

describe('KPI301 values no band covers', () => {
  test("Appendix 2's task completion (> 95%, < 80%) leaves 80% to 95%, at the bands", () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target >= 95% every quarter bands { excellent > 95%  poor ' +
          '< 80% }',
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
        'unit count better lower target <= 1 every month aggregate mean bands { good <= 1  ' +
          'poor > 2 }',
      );
    const sum =
      HEADER +
      kpi(
        'unit count better lower target <= 1 every month aggregate sum bands { good <= 1  ' +
          'poor > 2 }',
      );

    expect(only(checkKpi(mean), 'KPI301').data).toEqual({ uncovered: ['more than 1 and up to 2'] });
    expect(only(checkKpi(sum), 'KPI301').data).toEqual({ uncovered: ['exactly 2'] });
  });

  test(
    'a single Likert answer leaves the whole answers 3 to 4; a survey mean leaves 3.0 to ' + '4.0',
    () => {
      const single =
        HEADER +
        kpi(
          'unit likert5 better higher target >= 4.0 every quarter bands { good > 4.0  poor < 3.0 }',
        );
      const survey = single.replace('measure x', 'measure survey answers minimum 5 responses');

      expect(only(checkKpi(single), 'KPI301').data).toEqual({ uncovered: ['3 to 4'] });
      expect(only(checkKpi(survey), 'KPI301').data).toEqual({ uncovered: ['3.0 to 4.0'] });
    },
  );

  test(
    'an end the writer did not write takes the decimals of the written end paired with ' + 'it',
    () => {
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
    },
  );

  test('an overlap reaching an end the writer did not write reads with the same decimals', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better lower target < 5.5% every quarter bands { good < 5.5%  poor <= ' +
          '10.5% }',
      );
    expect(only(checkKpi(text), 'KPI302').message).toContain(': 0.0% to under 5.5% falls in both');
  });

  test('every gap is listed in the data, the first in the message', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target >= 90% every quarter bands { excellent >= 90%  ' +
          'good 50% .. 80% }',
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
        'unit percent better higher target > 95% every quarter bands { excellent > 95%  good ' +
          '80% .. 95%  poor < 80% }',
      );
    const result = checkKpi(text);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code.startsWith('KPI3'))).toEqual(
      [],
    );
  });
});

/** The KPI3xx codes of `text`, with their messages, for asserting that a fix left none. */
function thresholdCodes(text: string): string[] {
  return checkKpi(text)
    .diagnostics.filter((diagnostic) => diagnostic.code.startsWith('KPI3'))
    .map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`);
}

describe('KPI301 fixes that move a boundary', () => {
  test(
    'a gap between 80% .. 90% and > 95%: the worse band is extended to meet the better ' + 'one',
    () => {
      const text =
        HEADER +
        kpi(
          'unit percent better higher every quarter bands { excellent > 95%  good 80% .. 90%  ' +
            'poor < 80% }',
        );
      const fixes = only(checkKpi(text), 'KPI301').fixes;

      // `> 95%` leaves 95% out, so 'good' takes it in: `80% .. 95%`, both ends included.
      expect(fixes).toEqual([
        {
          title: "Extend 'good' to 95% to close the gap",
          edits: [{ uri: 'test.kpi', range: rangeIn(text, '80% .. 90%', '90%'), newText: '95%' }],
        },
      ]);
      const fixed = applyFix(text, fixes?.[0]);
      expect(fixed).toContain('good 80% .. 95%');
      expect(thresholdCodes(fixed)).toEqual([]);
    },
  );

  test("Appendix 2's task completion (> 95%, < 80%): 'poor' is extended to take in 95%", () => {
    const text =
      HEADER +
      kpi('unit percent better higher every quarter bands { excellent > 95%  poor < 80% }');
    const fix = only(checkKpi(text), 'KPI301').fixes?.[0];

    expect(fix?.title).toBe("Extend 'poor' to 95% to close the gap");
    expect(fix?.edits.map((edit) => edit.newText)).toEqual(['<= 95%']);
    expect(thresholdCodes(applyFix(text, fix))).toEqual([]);
  });

  test("Table 2's > 4.0 and 3.0 .. 4.0 leave a gap below, at the scale's end: no fix", () => {
    // Nothing ends where the gap (1.0 to under 3.0) starts: closing it means a new band or a
    // band reaching down to the scale's end, which is a choice of policy, not a boundary.
    const text =
      HEADER +
      kpi(
        'unit likert5 better higher every quarter bands { excellent > 4.0  good 3.0 .. 4.0 }',
      ).replace('measure x', 'measure survey answers minimum 5 responses');
    const diagnostic = only(checkKpi(text), 'KPI301');

    expect(diagnostic.data).toEqual({ uncovered: ['1.0 to under 3.0'] });
    expect(diagnostic.fixes).toBeUndefined();
  });

  test('a survey mean between > 4.0 and < 3.0 keeps the written decimals', () => {
    const text =
      HEADER +
      kpi('unit likert5 better higher every quarter bands { good > 4.0  poor < 3.0 }').replace(
        'measure x',
        'measure survey answers minimum 5 responses',
      );
    const fix = only(checkKpi(text), 'KPI301').fixes?.[0];

    expect(fix?.title).toBe("Extend 'poor' to 4.0 to close the gap");
    const fixed = applyFix(text, fix);
    expect(fixed).toContain('poor <= 4.0');
    expect(thresholdCodes(fixed)).toEqual([]);
  });

  test('better lower: the band above the gap is worse, and is extended down', () => {
    // On a count, <= 1 and > 2 leave exactly 2; 'poor' now starts right after 1, at 2.
    const text = HEADER + kpi('unit count better lower every quarter bands { good ≤ 1  poor > 2 }');
    const fix = only(checkKpi(text), 'KPI301').fixes?.[0];

    expect(fix).toEqual({
      title: "Extend 'poor' down to 2 to close the gap",
      edits: [{ uri: 'test.kpi', range: rangeIn(text, 'poor > 2', '2'), newText: '1' }],
    });
    expect(thresholdCodes(applyFix(text, fix))).toEqual([]);
  });

  test('when the worse band cannot be written, the other band moves', () => {
    // 'good' would have to start just above 2 and end at 10, which no condition can say
    // (`a .. b` and `from a to under b` include a), so 'excellent' reaches up to 5 instead.
    const text =
      HEADER +
      kpi(
        'unit hours better lower every quarter bands { excellent <= 2  good 5 .. 10  poor > 10 }',
      );
    const fix = only(checkKpi(text), 'KPI301').fixes?.[0];

    expect(fix?.title).toBe("Extend 'excellent' to just under 5 to close the gap");
    const fixed = applyFix(text, fix);
    expect(fixed).toContain('excellent < 5  good 5 .. 10');
    expect(thresholdCodes(fixed)).toEqual([]);
  });

  test("a number without % stays without %, and a half-open band is written 'from ... to under'", () => {
    const half =
      HEADER +
      kpi(
        'unit percent better higher every quarter bands { excellent from 95%  good 80 .. 90  ' +
          'poor under 80% }',
      );
    const halfFix = only(checkKpi(half), 'KPI301').fixes?.[0];
    expect(halfFix?.title).toBe("Extend 'good' to just under 95% to close the gap");
    expect(halfFix?.edits.map((edit) => edit.newText)).toEqual(['from 80 to under 95']);
    expect(thresholdCodes(applyFix(half, halfFix))).toEqual([]);
  });

  test('a comparison that changes is written with ≥ and ≤ when the writer uses them', () => {
    // Better lower: 'good' cannot start just above 10% and keep its high end, so 'excellent'
    // reaches up to 20%; 'poor' is worse than 'good' and comes down to take in 70%.
    const text =
      HEADER +
      kpi(
        'unit percent better lower every quarter bands { excellent ≤ 10%  good from 20% to ' +
          'under 70%  poor > 80% }',
      );
    const fixes = only(checkKpi(text), 'KPI301').fixes ?? [];

    expect(fixes.map((fix) => [fix.title, fix.edits.map((edit) => edit.newText)])).toEqual([
      ["Extend 'excellent' to just under 20% to close the gap", ['< 20%']],
      ["Extend 'poor' down to 70% to close the gap", ['≥ 70%']],
    ]);
    const fixed = applyFix(applyFix(text, fixes[0]), fixes[1]);
    expect(fixed).toContain('excellent < 20%  good from 20% to under 70%  poor ≥ 70%');
    expect(thresholdCodes(fixed)).toEqual([]);
  });

  test('each gap between two bands gets its own fix; one at an end of the domain gets none', () => {
    const text =
      HEADER +
      kpi('unit percent better higher every quarter bands { excellent >= 90%  good 50% .. 80% }');
    const diagnostic = only(checkKpi(text), 'KPI301');

    expect(diagnostic.data).toEqual({
      uncovered: ['0% to under 50%', 'more than 80% and under 90%'],
    });
    expect(diagnostic.fixes?.map((fix) => fix.title)).toEqual([
      "Extend 'good' to just under 90% to close the gap",
    ]);
    const fixed = applyFix(text, diagnostic.fixes?.[0]);
    expect(fixed).toContain('good from 50% to under 90%');
    expect(only(checkKpi(fixed), 'KPI301').data).toEqual({ uncovered: ['0% to under 50%'] });
  });

  test('no fix when neither band can be written to meet the other: hours against days', () => {
    // Without a unit, 1d and 48h are both read as numbers; a fix would have to pick a unit.
    const text =
      `${HEADER}kpi k "K" { kind output measure x source "S" every quarter bands { ` +
      `excellent <= 1d  poor > 48h } }\nposition p "P" { k weight 100% }\n`;
    const diagnostic = only(checkKpi(text), 'KPI301');
    expect(diagnostic.fixes).toBeUndefined();
  });

  test('without a direction, the band whose level earns fewer points is extended', () => {
    const text = HEADER + kpi('unit percent every quarter bands { poor < 80%  excellent > 95% }');
    const fix = only(checkKpi(text), 'KPI301').fixes?.[0];
    expect(fix?.title).toBe("Extend 'poor' to 95% to close the gap");

    const upsideDown =
      HEADER + kpi('unit percent every quarter bands { excellent < 80%  poor >= 95% }');
    const downFix = only(checkKpi(upsideDown), 'KPI301').fixes?.[0];
    expect(downFix?.title).toBe("Extend 'poor' down to 80% to close the gap");
    expect(downFix?.edits.map((edit) => edit.newText)).toEqual(['80%']);
    expect(thresholdCodes(applyFix(upsideDown, downFix))).toEqual([]);
  });

  test("a position's own bands are fixed where they are written", () => {
    const text =
      HEADER +
      'kpi k "K" { kind output measure x source "S" unit percent better higher every quarter ' +
      'bands { good >= 80%  poor < 80% } }\n' +
      'position p "P" { k weight 100% bands { good >= 90%  poor < 70% } }\n';
    const diagnostic = only(checkKpi(text), 'KPI301');

    expect(diagnostic.fixes?.[0]?.edits).toEqual([
      { uri: 'test.kpi', range: rangeIn(text, 'poor < 70%', '70%'), newText: '90%' },
    ]);
    expect(thresholdCodes(applyFix(text, diagnostic.fixes?.[0]))).toEqual([]);
  });
});

describe('KPI302 values in two bands', () => {
  test('B15: >= 95% and 80% .. 95% share exactly 95%, reported at the later band', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target >= 95% every quarter bands { excellent >= 95%  ' +
          'good 80% .. 95%  poor < 80% }',
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
        'unit percent better higher target >= 95% every quarter bands { excellent >= 95%  ' +
          'good from 80% to under 95%  poor < 80% }',
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
        'unit percent better higher target < 50% every quarter bands { excellent < 50%  poor ' +
          '>= 50% }',
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
        'unit percent better lower target < 50% every quarter bands { excellent < 50%  poor ' +
          '>= 50% }',
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
        'unit percent better higher target >= 90% every quarter bands { excellent >= 90%  ' +
          'poor < 120% }',
      );
    const diagnostic = only(checkKpi(text), 'KPI304');

    expect(diagnostic.range).toEqual(rangeOf(text, '120%'));
    expect(diagnostic.message).toBe('120% is outside the range of percent (0% to 100%).');
  });
});

describe('KPI305 the target against the bands', () => {
  test(
    'Appendix 2: target >= 95% with excellent > 95%: exactly 95% meets the target but is ' +
      'unrated',
    () => {
      const text =
        HEADER +
        kpi(
          'unit percent better higher target >= 95% every quarter bands { excellent > 95%  poor ' +
            '< 80% }',
          'task_completion',
        );
      const diagnostic = only(checkKpi(text), 'KPI305');

      expect(diagnostic.severity).toBe('warning');
      expect(diagnostic.range).toEqual(rangeOf(text, '>= 95%'));
      expect(diagnostic.message).toBe(
        "'task_completion': the target >= 95% does not line up with the bands: " +
          'exactly 95% meets the target but no band rates it.',
      );
    },
  );

  test('with good 80% .. 95%, exactly 95% meets the target but is rated good', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target >= 95% every quarter bands { excellent > 95%  good ' +
          '80% .. 95%  poor < 80% }',
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

  test(
    '"no violations" (= 0) against <= 1: exactly 1 misses the target but is rated like ' + '0',
    () => {
      const text =
        HEADER +
        kpi('unit count better lower target = 0 every quarter bands { good <= 1  poor > 1 }');
      expect(only(checkKpi(text), 'KPI305').message).toContain(
        "exactly 1 misses the target but is rated 'good', like values that meet it",
      );
    },
  );
});

describe('KPI306 a fraction on a percent indicator', () => {
  test('0.95 gets "did you mean 95%?" and a fix', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target >= 0.95 every quarter bands { excellent >= 0.95  ' +
          'poor < 0.95 }',
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
        'unit percent better higher target >= 0.9 every quarter bands { excellent >= 90%  ' +
          'poor < 90% }',
      );
    const result = checkKpi(text);

    expect(only(result, 'KPI306').data).toEqual({ suggestion: '90%' });
    expect(withCode(result, 'KPI305')).toEqual([]);
  });

  test('a fractional band boundary the target meant gets KPI306 alone, not KPI305', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target >= 90% every quarter bands { excellent >= 0.9  ' +
          'poor < 0.9 }',
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
        'unit percent better higher target 0.9 .. 0.5 every quarter bands { excellent >= 90%  ' +
          'poor < 90% }',
      );
    const result = checkKpi(text);

    expect(withCode(result, 'KPI306')).toHaveLength(2);
    expect(withCode(result, 'KPI308')).toEqual([]);
  });

  test('95 without % is a percentage and raises nothing', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target >= 95 every quarter bands { excellent >= 95  poor ' +
          '< 95 }',
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
      'kpi k "K" { kind output measure x source "S" unit percent better higher target >= 95% ' +
      'every quarter }\n' +
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
        'unit percent better higher target > 100% every quarter bands { excellent >= 90%  ' +
          'poor < 90% }',
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
        'unit count better lower target from 1.5 to under 2 every quarter bands { good <= 1  ' +
          'poor > 1 }',
      );
    expect(only(checkKpi(text), 'KPI308').message).toContain('whole numbers from 0');
  });
});

describe('KPI309 a band that covers nothing', () => {
  test('ends written in the wrong order', () => {
    const text =
      HEADER +
      kpi(
        'unit percent better higher target >= 95% every quarter bands { excellent >= 95%  ' +
          'good 95% .. 80%  poor < 95% }',
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

  test('a gap between two lines is closed by extending the lower line', () => {
    const text = rating('outstanding "O" from 90  good "G" 70 .. 80  failed "F" under 70');
    const fix = only(checkKpi(text), 'KPI301').fixes?.[0];

    expect(fix).toEqual({
      title: "Extend 'good' to just under 90 to close the gap",
      edits: [
        { uri: 'test.kpi', range: rangeOf(text, '70 .. 80'), newText: 'from 70 to under 90' },
      ],
    });
    expect(thresholdCodes(applyFix(text, fix))).toEqual([]);
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
