/**
 * The language server on issue 6's declarations: parts of the total, conditions (`when`) and
 * quotas, and the kpi fields `part` and `points`. The framework is the demo of the other
 * feature tests, with each indicator in a part and a third file of parts, facts and a quota.
 */
import { ResponseError, SymbolKind } from 'vscode-languageserver/node';
import { describe, expect, it } from 'vitest';
import { completions } from '../src/features/completion.js';
import { hover } from '../src/features/hover.js';
import { definition, references, rename } from '../src/features/navigation.js';
import { SEMANTIC_LEGEND, semanticTokens } from '../src/features/semantic-tokens.js';
import { documentSymbols, workspaceSymbols } from '../src/features/symbols.js';
import { HEADER, INDICATORS, openFiles, positionOf } from './helpers.js';

const FRAMEWORK = '/fw/framework.kpi';
const PARTS = '/fw/parts.kpi';
const RULES = '/fw/rules.kpi';

/** The demo indicators, on_time in the part `results` and quality in `general`. */
const IN_PARTS = INDICATORS.replace(
  '  goal speed\n}\n\nkpi quality',
  '  goal speed\n  part results\n}\n\nkpi quality',
).replace('  goal speed\n}\n\ngroup', '  goal speed\n  part general\n}\n\ngroup');

const RULES_TEXT = `part general "Chung" / "General" points 40
part results "Kết quả" / "Results" points 60

when disciplined "Kỷ luật" / "Disciplined" rate not_done
when sanctioned "Đơn vị bị xử lý" / "Unit sanctioned" in staff rate not_done

quota few_done "Ít hoàn thành" / "Few done" {
  done at most 20% of not_done
  within unit, group
  rank by total, results, on_time
}
`;

function open(rules = RULES_TEXT, parts = IN_PARTS) {
  return openFiles({ [FRAMEWORK]: HEADER, [PARTS]: parts, [RULES]: rules });
}

/** Where `marker` + `offset` is in `text`, the file at `path`: a cursor for the features. */
function at(path: string, text: string, marker: string, offset = 0, occurrence = 0) {
  const opened = open(path === RULES ? text : RULES_TEXT, path === PARTS ? text : IN_PARTS);
  return {
    opened,
    view: opened.view(path),
    uri: opened.uri(path),
    position: positionOf(text, marker, offset, occurrence),
  };
}

/** The declaration `definition` finds from the cursor, as its file and its text. */
function definitionText(path: string, text: string, marker: string, offset = 0) {
  const { opened, view, uri, position } = at(path, text, marker, offset);
  const found = definition(view, uri, position);
  if (!found) return undefined;
  const files: Record<string, string> = {
    [opened.uri(FRAMEWORK)]: HEADER,
    [opened.uri(PARTS)]: IN_PARTS,
    [opened.uri(RULES)]: RULES_TEXT,
  };
  const line = (files[found.uri] ?? '').split('\n')[found.range.start.line] ?? '';
  const name = line.slice(found.range.start.character, found.range.end.character);
  return `${found.uri.split('/').at(-1)} ${name}: ${line.trim()}`;
}

function renameTo(path: string, text: string, marker: string, newName: string, offset = 0) {
  const { view, uri, position } = at(path, text, marker, offset);
  return rename(view, uri, position, newName);
}

/** The edits of a rename, as `file:line:column` in text order. */
function edited(edit: ReturnType<typeof rename>): string[] {
  if (!edit || edit instanceof ResponseError) throw new Error('expected an edit');
  return Object.entries(edit.changes ?? {})
    .flatMap(([uri, changes]) =>
      changes.map(
        (change) =>
          `${uri.split('/').at(-1)}:${change.range.start.line}:${change.range.start.character}`,
      ),
    )
    .sort();
}

function refused(edit: ReturnType<typeof rename>): string {
  if (!(edit instanceof ResponseError)) throw new Error('expected the rename to be refused');
  return edit.message;
}

