/**
 * The server never fails on half-typed text: every feature, at any position, on any prefix,
 * cut or splice of the example files, answers without throwing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeActions } from '../src/features/code-actions.js';
import { completions } from '../src/features/completion.js';
import { foldingRanges } from '../src/features/folding.js';
import { hover } from '../src/features/hover.js';
import { inlayHints } from '../src/features/inlay-hints.js';
import { definition, references, rename } from '../src/features/navigation.js';
import { semanticTokens } from '../src/features/semantic-tokens.js';
import { documentSymbols, workspaceSymbols } from '../src/features/symbols.js';
import { openFiles } from './helpers.js';

const FOLDER = new URL('../../../examples/cema/framework/', import.meta.url);
const EXAMPLES = readdirSync(FOLDER)
  .filter((name) => name.endsWith('.kpi'))
  .map((name) => readFileSync(new URL(name, FOLDER), 'utf8'));
const ALL = EXAMPLES.join('\n');

function everyFeature(text: string, line: number, character: number): void {
  const path = '/fw/broken.kpi';
  const opened = openFiles({ '/fw/framework.kpi': EXAMPLES[0] ?? '', [path]: text });
  const view = opened.view(path);
  const uri = opened.uri(path);
  const position = { line, character };
  hover(view, uri, position);
  completions(view, opened.document(path), position);
  definition(view, uri, position);
  references(view, uri, position, { includeDeclaration: true });
  rename(view, uri, position, 'renamed_name');
  documentSymbols(view, uri);
  workspaceSymbols(view, 'a');
  foldingRanges(view, uri, text);
  codeActions(view, uri, { start: position, end: position });
  semanticTokens(view, uri);
  inlayHints(view, uri, { start: { line: 0, character: 0 }, end: { line: 9999, character: 0 } });
}

describe('half-typed text', () => {
  it('never makes a feature throw, on cuts and splices of the examples', () => {
    fc.assert(
      fc.property(
        fc.nat(ALL.length),
        fc.nat(ALL.length),
        fc.nat(ALL.length),
        fc.nat(200),
        fc.nat(120),
        (start, end, insertAt, line, character) => {
          const [low, high] = start < end ? [start, end] : [end, start];
          // Cut a piece out, and put part of it back somewhere else.
          const cut = ALL.slice(0, low) + ALL.slice(high);
          const text = cut.slice(0, insertAt) + ALL.slice(low, low + 40) + cut.slice(insertAt);
          expect(() => everyFeature(text, line, character)).not.toThrow();
        },
      ),
      { numRuns: 150, seed: 20261204 },
    );
  });

  it('never makes a feature throw on every prefix of a file, at its end', () => {
    const text = EXAMPLES.find((example) => example.includes('context')) ?? ALL;
    for (let length = 0; length <= text.length; length += 7) {
      const prefix = text.slice(0, length);
      const lines = prefix.split('\n');
      expect(() => everyFeature(prefix, lines.length - 1, lines.at(-1)?.length ?? 0)).not.toThrow();
    }
  });
});
