/**
 * The incremental parser gives exactly what `parseSource` gives, version after version, on
 * the examples and on random edits of them (cuts, pastes, typed characters, new lines of each
 * kind, curly quotes, backslashes), with LF or CRLF line breaks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IncrementalParser, segmentStarts } from '../../src/syntax/incremental.js';
import { parseSource } from '../../src/syntax/parse.js';

const FOLDERS = ['../../../../examples/cema/framework/', '../../../../examples/cema/as-published/'];
const EXAMPLES = FOLDERS.flatMap((folder) => {
  const url = new URL(folder, import.meta.url);
  return readdirSync(url)
    .filter((name) => name.endsWith('.kpi'))
    .map((name) => readFileSync(new URL(name, url), 'utf8'));
});
/** The constructs of issue 6, which the CEMA examples do not use. */
const DECREE = `part general "Tiêu chí chung" / "General criteria" points 30
part task_results "Kết quả" / "Task results" points 70
kpi quantity "Số lượng" { unit percent better higher points proportional part task_results }
when disciplined "Bị kỷ luật" rate not_completed
when sanctioned "Đơn vị bị xử lý" in leaders rate not_completed
quota excellent_share "Tỷ lệ xuất sắc" {
  outstanding at most 20% of completed_well
  within unit, group
  rank by total, task_results, quality
}
`;
const ALL = [...EXAMPLES, DECREE].join('\n');
const URI = 'file:///fw/edited.kpi';

describe('the incremental parser', () => {
  it('cuts a file at the declarations of its top level only', () => {
    const text =
      'framework f "F" {\n  cycle quarterly\n}\n// kpi in a comment\n/* a\nkpi x\n*/\nkpi a ' +
      '"A" {\n  goal g\n}\ngoal g "G \\" {"\nscale s "S" from 1 to 5 {\n}\npart p "P" points 1\n' +
      'when w "W" rate r\nquota q "Q" {\n}\n';
    const starts = segmentStarts(text);
    expect(starts.map((at) => text.slice(at, at + 7))).toEqual([
      'framewo',
      'kpi a "',
      'goal g ',
      'scale s',
      'part p ',
      'when w ',
      'quota q',
    ]);
  });

  it('gives what parseSource gives on every example', () => {
    expect(parseSource(DECREE, URI).diagnostics).toEqual([]);
    for (const text of [...EXAMPLES, DECREE, ALL]) {
      expect(new IncrementalParser(URI).parse(text)).toEqual(parseSource(text, URI));
    }
  });

  it('gives what parseSource gives on each version of a file edited at random', () => {
    const edit = fc.record({
      at: fc.nat(ALL.length),
      remove: fc.nat(30),
      insert: fc.oneof(
        fc.constantFrom(
          '\n',
          '}',
          '{',
          '"',
          '// ',
          '/*',
          '*/',
          'kpi ',
          'part ',
          'when ',
          'quota ',
          ', ',
          'x',
          ' weight 5%',
          '\nkpi k "K" {\n}\n',
          '\r',
          '\r\n',
          '“',
          '”',
          '\\',
        ),
        fc.string({ maxLength: 5 }),
      ),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), fc.boolean(), (edits, crlf) => {
        const parser = new IncrementalParser(URI);
        let text = crlf ? ALL.replace(/\n/g, '\r\n') : ALL;
        expect(parser.parse(text)).toEqual(parseSource(text, URI));
        for (const { at, remove, insert } of edits) {
          const where = Math.min(at, text.length);
          text = text.slice(0, where) + insert + text.slice(where + remove);
          expect(parser.parse(text)).toEqual(parseSource(text, URI));
        }
      }),
      { numRuns: 60, seed: 4122026 },
    );
  });

  it('still reuses them after a version with a syntax error', () => {
    const parser = new IncrementalParser(URI);
    const first = parser.parse(ALL);
    const at = ALL.lastIndexOf('weight 25%');
    // Half typed on the way to `weight 26%`: an unclosed label.
    const broken = parser.parse(`${ALL.slice(0, at)}weight 2 "${ALL.slice(at + 10)}`);
    expect(broken.diagnostics.length).toBeGreaterThan(0);
    const second = parser.parse(`${ALL.slice(0, at)}weight 26%${ALL.slice(at + 10)}`);
    const same = second.file.declarations.filter(
      (decl, index) => decl === first.file.declarations[index],
    );
    expect(same.length).toBe(first.file.declarations.length - 1);
  });

  it('reuses the declarations a change did not touch', () => {
    const parser = new IncrementalParser(URI);
    const first = parser.parse(ALL);
    const at = ALL.lastIndexOf('weight 25%');
    const second = parser.parse(`${ALL.slice(0, at)}weight 26%${ALL.slice(at + 10)}`);
    const same = second.file.declarations.filter(
      (decl, index) => decl === first.file.declarations[index],
    );
    expect(same.length).toBe(first.file.declarations.length - 1);
  });
});
