/**
 * The runtime on the rule set kpic compiles from the CEMA example: it loads, and one head of
 * personnel with a full quarter of data is scored as worked out by hand below, and a quarter
 * before the framework's effective date (1 July 2024) is not scored at all. Also the
 * package boundary: the runtime's sources never import the parser.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { compileSources } from '@kpilang/core/emit';
import { loadRuleSet, score } from '@kpilang/runtime';
import { csv, indicatorOf, personOf } from './fixture.js';

const framework = fileURLToPath(new URL('../../../examples/cema/framework/', import.meta.url));
const sources = fileURLToPath(new URL('../src/', import.meta.url));

function cemaRuleSet(): unknown {
  const texts = readdirSync(framework)
    .filter((name) => name.endsWith('.kpi'))
    .map((name) => ({
      uri: `examples/cema/framework/${name}`,
      text: readFileSync(`${framework}${name}`, 'utf8'),
    }));
  const result = compileSources(texts);
  if (result.ruleSet === undefined) throw new Error('The CEMA example does not compile.');
  // Through JSON, as a consumer reads the file kpic writes.
  return JSON.parse(JSON.stringify(result.ruleSet));
}

describe('the CEMA rule set', () => {
  const rules = loadRuleSet(cemaRuleSet());

  test('loads, with every position and context', () => {
    expect(rules.cycle).toBe('quarter');
    expect(rules.ruleSet.positions.map((position) => position.id)).toContain('head_of_personnel');
    expect(
      rules
        .position('ethnic_policy_officer', 'dak_lak')
        ?.indicators.find((item) => item.indicator === 'economic_access')?.weight,
    ).toBe('35');
  });

  test('a head of personnel with a full third quarter', () => {
    const row = (measure: string, value: string, period = '2024-Q3') =>
      `hp01,Vụ Tổ chức cán bộ,head_of_personnel,,${period},${measure},${value}`;
    const data = [
      row('tasks_on_time', '19'),
      row('tasks_total', '20'),
      ...['5', '4', '4', '5', '4'].map((answer) => row('subordinate_rating', answer)),
      row('valid_records', '450'),
      row('total_records', '500'),
      row('database_updates', '2', '2024-07'),
      row('database_updates', '1', '2024-08'),
      row('database_updates', '3', '2024-09'),
      row('major_violations', '0'),
      ...['5', '5', '5', '5', '5', '4', '4', '4', '4', '4'].map((answer) =>
        row('collaborating_unit_rating', answer),
      ),
    ];
    const result = score(rules, csv(data.join('\n')), { period: '2024-Q3' });
    expect(result.rejected).toEqual([]);

    // task_completion: 19 / 20 = 95%, excellent from 95: 100 × 30% = 30.
    expect(indicatorOf(result, 'hp01', 'task_completion').contribution?.exact).toBe('30');
    // subordinate_satisfaction: (5 + 4 + 4 + 5 + 4) / 5 = 4.4, good (4 to under 4.5): 80 × 10% = 8.
    expect(indicatorOf(result, 'hp01', 'subordinate_satisfaction').value?.exact).toBe('4.4');
    expect(indicatorOf(result, 'hp01', 'subordinate_satisfaction').contribution?.exact).toBe('8');
    // records_quality: 450 / 500 = 90%, good (90 to under 98): 80 × 20% = 16.
    expect(indicatorOf(result, 'hp01', 'records_quality').contribution?.exact).toBe('16');
    // database_updates: every month at least 1, met: 100 × 15% = 15.
    expect(indicatorOf(result, 'hp01', 'database_updates').band?.level).toBe('met');
    expect(indicatorOf(result, 'hp01', 'database_updates').contribution?.exact).toBe('15');
    // audit_compliance: 0 major violations, excellent (= 0): 100 × 15% = 15.
    expect(indicatorOf(result, 'hp01', 'audit_compliance').contribution?.exact).toBe('15');
    // partner_satisfaction: 45 / 10 = 4.5, excellent from 4.5: 100 × 10% = 10.
    expect(indicatorOf(result, 'hp01', 'partner_satisfaction').contribution?.exact).toBe('10');
    // 30 + 8 + 16 + 15 + 15 + 10 = 94: outstanding (from 90).
    expect(personOf(result, 'hp01')).toMatchObject({
      status: 'complete',
      total: { exact: '94' },
      rating: { id: 'outstanding' },
    });
  });

  test('the second quarter of 2024, which ends on 30 June, is before the framework applies', () => {
    expect(() => score(rules, [], { period: '2024-Q2' })).toThrow(
      'The framework applies from 2024-07-01, and 2024-Q2 ends before it, on 2024-06-30.',
    );
  });
});

test('the runtime never imports the parser: a consumer installs it without @kpilang/core', () => {
  const files = readdirSync(sources).filter((name) => name.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(5);
  for (const name of files) {
    expect(readFileSync(`${sources}${name}`, 'utf8')).not.toMatch(/from '@kpilang\/core/);
  }
  const manifest = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  ) as {
    dependencies: Record<string, string>;
  };
  expect(Object.keys(manifest.dependencies).sort()).toEqual(['@kpilang/rule-set', 'csv-parse']);
});