describe('navigation through parts, conditions and quotas', () => {
  it('goes from every name a when, a quota or a kpi field uses to its declaration', () => {
    expect(definitionText(PARTS, IN_PARTS, 'part results', 5)).toBe(
      'rules.kpi results: part results "Kết quả" / "Results" points 60',
    );
    expect(definitionText(RULES, RULES_TEXT, 'rate not_done', 5)).toBe(
      'framework.kpi not_done: not_done "Chưa" / "Not done" under 50',
    );
    expect(definitionText(RULES, RULES_TEXT, 'in staff', 3)).toBe(
      'parts.kpi staff: group staff "Nhân viên" / "Staff" {',
    );
    expect(definitionText(RULES, RULES_TEXT, 'done at most')).toBe(
      'framework.kpi done: done "Hoàn thành" / "Done" from 50',
    );
    expect(definitionText(RULES, RULES_TEXT, 'of not_done', 3)).toBe(
      'framework.kpi not_done: not_done "Chưa" / "Not done" under 50',
    );
    expect(definitionText(RULES, RULES_TEXT, 'results, on_time')).toBe(
      'rules.kpi results: part results "Kết quả" / "Results" points 60',
    );
    expect(definitionText(RULES, RULES_TEXT, 'on_time\n}')).toBe(
      'parts.kpi on_time: kpi on_time "Đúng hạn" / "On time" {',
    );
    // `total` is a word of the language, not a name: there is nothing to go to.
    expect(definitionText(RULES, RULES_TEXT, 'total,')).toBeUndefined();
  });

  it('finds a part from its declaration in the kpi that counts toward it and the rank keys', () => {
    const { view, uri, position } = at(RULES, RULES_TEXT, 'part results', 5);
    const found = references(view, uri, position, { includeDeclaration: true });
    const where = (entry: { uri: string; range: { start: { line: number } } }) =>
      `${entry.uri.split('/').at(-1)}:${entry.range.start.line}`;
    // The kpi field, the declaration and the rank key, file by file in path order.
    expect(found.map(where)).toEqual([
      `parts.kpi:${positionOf(IN_PARTS, 'part results').line}`,
      `rules.kpi:${positionOf(RULES_TEXT, 'part results').line}`,
      `rules.kpi:${positionOf(RULES_TEXT, 'rank by').line}`,
    ]);
    expect(references(view, uri, position, { includeDeclaration: false })).toHaveLength(2);
  });

  it('renames a part, a fact, a quota and a rating line everywhere they are named', () => {
    /** `file:line:column` of `marker` + `offset` (its `occurrence`-th match) in `text`. */
    const place = (file: string, text: string, marker: string, offset = 0, occurrence = 0) => {
      const { line, character } = positionOf(text, marker, offset, occurrence);
      return `${file}:${line}:${character}`;
    };
    expect(edited(renameTo(RULES, RULES_TEXT, 'part results', 'task_results', 5))).toEqual([
      place('parts.kpi', IN_PARTS, 'part results', 5),
      place('rules.kpi', RULES_TEXT, 'part results', 5),
      place('rules.kpi', RULES_TEXT, 'results, on_time'),
    ]);
    expect(edited(renameTo(RULES, RULES_TEXT, 'disciplined', 'reprimanded'))).toEqual([
      place('rules.kpi', RULES_TEXT, 'disciplined'),
    ]);
    expect(edited(renameTo(RULES, RULES_TEXT, 'few_done', 'done_share'))).toEqual([
      place('rules.kpi', RULES_TEXT, 'few_done'),
    ]);
    // The declaration, both `rate`s and the quota's base line.
    expect(edited(renameTo(FRAMEWORK, HEADER, 'not_done "', 'missed'))).toEqual([
      place('framework.kpi', HEADER, 'not_done "'),
      place('rules.kpi', RULES_TEXT, 'rate not_done', 5),
      place('rules.kpi', RULES_TEXT, 'rate not_done', 5, 1),
      place('rules.kpi', RULES_TEXT, 'of not_done', 3),
    ]);
  });

  it('refuses a rename that would make a fact and a measure share a name', () => {
    expect(refused(renameTo(RULES, RULES_TEXT, 'disciplined', 'tasks_total'))).toMatch(
      /'tasks_total' is a measure a formula names; a fact and a measure cannot share a name/,
    );
    expect(refused(renameTo(PARTS, IN_PARTS, 'tasks_total', 'disciplined'))).toMatch(
      /'disciplined' is a fact; a fact and a measure cannot share a name/,
    );
    expect(refused(renameTo(RULES, RULES_TEXT, 'sanctioned', 'disciplined'))).toMatch(
      /There is already a fact named 'disciplined'/,
    );
    expect(refused(renameTo(RULES, RULES_TEXT, 'few_done', 'quota'))).toMatch(/keyword/);
  });

  it('refuses a rename that would change what a rank key means, and allows the others', () => {
    expect(refused(renameTo(RULES, RULES_TEXT, 'part results', 'total', 5))).toMatch(
      /A quota ranks by 'results'; renamed 'total', that key would mean the total/,
    );
    expect(refused(renameTo(PARTS, IN_PARTS, 'kpi on_time', 'general', 4))).toMatch(
      /renamed 'general', that key would mean the part 'general'/,
    );
    expect(refused(renameTo(RULES, RULES_TEXT, 'part general', 'on_time', 5))).toMatch(
      /A quota ranks by 'on_time'; a part renamed 'on_time' would take that key's place/,
    );
    // Neither `general` nor `quality` is a rank key: nothing a quota reads changes.
    expect(renameTo(RULES, RULES_TEXT, 'part general', 'quality', 5)).not.toBeInstanceOf(
      ResponseError,
    );
    expect(renameTo(PARTS, IN_PARTS, 'kpi quality', 'total', 4)).not.toBeInstanceOf(ResponseError);
  });
});

