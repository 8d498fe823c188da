/**
 * Weights, in exact decimals: sums (KPI201), fractions (KPI202), single weights (KPI203,
 * KPI204, KPI207), duplicates (KPI205), indicators without a weight (KPI206), positions
 * without any (KPI208), and group indicators taken by a position.
 */
import { describe, expect, test } from 'vitest';
import { toText } from '../../src/util/decimal.js';
import { applyFix, checkKpi, codesOf, HEADER, only, rangeIn, withCode } from './helpers.js';

/** Complete, rateable indicators a, b and c. */
const KPIS = ['a', 'b', 'c']
  .map(
    (id) =>
      `kpi ${id} "${id}" { kind output measure x / y unit percent better higher target >= 50% ` +
      `bands { good >= 50%  poor < 50% } every quarter source "S" }`,
  )
  .join('\n');

function checkPosition(position: string) {
  const text = `${HEADER}${KPIS}\n${position}\n`;
  const result = checkKpi(text);
  return {
    ...result,
    weights: result.diagnostics.filter((diagnostic) => diagnostic.code.startsWith('KPI2')),
  };
}

describe('KPI201 weights that do not make 100%', () => {
  test("Table 2's 25% + 30% + 20% sum to 75%", () => {
    const result = checkPosition(
      'position officer "Officer" { a weight 25%  b weight 30%  c weight 20% }',
    );
    const diagnostic = only(result, 'KPI201');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeIn(result.text, 'position officer', 'officer'));
    expect(diagnostic.message).toBe("The weights of 'officer' sum to 75%, not 100%.");
    expect(diagnostic.data).toEqual({ sum: '75' });
  });

  test('33.3% + 33.3% + 33.4% is exactly 100%', () => {
    expect(
      checkPosition('position p "P" { a weight 33.3%  b weight 33.3%  c weight 33.4% }').weights,
    ).toEqual([]);
  });

  test('33.3% + 33.5% + 33.6% is 100.4%, not rounded away', () => {
    const result = checkPosition(
      'position q "Q" { a weight 33.3%  b weight 33.5%  c weight 33.6% }',
    );
    expect(result.weights.map((diagnostic) => diagnostic.message)).toEqual([
      "The weights of 'q' sum to 100.4%, not 100%.",
    ]);
  });

  test('a weight without % is a percentage', () => {
    expect(
      checkPosition('position p "P" { a weight 50  b weight 30%  c weight 20 }').weights,
    ).toEqual([]);
  });

  test('0.1 + 0.2 is exactly 0.3 in a sum', () => {
    const result = checkPosition('position p "P" { a weight 0.1%  b weight 0.2%  c weight 99.7% }');
    expect(result.weights).toEqual([]);
    expect(toText(result.model.positions[0]!.total)).toBe('100');
  });
});

/** Checks `position`, applies the one fix of its KPI201, and checks the result again. */
function rebalanced(position: string) {
  const before = checkPosition(position);
  const fix = only(before, 'KPI201').fixes?.[0];
  const text = applyFix(before.text, fix);
  return { fix, before, text, after: checkPosition(text.slice(`${HEADER}${KPIS}\n`.length)) };
}

