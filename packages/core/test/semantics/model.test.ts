/**
 * The resolved model the emitter reads: the header, levels, rating lines, goals, scales,
 * indicators with their measurement, unit and rated domain, groups and positions. Numbers
 * are exact; names that did not resolve are left out, never guessed.
 */
import { describe, expect, test } from 'vitest';
import { toText } from '../../src/util/decimal.js';
import { checkKpi } from './helpers.js';

const TEXT = `framework cema "Ủy ban Dân tộc" / "Committee for Ethnic Minority Affairs" {
  version "2024.1"
  agency "Vụ Tổ chức cán bộ" / "Personnel Department"
  effective 2024-01-01
  cycle quarterly
  missing data lowest
}
levels { excellent "Xuất sắc" / "Excellent" points 100  poor "Kém" points 0 }
rating { completed "Hoàn thành" from 50  failed "Không hoàn thành" under 50 }
goal service "Phục vụ" / "Serve" perspective customer
scale agree5 "Đồng ý" from 1 to 5 { 1 "Không" / "No"  5 "Có" / "Yes" }
kpi task "Nhiệm vụ" / "Tasks" {
  kind output  measure (on_time + late_ok) / total  unit percent  better higher  target >= 95%
  bands { excellent >= 95%  poor < 95% }  every month  aggregate mean  source "Hệ thống"  goal service
}
kpi sat "Hài lòng" { kind outcome measure survey answers minimum 15 responses unit agree5 better higher
  target >= 4 bands { excellent >= 4  poor < 4 } every quarter source "Khảo sát" goal servise missing data unrated }
group management "Quản lý" { task, sat }
position head "Trưởng phòng" in management { task weight 60%  sat weight 40% }
`;

describe('the model', () => {
  const { model, diagnostics } = checkKpi(TEXT);

  test('holds the header with its cycle and missing-data rule', () => {
    expect(model.framework).toMatchObject({
      id: 'cema',
      label: { vi: 'Ủy ban Dân tộc', en: 'Committee for Ethnic Minority Affairs' },
      version: '2024.1',
      agency: { vi: 'Vụ Tổ chức cán bộ', en: 'Personnel Department' },
      effective: '2024-01-01',
      cycle: 'quarter',
      missingData: 'lowest',
      uri: 'test.kpi',
    });
  });

  test('holds levels, rating lines, goals and scales, a single label serving both languages', () => {
    expect(model.levels.map((level) => [level.id, level.label.en, toText(level.points)])).toEqual([
      ['excellent', 'Excellent', '100'],
      ['poor', 'Kém', '0'],
    ]);
    const bounds = model.rating.map((line) => [
      line.id,
      line.interval.low && toText(line.interval.low),
      line.interval.high && toText(line.interval.high),
    ]);
    expect(bounds).toEqual([
      ['completed', '50', undefined],
      ['failed', undefined, '50'],
    ]);
    expect(model.goals).toMatchObject([{ id: 'service', perspective: 'customer' }]);
    expect(model.scales[0]).toMatchObject({
      id: 'agree5',
      points: [{ label: { en: 'No' } }, { label: { en: 'Yes' } }],
    });
  });

  test('resolves an indicator: words, measurement as a ratio, unit and the domain after aggregation', () => {
    const task = model.indicators[0]!;

    expect(task).toMatchObject({
      id: 'task',
      kind: 'output',
      direction: 'higher',
      frequency: 'month',
      aggregation: 'mean',
      goal: 'service',
      source: { vi: 'Hệ thống', en: 'Hệ thống' },
      measurement: {
        kind: 'formula',
        text: '(on_time + late_ok) / total',
        measures: ['on_time', 'late_ok', 'total'],
        ratio: { numerator: '(on_time + late_ok)', denominator: 'total' },
      },
      unit: { name: 'percent', integer: false },
    });
    expect(
      task.domain && [toText(task.domain.low!), toText(task.domain.high!), task.domain.integer],
    ).toEqual(['0', '100', false]);
    expect(task.bands.map((band) => band.level)).toEqual(['excellent', 'poor']);
    expect(task.missingData).toBeUndefined();
  });

  test('a survey on a declared scale is a continuous value in the scale; a misspelt goal is left out', () => {
    const sat = model.indicators[1]!;

    expect(sat.measurement).toMatchObject({
      kind: 'survey',
      text: 'survey answers',
      measures: ['answers'],
    });
    expect(toText(sat.measurement!.minimumResponses!)).toBe('15');
    expect(sat.unit).toMatchObject({ name: 'agree5', scale: 'agree5', integer: true });
    expect(sat.domain).toMatchObject({ integer: false });
    expect(sat.goal).toBeUndefined();
    expect(sat.missingData).toBe('unrated');
    expect(
      diagnostics.filter((diagnostic) => diagnostic.code === 'KPI101').map((d) => d.data),
    ).toEqual([{ suggestion: 'service' }]);
  });

  test('holds groups and positions with exact weights and totals', () => {
    expect(model.groups).toMatchObject([{ id: 'management', indicators: ['task', 'sat'] }]);
    const head = model.positions[0]!;
    expect(head.group).toBe('management');
    expect(
      head.indicators.map((weighted) => [
        weighted.indicator,
        toText(weighted.weight),
        toText(weighted.target!.low!),
      ]),
    ).toEqual([
      ['task', '60', '95'],
      ['sat', '40', '4'],
    ]);
    expect(toText(head.total)).toBe('100');
  });
});
