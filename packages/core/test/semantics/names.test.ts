/**
 * Names: the framework header (KPI010, KPI011), undefined references with a "did you mean"
 * (KPI101), misspelt enumerated words (KPI102), duplicates (KPI103) and unused indicators
 * (KPI104).
 */
import { describe, expect, test } from 'vitest';
import { checkKpi, checkKpiFiles, HEADER, only, rangeIn, rangeOf, withCode } from './helpers.js';

const COMPLETE =
  'kpi a "A" { kind output measure x / y unit percent better higher target >= 90%\n' +
  '  bands { excellent >= 90%  poor < 90% } every quarter source "S" }\n' +
  'position p "P" { a weight 100% }\n';

describe('the framework header', () => {
  test('a framework with no header gets KPI010 at the start of the first file', () => {
    const result = checkKpi(COMPLETE);
    const diagnostic = only(result, 'KPI010');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual({
      start: { line: 0, character: 0 },
      end: { line: 0, character: 0 },
    });
  });

  test('a second header in another file gets KPI011 at its id, pointing at the first', () => {
    const second = 'framework other "O" { cycle quarterly }\n';
    const result = checkKpiFiles({ 'a.kpi': HEADER + COMPLETE, 'b.kpi': second });
    const diagnostic = only(result, 'KPI011');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.uri).toBe('b.kpi');
    expect(diagnostic.range).toEqual(rangeOf(second, 'other'));
    expect(diagnostic.message).toContain("'t' is already declared");
    expect(diagnostic.related?.[0]?.uri).toBe('a.kpi');
  });

  test('a complete framework has no name diagnostics', () => {
    const result = checkKpi(HEADER + COMPLETE);
    expect(result.syntax).toEqual([]);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code.startsWith('KPI1'))).toEqual(
      [],
    );
    expect(withCode(result, 'KPI010')).toEqual([]);
  });
});

describe('KPI101 undefined names', () => {
  test('a misspelt indicator in a position gets a did-you-mean, its data and a fix', () => {
    const text =
      HEADER +
      COMPLETE.replace('a weight 100%', 'task_complet weight 100%').replace(
        'kpi a "A"',
        'kpi task_completion "A"',
      );
    const result = checkKpi(text);
    const diagnostic = only(result, 'KPI101');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeIn(text, 'task_complet weight', 'task_complet'));
    expect(diagnostic.message).toBe(
      "There is no indicator 'task_complet'. Did you mean 'task_completion'?",
    );
    expect(diagnostic.data).toEqual({ suggestion: 'task_completion' });
    expect(diagnostic.fixes?.[0]?.edits).toEqual([
      { uri: 'test.kpi', range: diagnostic.range, newText: 'task_completion' },
    ]);
  });

  test('a band naming an undeclared level gets KPI101 at the level name', () => {
    const text = HEADER + COMPLETE.replace('excellent >= 90%', 'excelent >= 90%');
    const diagnostic = only(checkKpi(text), 'KPI101');

    expect(diagnostic.range).toEqual(rangeOf(text, 'excelent'));
    expect(diagnostic.message).toBe("There is no level 'excelent'. Did you mean 'excellent'?");
  });

  test('a name nothing resembles gets no suggestion and no fix', () => {
    const text = HEADER + COMPLETE + 'group g "G" { zzz }\n';
    const diagnostic = only(checkKpi(text), 'KPI101');

    expect(diagnostic.message).toBe("There is no indicator 'zzz'.");
    expect(diagnostic.fixes).toBeUndefined();
    expect(diagnostic.data).toEqual({});
  });

  test('an undefined group, goal and context position are each reported', () => {
    const text =
      HEADER +
      COMPLETE.replace('position p "P"', 'position p "P" in managment').replace(
        'source "S"',
        'source "S" goal growht',
      ) +
      'group management "M" { a }\ngoal growth "G"\ncontext c "C" { position q { a weight 100% } }\n';
    const messages = withCode(checkKpi(text), 'KPI101').map((diagnostic) => diagnostic.message);

    expect(messages).toEqual([
      "There is no goal 'growht'. Did you mean 'growth'?",
      "There is no group 'managment'. Did you mean 'management'?",
      "There is no position 'q'. Did you mean 'p'?",
    ]);
  });
});

