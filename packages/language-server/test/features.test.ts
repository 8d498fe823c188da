import { ResponseError } from 'vscode-languageserver/node';
import { describe, expect, it } from 'vitest';
import { codeActions } from '../src/features/code-actions.js';
import { completions } from '../src/features/completion.js';
import { foldingRanges } from '../src/features/folding.js';
import { hover } from '../src/features/hover.js';
import { inlayHints } from '../src/features/inlay-hints.js';
import { definition, prepareRename, references, rename } from '../src/features/navigation.js';
import { SEMANTIC_LEGEND, semanticTokens } from '../src/features/semantic-tokens.js';
import { documentSymbols, workspaceSymbols } from '../src/features/symbols.js';
import { HEADER, INDICATORS, openFiles, positionOf } from './helpers.js';

const FRAMEWORK = '/fw/framework.kpi';
const PARTS = '/fw/parts.kpi';
const WHOLE = { range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } } };

function demo(parts = INDICATORS) {
  return openFiles({ [FRAMEWORK]: HEADER, [PARTS]: parts });
}

function labels(items: { label: string }[]): string[] {
  return items.map((item) => item.label);
}

/** The completion labels with the cursor at `marker` + `offset` in a copy of INDICATORS. */
function completeAt(text: string, marker: string, offset = marker.length) {
  const opened = demo(text);
  return labels(
    completions(opened.view(PARTS), opened.document(PARTS), positionOf(text, marker, offset)),
  );
}

describe('navigation', () => {
  it('goes from a use to the declaration in another file', () => {
    const opened = demo();
    const at = positionOf(INDICATORS, 'goal speed', 6);
    const target = definition(opened.view(PARTS), opened.uri(PARTS), at);
    expect(target).toEqual({
      uri: opened.uri(FRAMEWORK),
      range: {
        start: positionOf(HEADER, 'speed'),
        end: positionOf(HEADER, 'speed', 5),
      },
    });
  });

  it('finds every reference, with or without the declaration', () => {
    const opened = demo();
    const at = positionOf(INDICATORS, 'kpi on_time', 5);
    const view = opened.view(PARTS);
    // Group member, position assignment, context override, context position assignment.
    expect(references(view, opened.uri(PARTS), at, { includeDeclaration: false })).toHaveLength(4);
    expect(references(view, opened.uri(PARTS), at, { includeDeclaration: true })).toHaveLength(5);
  });

  it('renames a level everywhere, across files', () => {
    const opened = demo();
    const at = positionOf(HEADER, 'good "Tốt"');
    const edit = rename(opened.view(FRAMEWORK), opened.uri(FRAMEWORK), at, 'fine');
    if (!edit || edit instanceof ResponseError) throw new Error('expected an edit');
    const count = Object.values(edit.changes ?? {}).flat().length;
    // The declaration and the three bands named `good` (two kpis, one context).
    expect(count).toBe(4);
    expect(Object.keys(edit.changes ?? {}).sort()).toEqual([
      opened.uri(FRAMEWORK),
      opened.uri(PARTS),
    ]);
    expect(prepareRename(opened.view(FRAMEWORK), opened.uri(FRAMEWORK), at)?.placeholder).toBe(
      'good',
    );
  });

  it('renames a measure across formulas and refuses names that cannot be ids', () => {
    const opened = demo();
    const at = positionOf(INDICATORS, 'tasks_total');
    const view = opened.view(PARTS);
    const edit = rename(view, opened.uri(PARTS), at, 'all_tasks');
    expect(edit).not.toBeInstanceOf(ResponseError);
    expect(Object.values((edit as { changes: object }).changes).flat()).toHaveLength(1);
    for (const [name, reason] of [
      ['2fast', /ASCII letters/],
      ['kpi', /keyword/],
      ['quality_rating', /already a measure/],
    ] as const) {
      const refused = rename(view, opened.uri(PARTS), at, name);
      expect(refused).toBeInstanceOf(ResponseError);
      expect((refused as ResponseError<void>).message).toMatch(reason);
    }
  });

  it('renames a duplicate declaration alone, and the declaration its uses name without it', () => {
    const duplicated = `${INDICATORS}\nkpi on_time "Lặp lại" / "Again" {\n  kind output\n}\n`;
    const opened = demo(duplicated);
    const view = opened.view(PARTS);
    const uri = opened.uri(PARTS);
    const renamed = (at: { line: number; character: number }) => {
      const edit = rename(view, uri, at, 'on_schedule');
      if (!edit || edit instanceof ResponseError) throw new Error('expected an edit');
      return (edit.changes?.[uri] ?? []).map((change) => change.range.start.line);
    };
    const first = positionOf(duplicated, 'kpi on_time', 4).line;
    const second = positionOf(duplicated, 'kpi on_time', 4, 1).line;
    // Uses resolve to the first declaration; the second is the duplicate the checker reports.
    expect(
      definition(view, uri, positionOf(duplicated, 'on_time, quality'))?.range.start.line,
    ).toBe(first);
    expect(renamed(positionOf(duplicated, 'kpi on_time', 4, 1))).toEqual([second]);
    const withUses = renamed(positionOf(duplicated, 'on_time, quality'));
    expect(withUses).toContain(first);
    expect(withUses).not.toContain(second);
    expect(withUses).toHaveLength(5);
  });

  it(
    'refuses to rename a scale to a built-in unit, which would change what other kpis ' + 'mean',
    () => {
      const text = `${INDICATORS}\nscale agree3 "Đồng ý" / "Agreement" from 1 to 3\n`;
      const opened = demo(text);
      const at = positionOf(text, 'agree3');
      const refused = rename(opened.view(PARTS), opened.uri(PARTS), at, 'percent');
      expect(refused).toBeInstanceOf(ResponseError);
      expect((refused as ResponseError<void>).message).toMatch(/built-in unit/);
      expect(rename(opened.view(PARTS), opened.uri(PARTS), at, 'agree_3')).not.toBeInstanceOf(
        ResponseError,
      );
    },
  );

  it('finds nothing on a keyword or in a comment', () => {
    const opened = demo();
    expect(
      definition(opened.view(PARTS), opened.uri(PARTS), positionOf(INDICATORS, 'kind output')),
    ).toBeNull();
  });
});

