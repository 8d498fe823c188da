/**
 * Tests grammar/kpi.tmLanguage.json, the TextMate grammar that colours .kpi files in editors:
 * the scopes of real lines of the CEMA example, whole-word keywords, the enumerated words the
 * checker reads, and that every .kpi file of examples/ tokenizes without an invalid scope.
 * Its keywords and words are read from the lexer and the checker, so the grammar cannot fall
 * behind them unnoticed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { IGrammar } from 'vscode-textmate';
import { ALL_TOKENS, DECLARATION_KEYWORDS } from '../../packages/core/src/syntax/tokens.js';
import { BUILTIN_UNITS } from '../../packages/core/src/semantics/units.js';
import {
  AGGREGATIONS,
  BETWEEN_RULES,
  DECIMAL_WORDS,
  DIRECTIONS,
  FUNCTIONS,
  KINDS,
  MISSING_DATA_RULES,
  PERIOD_ADVERBS,
  PERIOD_NOUNS,
  ROUNDED_THINGS,
} from '../../packages/core/src/semantics/words.js';
import { GRAMMAR_URL, loadKpiGrammar, tokenize, type GrammarToken } from './tm-grammar.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** The lexer's keywords: its tokens are named `Kw_<keyword>`. */
const KEYWORDS = ALL_TOKENS.map((token) => token.name)
  .filter((name) => name.startsWith('Kw_'))
  .map((name) => name.slice('Kw_'.length));

const DECLARATIONS = DECLARATION_KEYWORDS.map((token) => token.name.slice('Kw_'.length));

let grammar: IGrammar;

beforeAll(async () => {
  grammar = await loadKpiGrammar();
});

/** The tokens of `text` that are exactly `fragment`, in order. */
function tokensOf(text: string, fragment: string): GrammarToken[] {
  return tokenize(grammar, text).filter((token) => token.text === fragment);
}

/**
 * The innermost scope of the `nth` token of `text` that is exactly `fragment`; fails when there
 * is no such token, which also means the grammar split or merged it.
 */
function scopeOf(text: string, fragment: string, nth = 0): string {
  const token = tokensOf(text, fragment)[nth];
  if (!token) {
    const tokens = tokenize(grammar, text).map((each) => each.text);
    throw new Error(`no token ${JSON.stringify(fragment)} in ${JSON.stringify(tokens)}`);
  }
  return token.scopes.at(-1)!;
}

/** Every scope of the token that is exactly `fragment`, outermost first. */
function scopesOf(text: string, fragment: string, nth = 0): string[] {
  const token = tokensOf(text, fragment)[nth];
  if (!token) throw new Error(`no token ${JSON.stringify(fragment)} in ${JSON.stringify(text)}`);
  return token.scopes;
}