describe('KPI102 enumerated words', () => {
  test.each([
    ['kind output', 'kind outptu', 'outptu', 'output'],
    ['better higher', 'better hihger', 'hihger', 'higher'],
    ['every quarter', 'every quartely', 'quartely', 'quarter'],
    ['unit percent', 'unit percnt', 'percnt', 'percent'],
  ])(
    '%s misspelt as %s suggests the right word with a fix',
    (written, misspelt, word, suggestion) => {
      const text = HEADER + COMPLETE.replace(written, misspelt);
      const diagnostic = only(checkKpi(text), 'KPI102');

      expect(diagnostic.severity).toBe('error');
      expect(diagnostic.range).toEqual(rangeOf(text, word));
      expect(diagnostic.data).toEqual({ suggestion });
      expect(diagnostic.fixes?.[0]?.edits[0]?.newText).toBe(suggestion);
    },
  );

  test('the cycle accepts nouns and adverbs alike, and names the adverbs when wrong', () => {
    for (const cycle of [
      'quarter',
      'quarterly',
      'half',
      'semiannual',
      'annual',
      'yearly',
      'weekly',
    ]) {
      const text = HEADER.replace('cycle quarterly', `cycle ${cycle}`) + COMPLETE;
      expect(withCode(checkKpi(text), 'KPI102')).toEqual([]);
    }

    const text = HEADER.replace('cycle quarterly', 'cycle fortnightly') + COMPLETE;
    const diagnostic = only(checkKpi(text), 'KPI102');
    expect(diagnostic.message).toBe(
      "'fortnightly' is not a period. Use one of: weekly, monthly, quarterly, semiannual, annual.",
    );
  });

  test('every and per accept adverbs too, and name the nouns when wrong', () => {
    for (const period of ['quarter', 'quarterly', 'annual']) {
      const text = HEADER + COMPLETE.replace('every quarter', `every ${period}`);
      expect(withCode(checkKpi(text), 'KPI102'), period).toEqual([]);
    }

    const text = HEADER + COMPLETE.replace('every quarter', 'every fortnight');
    expect(only(checkKpi(text), 'KPI102').message).toBe(
      "'fortnight' is not a period. Use one of: week, month, quarter, half, year.",
    );
  });

  test.each([
    ['every quarter', 'every quartely', 'quarter'],
    ['every quarter', 'every anual', 'year'],
    ['unit percent', 'unit count per mnth', 'month'],
    ['unit percent', 'unit count per quartr', 'quarter'],
  ])('%s written as %s suggests the noun %s', (written, misspelt, suggestion) => {
    const text = HEADER + COMPLETE.replace(written, misspelt);
    const diagnostic = only(checkKpi(text), 'KPI102');

    expect(diagnostic.message).toContain(`Did you mean '${suggestion}'?`);
    expect(diagnostic.fixes?.[0]?.edits[0]?.newText).toBe(suggestion);
  });

  test.each([
    ['cycle quartely', 'quarterly'],
    ['cycle quartr', 'quarterly'],
    ['cycle mnth', 'monthly'],
    ['cycle yaer', 'annual'],
  ])('the cycle written as %s suggests the adverb %s', (misspelt, suggestion) => {
    const text = HEADER.replace('cycle quarterly', misspelt) + COMPLETE;
    const diagnostic = only(checkKpi(text), 'KPI102');

    expect(diagnostic.data).toEqual({ suggestion });
    expect(diagnostic.fixes?.[0]?.edits[0]?.newText).toBe(suggestion);
  });

  test('aggregation, between-measurements and missing-data words are checked', () => {
    const text =
      HEADER.replace('cycle quarterly', 'cycle quarterly missing data exclud') +
      COMPLETE.replace('every quarter', 'every month aggregate maen missing data lowst');
    const words = withCode(checkKpi(text), 'KPI102').map(
      (diagnostic) => diagnostic.data?.suggestion,
    );

    expect(words).toEqual(['exclude', 'mean', 'lowest']);
  });

  test('a declared scale is a unit, and misspellings of it are suggested', () => {
    const scale = 'scale agree7 "Agreement" from 1 to 7\n';
    const good =
      HEADER + scale + COMPLETE.replace('unit percent', 'unit agree7').replace(/90%/g, '5');
    expect(withCode(checkKpi(good), 'KPI102')).toEqual([]);

    const bad = HEADER + scale + COMPLETE.replace('unit percent', 'unit agre7');
    expect(only(checkKpi(bad), 'KPI102').data).toEqual({ suggestion: 'agree7' });
  });
});