describe('symbols and folding', () => {
  it('outlines a file with positions and their assignments', () => {
    const opened = demo();
    const symbols = documentSymbols(opened.view(PARTS), opened.uri(PARTS));
    expect(symbols.map((symbol) => symbol.name)).toEqual([
      'on_time',
      'quality',
      'staff',
      'clerk',
      'remote',
    ]);
    const clerk = symbols.find((symbol) => symbol.name === 'clerk');
    expect(clerk?.children?.map((child) => `${child.name} ${child.detail}`)).toEqual([
      'on_time weight 60%',
      'quality weight 40%',
    ]);
  });

  it('searches the declarations of the workspace by a fuzzy query', () => {
    const opened = demo();
    const found = workspaceSymbols(opened.view(PARTS), 'ontm');
    expect(found.map((symbol) => symbol.name)).toContain('on_time');
    expect(found.map((symbol) => symbol.name)).not.toContain('quality');
    // Declarations only: the weight line of on_time in clerk is a use.
    expect(found.filter((symbol) => symbol.name === 'on_time')).toHaveLength(1);
    const levels = workspaceSymbols(opened.view(PARTS), 'poor');
    expect(levels.map((symbol) => [symbol.name, symbol.containerName])).toEqual([
      ['poor', 'levels'],
    ]);
  });

  it('folds blocks and runs of comments', () => {
    const text = `// one\n// two\n// three\n${INDICATORS}`;
    const opened = demo(text);
    const ranges = foldingRanges(opened.view(PARTS), opened.uri(PARTS), text);
    expect(ranges[0]).toMatchObject({ startLine: 0, endLine: 2, kind: 'comment' });
    const kpi = positionOf(text, 'kpi on_time').line;
    const bands = positionOf(text, 'bands {').line;
    expect(ranges.some((range) => range.startLine === kpi)).toBe(true);
    expect(ranges.some((range) => range.startLine === bands && range.endLine === bands + 3)).toBe(
      true,
    );
  });
});

describe('hover', () => {
  it('shows a level its points and a position whose weights miss 100% its total', () => {
    const opened = demo(INDICATORS.replace('quality weight 40%', 'quality weight 30%'));
    const level = hover(
      opened.view(FRAMEWORK),
      opened.uri(FRAMEWORK),
      positionOf(HEADER, 'poor "Kém"'),
    );
    expect((level?.contents as { value: string }).value).toContain('**0 points**');
    const text = INDICATORS.replace('quality weight 40%', 'quality weight 30%');
    const position = hover(opened.view(PARTS), opened.uri(PARTS), positionOf(text, 'clerk "'));
    expect((position?.contents as { value: string }).value).toContain(
      '| **Total** | **90%** (not 100%) |',
    );
  });

  it('shows where a context changes an indicator', () => {
    const opened = demo();
    const shown = hover(
      opened.view(PARTS),
      opened.uri(PARTS),
      positionOf(INDICATORS, 'kpi on_time', 5),
    );
    const value = (shown?.contents as { value: string }).value;
    expect(value).toContain('| Target | 80% and above |');
    expect(value).toContain('| `clerk` | 60% |');
    expect(value).toContain('| `clerk` in `remote` | 50%, target or bands changed |');
  });

  it('writes label text as text, not Markdown', () => {
    const text = INDICATORS.replace('"Đúng hạn" / "On time"', '"Đúng *hạn* <b>" / "On | time"');
    const opened = demo(text);
    const shown = hover(opened.view(PARTS), opened.uri(PARTS), positionOf(text, 'kpi on_time', 5));
    expect((shown?.contents as { value: string }).value).toContain('Đúng \\*hạn\\* \\<b\\>');
  });
});