describe('KPI201 rebalancing fix', () => {
  test(
    '25% + 25% + 25% become 34% + 33% + 33%: the one unit left goes to the first of ' + 'equals',
    () => {
      // 100 × 25 / 75 is 33 remainder 25, for each weight alike. The floors make 99, so one
      // unit is left; the remainders tie, and the first written gets it.
      const { fix, before, text, after } = rebalanced(
        'position p "P" { a weight 25%  b weight 25%  c weight 25% }',
      );

      expect(fix?.title).toBe("Rebalance the weights of 'p' to 100% (34%, 33%, 33%)");
      expect(fix?.edits).toEqual([
        { uri: 'test.kpi', range: rangeIn(before.text, 'a weight 25%', '25%'), newText: '34%' },
        { uri: 'test.kpi', range: rangeIn(before.text, 'b weight 25%', '25%'), newText: '33%' },
        { uri: 'test.kpi', range: rangeIn(before.text, 'c weight 25%', '25%'), newText: '33%' },
      ]);
      expect(text).toContain('{ a weight 34%  b weight 33%  c weight 33% }');
      expect(after.weights).toEqual([]);
    },
  );

  test("Table 2's 25% + 30% + 20% become 33% + 40% + 27%: the largest remainder wins", () => {
    // Of 100 × w / 75: 33 remainder 25, 40 remainder 0, 26 remainder 50. One unit is left,
    // and c's remainder (50) is the largest.
    const { fix, after } = rebalanced(
      'position p "P" { a weight 25%  b weight 30%  c weight 20% }',
    );
    expect(fix?.title).toBe("Rebalance the weights of 'p' to 100% (33%, 40%, 27%)");
    expect(fix?.edits.map((edit) => edit.newText)).toEqual(['33%', '40%', '27%']);
    expect(after.weights).toEqual([]);
  });

  test('12.5% + 12.5% + 50% are rebalanced to one decimal, as they are written', () => {
    // In tenths: 1000 × 125 / 750 is 166 remainder 500, twice, and 1000 × 500 / 750 is 666
    // remainder 500. Two tenths are left; the remainders tie, so a and b get them.
    const { fix, text, after } = rebalanced(
      'position p "P" { a weight 12.5%  b weight 12.5%  c weight 50% }',
    );
    expect(fix?.title).toBe("Rebalance the weights of 'p' to 100% (16.7%, 16.7%, 66.6%)");
    expect(text).toContain('{ a weight 16.7%  b weight 16.7%  c weight 66.6% }');
    expect(after.weights).toEqual([]);
  });

  test('a sum over 100% is scaled down: 50% + 40% + 30% become 42% + 33% + 25%', () => {
    // 100 × w / 120: 41 remainder 80, 33 remainder 40, 25 remainder 0; a gets the unit left.
    const { fix, after } = rebalanced(
      'position p "P" { a weight 50%  b weight 40%  c weight 30% }',
    );
    expect(fix?.title).toBe("Rebalance the weights of 'p' to 100% (42%, 33%, 25%)");
    expect(fix?.edits.map((edit) => edit.newText)).toEqual(['42%', '33%', '25%']);
    expect(after.weights).toEqual([]);
  });

  test('ties are broken by the order written: seven weights of 10 become 15, 15, then 14s', () => {
    // 100 × 10 / 70 is 14 remainder 20 for each; the floors make 98, so the first two of the
    // seven equal remainders get the two units left.
    const weights = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const kpis = weights
      .map(
        (id) =>
          `kpi ${id} "${id}" { kind output measure x / y unit percent better higher ` +
          `target >= 50% bands { good >= 50%  poor < 50% } every quarter source "S" }`,
      )
      .join('\n');
    const text = `${HEADER}${kpis}\nposition p "P" { ${weights.map((id) => `${id} weight 10%`).join('  ')} }\n`;
    const fix = only(checkKpi(text), 'KPI201').fixes?.[0];

    expect(fix?.title).toBe(
      "Rebalance the weights of 'p' to 100% (15%, 15%, 14%, 14%, 14%, 14%, 14%)",
    );
    expect(codesOf(checkKpi(applyFix(text, fix)))).toEqual([]);
  });

  test('a weight written without % is rewritten without %, and one written with % keeps it', () => {
    const { fix, text, after } = rebalanced(
      'position p "P" { a weight 25  b weight 25%  c weight 25 }',
    );
    expect(fix?.title).toBe("Rebalance the weights of 'p' to 100% (34%, 33%, 33%)");
    expect(text).toContain('{ a weight 34  b weight 33%  c weight 33 }');
    expect(after.weights).toEqual([]);
  });

  test('a whole result keeps the decimals its weight was written with', () => {
    // 100 × 20 / 40 is exactly 50: written 20.0, it stays at one decimal, 50.0.
    const { fix, after } = rebalanced('position p "P" { a weight 20.0%  b weight 20% }');
    expect(fix?.edits.map((edit) => edit.newText)).toEqual(['50.0%', '50%']);
    expect(after.weights).toEqual([]);
  });

  test('no fix when a weight would be rounded to 0%', () => {
    // 100 × 1 / 199 is 0 remainder 100; 100 × 99 / 199 is 49 remainder 149, twice. The two
    // units left go to the 49s, and a would be left with 0%.
    const result = checkPosition('position p "P" { a weight 1%  b weight 99%  c weight 99% }');
    expect(only(result, 'KPI201').fixes).toBeUndefined();
  });

  test('no fix when a weight is not positive: KPI203 comes first', () => {
    const result = checkPosition('position p "P" { a weight 0%  b weight 30%  c weight 40% }');
    expect(only(result, 'KPI203')).toBeDefined();
    expect(only(result, 'KPI201').fixes).toBeUndefined();
  });

  test('no fix when a weight is in hours: KPI207 and its own fix come first', () => {
    const result = checkPosition('position p "P" { a weight 30h  b weight 30%  c weight 30% }');
    expect(only(result, 'KPI207').fixes).toHaveLength(1);
    expect(only(result, 'KPI201').fixes).toBeUndefined();
  });

  test('fractions of 1 keep the fix of KPI202, and get no KPI201', () => {
    const result = checkPosition('position r "R" { a weight 0.25  b weight 0.25  c weight 0.5 }');
    expect(withCode(result, 'KPI201')).toEqual([]);
    expect(only(result, 'KPI202').fixes?.map((fix) => fix.title)).toEqual([
      'Write the weights as percentages',
    ]);
  });

  test("in a context that rewrites every weight, the fix rewrites the context's weights", () => {
    const text =
      `${HEADER}${KPIS}\nposition p "P" { a weight 60%  b weight 40% }\n` +
      'context x "X" { position p { a weight 30%  b weight 30% } }\n';
    const fix = only(checkKpi(text), 'KPI201').fixes?.[0];

    expect(fix?.title).toBe("Rebalance the weights of 'p' in context 'x' to 100% (50%, 50%)");
    expect(fix?.edits.map((edit) => edit.range)).toEqual([
      rangeIn(text, 'a weight 30%', '30%'),
      rangeIn(text, 'b weight 30%', '30%'),
    ]);
    // Only the warning that indicator c is used nowhere is left.
    expect(codesOf(checkKpi(applyFix(text, fix)))).toEqual(['KPI104']);
  });

  test('no fix in a context whose weights come partly from the base position', () => {
    const text =
      `${HEADER}${KPIS}\nposition p "P" { a weight 50%  b weight 50% }\n` +
      'context x "X" { position p { a weight 30% } }\n';
    const diagnostic = only(checkKpi(text), 'KPI201');

    expect(diagnostic.message).toBe("The weights of 'p' in context 'x' sum to 80%, not 100%.");
    expect(diagnostic.fixes).toBeUndefined();
  });
});