describe('KPI103 duplicates', () => {
  test('a second indicator with the same id is reported at its id, pointing at the first', () => {
    const text = HEADER + COMPLETE + 'kpi a "Again" { kind output }\n';
    const diagnostic = only(checkKpi(text), 'KPI103');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeIn(text, 'kpi a "Again"', 'a'));
    expect(diagnostic.message).toBe("The indicator 'a' is declared twice.");
    expect(diagnostic.related?.[0]?.range).toEqual(rangeIn(text, 'kpi a "A"', 'a'));
  });

  test('duplicate levels, goals and positions are reported; the first one stays in the model', () => {
    const text =
      HEADER +
      'levels { good "Again" points 70 }\ngoal g "G"\ngoal g "G2"\n' +
      COMPLETE +
      'position p "Second" { a weight 100% }\n';
    const result = checkKpi(text);
    const messages = withCode(result, 'KPI103').map((diagnostic) => diagnostic.message);

    expect(messages).toEqual([
      "The level 'good' is declared twice.",
      "The goal 'g' is declared twice.",
      "The position 'p' is declared twice.",
    ]);
    expect(result.model.levels.find((level) => level.id === 'good')?.label.en).toBe('Good');
    expect(result.model.positions.map((position) => position.label.en)).toEqual(['P']);
  });
});

describe('KPI104 unused indicators', () => {
  test('an indicator in no group and no position is a warning at its id', () => {
    const text = HEADER + COMPLETE + 'kpi lonely "L" { kind output }\n';
    const diagnostic = only(checkKpi(text), 'KPI104');

    expect(diagnostic.severity).toBe('warning');
    expect(diagnostic.range).toEqual(rangeOf(text, 'lonely'));
    expect(diagnostic.message).toBe("Indicator 'lonely' is not used by any group or position.");
  });

  test('an indicator a misspelt reference in a position suggests is meant, so not unused', () => {
    const text =
      HEADER +
      COMPLETE.replace('kpi a "A"', 'kpi budget_disbursement "A"').replace(
        'a weight 100%',
        'budget_disbursment weight 100%',
      );
    const result = checkKpi(text);

    expect(only(result, 'KPI101').data).toEqual({ suggestion: 'budget_disbursement' });
    expect(withCode(result, 'KPI104')).toEqual([]);
  });

  test('a misspelt group member that suggests an indicator keeps it from being unused', () => {
    const text = HEADER + COMPLETE + 'kpi listed "L" { kind output }\ngroup g "G" { lsted }\n';
    const result = checkKpi(text);

    expect(only(result, 'KPI101').data).toEqual({ suggestion: 'listed' });
    expect(withCode(result, 'KPI104')).toEqual([]);
  });

  test('a misspelt name that suggests nothing leaves an unused indicator reported', () => {
    const text = HEADER + COMPLETE + 'kpi lonely "L" { kind output }\ngroup g "G" { zzz }\n';
    expect(only(checkKpi(text), 'KPI104').message).toContain("'lonely'");
  });

  test('an indicator listed by a group only is used', () => {
    const text = HEADER + COMPLETE + 'kpi listed "L" { kind output }\ngroup g "G" { listed }\n';
    expect(withCode(checkKpi(text), 'KPI104')).toEqual([]);
  });
});
