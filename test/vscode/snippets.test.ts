/**
 * The extension's snippets: each one, with every placeholder at its default (the first
 * choice of a choice list), is kpilang that parses without a syntax error, and together they
 * make a framework without an error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSources, parseSource } from '@kpilang/core';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../cli/kpic-process.js';

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

const SNIPPETS = JSON.parse(
  readFileSync(join(REPO_ROOT, 'packages', 'vscode', 'snippets', 'kpilang.json'), 'utf8'),
) as Record<string, Snippet>;

/**
 * The text a snippet inserts when every placeholder keeps its default, or the value `typed`
 * gives for its number: `${1:text}` gives `text`, `${1|a,b|}` gives `a`, and `$1` or `${1}`
 * repeats what placeholder 1 gave. Variables and transforms are not used by the snippets, so
 * they are refused rather than guessed.
 */
function expandSnippet(body: string, typed: Record<string, string> = {}): string {
  const defaults = new Map<string, string>();
  const expand = (text: string): string => {
    let out = '';
    let at = 0;
    while (at < text.length) {
      const char = text[at]!;
      if (char === '\\' && '$}\\'.includes(text[at + 1] ?? '')) {
        out += text[at + 1];
        at += 2;
        continue;
      }
      if (char !== '$') {
        out += char;
        at++;
        continue;
      }
      const rest = text.slice(at);
      const mirror = /^\$(\d+)|^\$\{(\d+)\}/.exec(rest);
      if (mirror) {
        out += defaults.get(mirror[1] ?? mirror[2]!) ?? '';
        at += mirror[0].length;
        continue;
      }
      const choice = /^\$\{(\d+)\|([^|]*)\|\}/.exec(rest);
      if (choice) {
        const first = typed[choice[1]!] ?? choice[2]!.split(',')[0]!;
        defaults.set(choice[1]!, first);
        out += first;
        at += choice[0].length;
        continue;
      }
      const placeholder = /^\$\{(\d+):/.exec(rest);
      if (!placeholder) throw new Error(`unsupported snippet syntax: ${rest.slice(0, 20)}`);
      // The default runs to the matching unescaped '}'; '${' opens a nested placeholder.
      let depth = 1;
      let end = at + placeholder[0].length;
      for (; end < text.length; end++) {
        if (text[end] === '\\') end++;
        else if (text[end] === '$' && text[end + 1] === '{') depth++;
        else if (text[end] === '}' && --depth === 0) break;
      }
      const value = typed[placeholder[1]!] ?? expand(text.slice(at + placeholder[0].length, end));
      defaults.set(placeholder[1]!, value);
      out += value;
      at = end + 1;
    }
    return out;
  };
  // The first pass learns every default, so that a mirror placed before its placeholder
  // gets it in the second.
  expand(body);
  return expand(body);
}

function syntaxErrors(text: string): string[] {
  return parseSource(text, 'file:///snippet.kpi').diagnostics.map(
    (diagnostic) => `${diagnostic.code} ${diagnostic.message}`,
  );
}

describe('the kpilang snippets', () => {
  test('offer framework, kpi, position and context, each described', () => {
    const prefixes = Object.values(SNIPPETS).map((snippet) => snippet.prefix);
    expect(prefixes).toEqual(expect.arrayContaining(['framework', 'kpi', 'position', 'context']));
    for (const snippet of Object.values(SNIPPETS)) expect(snippet.description).not.toBe('');
  });

  test.each(Object.entries(SNIPPETS))('%s parses without a syntax error', (_name, snippet) => {
    const text = expandSnippet(snippet.body.join('\n'));
    expect(text).not.toContain('$');
    expect(syntaxErrors(text)).toEqual([]);
  });

  test('together make a framework that kpic checks without an error', () => {
    const body = (prefix: string) =>
      Object.values(SNIPPETS)
        .find((snippet) => snippet.prefix === prefix)!
        .body.join('\n');
    // The position and the context weight two indicators: the kpi snippet twice.
    const text = [
      expandSnippet(body('framework')),
      expandSnippet(body('goal')),
      expandSnippet(body('kpi')),
      expandSnippet(body('kpi'), { 1: 'records_quality', 4: 'outcome' }),
      expandSnippet(body('group')),
      expandSnippet(body('position')),
      expandSnippet(body('context')),
    ].join('\n');
    const checked = checkSources([{ uri: 'file:///framework.kpi', text }]);
    const errors = checked.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    expect(errors.map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`)).toEqual([]);
  });

  test('the indicator snippet puts the target where the best band starts', () => {
    const kpi = Object.values(SNIPPETS).find((snippet) => snippet.prefix === 'kpi')!;
    const text = expandSnippet(kpi.body.join('\n'));
    expect(text).toContain('target >= 95%');
    expect(text).toContain('excellent from 95%');
    expect(text).toContain('good      from 80% to under 95%');
  });

  test('a snippet that does not parse is caught', () => {
    expect(expandSnippet('kpi ${1:id} "${2:x}" { unit ${3|percent,count|} ${4:\\}}')).toBe(
      'kpi id "x" { unit percent }',
    );
    expect(syntaxErrors(expandSnippet('kpi ${1:id} "${2:x}" { bands { good from } }'))).not.toEqual(
      [],
    );
  });
});