describe('semantic tokens of parts, conditions and quotas', () => {
  function tokenAt(path: string, text: string, marker: string, offset = 0) {
    const { view, uri, position } = at(path, text, marker, offset);
    const data = semanticTokens(view, uri).data;
    let line = 0;
    let character = 0;
    for (let index = 0; index < data.length; index += 5) {
      const [deltaLine, deltaStart, , type, modifiers] = data.slice(index, index + 5) as number[];
      line += deltaLine!;
      character = deltaLine === 0 ? character + deltaStart! : deltaStart!;
      if (line === position.line && character === position.character) {
        return `${SEMANTIC_LEGEND.tokenTypes[type!]} ${modifiers}`;
      }
    }
    return undefined;
  }

  it('colours each new kind of name apart, and the words of a quota and of points', () => {
    expect(tokenAt(RULES, RULES_TEXT, 'results "', 0)).toBe('struct 1');
    expect(tokenAt(PARTS, IN_PARTS, 'part results', 5)).toBe('struct 0');
    expect(tokenAt(RULES, RULES_TEXT, 'results, on_time')).toBe('struct 0');
    expect(tokenAt(RULES, RULES_TEXT, 'on_time\n}')).toBe('variable 0');
    expect(tokenAt(RULES, RULES_TEXT, 'disciplined')).toBe('property 1');
    expect(tokenAt(RULES, RULES_TEXT, 'few_done')).toBe('function 1');
    expect(tokenAt(RULES, RULES_TEXT, 'rate not_done', 5)).toBe('enumMember 0');
    expect(tokenAt(RULES, RULES_TEXT, 'in staff', 3)).toBe('type 0');
    expect(tokenAt(RULES, RULES_TEXT, 'total,')).toBe('enumMember 2');
    expect(tokenAt(RULES, RULES_TEXT, 'unit, group')).toBe('enumMember 2');
    expect(tokenAt(RULES, RULES_TEXT, 'group\n')).toBe('enumMember 2');
    const proportional = IN_PARTS.replace(
      '  part results',
      '  points proportional\n  part results',
    );
    expect(tokenAt(PARTS, proportional, 'proportional')).toBe('enumMember 2');
  });
});

