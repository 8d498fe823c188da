/**
 * A small resolved model built by hand, as the checker would build it from a framework with
 * three levels, two indicators, a position and a context. Syntax nodes are placeholders that
 * carry only a kind and a range, except the formula, which the emitter turns into the
 * measurement's expression tree.
 */
import type * as ast from '../../src/syntax/ast.js';
import type { Range } from '../../src/syntax/source.js';
import type * as model from '../../src/semantics/model.js';
import { parseDecimal, type Decimal } from '../../src/util/decimal.js';

const RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

/** A syntax node of the given kind; enough for a model, which only keeps it for diagnostics. */
function node<T>(kind: string): T {
  return { kind, range: RANGE } as unknown as T;
}

/** `name` as a measure in a formula. */
function measureRef(name: string): ast.MeasureRef {
  return { kind: 'MeasureRef', name: { kind: 'Name', text: name, range: RANGE }, range: RANGE };
}

/** The syntax of `measure <numerator> / <denominator>`. */
function ratioFormula(numerator: string, denominator: string): ast.FormulaMeasurement {
  const formula: ast.Binary = {
    kind: 'Binary',
    op: '/',
    left: measureRef(numerator),
    right: measureRef(denominator),
    range: RANGE,
  };
  return { kind: 'FormulaMeasurement', formula, range: RANGE };
}

function dec(text: string): Decimal {
  const value = parseDecimal(text);
  if (!value) throw new Error(`not a decimal: ${text}`);
  return value;
}

function label(vi: string, en = vi): model.Bilingual {
  return { vi, en };
}

function atLeast(low: string): model.Interval {
  return { low: dec(low), lowInclusive: true, highInclusive: false };
}

function band(level: string, interval: model.Interval): model.Band {
  return { level, interval, node: node('Band') };
}

function level(id: string, levelLabel: model.Bilingual, points: string): model.Level {
  return { id, label: levelLabel, points: dec(points), node: node('LevelDecl') };
}

function weighted(
  indicator: string,
  weight: string,
  target?: model.Interval,
  bands: model.Band[] = [],
): model.WeightedIndicator {
  const base = { indicator, weight: dec(weight), bands };
  return target ? { ...base, target } : base;
}

export function modelFixture(): model.Model {
  const percentBands = [
    band('excellent', atLeast('95')),
    band('good', { low: dec('80'), lowInclusive: true, high: dec('95.0'), highInclusive: false }),
    // An unbounded end whose inclusive flag is set: the rule set writes it as false.
    band('poor', { lowInclusive: true, high: dec('80'), highInclusive: false }),
  ];
  const taskCompletion: model.Indicator = {
    id: 'task_completion',
    label: label('Tỷ lệ hoàn thành nhiệm vụ', 'Task completion rate'),
    kind: 'process',
    measurement: {
      kind: 'formula',
      text: 'tasks_on_time / tasks_total',
      measures: ['tasks_on_time', 'tasks_total'],
      ratio: { numerator: 'tasks_on_time', denominator: 'tasks_total' },
      node: ratioFormula('tasks_on_time', 'tasks_total'),
    },
    unit: { name: 'percent', low: dec('0'), high: dec('100'), integer: false },
    direction: 'higher',
    target: atLeast('95'),
    bands: percentBands,
    frequency: 'quarter',
    source: label('Hệ thống quản lý công việc', 'Work management system'),
    goal: 'service',
    scoring: 'bands',
    domain: { low: dec('0'), high: dec('100'), integer: false },
    node: node('KpiDecl'),
  };
  const satisfaction: model.Indicator = {
    id: 'satisfaction',
    label: label('Mức độ hài lòng'),
    measurement: {
      kind: 'survey',
      text: 'survey answers',
      measures: ['answers'],
      minimumResponses: dec('10'),
      node: node('SurveyMeasurement'),
    },
    unit: { name: 'likert5', low: dec('1'), high: dec('5'), integer: true, scale: 'likert5' },
    bands: [],
    missingData: 'exclude',
    scoring: 'bands',
    node: node('KpiDecl'),
  };

  const head: model.Position = {
    id: 'head',
    label: label('Trưởng phòng', 'Head of division'),
    group: 'management',
    indicators: [
      weighted('task_completion', '66.70', atLeast('95'), percentBands),
      weighted('satisfaction', '33.3'),
    ],
    total: dec('100.00'),
    node: node('PositionDecl'),
  };
  const headInDakLak: model.Position = {
    ...head,
    indicators: [
      weighted('task_completion', '66.7', atLeast('90'), percentBands),
      weighted('satisfaction', '33.3'),
    ],
  };

  return {
    framework: {
      id: 'cema',
      label: label('Ủy ban Dân tộc', 'Committee for Ethnic Minority Affairs'),
      version: '2024.1',
      cycle: 'quarter',
      missingData: 'unrated',
      node: node('FrameworkDecl'),
      uri: 'framework.kpi',
    },
    levels: [
      level('excellent', label('Xuất sắc', 'Excellent'), '100'),
      level('good', label('Tốt', 'Good'), '80'),
      level('poor', label('Kém', 'Poor'), '0'),
    ],
    rating: [
      { id: 'pass', label: label('Đạt', 'Pass'), interval: atLeast('50'), node: node('Rating') },
    ],
    goals: [{ id: 'service', label: label('Phục vụ', 'Service'), node: node('GoalDecl') }],
    scales: [],
    indicators: [taskCompletion, satisfaction],
    groups: [
      {
        id: 'management',
        label: label('Quản lý', 'Management'),
        indicators: ['task_completion'],
        node: node('GroupDecl'),
      },
    ],
    positions: [head],
    contexts: [
      {
        id: 'dak_lak',
        label: label('Đắk Lắk'),
        indicators: [],
        positions: [headInDakLak],
        node: node('ContextDecl'),
      },
    ],
    parts: [],
    conditions: [],
    quotas: [],
  };
}

/** Source texts to hash alongside the fixture; their content does not affect the model. */
export const FIXTURE_SOURCES = [
  { uri: 'examples/demo/framework.kpi', text: 'framework cema "Ủy ban Dân tộc" {}\n' },
  { uri: 'examples/demo/indicators.kpi', text: 'kpi task_completion "Tỷ lệ" {}\n' },
];