describe('KPI202 weights written as fractions', () => {
  test('0.1, 0.2 and 0.7 suggest 10%, 20%, 70% with a fix that rewrites each', () => {
    const result = checkPosition('position r "R" { a weight 0.1  b weight 0.2  c weight 0.7 }');
    const diagnostic = only(result, 'KPI202');

    expect(result.weights).toHaveLength(1);
    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.message).toBe(
      "The weights of 'r' look like fractions (they sum to 1). Did you mean 10%, 20%, 70%?",
    );
    expect(diagnostic.fixes?.[0]?.edits).toEqual([
      { uri: 'test.kpi', range: rangeIn(result.text, 'weight 0.1', '0.1'), newText: '10%' },
      { uri: 'test.kpi', range: rangeIn(result.text, 'weight 0.2', '0.2'), newText: '20%' },
      { uri: 'test.kpi', range: rangeIn(result.text, 'weight 0.7', '0.7'), newText: '70%' },
    ]);
  });

  test('fractions that do not sum to 1 are a wrong sum, not fractions', () => {
    const result = checkPosition('position r "R" { a weight 0.1  b weight 0.2  c weight 0.6 }');
    expect(result.weights.map((diagnostic) => diagnostic.code)).toEqual(['KPI201']);
    expect(result.weights[0]?.message).toContain('0.9%');
  });
});

