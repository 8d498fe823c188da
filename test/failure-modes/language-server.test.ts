/**
 * The failure modes of ../shared/cases/failure-modes.md as the editor meets them: the
 * language server's features on the same small inputs the checker's tests use (B01, B03,
 * B05, B06, B08). Each runs in process on the server's workspace and features.
 */
import { decodeSource } from '@kpilang/core';
import { describe, expect, test } from 'vitest';
import { codeActions } from '../../packages/language-server/src/features/code-actions.js';
import { definition } from '../../packages/language-server/src/features/navigation.js';
import { hover } from '../../packages/language-server/src/features/hover.js';
import { inlayHints } from '../../packages/language-server/src/features/inlay-hints.js';
import {
  SEMANTIC_LEGEND,
  semanticTokens,
} from '../../packages/language-server/src/features/semantic-tokens.js';
import { documentSymbols } from '../../packages/language-server/src/features/symbols.js';
import { viewOf } from '../../packages/language-server/src/server.js';
import { pathToUri, Workspace } from '../../packages/language-server/src/workspace.js';

const HEADER = 'framework t "T" { cycle quarterly }\n';
const PATH = '/fw/a.kpi';
const URI = pathToUri(PATH);
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };

function view(text: string) {
  const workspace = new Workspace();
  workspace.setOpenFile(PATH, URI, text, 1);
  const analysis = workspace.analysisOf(PATH);
  if (!analysis) throw new Error('no analysis');
  return viewOf(analysis);
}

function hoverText(text: string, line: number, character: number): string | undefined {
  const shown = hover(view(text), URI, { line, character });
  return (shown?.contents as { value: string } | undefined)?.value;
}

describe('B01: after a broken declaration the editor still knows the rest', () => {
  const text =
    HEADER +
    [
      'kpi a "A" { unit percent better higher target >= 95% every quarter }',
      'kpi b "B" { unit percent better higher target >= = 90% every quarter }',
      'kpi c "C" { unit count better lower target <= 2 every month }',
      'position p "P" { a weight 50%  c weight 50% }',
      'kpi d "D" { unit percent bands { excellent > 95% good 80% ..',
    ].join('\n');

  test('outlines a, b, c, p and d, and hovers and resolves c in position p', () => {
    const names = documentSymbols(view(text), URI).map((symbol) => symbol.name);
    expect(names).toEqual(['t', 'a', 'b', 'c', 'p', 'd']);
    const line = 4;
    const character = text.split('\n')[line]?.indexOf('c weight') ?? -1;
    expect(hoverText(text, line, character)).toContain('| Unit | count |');
    expect(definition(view(text), URI, { line, character })?.range.start).toEqual({
      line: 3,
      character: 4,
    });
    const hints = inlayHints(view(text), URI, WHOLE).map((hint) => hint.label);
    expect(hints).toEqual(['Σ 50%', 'Σ 100%']);
  });
});

describe('B03: a partly parsed model answers every request', () => {
  const text =
    HEADER +
    'position p "P" in { task_completion weight 30% }\nkpi k "K" { unit percent bands { good ' +
    '>= } }\n';

  test('publishes the weight error and hovers p with its 30% total', () => {
    const checked = view(text);
    expect(checked.analysis.diagnostics.map((d) => d.code)).toContain('KPI001');
    expect(checked.analysis.diagnostics.map((d) => d.code)).not.toContain('KPI901');
    // The hover gives the total the weight check reports, the undeclared indicator included.
    const position = hoverText(text, 1, 10);
    expect(position).toContain('| `task_completion` (not declared) | 30% |');
    expect(position).toContain('| **Total** | **30%** (not 100%) |');
    expect(checked.analysis.diagnostics.find((d) => d.code === 'KPI201')?.message).toContain('30%');
    // The hover of k works on what was read.
    expect(hoverText(text, 2, 5)).toContain('| Unit | percent |');
  });
});

describe('B05: CRLF files read like their LF twins in the editor', () => {
  const lf =
    HEADER +
    'kpi z "Z" { unit percent better higher target >= 120% bands { good >= 95% poor < 90% } ' +
    'every quarter }\n' +
    'position p "P" { z weight 0.5 }\n';
  const crlf = lf.replace(/\n/g, '\r\n');

  test('gives the same diagnostics, hovers and tokens, and no edit touches a \\r', () => {
    const fromLf = view(lf);
    const fromCrlf = view(crlf);
    expect(fromCrlf.analysis.diagnostics.map((d) => [d.code, d.range])).toEqual(
      fromLf.analysis.diagnostics.map((d) => [d.code, d.range]),
    );
    expect(semanticTokens(fromCrlf, URI)).toEqual(semanticTokens(fromLf, URI));

    // At the very end of line 1 the hover is about line 1's framework id... or nothing; never
    // something on line 2.
    const endOfLine1 = { line: 0, character: HEADER.length - 1 };
    const shown = hover(fromCrlf, URI, endOfLine1);
    expect(shown === null || shown.range?.start.line === 0).toBe(true);

    for (const diagnostic of fromCrlf.analysis.diagnostics) {
      const actions = codeActions(fromCrlf, URI, diagnostic.range);
      for (const action of actions) {
        for (const edit of Object.values(action.edit?.changes ?? {}).flat()) {
          const lines = crlf.split('\r\n');
          // The range stays within its lines: its ends are never past a line's last character.
          expect(edit.range.start.character).toBeLessThanOrEqual(
            lines[edit.range.start.line]?.length ?? 0,
          );
          expect(edit.range.end.character).toBeLessThanOrEqual(
            lines[edit.range.end.line]?.length ?? 0,
          );
          expect(edit.newText).not.toContain('\r');
        }
      }
    }
  });
});

describe('B06: the editor gets UTF-16 columns after an emoji', () => {
  const text = HEADER + 'kpi sat "Tỷ lệ hài lòng 😊" { unit likert5 target >= 6 }\n';

  test('puts the out-of-scale 6 at character 53 and colours the unit after the emoji', () => {
    const checked = view(text);
    const outside = checked.analysis.diagnostics.find((d) => d.code === 'KPI304');
    expect(outside?.range.start).toEqual({ line: 1, character: 53 });
    const data = semanticTokens(checked, URI).data;
    const types: string[] = [];
    const starts: number[] = [];
    let line = 0;
    let character = 0;
    for (let at = 0; at < data.length; at += 5) {
      const deltaLine = data[at] ?? 0;
      line += deltaLine;
      character = deltaLine === 0 ? character + (data[at + 1] ?? 0) : (data[at + 1] ?? 0);
      if (line === 1) {
        starts.push(character);
        types.push(SEMANTIC_LEGEND.tokenTypes[data[at + 3] ?? 0] ?? '');
      }
    }
    // `sat` at 4, then `likert5` at 35 (UTF-16: the label is 17 units, quotes included 19).
    expect(starts).toEqual([4, 35]);
    expect(types).toEqual(['variable', 'type']);
  });
});

describe('B08: a file with a byte-order mark, read from disk', () => {
  test('has no diagnostic of its own and columns as without the mark', () => {
    const text = HEADER + 'kpi z "Z" { unit percent target >= 120% }\n';
    const bytes = new TextEncoder().encode(`\uFEFF${text}`);
    const decoded = decodeSource(bytes, URI);
    const workspace = new Workspace();
    workspace.setDiskFile(PATH, decoded.text, decoded.diagnostics);
    const withBom = workspace.analysisOf(PATH)?.diagnostics ?? [];
    const plain = view(text).analysis.diagnostics;
    expect(withBom.map((d) => [d.code, d.range])).toEqual(plain.map((d) => [d.code, d.range]));
  });
});
