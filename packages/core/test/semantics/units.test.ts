/**
 * Units: a value in the wrong unit (KPI501), a unit written as text (KPI502), what can be
 * known of units inside a measurement formula (KPI503, and KPI102 for an unknown function),
 * and a survey's unit, which must be a scale (KPI503).
 */
import { describe, expect, test } from 'vitest';
import { applyFix, checkKpi, HEADER, only, rangeOf, withCode } from './helpers.js';

function kpi(fields: string): string {
  return (
    `kpi k "K" { kind output source "S" better higher every quarter ${fields} ` +
    `}\nposition p "P" { k weight 100% }\n`
  );
}

describe('KPI501 a value in the wrong unit', () => {
  test('a threshold in hours on a percent indicator', () => {
    const text =
      HEADER + kpi('measure x unit percent target >= 90% bands { excellent >= 90%  poor < 48h }');
    const diagnostic = only(checkKpi(text), 'KPI501');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeOf(text, '48h'));
    expect(diagnostic.message).toBe('48h is not a value in percent.');
  });

  test('a percentage on a count, and days on an hours indicator', () => {
    const count =
      HEADER + kpi('measure x unit count target >= 5% bands { excellent >= 5  poor < 5 }');
    const hours =
      HEADER + kpi('measure x unit hours target <= 2d bands { excellent <= 48h  poor > 48h }');

    expect(only(checkKpi(count), 'KPI501').message).toBe('5% is not a value in counts.');
    expect(only(checkKpi(hours), 'KPI501').message).toBe('2d is not a value in hours.');
  });
});

describe('KPI502 a unit written as text', () => {
  test('"Hours/Days" is ambiguous, at the quoted text', () => {
    const text = HEADER + kpi('measure x unit "Hours/Days"');
    const diagnostic = only(checkKpi(text), 'KPI502');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeOf(text, '"Hours/Days"'));
    expect(diagnostic.message).toBe(
      "The unit \"Hours/Days\" is ambiguous: choose one unit ('hours' or 'days').",
    );
    expect(diagnostic.fixes).toBeUndefined();
  });

  test('a quoted text naming one unit gets a fix that writes its name', () => {
    const text = HEADER + kpi('measure x unit "%"');
    const diagnostic = only(checkKpi(text), 'KPI502');

    expect(diagnostic.message).toBe(
      'The unit "%" is written as text: write the unit name \'percent\'.',
    );
    expect(diagnostic.fixes?.[0]?.edits[0]?.newText).toBe('percent');
  });
});

describe('KPI503 units in a formula', () => {
  test('adding a plain number to a percentage', () => {
    const text = HEADER + kpi('measure a + 5% + 2 unit percent');
    const diagnostic = only(checkKpi(text), 'KPI503');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeOf(text, 'a + 5% + 2'));
    expect(diagnostic.message).toBe(
      'This formula adds a percentage and a plain number, which are in different units.',
    );
  });

  test('a function comparing hours and days', () => {
    const text = HEADER + kpi('measure min(a, 2h, 1d) unit hours');
    expect(only(checkKpi(text), 'KPI503').message).toBe(
      "'min' compares hours and days, which are in different units.",
    );
  });

  test('a formula adding a percentage to an hours indicator, at the formula', () => {
    const text = HEADER + kpi('measure done + 5% unit hours');
    const diagnostic = only(checkKpi(text), 'KPI503');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeOf(text, 'done + 5%'));
    expect(diagnostic.message).toBe(
      "The formula adds a percentage, but the indicator's unit is hours.",
    );
  });

  test('the verb follows the formula: subtracting, or any other way of giving a unit', () => {
    const days = HEADER + kpi('measure total - 2h unit days');
    const rate = HEADER + kpi('measure (wait + 48h) / 2 unit count per month');

    expect(only(checkKpi(days), 'KPI503').message).toBe(
      "The formula subtracts hours, but the indicator's unit is days.",
    );
    expect(only(checkKpi(rate), 'KPI503').message).toBe(
      "The formula gives hours, but the indicator's unit is count per month.",
    );
  });

  test(
    'a matching unit, a rate of it, a plain number or a ratio of percentages raise ' + 'nothing',
    () => {
      for (const fields of [
        'measure done + 5% unit percent',
        'measure wait + 2h unit hours per week',
        'measure done + 2 unit hours',
        'measure (a + 5%) / (b + 5%) unit number',
      ]) {
        expect(withCode(checkKpi(HEADER + kpi(fields)), 'KPI503'), fields).toEqual([]);
      }
    },
  );

  test('measures carry no unit, so ratios and sums of measures raise nothing', () => {
    const text = HEADER + kpi('measure (a + b) / c * 100 unit percent');
    expect(withCode(checkKpi(text), 'KPI503')).toEqual([]);
  });

  test('an unknown function is KPI102 with a did-you-mean', () => {
    const text = HEADER + kpi('measure maen(a, b) unit number');
    const diagnostic = only(checkKpi(text), 'KPI102');

    expect(diagnostic.range).toEqual(rangeOf(text, 'maen'));
    expect(diagnostic.data).toEqual({ suggestion: 'mean' });
  });
});