describe('single weights', () => {
  test('KPI203: a weight of zero is an error at the weight', () => {
    const result = checkPosition('position p "P" { a weight 0%  b weight 60%  c weight 40% }');
    const diagnostic = only(result, 'KPI203');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeIn(result.text, 'weight 0%', '0%'));
    expect(diagnostic.message).toBe(
      "'a' has a weight of 0%, so it would count for nothing. " +
        'Give it a positive weight, or remove it from the position.',
    );
  });

  test('KPI203: a negative weight says it is below zero, at the weight with its sign', () => {
    const result = checkPosition('position p "P" { a weight -5%  b weight 65%  c weight 40% }');
    const diagnostic = only(result, 'KPI203');

    expect(result.syntax).toEqual([]);
    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeIn(result.text, 'weight -5%', '-5%'));
    expect(diagnostic.message).toBe(
      "'a' has a negative weight, -5%: a weight is a share of the whole and cannot be below " +
        'zero. Give it a positive weight, or remove it from the position.',
    );
    // -5% + 65% + 40% is 100%: the sum counts what was written, so nothing else is reported.
    expect(result.weights.map((found) => found.code)).toEqual(['KPI203']);
  });

  test('KPI203: a negative weight in a context names the context weight, not the base one', () => {
    const text =
      `${HEADER}${KPIS}\nposition p "P" { a weight 60%  b weight 40% }\n` +
      'context x "X" { position p { a weight -60% } }\n';
    const diagnostic = only(checkKpi(text), 'KPI203');

    expect(diagnostic.range).toEqual(rangeIn(text, 'a weight -60%', '-60%'));
    expect(diagnostic.message).toContain("'a' has a negative weight, -60%");
  });

  test('KPI204: a weight over 100% is an error at the weight', () => {
    const result = checkPosition('position p "P" { a weight 120% }');
    const diagnostic = only(result, 'KPI204');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeIn(result.text, 'weight 120%', '120%'));
    expect(diagnostic.message).toBe("'a' has a weight of 120%, more than the whole 100%.");
  });

  test('KPI207: a weight in hours is an error with a fix to a percentage', () => {
    const result = checkPosition('position p "P" { a weight 30h  b weight 30%  c weight 40% }');
    const diagnostic = only(result, 'KPI207');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeIn(result.text, 'weight 30h', '30h'));
    expect(diagnostic.message).toBe("A weight is a percentage; '30h' is not.");
    expect(diagnostic.fixes?.[0]?.edits[0]?.newText).toBe('30%');
    expect(withCode(result, 'KPI201')).toEqual([]);
  });
});