describe('symbols of parts, conditions and quotas', () => {
  it('outlines parts with their points, facts, and a quota with its three fields', () => {
    const opened = open();
    const symbols = documentSymbols(opened.view(RULES), opened.uri(RULES));
    expect(symbols.map((symbol) => [symbol.name, symbol.kind, symbol.detail])).toEqual([
      ['general', SymbolKind.Struct, 'Chung · 40 points'],
      ['results', SymbolKind.Struct, 'Kết quả · 60 points'],
      ['disciplined', SymbolKind.Property, 'Kỷ luật'],
      ['sanctioned', SymbolKind.Property, 'Đơn vị bị xử lý'],
      ['few_done', SymbolKind.Function, 'Ít hoàn thành'],
    ]);
    const quota = symbols.at(-1);
    expect(quota?.children?.map((child) => `${child.name} ${child.detail}`)).toEqual([
      'done at most 20% of not_done',
      'within unit, group',
      'rank by total, results, on_time',
    ]);
    // Each field sits inside the quota, and its name is selected on the limited line.
    expect(quota?.children?.[0]?.selectionRange.start).toEqual(positionOf(RULES_TEXT, 'done at'));
  });

  it('finds parts, facts and quotas in a workspace search, but not a quota fields', () => {
    const opened = open();
    const view = opened.view(RULES);
    expect(workspaceSymbols(view, 'sanct').map((symbol) => symbol.name)).toEqual(['sanctioned']);
    expect(workspaceSymbols(view, 'few_').map((symbol) => symbol.name)).toEqual(['few_done']);
    expect(workspaceSymbols(view, 'rank by').map((symbol) => symbol.name)).toEqual([]);
  });

  it('outlines a half-typed quota and part by what is written so far', () => {
    const text = 'part \nquota q "Q" {\n  within unit,\n';
    const opened = open(text);
    const symbols = documentSymbols(opened.view(RULES), opened.uri(RULES));
    expect(symbols.map((symbol) => symbol.name)).toEqual(['part', 'q']);
    expect(symbols[1]?.children?.map((child) => `${child.name} ${child.detail}`)).toEqual([
      'within unit',
    ]);
  });
});

describe('completion in parts, conditions and quotas', () => {
  /** The labels with the cursor at the end of `line`, added to the end of the rules file. */
  function atEnd(line: string, rules = RULES_TEXT) {
    const text = `${rules}${line}`;
    const opened = open(text);
    const lines = text.split('\n');
    const position = { line: lines.length - 1, character: lines.at(-1)!.length };
    return completions(opened.view(RULES), opened.document(RULES), position).map(
      (item) => item.label,
    );
  }

  /** The labels with the cursor at the end of `line`, written as a quota's last field. */
  function inQuota(line: string, fields = '') {
    const text = `${RULES_TEXT}\nquota q "Q" {\n${fields}  ${line}\n}\n`;
    const opened = open(text);
    const position = positionOf(text, `  ${line}\n}`, line.length + 2);
    return completions(opened.view(RULES), opened.document(RULES), position).map(
      (item) => item.label,
    );
  }

  /** The labels with the cursor at the end of `line`, written as on_time's last field. */
  function inKpi(line: string, rules = RULES_TEXT) {
    const text = IN_PARTS.replace('  part results\n', `  part results\n  ${line}\n`);
    const opened = open(rules, text);
    const position = positionOf(text, `  ${line}\n}`, line.length + 2);
    return completions(opened.view(PARTS), opened.document(PARTS), position).map(
      (item) => item.label,
    );
  }

  it('offers the declared parts after part and proportional after points in a kpi', () => {
    expect(inKpi('part ')).toEqual(['general', 'results']);
    expect(inKpi('part gen')).toEqual(['general', 'results']);
    expect(inKpi('points ')).toEqual(['proportional']);
  });

  it('offers points among a kpi fields, and part only once the framework has parts', () => {
    const withParts = inKpi('').filter((label) => label === 'points' || label === 'part');
    expect(withParts).toEqual(['points']);
    const noPart = IN_PARTS.replace('  part results\n', '  \n');
    const opened = open(RULES_TEXT, noPart);
    const position = positionOf(noPart, '  goal speed\n  \n', 15);
    const labels = completions(opened.view(PARTS), opened.document(PARTS), position).map(
      (item) => item.label,
    );
    expect(labels).toContain('part');
    expect(labels).toContain('points');
    const none = open('when late "Trễ" rate not_done\n', noPart);
    const without = completions(none.view(PARTS), none.document(PARTS), position).map(
      (item) => item.label,
    );
    expect(without).not.toContain('part');
    expect(without).toContain('points');
  });

  it('offers the rating lines after rate and the groups after in, in a when being typed', () => {
    expect(atEnd('when late "Trễ" rate ')).toEqual(['done', 'not_done']);
    expect(atEnd('when late "Trễ" in ')).toEqual(['staff']);
    expect(atEnd('when late "Trễ" in staff rate no')).toEqual(['done', 'not_done']);
  });

  it('offers the quota fields a quota lacks at the start of a line', () => {
    expect(inQuota('')).toEqual(['done', 'not_done', 'within', 'rank by']);
    expect(inQuota('', '  within unit\n')).toEqual(['done', 'not_done', 'rank by']);
    expect(inQuota('', '  done at most 10% of not_done\n  rank by total\n')).toEqual(['within']);
  });

  it('walks through the limit: at most, of, and a base line other than the limited one', () => {
    expect(inQuota('done ')).toEqual(['at most']);
    expect(inQuota('done at ')).toEqual(['most']);
    expect(inQuota('done at most 20% ')).toEqual(['of']);
    expect(inQuota('done at most 20% of ')).toEqual(['not_done']);
  });

  it('offers unit and group after within, and what is left after a comma', () => {
    expect(inQuota('within ')).toEqual(['unit', 'group']);
    expect(inQuota('within unit, ')).toEqual(['group']);
    expect(inQuota('within group,un')).toEqual(['unit']);
  });

  it('offers by after rank, then total, the parts and the indicators, and what is left', () => {
    expect(inQuota('rank ')).toEqual(['by']);
    expect(inQuota('rank by ')).toEqual(['total', 'general', 'results', 'on_time', 'quality']);
    expect(inQuota('rank by total, results, ')).toEqual(['general', 'on_time', 'quality']);
  });

  it('sorts total first, then the parts, then the indicators', () => {
    const text = `${RULES_TEXT}\nquota q "Q" {\n  rank by \n}\n`;
    const opened = open(text);
    const position = positionOf(text, 'rank by \n', 8);
    const items = completions(opened.view(RULES), opened.document(RULES), position);
    const sorted = [...items].sort((a, b) =>
      (a.sortText ?? a.label) < (b.sortText ?? b.label) ? -1 : 1,
    );
    expect(sorted.map((item) => item.label)).toEqual([
      'total',
      'general',
      'results',
      'on_time',
      'quality',
    ]);
    expect(items.find((item) => item.label === 'results')?.detail).toBe('Kết quả');
  });
});

