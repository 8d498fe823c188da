/**
 * Frequencies against the quarterly cycle: a finer indicator needs an aggregation (KPI401),
 * a coarser one a rule between measurements (KPI402), a clause with nothing to combine has
 * no effect (KPI403), summing percentages or scale points leaves their scale (KPI404), and a
 * framework without a cycle leaves all of this unchecked (KPI405).
 */
import { describe, expect, test } from 'vitest';
import { applyFix, checkKpi, HEADER, only, rangeIn, rangeOf, withCode } from './helpers.js';

function kpi(fields: string, id = 'k'): string {
  return (
    `kpi ${id} "K" { kind output measure x source "S" unit percent better higher target >= 90% ` +
    `bands { excellent >= 90%  poor < 90% } ${fields} }\nposition p "P" { ${id} weight 100% }\n`
  );
}

describe('KPI401 finer than the cycle without an aggregation', () => {
  test('a monthly update measure in a quarterly cycle, at its frequency', () => {
    const text = HEADER + kpi('every month', 'database_updates');
    const diagnostic = only(checkKpi(text), 'KPI401');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeOf(text, 'every month'));
    expect(diagnostic.message).toBe(
      "'database_updates' is measured monthly but rated quarterly: say how the values combine " +
        "(for example 'aggregate mean', or 'aggregate every' when every period must meet).",
    );
  });

  test('every aggregation word satisfies it', () => {
    for (const how of ['mean', 'min', 'max', 'last', 'every']) {
      const result = checkKpi(HEADER + kpi(`every week aggregate ${how}`));
      expect(result.diagnostics.filter((diagnostic) => diagnostic.code.startsWith('KPI4'))).toEqual(
        [],
      );
    }
  });
});

/** The KPI4xx codes of `text`. */
function frequencyCodes(text: string): string[] {
  return checkKpi(text)
    .diagnostics.filter((diagnostic) => diagnostic.code.startsWith('KPI4'))
    .map((diagnostic) => diagnostic.code);
}

describe('KPI401 fixes that add an aggregation', () => {
  const updates =
    'kpi database_updates "U" {\n' +
    '  kind output\n' +
    '  measure updates\n' +
    '  unit count\n' +
    '  better higher\n' +
    '  target >= 1\n' +
    '  bands { good >= 1  poor < 1 }\n' +
    '  every month\n' +
    '  source "S"\n' +
    '}\n' +
    'position p "P" { database_updates weight 100% }\n';

  test("a count gets 'aggregate mean' and 'aggregate sum', each on a line of its own", () => {
    const text = HEADER + updates;
    const fixes = only(checkKpi(text), 'KPI401').fixes ?? [];
    const end = rangeOf(text, '  every month').end;

    expect(fixes).toEqual([
      {
        title: "Add 'aggregate mean'",
        edits: [{ uri: 'test.kpi', range: { start: end, end }, newText: '\n  aggregate mean' }],
      },
      {
        title: "Add 'aggregate sum'",
        edits: [{ uri: 'test.kpi', range: { start: end, end }, newText: '\n  aggregate sum' }],
      },
    ]);
    for (const [fix, how] of [
      [fixes[0], 'mean'],
      [fixes[1], 'sum'],
    ] as const) {
      const fixed = applyFix(text, fix);
      expect(fixed).toContain(`  every month\n  aggregate ${how}\n  source "S"\n`);
      expect(frequencyCodes(fixed)).toEqual([]);
      expect(checkKpi(fixed).diagnostics).toEqual([]);
    }
  });

  test('the new line takes the indentation of the every clause', () => {
    const text = HEADER + updates.replaceAll('\n  ', '\n    ');
    const fix = only(checkKpi(text), 'KPI401').fixes?.[0];
    expect(applyFix(text, fix)).toContain('    every month\n    aggregate mean\n');
  });

  test("a percentage gets 'aggregate mean' only, since a sum of percentages is KPI404", () => {
    const text = HEADER + kpi('every month');
    const fixes = only(checkKpi(text), 'KPI401').fixes ?? [];

    expect(fixes.map((fix) => fix.title)).toEqual(["Add 'aggregate mean'"]);
    // The declaration is on one line, so the clause is added on it, after 'every month'.
    const fixed = applyFix(text, fixes[0]);
    expect(fixed).toContain('every month aggregate mean }');
    expect(frequencyCodes(fixed)).toEqual([]);
  });

  test("a rate gets 'aggregate mean' only, since a sum would be a figure of the quarter", () => {
    const text =
      HEADER +
      'kpi k "K" { kind output measure x source "S" unit count per month better higher ' +
      'target >= 1 bands { good >= 1  poor < 1 } every month }\n' +
      'position p "P" { k weight 100% }\n';
    const fixes = only(checkKpi(text), 'KPI401').fixes ?? [];

    expect(fixes.map((fix) => fix.title)).toEqual(["Add 'aggregate mean'"]);
    expect(frequencyCodes(applyFix(text, fixes[0]))).toEqual([]);
  });

  test('a clause after every on the same line keeps its place after the new one', () => {
    const text =
      HEADER + updates.replace('  every month\n  source "S"', '  every month source "S"');
    const fix = only(checkKpi(text), 'KPI401').fixes?.[0];
    const fixed = applyFix(text, fix);

    expect(fixed).toContain('  every month aggregate mean source "S"\n');
    expect(frequencyCodes(fixed)).toEqual([]);
  });
});

