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

/** The .kpi files of an example framework, in path order. */
function examples(folder: string): string[] {
  const url = new URL(`../../../examples/${folder}/framework/`, import.meta.url);
  return readdirSync(url)
    .filter((name) => name.endsWith('.kpi'))
    .sort()
    .map((name) => readFileSync(new URL(name, url), 'utf8'));
}

const EXAMPLES = examples('cema');
const ALL = EXAMPLES.join('\n');
// Decree 335 has parts, conditions and quotas, which the CEMA example does not.
const DECREE = examples('vn-decree-335');
const DECREE_ALL = DECREE.join('\n');

function everyFeature(
  text: string,
  line: number,
  character: number,
  header = EXAMPLES[0] ?? '',
): void {
  const path = '/fw/broken.kpi';
  const opened = openFiles({ '/fw/framework.kpi': header, [path]: text });
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

  it('never makes a feature throw on cuts and splices of parts, conditions and quotas', () => {
    const header = DECREE.find((example) => example.includes('framework ')) ?? '';
    fc.assert(
      fc.property(
        fc.nat(DECREE_ALL.length),
        fc.nat(DECREE_ALL.length),
        fc.nat(DECREE_ALL.length),
        fc.nat(200),
        fc.nat(120),
        (start, end, insertAt, line, character) => {
          const [low, high] = start < end ? [start, end] : [end, start];
          const cut = DECREE_ALL.slice(0, low) + DECREE_ALL.slice(high);
          const text =
            cut.slice(0, insertAt) + DECREE_ALL.slice(low, low + 40) + cut.slice(insertAt);
          expect(() => everyFeature(text, line, character, header)).not.toThrow();
        },
      ),
      { numRuns: 150, seed: 20260606 },
    );
  });

  it('never makes a feature throw on every prefix of a quota or a condition, at its end', () => {
    const header = DECREE.find((example) => example.includes('framework ')) ?? '';
    for (const text of DECREE.filter((example) => /^(quota|when) /m.test(example))) {
      for (let length = 0; length <= text.length; length += 3) {
        const prefix = text.slice(0, length);
        const lines = prefix.split('\n');
        const [line, character] = [lines.length - 1, lines.at(-1)?.length ?? 0];
        expect(() => everyFeature(prefix, line, character, header)).not.toThrow();
      }
    }
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