/** Every .kpi file under examples/, as [path from the root, text]. */
function exampleFiles(): [string, string][] {
  const files = readdirSync(join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.kpi'))
    .sort();
  return files.map((path) => [
    `examples/${path}`,
    readFileSync(join(ROOT, 'examples', path), 'utf8'),
  ]);
}

describe('the grammar file', () => {
  test('names the language source.kpi and claims the .kpi extension', () => {
    const raw = JSON.parse(readFileSync(GRAMMAR_URL, 'utf8'));
    expect(raw.scopeName).toBe('source.kpi');
    expect(raw.fileTypes).toEqual(['kpi']);
  });

  test('lists exactly the lexer keywords as keywords', () => {
    const raw = JSON.parse(readFileSync(GRAMMAR_URL, 'utf8'));
    const listed = raw.repository.keywords.patterns.flatMap((pattern: { match: string }) => {
      const words = /^\(\?:([a-z|]+)\)/.exec(pattern.match)?.[1];
      return words ? words.split('|') : [];
    });
    expect([...listed].sort()).toEqual([...KEYWORDS].sort());
  });

  test('keeps every keyword, and nothing else, from being taken for a declared name', () => {
    const text = readFileSync(GRAMMAR_URL, 'utf8');
    const guards = [...text.matchAll(/\(\?!\(\?:([a-z|]+)\)/g)].map((match) => match[1]!);
    expect(guards.length).toBeGreaterThanOrEqual(DECLARATIONS.length);
    for (const guard of guards) expect(guard.split('|').sort()).toEqual([...KEYWORDS].sort());
  });
});

describe('lines of the CEMA example', () => {
  test('a kpi header: keyword, declared name, Vietnamese and English labels, brace', () => {
    const line =
      'kpi response_time "Thời gian phản hồi yêu cầu nội bộ" / "Response time to internal ' +
      'requests" {';
    expect(scopeOf(line, 'kpi')).toBe('keyword.declaration.kpi');
    expect(scopeOf(line, 'response_time')).toBe('entity.name.type.indicator.kpi');
    expect(scopeOf(line, 'Thời gian phản hồi yêu cầu nội bộ')).toBe('string.quoted.double.kpi');
    expect(scopeOf(line, '"', 0)).toBe('punctuation.definition.string.begin.kpi');
    expect(scopeOf(line, '"', 1)).toBe('punctuation.definition.string.end.kpi');
    expect(scopeOf(line, '/')).toBe('punctuation.separator.label.kpi');
    expect(scopeOf(line, 'Response time to internal requests')).toBe('string.quoted.double.kpi');
    expect(scopeOf(line, '{')).toBe('punctuation.section.block.begin.kpi');
  });

  test('the framework header and its fields, the date among them', () => {
    const text = [
      'framework cema "Khung KPI công chức Ủy ban Dân tộc" / "CEMA civil servant KPI framework" {',
      '  version "2024.1"',
      '  agency "Ủy ban Dân tộc" / "Committee for Ethnic Minority Affairs"',
      '  effective 2024-07-01',
      '  cycle quarterly',
      '  missing data exclude',
      '}',
    ].join('\n');
    expect(scopeOf(text, 'framework')).toBe('keyword.declaration.kpi');
    expect(scopeOf(text, 'cema')).toBe('entity.name.type.framework.kpi');
    expect(scopeOf(text, 'Khung KPI công chức Ủy ban Dân tộc')).toBe('string.quoted.double.kpi');
    for (const field of ['version', 'agency', 'effective', 'cycle', 'missing', 'data']) {
      expect(scopeOf(text, field)).toBe('keyword.other.kpi');
    }
    expect(scopeOf(text, '2024-07-01')).toBe('constant.numeric.date.kpi');
    expect(scopeOf(text, 'quarterly')).toBe('constant.language.period.kpi');
    expect(scopeOf(text, 'exclude')).toBe('constant.language.missing-data.kpi');
    expect(scopeOf(text, '}')).toBe('punctuation.section.block.end.kpi');
  });

  test('the rounding clauses of the header: keyword, word, count, word', () => {
    const text = '  round values to 1 decimal\n  round total to 2 decimals';
    expect(scopeOf(text, 'round', 0)).toBe('keyword.other.kpi');
    expect(scopeOf(text, 'round', 1)).toBe('keyword.other.kpi');
    expect(scopeOf(text, 'values')).toBe('constant.language.rounding.kpi');
    expect(scopeOf(text, 'total')).toBe('constant.language.rounding.kpi');
    expect(scopeOf(text, 'to', 0)).toBe('keyword.other.kpi');
    expect(scopeOf(text, '1')).toBe('constant.numeric.kpi');
    expect(scopeOf(text, '2')).toBe('constant.numeric.kpi');
    expect(scopeOf(text, 'decimal')).toBe('constant.language.rounding.kpi');
    expect(scopeOf(text, 'decimals')).toBe('constant.language.rounding.kpi');
  });

  test('a misspelt rounding word, or one run on into letters, stays a name', () => {
    const text = '  round valuse to 1.5 decimels';
    expect(scopeOf(text, 'valuse')).toBe('variable.other.kpi');
    expect(scopeOf(text, '1.5')).toBe('constant.numeric.kpi');
    expect(scopeOf(text, 'decimels')).toBe('variable.other.kpi');
    expect(scopeOf('  round totals to 2 decimalsế', 'totals')).toBe('variable.other.kpi');
    expect(scopeOf('  round totals to 2 decimalsế', 'decimalsế')).toBe('variable.other.kpi');
  });

  test('a band line: from 8h to under 24h', () => {
    const line = '    good       from 8h to under 24h';
    expect(scopeOf(line, 'good')).toBe('variable.other.kpi');
    expect(scopeOf(line, 'from')).toBe('keyword.other.kpi');
    expect(scopesOf(line, '8').at(-1)).toBe('constant.numeric.kpi');
    expect(scopesOf(line, 'h', 0)).toEqual([
      'source.kpi',
      'constant.numeric.kpi',
      'keyword.other.unit.kpi',
    ]);
    expect(scopeOf(line, 'to')).toBe('keyword.other.kpi');
    expect(scopeOf(line, 'under')).toBe('keyword.other.kpi');
    expect(scopeOf(line, '24')).toBe('constant.numeric.kpi');
    expect(scopeOf(line, 'h', 1)).toBe('keyword.other.unit.kpi');
  });

  test('target >= 4.0', () => {
    const line = '  target >= 4.0';
    expect(scopeOf(line, 'target')).toBe('keyword.other.kpi');
    expect(scopeOf(line, '>=')).toBe('keyword.operator.comparison.kpi');
    expect(scopeOf(line, '4.0')).toBe('constant.numeric.kpi');
  });

  test('a context override: economic_access target >= 70% bands {', () => {
    const line = '  economic_access target >= 70% bands {';
    expect(scopeOf(line, 'economic_access')).toBe('variable.other.kpi');
    expect(scopeOf(line, 'target')).toBe('keyword.other.kpi');
    expect(scopeOf(line, '>=')).toBe('keyword.operator.comparison.kpi');
    expect(scopeOf(line, '70')).toBe('constant.numeric.kpi');
    expect(scopesOf(line, '%')).toEqual([
      'source.kpi',
      'constant.numeric.kpi',
      'keyword.other.unit.kpi',
    ]);
    expect(scopeOf(line, 'bands')).toBe('keyword.other.kpi');
    expect(scopeOf(line, '{')).toBe('punctuation.section.block.begin.kpi');
  });

  test('the other conditions: a closed range, =, under, and a comparison', () => {
    expect(scopeOf('    acceptable 70% .. 85%', '..')).toBe('keyword.operator.range.kpi');
    expect(scopeOf('    excellent  = 0', '=')).toBe('keyword.operator.comparison.kpi');
    expect(scopeOf('    poor       under 70%', 'under')).toBe('keyword.other.kpi');
    expect(scopeOf('    excellent  > 85%', '>')).toBe('keyword.operator.comparison.kpi');
    expect(scopeOf('    not_met < 1', '<')).toBe('keyword.operator.comparison.kpi');
  });

  test('the fields of an indicator', () => {
    const text = [
      'kpi coordination_quality "Chất lượng phối hợp giữa các đơn vị" / "Interdepartmental ' +
        'coordination quality" {',
      '  kind outcome',
      '  measure survey coordination_rating minimum 10 responses',
      '  unit quality5',
      '  better higher',
      '  every quarter',
      '  aggregate mean',
      '  source "Khảo sát ý kiến các đơn vị phối hợp" / "Opinion surveys of collaborating units"',
      '  goal coordination',
      '}',
    ].join('\n');
    for (const field of ['kind', 'measure', 'survey', 'minimum', 'responses', 'unit', 'better']) {
      expect(scopeOf(text, field)).toBe('keyword.other.kpi');
    }
    for (const field of ['every', 'aggregate', 'source', 'goal']) {
      expect(scopeOf(text, field)).toBe('keyword.other.kpi');
    }
    expect(scopeOf(text, 'outcome')).toBe('constant.language.kind.kpi');
    expect(scopeOf(text, 'coordination_rating')).toBe('variable.other.kpi');
    expect(scopeOf(text, '10')).toBe('constant.numeric.kpi');
    expect(scopeOf(text, 'quality5')).toBe('variable.other.kpi');
    expect(scopeOf(text, 'higher')).toBe('constant.language.direction.kpi');
    expect(scopeOf(text, 'quarter')).toBe('constant.language.period.kpi');
    expect(scopeOf(text, 'mean')).toBe('constant.language.aggregation.kpi');
    expect(scopeOf(text, 'coordination')).toBe('variable.other.kpi');
  });

  test('levels and rating lines declare their ids', () => {
    const text = [
      'levels {',
      '  excellent  "Xuất sắc"       / "Excellent"  points 100',
      '  not_met    "Không đạt"      / "Not met"    points 0',
      '}',
      'rating {',
      '  completed_well "Hoàn thành tốt nhiệm vụ"      / "Completed tasks well"        from ' +
        '70 to under 90',
      '}',
    ].join('\n');
    expect(scopeOf(text, 'levels')).toBe('keyword.declaration.kpi');
    expect(scopeOf(text, 'excellent')).toBe('entity.name.type.level.kpi');
    expect(scopeOf(text, 'not_met')).toBe('entity.name.type.level.kpi');
    expect(scopeOf(text, 'Không đạt')).toBe('string.quoted.double.kpi');
    expect(scopeOf(text, 'points')).toBe('keyword.other.kpi');
    expect(scopeOf(text, 'rating')).toBe('keyword.declaration.kpi');
    expect(scopeOf(text, 'completed_well')).toBe('entity.name.type.outcome.kpi');
    expect(scopeOf(text, '}', 1)).toBe('punctuation.section.block.end.kpi');
  });

  test('goals, scales, groups, positions and contexts', () => {
    const goal =
      'goal timely_work "Thực hiện nhiệm vụ đúng hạn, chính xác" / "Work done on time and ' +
      'without errors" perspective internal';
    expect(scopeOf(goal, 'goal')).toBe('keyword.declaration.kpi');
    expect(scopeOf(goal, 'timely_work')).toBe('entity.name.type.goal.kpi');
    expect(scopeOf(goal, 'perspective')).toBe('keyword.other.kpi');
    expect(scopeOf(goal, 'internal')).toBe('variable.other.kpi');

    const scale =
      'scale satisfaction5 "Mức độ hài lòng (1–5)" / "Satisfaction (1–5)" from 1 to 5 {';
    expect(scopeOf(scale, 'scale')).toBe('keyword.declaration.kpi');
    expect(scopeOf(scale, 'satisfaction5')).toBe('entity.name.type.scale.kpi');
    expect(scopeOf(scale, 'Mức độ hài lòng (1–5)')).toBe('string.quoted.double.kpi');
    expect(scopeOf(scale, '1')).toBe('constant.numeric.kpi');

    const group = 'group administrative "Hành chính/Hỗ trợ" / "Administrative/Support" {';
    expect(scopeOf(group, 'group')).toBe('keyword.declaration.kpi');
    expect(scopeOf(group, 'administrative')).toBe('entity.name.type.group.kpi');
    expect(scopeOf(group, 'Hành chính/Hỗ trợ')).toBe('string.quoted.double.kpi');
    expect(scopeOf('  response_time, coordination_quality', ',')).toBe(
      'punctuation.separator.comma.kpi',
    );

    const position =
      'position ethnic_policy_officer "Công chức phụ trách chính sách dân tộc" / "Ethnic ' +
      'policy officer" in professional {';
    expect(scopeOf(position, 'position')).toBe('keyword.declaration.kpi');
    expect(scopeOf(position, 'ethnic_policy_officer')).toBe('entity.name.type.position.kpi');
    expect(scopeOf(position, 'in')).toBe('keyword.other.kpi');
    expect(scopeOf(position, 'professional')).toBe('variable.other.kpi');
    expect(scopeOf('  economic_access             weight 30%', 'weight')).toBe('keyword.other.kpi');

    const context = 'context dak_lak "Đắk Lắk (Tây Nguyên)" / "Đắk Lắk (Central Highlands)" {';
    expect(scopeOf(context, 'context')).toBe('keyword.declaration.kpi');
    expect(scopeOf(context, 'dak_lak')).toBe('entity.name.type.context.kpi');
    expect(scopeOf(context, 'Đắk Lắk (Tây Nguyên)')).toBe('string.quoted.double.kpi');
  });

  test('a goal or position without a label is a reference, not a declaration', () => {
    expect(scopeOf('  goal coordination', 'goal')).toBe('keyword.other.kpi');
    expect(scopeOf('  goal coordination', 'coordination')).toBe('variable.other.kpi');
    const override = '  position ethnic_policy_officer {';
    expect(scopeOf(override, 'position')).toBe('keyword.declaration.kpi');
    expect(scopeOf(override, 'ethnic_policy_officer')).toBe('variable.other.kpi');
  });

  test('a comment, whole and with its //', () => {
    const line =
      '  // An indicator without a value in a quarter is left out and its weight is spread ' +
      'over the';
    expect(scopesOf(line, '//')).toEqual([
      'source.kpi',
      'comment.line.double-slash.kpi',
      'punctuation.definition.comment.kpi',
    ]);
    const rest =
      ' An indicator without a value in a quarter is left out and its weight is spread over the';
    expect(scopeOf(line, rest)).toBe('comment.line.double-slash.kpi');
  });
});

describe('the rest of the lexer', () => {
  test('a string with escaped quotes and backslashes, in Vietnamese', () => {
    const line = '  source "Sổ \\"đỏ\\" lưu ở C:\\\\hồ_sơ" / "Register"';
    expect(tokensOf(line, '\\"').map((token) => token.scopes.at(-1))).toEqual([
      'constant.character.escape.kpi',
      'constant.character.escape.kpi',
    ]);
    expect(scopeOf(line, '\\\\')).toBe('constant.character.escape.kpi');
    expect(scopeOf(line, 'đỏ')).toBe('string.quoted.double.kpi');
    expect(scopeOf(line, 'hồ_sơ')).toBe('string.quoted.double.kpi');
    expect(scopeOf(line, '/')).toBe('punctuation.separator.label.kpi');
    expect(scopeOf(line, 'Register')).toBe('string.quoted.double.kpi');
  });

  test('only \\" and \\\\ are escapes; any other backslash is text', () => {
    expect(scopeOf('source "a\\nb"', 'a\\nb')).toBe('string.quoted.double.kpi');
  });

  test('a string cut off by the end of its line is marked there, and ends with its line', () => {
    const text = 'source "Hệ thống\nunit percent';
    expect(scopeOf(text, 'g')).toBe('invalid.illegal.unclosed-string.kpi');
    expect(scopesOf(text, 'Hệ thốn')).toEqual(['source.kpi', 'string.quoted.double.kpi']);
    expect(scopeOf(text, 'unit')).toBe('keyword.other.kpi');
    expect(scopeOf(text, 'percent')).toBe('constant.language.unit.kpi');
  });

  test('a string in curly quotes is a string', () => {
    const line = 'source “Hệ thống” / "System"';
    expect(scopeOf(line, 'Hệ thống')).toBe('string.quoted.other.curly.kpi');
    expect(scopeOf(line, '/')).toBe('punctuation.separator.label.kpi');
  });

  test('block comments span lines, and one with no end runs to the end of the text', () => {
    const text = 'kind /* output\n   or outcome? */ outcome\n/* never closed\nkpi x "X" {}';
    expect(scopesOf(text, '/*')).toEqual([
      'source.kpi',
      'comment.block.kpi',
      'punctuation.definition.comment.begin.kpi',
    ]);
    expect(scopeOf(text, '   or outcome? ')).toBe('comment.block.kpi');
    expect(scopeOf(text, '*/')).toBe('punctuation.definition.comment.end.kpi');
    expect(scopeOf(text, 'outcome')).toBe('variable.other.kpi');
    expect(scopeOf(text, 'kpi x "X" {}')).toBe('comment.block.kpi');
  });

  test('a // inside a string is text, and // after a label is a comment', () => {
    const line = 'source "https://example.org" // the portal';
    expect(scopeOf(line, 'https://example.org')).toBe('string.quoted.double.kpi');
    expect(scopeOf(line, '//')).toBe('punctuation.definition.comment.kpi');
  });

  test('a formula: functions, arithmetic and parentheses', () => {
    const line = '  measure min(tasks_on_time, tasks_total) / tasks_total - 2 * (a + b)';
    expect(scopeOf(line, 'min')).toBe('support.function.kpi');
    expect(scopeOf(line, '(')).toBe('punctuation.section.parens.begin.kpi');
    expect(scopeOf(line, ')')).toBe('punctuation.section.parens.end.kpi');
    expect(scopeOf(line, 'tasks_on_time')).toBe('variable.other.kpi');
    for (const operator of ['/', '-', '*', '+']) {
      expect(scopeOf(line, operator)).toBe('keyword.operator.arithmetic.kpi');
    }
  });

  test('≥ and ≤ are comparisons, as >= and <= are', () => {
    for (const operator of ['≥', '≤', '>=', '<=']) {
      expect(scopeOf(`target ${operator} 95%`, operator)).toBe('keyword.operator.comparison.kpi');
    }
  });

  test('numbers: the d suffix, a suffix only when attached, and 95 % read as 95%', () => {
    expect(scopeOf('target under 3d', 'd')).toBe('keyword.other.unit.kpi');
    expect(scopeOf('x 48hours', '48')).toBe('constant.numeric.kpi');
    expect(scopeOf('x 48hours', 'hours')).toBe('variable.other.kpi');
    expect(scopeOf('target >= 95 %', '%')).toBe('keyword.other.unit.kpi');
    expect(scopeOf('target >= -2', '-')).toBe('keyword.operator.arithmetic.kpi');
  });

  test('a character that starts no token is invalid', () => {
    expect(scopeOf('weight 30%;', ';')).toBe('invalid.illegal.character.kpi');
    expect(scopeOf('kind @ output', '@')).toBe('invalid.illegal.character.kpi');
  });
});

describe('keywords', () => {
  test('the lexer has keywords, and the declarations are among them', () => {
    expect(KEYWORDS.length).toBeGreaterThan(30);
    expect(DECLARATIONS.every((keyword) => KEYWORDS.includes(keyword))).toBe(true);
  });

  test.each(KEYWORDS)('%s gets a keyword scope', (keyword) => {
    expect(scopeOf(`  ${keyword}`, keyword)).toMatch(/^keyword\.(declaration|other)\.kpi$/);
  });

  test.each(DECLARATIONS)('%s opens a declaration', (keyword) => {
    expect(scopeOf(`${keyword} some_id "Nhãn" {`, keyword)).toBe('keyword.declaration.kpi');
  });

  test.each(KEYWORDS)('%s is a keyword only as a whole word', (keyword) => {
    for (const name of [`${keyword}ness`, `${keyword}_2`, `${keyword}2`, `my_${keyword}`]) {
      expect(scopeOf(`  ${name} weight 10%`, name)).toBe('variable.other.kpi');
    }
    const accented = `${keyword}ế`;
    expect(scopeOf(`  ${accented} weight 10%`, accented)).toBe('variable.other.kpi');
  });

  test('a keyword in the place of a name stays a keyword', () => {
    expect(scopeOf('kpi source "Nguồn" {', 'source')).toBe('keyword.other.kpi');
    expect(scopeOf('levels {\n  points "Điểm" points 1\n}', 'points', 0)).toBe('keyword.other.kpi');
  });
});

describe('enumerated words, read from the checker', () => {
  const cases: [string, string, Iterable<string>][] = [
    ['kind', 'constant.language.kind.kpi', KINDS.words.keys()],
    ['better', 'constant.language.direction.kpi', DIRECTIONS.words.keys()],
    ['every', 'constant.language.period.kpi', PERIOD_NOUNS.words.keys()],
    ['cycle', 'constant.language.period.kpi', PERIOD_ADVERBS.words.keys()],
    ['unit count per', 'constant.language.period.kpi', PERIOD_NOUNS.words.keys()],
    ['aggregate', 'constant.language.aggregation.kpi', AGGREGATIONS.words.keys()],
    ['between measurements', 'constant.language.between.kpi', BETWEEN_RULES.words.keys()],
    ['missing data', 'constant.language.missing-data.kpi', MISSING_DATA_RULES.words.keys()],
    ['unit', 'constant.language.unit.kpi', BUILTIN_UNITS.keys()],
    ['round', 'constant.language.rounding.kpi', ROUNDED_THINGS.words.keys()],
    ['round total to 2', 'constant.language.rounding.kpi', DECIMAL_WORDS.words.keys()],
  ];

  test.each(cases)('each word after "%s" is %s', (before, scope, words) => {
    const list = [...words];
    expect(list.length).toBeGreaterThan(1);
    for (const word of list) expect(scopeOf(`  ${before} ${word}`, word)).toBe(scope);
  });

  test('a word the checker does not know stays a name', () => {
    expect(scopeOf('  every quartely', 'quartely')).toBe('variable.other.kpi');
    expect(scopeOf('  kind processes', 'processes')).toBe('variable.other.kpi');
    expect(scopeOf('  better higher_than', 'higher_than')).toBe('variable.other.kpi');
  });

  test('the functions of a formula are functions when called', () => {
    for (const name of FUNCTIONS.words.keys()) {
      expect(scopeOf(`  measure ${name}(a, b)`, name)).toBe('support.function.kpi');
    }
    expect(scopeOf('  measure mean / total', 'mean')).toBe('variable.other.kpi');
  });
});

describe('the .kpi files of examples/', () => {
  const files = exampleFiles();

  test('there are some', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  test.each(files)('%s tokenizes without an invalid scope', (_path, text) => {
    const invalid = tokenize(grammar, text)
      .filter((token) => token.scopes.some((scope) => scope.startsWith('invalid')))
      .map((token) => `${token.line + 1}: ${JSON.stringify(token.text)} ${token.scopes.join(' ')}`);
    expect(invalid).toEqual([]);
  });

  test('every keyword they use is coloured as a keyword or a word wherever it is code', () => {
    const keywords = new Set(KEYWORDS);
    const seen = new Set<string>();
    const wrong: string[] = [];
    for (const [path, text] of files) {
      for (const token of tokenize(grammar, text)) {
        if (!keywords.has(token.text)) continue;
        if (token.scopes.some((scope) => /^(comment|string)\./.test(scope))) continue;
        seen.add(token.text);
        const last = token.scopes.at(-1)!;
        if (!/^(keyword\.(declaration|other)|constant\.language)\./.test(last)) {
          wrong.push(`${path}:${token.line + 1}: ${token.text} is ${last}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(seen.size).toBeGreaterThan(KEYWORDS.length / 2);
  });
});