describe('completion', () => {
  it('offers declaration keywords at the top level and nothing else', () => {
    const text = `${INDICATORS}\n\n`;
    const found = completeAt(text, `${INDICATORS}\n\n`, text.length);
    expect(found).toEqual([
      'framework',
      'levels',
      'rating',
      'goal',
      'scale',
      'kpi',
      'group',
      'position',
      'context',
      'part',
      'when',
      'quota',
    ]);
  });

  it('offers the fields a kpi does not have yet', () => {
    const text = INDICATORS.replace('  source "Hệ thống" / "System"\n', '  \n');
    const found = completeAt(text, '  every quarter\n  ', 18);
    expect(found).toContain('source');
    expect(found).not.toContain('unit');
    expect(found).not.toContain('kpi');
  });

  it('offers the words and names each keyword takes', () => {
    expect(completeAt(INDICATORS, 'every quarter', 6)).toEqual([
      'week',
      'month',
      'quarter',
      'half',
      'year',
    ]);
    expect(completeAt(INDICATORS, 'kind output', 5)).toEqual([
      'input',
      'process',
      'output',
      'outcome',
    ]);
    expect(completeAt(INDICATORS, 'goal speed', 5)).toEqual(['speed']);
    expect(completeAt(INDICATORS, 'in staff', 3)).toEqual(['staff']);
    expect(completeAt(INDICATORS, '  position clerk', 11)).toEqual(['clerk']);
    expect(completeAt(INDICATORS, 'unit percent', 5)).toEqual(
      expect.arrayContaining(['percent', 'count', 'hours', 'likert5']),
    );
  });

  it('offers the header fields, round among them, and after round what it rounds', () => {
    /** The labels with the cursor at the end of `line`, written as the header's last line. */
    const inHeader = (line: string) => {
      const header = HEADER.replace('  cycle quarterly\n', `  cycle quarterly\n  ${line}\n`);
      const opened = openFiles({ [FRAMEWORK]: header, [PARTS]: INDICATORS });
      const at = positionOf(header, `  ${line}\n`, line.length + 2);
      return labels(completions(opened.view(FRAMEWORK), opened.document(FRAMEWORK), at));
    };

    expect(inHeader('')).toEqual([
      'version',
      'agency',
      'effective',
      'cycle',
      'missing data',
      'round',
    ]);
    expect(inHeader('round ')).toEqual(['values', 'total']);
    expect(inHeader('round tot')).toEqual(['values', 'total']);
    expect(inHeader('round total ')).toEqual(['to']);
    expect(inHeader('round values to 1 ')).toEqual(['decimal', 'decimals']);
    expect(inHeader('round total to 2 ')).toEqual(['decimals', 'decimal']);
  });

  it('offers levels inside bands and indicators inside groups and positions', () => {
    expect(completeAt(INDICATORS, '    good >= 80%', 4)).toEqual(['good', 'poor']);
    const emptied = INDICATORS.replace('  on_time, quality\n', '  on_time, \n');
    expect(completeAt(emptied, 'on_time, ', 9)).toEqual(['quality']);
    const newLine = INDICATORS.replace('  quality weight 40%\n', '  \n');
    expect(completeAt(newLine, 'on_time weight 60%\n  ', 21)).toEqual(['quality']);
    expect(completeAt(INDICATORS, 'quality weight 40%', 8)).toEqual(['weight']);
  });

  it('offers nothing inside a label or a comment', () => {
    const text = INDICATORS.replace('source "Hệ thống" / "System"', 'source "the unit ').replace(
      '  kind outcome',
      '  kind outcome // every ',
    );
    expect(completeAt(text, 'source "the unit ')).toEqual([]);
    expect(completeAt(text, '// every ')).toEqual([]);
  });

  it('replaces the word being typed', () => {
    const text = INDICATORS.replace('every quarter', 'every qua');
    const opened = demo(text);
    const at = positionOf(text, 'every qua', 9);
    const item = completions(opened.view(PARTS), opened.document(PARTS), at).find(
      (entry) => entry.label === 'quarter',
    );
    expect(item?.textEdit).toEqual({
      range: { start: { line: at.line, character: at.character - 3 }, end: at },
      newText: 'quarter',
    });
  });
});