describe('indicators of a position', () => {
  test('KPI205: an indicator listed twice is reported at the repeat and counted once', () => {
    const result = checkPosition('position p "P" { a weight 50%  b weight 50%  a weight 50% }');
    const diagnostic = only(result, 'KPI205');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeIn(result.text, 'a weight 50% }', 'a'));
    expect(diagnostic.message).toBe("'a' appears twice in 'p'; its weight would count twice.");
    expect(withCode(result, 'KPI201')).toEqual([]);
    expect(result.model.positions[0]?.indicators.map((weighted) => weighted.indicator)).toEqual([
      'a',
      'b',
    ]);
  });

  test('KPI205: a repeat is the one error; the sum is not checked until it is resolved', () => {
    // Deleting the repeat would leave 66.6%, renaming it 100%: no sum would be right to print.
    const result = checkPosition(
      'position p "P" { a weight 33.3%  b weight 33.3%  a weight 33.4% }',
    );
    const diagnostic = only(result, 'KPI205');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeIn(result.text, 'a weight 33.4%', 'a'));
    expect(diagnostic.message).toContain("'a' appears twice in 'p'");
    expect(result.weights.map((found) => found.code)).toEqual(['KPI205']);
  });

  test('KPI205 leaves the other checks of each weight in place', () => {
    const result = checkPosition('position p "P" { a weight 0.5  b weight 0%  a weight 0.5 }');
    expect(result.weights.map((found) => found.code)).toEqual(['KPI203', 'KPI205']);
  });

  test('KPI206: a group indicator the position does not weight is reported at the position', () => {
    const result = checkPosition(
      'group g "G" { a, b, c }\nposition p "P" in g { a weight 60%  b weight 40% }',
    );
    const diagnostic = only(result, 'KPI206');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeIn(result.text, 'p "P" in g', 'p'));
    expect(diagnostic.message).toBe("'p' takes 'c' from group 'g' but gives it no weight.");
  });

  test('KPI206: a listed indicator without a weight is reported at its line', () => {
    const result = checkPosition('position p "P" { a weight 100%  b }');
    const diagnostic = only(result, 'KPI206');

    expect(diagnostic.range).toEqual(rangeIn(result.text, 'b }', 'b'));
    expect(diagnostic.message).toBe(
      "'b' has no weight in 'p'; write it after the name, as in 'b weight 30%'.",
    );
    expect(result.model.positions[0]?.indicators.map((weighted) => weighted.indicator)).toEqual([
      'a',
    ]);
  });

  test(
    'KPI206 alone for a position whose one line has no weight, naming the weight it ' + 'needs',
    () => {
      const result = checkPosition('position p "P" { a }');
      const diagnostic = only(result, 'KPI206');

      expect(diagnostic.severity).toBe('error');
      expect(diagnostic.range).toEqual(rangeIn(result.text, '{ a }', 'a'));
      expect(diagnostic.message).toBe(
        "'a' has no weight in 'p'; write 'a weight 100%' to make the weights sum to 100%.",
      );
      expect(result.weights.map((found) => found.code)).toEqual(['KPI206']);
    },
  );

  test('KPI206 alone when a missing weight is what keeps the sum from 100%', () => {
    const result = checkPosition('position p "P" { a weight 70%  b }');

    expect(result.weights.map((found) => found.code)).toEqual(['KPI206']);
    expect(only(result, 'KPI206').message).toBe(
      "'b' has no weight in 'p'; write 'b weight 30%' to make the weights sum to 100%.",
    );
  });

  test('KPI206 for each of several lines without a weight, with no weight to guess', () => {
    const result = checkPosition('position p "P" { a weight 40%  b  c }');

    expect(result.weights.map((found) => found.code)).toEqual(['KPI206', 'KPI206']);
    expect(result.weights[1]?.message).toBe(
      "'c' has no weight in 'p'; write it after the name, as in 'c weight 30%'.",
    );
  });

  test('KPI206 for a group indicator left out, not also a wrong sum or nothing weighted', () => {
    const partly = checkPosition('group g "G" { a, b }\nposition p "P" in g { a weight 60% }');
    const empty = checkPosition('group g "G" { a, b }\nposition p "P" in g { }');

    expect(partly.weights.map((found) => found.code)).toEqual(['KPI206']);
    expect(empty.weights.map((found) => found.code)).toEqual(['KPI206', 'KPI206']);
  });

  test('KPI208: a position with nothing weighted is an error at its name', () => {
    const result = checkPosition('position empty "E" { }');
    const diagnostic = only(result, 'KPI208');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeIn(result.text, 'position empty', 'empty'));
    expect(diagnostic.message).toBe("'empty' has no weighted indicators.");
  });

  test('a position takes its group indicators and weights them; none is dropped or zero', () => {
    const result = checkPosition(
      'group g "G" { a, b }\nposition p "P" in g { a weight 50%  b weight 30%  c weight 20% }',
    );
    const position = result.model.positions[0]!;

    expect(result.weights).toEqual([]);
    expect(position.group).toBe('g');
    expect(
      position.indicators.map((weighted) => [
        weighted.indicator,
        toText(weighted.weight),
        weighted.fromGroup,
      ]),
    ).toEqual([
      ['a', '50', true],
      ['b', '30', true],
      ['c', '20', false],
    ]);
    expect(toText(position.total)).toBe('100');
  });
});
