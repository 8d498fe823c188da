/**
 * A small, complete and valid rule set written by hand, shaped like the CEMA example: one
 * indicator of each common kind, a position and a context. Tests start from it and break
 * one thing at a time.
 */
import type { RuleSet } from '@kpilang/rule-set';

export function validRuleSet(): RuleSet {
  return {
    format: 'kpilang.rules/3',
    compiler: { name: 'kpic', version: '0.1.0' },
    sourceHash: `sha256:${'ab'.repeat(32)}`,
    conventions: { numbers: 'exact-decimal-text', percent: '0-100' },
    framework: {
      id: 'cema',
      label: { vi: 'Ủy ban Dân tộc', en: 'Committee for Ethnic Minority Affairs' },
      version: '2024.1',
      effective: '2024-01-01',
      cycle: 'quarter',
      missingData: 'unrated',
      rounding: { mode: 'half-up', values: '1', total: '2' },
    },
    levels: [
      { id: 'excellent', label: { vi: 'Xuất sắc', en: 'Excellent' }, points: '100' },
      { id: 'good', label: { vi: 'Tốt', en: 'Good' }, points: '80' },
      { id: 'poor', label: { vi: 'Kém', en: 'Poor' }, points: '0' },
    ],
    rating: [
      {
        id: 'outstanding',
        label: { vi: 'Hoàn thành xuất sắc', en: 'Outstanding' },
        interval: { low: '90', lowInclusive: true, highInclusive: false },
      },
      {
        id: 'not_done',
        label: { vi: 'Không hoàn thành', en: 'Not completed' },
        interval: { lowInclusive: false, high: '90', highInclusive: false },
      },
    ],
    parts: [],
    conditions: [],
    quotas: [],
    goals: [{ id: 'service', label: { vi: 'Phục vụ', en: 'Service' }, perspective: 'customer' }],
    scales: [
      {
        id: 'likert5',
        label: { vi: 'Thang 5', en: 'Five-point scale' },
        low: '1',
        high: '5',
        points: [{ value: '1', label: { vi: 'Rất kém', en: 'Very poor' } }],
      },
    ],
    indicators: [
      {
        id: 'task_completion',
        label: { vi: 'Tỷ lệ hoàn thành nhiệm vụ', en: 'Task completion rate' },
        kind: 'process',
        measurement: {
          kind: 'formula',
          text: 'tasks_on_time / tasks_total',
          measures: ['tasks_on_time', 'tasks_total'],
          ratio: { numerator: 'tasks_on_time', denominator: 'tasks_total' },
          expression: {
            op: '/',
            left: { measure: 'tasks_on_time' },
            right: { measure: 'tasks_total' },
          },
        },
        unit: { name: 'percent', low: '0', high: '100', integer: false },
        direction: 'higher',
        target: { low: '95', lowInclusive: true, highInclusive: false },
        bands: [
          { level: 'excellent', interval: { low: '95', lowInclusive: true, highInclusive: false } },
          {
            level: 'good',
            interval: { low: '80', lowInclusive: true, high: '95', highInclusive: false },
          },
          { level: 'poor', interval: { lowInclusive: false, high: '80', highInclusive: false } },
        ],
        scoring: 'bands',
        frequency: 'quarter',
        source: { vi: 'Hệ thống quản lý công việc', en: 'Work management system' },
        goal: 'service',
        missingData: 'unrated',
        domain: { low: '0', high: '100', integer: false },
      },
    ],
    groups: [
      {
        id: 'management',
        label: { vi: 'Quản lý', en: 'Management' },
        indicators: ['task_completion'],
      },
    ],
    positions: [
      {
        id: 'head_of_personnel',
        label: { vi: 'Trưởng phòng Tổ chức cán bộ', en: 'Head of Personnel Division' },
        group: 'management',
        indicators: [
          {
            indicator: 'task_completion',
            weight: '100',
            target: { low: '95', lowInclusive: true, highInclusive: false },
            bands: [],
          },
        ],
        total: '100',
      },
    ],
    contexts: [
      {
        id: 'dak_lak',
        label: { vi: 'Đắk Lắk', en: 'Dak Lak' },
        positions: [
          {
            id: 'head_of_personnel',
            label: { vi: 'Trưởng phòng', en: 'Head of Personnel Division' },
            indicators: [{ indicator: 'task_completion', weight: '100', bands: [] }],
            total: '100',
          },
        ],
      },
    ],
  };
}