describe('semantic tokens', () => {
  /** Decodes the relative encoding into absolute tokens. */
  function decode(data: number[]) {
    const tokens: {
      line: number;
      character: number;
      length: number;
      type: string;
      modifiers: number;
    }[] = [];
    let line = 0;
    let character = 0;
    for (let at = 0; at < data.length; at += 5) {
      const [deltaLine, deltaStart, length, type, modifiers] = data.slice(at, at + 5) as number[];
      line += deltaLine!;
      character = deltaLine === 0 ? character + deltaStart! : deltaStart!;
      tokens.push({
        line,
        character,
        length: length!,
        type: SEMANTIC_LEGEND.tokenTypes[type!]!,
        modifiers: modifiers!,
      });
    }
    return tokens;
  }

  it(
    'colours names by what they stand for, in UTF-16 columns after Vietnamese and astral ' + 'text',
    () => {
      const text = INDICATORS.replace(
        'position clerk "Văn thư" / "Clerk" in staff {',
        'position clerk "Văn thư 𝒜 Ủy ban" / "Clerk" in staff {',
      );
      const opened = demo(text);
      const tokens = decode(semanticTokens(opened.view(PARTS), opened.uri(PARTS)).data);
      const staff = positionOf(text, 'in staff', 3);
      expect(tokens).toContainEqual({ ...staff, length: 5, type: 'type', modifiers: 0 });
      const clerk = positionOf(text, 'clerk "');
      expect(tokens).toContainEqual({ ...clerk, length: 5, type: 'class', modifiers: 1 });
      const word = positionOf(text, 'higher');
      expect(tokens).toContainEqual({ ...word, length: 6, type: 'enumMember', modifiers: 2 });
    },
  );

  it('colours the words of a rounding clause as the other enumerated words', () => {
    const header = HEADER.replace(
      '  cycle quarterly\n',
      '  cycle quarterly\n  round total to 2 decimals\n',
    );
    const opened = openFiles({ [FRAMEWORK]: header, [PARTS]: INDICATORS });
    const tokens = decode(semanticTokens(opened.view(FRAMEWORK), opened.uri(FRAMEWORK)).data);
    const total = positionOf(header, 'total to');
    const decimals = positionOf(header, 'decimals');
    expect(tokens).toContainEqual({ ...total, length: 5, type: 'enumMember', modifiers: 2 });
    expect(tokens).toContainEqual({ ...decimals, length: 8, type: 'enumMember', modifiers: 2 });
  });
});

describe('inlay hints', () => {
  it('shows the running weight total and, in a context, the values an override replaces', () => {
    const opened = demo();
    const hints = inlayHints(opened.view(PARTS), opened.uri(PARTS), WHOLE.range);
    const shown = hints.map((hint) => hint.label);
    expect(shown).toEqual([
      'Σ 60%',
      'Σ 100%',
      'was 80% and above',
      'total 100%',
      'was 60%',
      'was 40%',
    ]);
    expect(hints[1]?.position).toEqual(positionOf(INDICATORS, 'quality weight 40%', 18));
  });

  it('shows the weight an override keeps when it changes only the target', () => {
    const text = INDICATORS.replace('    quality weight 50%\n', '').replace(
      'on_time weight 50%',
      'on_time target >= 75%',
    );
    const opened = demo(text);
    const shown = inlayHints(opened.view(PARTS), opened.uri(PARTS), WHOLE.range).map(
      (hint) => hint.label,
    );
    expect(shown).toContain('weight 60%');
  });
});

describe('code actions', () => {
  it('offers the fix of a "did you mean" under the cursor, for the current text', () => {
    const text = INDICATORS.replace('every quarter', 'every quartr');
    const opened = demo(text);
    const at = positionOf(text, 'quartr', 2);
    const actions = codeActions(opened.view(PARTS), opened.uri(PARTS), { start: at, end: at });
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      title: "Replace 'quartr' with 'quarter'",
      kind: 'quickfix',
      isPreferred: true,
    });
    const edits = actions[0]?.edit?.changes?.[opened.uri(PARTS)];
    expect(edits?.[0]?.newText).toBe('quarter');
    // Elsewhere in the file, nothing.
    const far = positionOf(text, 'kind output');
    expect(codeActions(opened.view(PARTS), opened.uri(PARTS), { start: far, end: far })).toEqual(
      [],
    );
  });
});
