/**
 * Weights, in exact decimals: sums (KPI201), fractions (KPI202), single weights (KPI203,
 * KPI204, KPI207), duplicates (KPI205), indicators without a weight (KPI206), positions
 * without any (KPI208), and group indicators taken by a position.
 */
import { describe, expect, test } from 'vitest';
import { toText } from '../../src/util/decimal.js';
import { checkKpi, HEADER, only, rangeIn, withCode } from './helpers.js';

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

  test('KPI206 alone for a position whose one line has no weight, naming the weight it needs', () => {
    const result = checkPosition('position p "P" { a }');
    const diagnostic = only(result, 'KPI206');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeIn(result.text, '{ a }', 'a'));
    expect(diagnostic.message).toBe(
      "'a' has no weight in 'p'; write 'a weight 100%' to make the weights sum to 100%.",
    );
    expect(result.weights.map((found) => found.code)).toEqual(['KPI206']);
  });

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
