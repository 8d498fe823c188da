/**
 * Keeps the TextMate grammar in step with the lexer: on the examples, on every ```kpi block of
 * the documentation, on tricky lines and on generated text, each lexer token is whole grammar
 * tokens with a scope of its kind, and what the lexer skips is space, comment, or marked invalid.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import type { IGrammar } from 'vscode-textmate';
import { ALL_TOKENS } from '../../packages/core/src/syntax/tokens.js';
import { kpiBlocks, ROOT } from '../docs/kpi-blocks.js';
import { disagreements } from './lexer-agreement.js';
import { loadKpiGrammar } from './tm-grammar.js';

let grammar: IGrammar;

beforeAll(async () => {
  grammar = await loadKpiGrammar();
});

const KEYWORDS = ALL_TOKENS.map((token) => token.name)
  .filter((name) => name.startsWith('Kw_'))
  .map((name) => name.slice('Kw_'.length));

/** Every .kpi file under examples/ and every ```kpi block of the Markdown pages, by name. */
function writtenKpi(): [string, string][] {
  const files = readdirSync(join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.kpi'))
    .sort()
    .map((path): [string, string] => [
      `examples/${path}`,
      readFileSync(join(ROOT, 'examples', path), 'utf8'),
    ]);
  const pages = ['README.md', 'docs/language.md', 'docs/diagnostics.md', 'docs/examples.md'];
  const blocks = pages.flatMap((page) =>
    kpiBlocks(readFileSync(join(ROOT, page), 'utf8')).map((block): [string, string] => [
      `${page}:${block.line}`,
      block.text,
    ]),
  );
  return [...files, ...blocks];
}

/** Lines where a highlighter is easily wrong, each with what the lexer does with it. */
const TRICKY: [string, string][] = [
  ['keywords inside longer names', 'kindness kind_2 kind2 kpis measure_total measurements_x'],
  ['accented names', 'tỷ_lệ Đơn_giá kindế a1ế _ế ế—a abc—ế'],
  ['a name cannot start with _', '_abc _kind'],
  ['digits then letters', '5kind 48hours 3days 48h 3d 12024-07-01 2024-07-011 4..5 4.'],
  ['a suffix before a non-ASCII letter', '48hế 3dư'],
  ['spaced and decimal-comma percents', '95 % 95\t% 95\u00a0% 95,5% 95 ,5'],
  ['keyword then word, run together', 'kindprocess every_quarter aggregateevery'],
  ['the words after the wrong keyword', 'kind quarter every process unit higher'],
  [
    'rounding clauses, whole, broken and run on',
    'round values to 1 decimal round total to 2.5 decimals to 3 decimalsế round totalế to 1 %',
  ],
  ['comments touching code', 'a//b\nc/*d*/e//*f\n/*/ g */h'],
  ['strings touching code', '"a"b"c\\"d" "e\\\\"f "g\\'],
  ['curly quotes, closed and not', '“Tốt” / “Kém\nx ” y'],
  ['slashes', 'a/b "x"/"y" "x" /"y" a / "y" "x" / b'],
  ['stray characters and spaces', 'a @ b ; c # d \u2003 e \u200b f ~'],
  [
    'a no-break space: a space before a name, part of one after letters',
    '\u00a0ế x\u00a0ế \u2003ế',
  ],
  ['CRLF and CR line ends', 'kpi x "X" {\r\n  unit percent\r  every month\r\n}'],
  ['an unterminated block comment', 'kind output /* to the end\nkpi x "X"'],
];

describe('the grammar and the lexer agree', () => {
  test.each(writtenKpi())('on %s', (_name, text) => {
    expect(disagreements(grammar, text)).toEqual([]);
  });

  test.each(TRICKY)('on %s', (_name, text) => {
    expect(disagreements(grammar, text)).toEqual([]);
  });

  test('on generated text', () => {
    const fragments = [
      ...KEYWORDS,
      ...['process', 'quarter', 'quarterly', 'percent', 'every', 'mean', 'carry', 'exclude'],
      ...['x', 'a_1', 'tỷ_lệ', 'ế', 'ư', '\u0301', '٣', '—', '_', 'min(', 'process—ế'],
      ...['kind output', 'aggregate every', 'round total', ' to 2 decimals', 'decimal'],
      ...[' ', ' ', ' ', '\t', '\n', '\r\n', '\u00a0', '\u2003'],
      ...['0', '95', '4.0', '2024-07-01', '.', '..', '%', 'h', 'd', ' %'],
      ...['"', '"Tỷ lệ"', '\\', '\\"', '“', '”', '/', '//', '/*', '*/', '*', '+', '-'],
      ...['>=', '≥', '>', '<=', '≤', '<', '=', '{', '}', '(', ')', ',', '@', ';'],
      ...['goal g "G"', 'position p "P" {', 'levels {', 'rating {', 'kpi k "K" / "E" {'],
    ];
    const texts = fc
      .array(fc.constantFrom(...fragments), { maxLength: 40 })
      .map((parts) => parts.join(''));

    fc.assert(
      fc.property(texts, (text) => {
        expect(disagreements(grammar, text)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});