describe('hover on parts, conditions and quotas', () => {
  function shown(path: string, text: string, marker: string, offset = 0): string {
    const { view, uri, position } = at(path, text, marker, offset);
    const found = hover(view, uri, position);
    return (found?.contents as { value: string } | undefined)?.value ?? '';
  }

  it('shows a part its label, its points and the indicators that count toward it', () => {
    const value = shown(PARTS, IN_PARTS, 'part results', 6);
    expect(value).toContain('**part** `results` — Kết quả / Results');
    expect(value).toContain('**60 points** of the total');
    expect(value).toContain('Indicators: `on_time`');
  });

  it('shows a fact its label, who it applies to and the rating it gives', () => {
    const sanctioned = shown(RULES, RULES_TEXT, 'sanctioned');
    expect(sanctioned).toContain('**fact** `sanctioned` — Đơn vị bị xử lý / Unit sanctioned');
    expect(sanctioned).toContain('Applies to: the positions of group `staff`');
    expect(sanctioned).toContain(
      'When it holds, the rating is `not_done` (Chưa / Not done), whatever the total.',
    );
    expect(shown(RULES, RULES_TEXT, 'disciplined')).toContain('Applies to: everyone');
  });

  it('shows a quota its limit, where it holds and its rank order as sentences', () => {
    const value = shown(RULES, RULES_TEXT, 'few_done');
    expect(value).toContain('**quota** `few_done` — Ít hoàn thành / Few done');
    expect(value).toContain('At most 20% of the number rated `not_done` may be rated `done`.');
    expect(value).toContain('Within each unit, then each group.');
    expect(value).toContain('Ranked by `total`, then `results`, then `on_time`.');
  });

  it('says what a half-typed quota and fact still lack instead of failing', () => {
    const text = 'when late "Trễ"\nquota q "Q" {\n  done at most 20%\n}\n';
    expect(shown(RULES, text, 'q "')).toContain('The limit is not complete yet.');
    expect(shown(RULES, text, 'late')).toContain('the rating is no rating line yet');
  });
});