describe('KPI402 coarser than the cycle without a rule between measurements', () => {
  test("Table 2's annual approval rate in a quarterly cycle has no value in 3 quarters of 4", () => {
    const text = HEADER + kpi('every year', 'policy_approval');
    const diagnostic = only(checkKpi(text), 'KPI402');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeOf(text, 'every year'));
    expect(diagnostic.message).toBe(
      "'policy_approval' is measured annually but rated quarterly: it has no value in 3 quarters of 4. " +
        "Say what happens in between ('between measurements carry' or 'between measurements missing').",
    );
    expect(diagnostic.data).toEqual({ share: '3 quarters of 4' });
  });

  test('a half-yearly indicator misses 1 quarter of 2', () => {
    expect(only(checkKpi(HEADER + kpi('every half')), 'KPI402').data).toEqual({
      share: '1 quarter of 2',
    });
  });

  test('between measurements carry satisfies it', () => {
    const result = checkKpi(HEADER + kpi('every annual between measurements carry'));
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code.startsWith('KPI4'))).toEqual(
      [],
    );
  });
});

describe('KPI403 a clause with no effect', () => {
  test('aggregate on an indicator measured once per cycle is a warning at the clause', () => {
    const text = HEADER + kpi('every quarter aggregate mean');
    const diagnostic = only(checkKpi(text), 'KPI403');

    expect(diagnostic.severity).toBe('warning');
    expect(diagnostic.range).toEqual(rangeOf(text, 'aggregate mean'));
    expect(diagnostic.message).toBe("'k': 'aggregate mean' has no effect at this frequency.");
  });

  test('between measurements on a finer indicator, and aggregate on a coarser one', () => {
    const finer = checkKpi(HEADER + kpi('every month aggregate mean between measurements carry'));
    const coarser = checkKpi(HEADER + kpi('every year between measurements carry aggregate max'));

    expect(only(finer, 'KPI403').message).toContain("'between measurements carry'");
    expect(only(coarser, 'KPI403').message).toContain("'aggregate max'");
  });
});

describe('KPI404 summing what has a fixed scale', () => {
  test('aggregate sum on a percent indicator is a warning at the clause', () => {
    const text = HEADER + kpi('every month aggregate sum');
    const diagnostic = only(checkKpi(text), 'KPI404');

    expect(diagnostic.severity).toBe('warning');
    expect(diagnostic.range).toEqual(rangeOf(text, 'aggregate sum'));
    expect(diagnostic.message).toBe(
      "'k': adding up percent values with 'aggregate sum' gives a figure outside its scale.",
    );
  });

  test('aggregate sum on a count is fine, and its domain grows with the periods', () => {
    const text =
      HEADER +
      kpi('every month aggregate sum').replace('unit percent', 'unit count').replace(/90%/g, '90');
    const result = checkKpi(text);

    expect(withCode(result, 'KPI404')).toEqual([]);
    expect(result.model.indicators[0]?.domain).toMatchObject({ integer: true });
  });

  test('aggregate sum on a Likert indicator is a warning too', () => {
    const text =
      HEADER +
      kpi('every month aggregate sum').replace('unit percent', 'unit likert5').replace(/90%/g, '4');
    expect(withCode(checkKpi(text), 'KPI404')).toHaveLength(1);
  });
});

describe('KPI405 a framework without a cycle', () => {
  const levels = HEADER.slice(HEADER.indexOf('\n') + 1);

  test('is a warning at the framework id, saying the frequencies cannot be checked', () => {
    const text = 'framework t "T" { effective 2024-07-01 }\n' + levels + kpi('every month');
    const result = checkKpi(text);
    const diagnostic = only(result, 'KPI405');

    expect(diagnostic.severity).toBe('warning');
    expect(diagnostic.range).toEqual(rangeIn(text, 'framework t ', 't'));
    expect(diagnostic.message).toContain('does not say how often people are rated');
    expect(diagnostic.message).toContain("'cycle quarterly'");
    expect(diagnostic.message).toContain('frequencies cannot be checked');
    // The monthly indicator without an aggregation is not reported: there is no cycle to compare.
    expect(withCode(result, 'KPI401')).toEqual([]);
  });

  test('an empty header gets it too, and a header with a cycle does not', () => {
    const bare = 'framework t "T" {}\n' + levels + kpi('every quarter');
    expect(only(checkKpi(bare), 'KPI405').range).toEqual(rangeIn(bare, 'framework t ', 't'));
    expect(withCode(checkKpi(HEADER + kpi('every quarter')), 'KPI405')).toEqual([]);
  });

  test('a misspelt cycle is KPI102 alone, not also a missing cycle', () => {
    const text = 'framework t "T" { cycle quartely }\n' + levels + kpi('every quarter');
    const result = checkKpi(text);

    expect(only(result, 'KPI102').range).toEqual(rangeOf(text, 'quartely'));
    expect(withCode(result, 'KPI405')).toEqual([]);
  });
});