describe("KPI503 a survey's unit", () => {
  test('a survey on a percent indicator is an error at the unit: a survey needs a scale', () => {
    const text = HEADER + kpi('measure survey x minimum 10 responses unit percent');
    const diagnostic = only(checkKpi(text), 'KPI503');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeOf(text, 'percent'));
    expect(diagnostic.message).toBe(
      "A survey is rated on a scale such as likert5; 'percent' is not a scale.",
    );
  });

  test('counts, hours and rates are not scales either', () => {
    for (const unit of ['count', 'hours', 'likert5 per month']) {
      const text = HEADER + kpi(`measure survey x minimum 10 responses unit ${unit}`);
      expect(only(checkKpi(text), 'KPI503').message).toContain(`'${unit}' is not a scale`);
    }
  });

  test('likert5 and a declared scale are scales', () => {
    const scale = 'scale agree7 "Agreement" from 1 to 7\n';
    for (const unit of ['likert5', 'agree7']) {
      const text = HEADER + scale + kpi(`measure survey x minimum 10 responses unit ${unit}`);
      expect(withCode(checkKpi(text), 'KPI503'), unit).toEqual([]);
    }
  });
});

describe('KPI504 a percent ratio multiplied by 100 again', () => {
  const percent = (formula: string) =>
    HEADER +
    kpi(`measure ${formula} unit percent target >= 90% bands { excellent >= 90%  poor < 90% }`);

  test('100 * done / total counts the 100 twice; the fix writes the measure alone', () => {
    const text = percent('100 * done / total');
    const diagnostic = only(checkKpi(text), 'KPI504');
    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeOf(text, '100 * done'));
    expect(diagnostic.message).toBe(
      "'k' is in percent, so its ratio is already read as a share and multiplied by 100; " +
        "the '100 *' would make every value 100 times too large.",
    );
    expect(diagnostic.fixes?.[0]?.title).toBe("Write 'done' without '100 *'");
    const fixed = applyFix(text, diagnostic.fixes?.[0]);
    expect(fixed).toContain('measure done / total unit percent');
    expect(withCode(checkKpi(fixed), 'KPI504')).toEqual([]);
  });

  test('the 100 on either side, or in brackets, is found; a sum gets no fix', () => {
    expect(only(checkKpi(percent('(done * 100) / total')), 'KPI504').fixes).toHaveLength(1);
    expect(only(checkKpi(percent('100.0 * (done) / total')), 'KPI504').fixes).toHaveLength(1);
    expect(only(checkKpi(percent('100 * (a + b) / total')), 'KPI504').fixes ?? []).toEqual([]);
  });

  test(
    'nothing when the 100 is outside the division, is a percentage, or the unit is not ' +
      'percent',
    () => {
      expect(withCode(checkKpi(percent('(done / total) * 100')), 'KPI504')).toEqual([]);
      expect(withCode(checkKpi(percent('done / total')), 'KPI504')).toEqual([]);
      expect(withCode(checkKpi(percent('50 * done / total')), 'KPI504')).toEqual([]);
      const count =
        HEADER +
        kpi('measure 100 * a / b unit count target >= 5 bands { excellent >= 5  poor < 5 }');
      expect(withCode(checkKpi(count), 'KPI504')).toEqual([]);
    },
  );
});

describe('KPI505 a share on a percent indicator that nothing scales', () => {
  const percent = (formula: string) =>
    HEADER +
    kpi(`measure ${formula} unit percent target >= 90% bands { excellent >= 90%  poor < 90% }`);

  test('the mean of two ratios warns; the fix multiplies by 100 and clears it', () => {
    const text = percent('mean(on_time / total, ok / checked)');
    const diagnostic = only(checkKpi(text), 'KPI505');
    expect(diagnostic.severity).toBe('warning');
    expect(diagnostic.range).toEqual(rangeOf(text, 'mean(on_time / total, ok / checked)'));
    const fixed = applyFix(text, diagnostic.fixes?.[0]);
    expect(fixed).toContain('measure (mean(on_time / total, ok / checked)) * 100 unit percent');
    expect(withCode(checkKpi(fixed), 'KPI505')).toEqual([]);
    expect(withCode(checkKpi(fixed), 'KPI504')).toEqual([]);
  });

  test('1 - late / total warns too', () => {
    expect(only(checkKpi(percent('1 - late / total')), 'KPI505').severity).toBe('warning');
  });

  test(
    'nothing for one division, a formula with no division, one scaled by 100, or another ' + 'unit',
    () => {
      for (const formula of [
        'done / total',
        '(a + b) / c',
        'a - b',
        '(a / b) * 100',
        '100 * (1 - late / total)',
      ]) {
        expect(withCode(checkKpi(percent(formula)), 'KPI505'), formula).toEqual([]);
      }
      const count =
        HEADER + kpi('measure 1 - a / b unit count target >= 5 bands { excellent >= 5  poor < 5 }');
      expect(withCode(checkKpi(count), 'KPI505')).toEqual([]);
    },
  );
});
