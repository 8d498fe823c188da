/**
 * `kpic score` end to end, on the CEMA framework's administrative officer: the scores written
 * for a quarter of measured rows, computed by hand below; bad rows kept out and listed with
 * their reasons; usage and file problems refused with nothing written; and no measured value
 * ever printed.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { kpic, REPO_ROOT, workspace } from './kpic-process.js';
import { ratingRows, writeRatingRules } from './rating-rules.js';

const HEADER = 'person,org_unit,position,context,period,measure,value';
const OFFICER = 'a1,personnel,administrative_officer,';

/**
 * One quarter (2024-Q3) for officer a1:
 * - response_time (hours, every week, aggregate mean; excellent under 8h): 13 weeks of
 *   51.3 hours over 9 requests = 5.7 h each, mean 5.7: excellent, 100 points × 40% = 40.
 * - coordination_quality (survey, minimum 10; excellent from 4.5): five 4s and five 5s,
 *   mean 45 / 10 = 4.5: excellent, 100 × 30% = 30.
 * - document_accuracy (percent, every month, mean; good from 95% to under 98%): 95 / 100 in
 *   each month = 95%: good, 80 × 30% = 24.
 * Total 40 + 30 + 24 = 94: outstanding (from 90). 13 × 2 + 10 + 3 × 2 = 42 rows.
 */
function quarter(): string[] {
  const rows = [HEADER];
  for (let week = 27; week <= 39; week++) {
    rows.push(`${OFFICER},2024-W${week},response_hours,51.3`);
    rows.push(`${OFFICER},2024-W${week},requests_answered,9`);
  }
  for (let answer = 0; answer < 10; answer++) {
    rows.push(`${OFFICER},2024-Q3,coordination_rating,${answer < 5 ? 4 : 5}`);
  }
  for (const month of ['07', '08', '09']) {
    rows.push(`${OFFICER},2024-${month},documents_without_error,95`);
    rows.push(`${OFFICER},2024-${month},documents_processed,100`);
  }
  return rows;
}

function withRules(files: Record<string, string> = {}): string {
  const root = workspace(files);
  const built = kpic(['build', join(REPO_ROOT, 'examples/cema/framework'), '--out', 'rules'], root);
  expect(built.code).toBe(0);
  return root;
}

const SCORE = [
  'score',
  '--rules',
  'rules/cema.rules.json',
  '--data',
  'rows.csv',
  '--period',
  '2024-Q3',
];

/** The records of a CSV file whose cells may be quoted, read by the runtime's csv-parse. */
function quotedCsv(path: string): Record<string, string>[] {
  const require = createRequire(join(REPO_ROOT, 'packages', 'runtime', 'package.json'));
  const { parse } = require('csv-parse/sync') as typeof import('csv-parse/sync');
  return parse(readFileSync(path, 'utf8'), { columns: true });
}

function csv(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const names = (head ?? '').split(',');
  return lines.map((line) =>
    Object.fromEntries(line.split(',').map((cell, i) => [names[i], cell])),
  );
}

describe('kpic score', () => {
  test('reads a JSON file of rows, and a rule set, that start with a byte-order mark', () => {
    const root = withRules();
    const [head, ...lines] = quarter();
    const names = (head ?? '').split(',');
    const rows = lines.map((line) =>
      Object.fromEntries(line.split(',').map((cell, i) => [names[i], cell])),
    );
    writeFileSync(join(root, 'rows.json'), `\ufeff${JSON.stringify(rows)}`);
    const rules = readFileSync(join(root, 'rules', 'cema.rules.json'), 'utf8');
    writeFileSync(join(root, 'rules', 'cema.rules.json'), `\ufeff${rules}`);
    const args = [...SCORE];
    args.splice(args.indexOf('--data'), 2, '--data', 'rows.json');
    const result = kpic(args, root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(csv(join(root, 'out', 'scores.csv'))[0]?.total).toBe('94');
  });

  test('refuses a data file that is not UTF-8, naming the line of its first bad byte', () => {
    const root = withRules();
    // 'Phòng' in Windows-1258, an old Vietnamese code page: ò is the single byte 0xF2.
    const bytes = Buffer.concat([
      Buffer.from(`${quarter().slice(0, 3).join('\n')}\na1,Ph`),
      Buffer.from([0xf2]),
      Buffer.from('ng,administrative_officer,,2024-Q3,requests_answered,9\n'),
    ]);
    writeFileSync(join(root, 'rows.csv'), bytes);
    const result = kpic(SCORE, root);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'kpic: --data rows.csv: line 4 is not UTF-8 text; save the file as UTF-8.\n',
    );
    expect(existsSync(join(root, 'out'))).toBe(false);
  });

  test(
    'a framework without a cycle, scored for a period its indicators lack rules for, lists ' +
      'them',
    () => {
      const root = withRules();
      const path = join(root, 'rules', 'cema.rules.json');
      const rules = JSON.parse(readFileSync(path, 'utf8'));
      delete rules.framework.cycle;
      writeFileSync(path, JSON.stringify(rules));
      writeFileSync(join(root, 'rows.csv'), `${quarter().join('\n')}\n`);
      const args = [...SCORE];
      args.splice(args.indexOf('--period'), 2, '--period', '2024-07');
      const result = kpic(args, root);
      expect(result.code).toBe(2);
      const [first = '', ...issues] = result.stderr.trimEnd().split('\n');
      expect(first).toMatch(
        /^kpic: --period: The framework declares no cycle, and scoring every month leaves \d+ indicator rules missing\.$/,
      );
      // The first five are named, and a last line counts the others.
      const count = Number(/leaves (\d+)/.exec(first)?.[1]);
      expect(count).toBeGreaterThan(5);
      expect(issues.pop()).toBe(`kpic:   (and ${count - 5} more)`);
      expect(issues).toHaveLength(5);
      for (const issue of issues) {
        expect(issue).toMatch(
          /^kpic: {3}indicators\[\d+\]\.between: Indicator "\w+" is measured every quarter, less often than the month/,
        );
      }
    },
  );

  test('writes the hand-computed scores of a quarter and exits 0 when every row is used', () => {
    const root = withRules();
    writeFileSync(join(root, 'rows.csv'), `${quarter().join('\n')}\n`);
    const result = kpic(SCORE, root);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'kpic: scored 1 person for 2024-Q3 (1 complete, 0 incomplete, 0 unrated); 42 of 42 rows ' +
        'used. ' +
        'Results in out/scores.json and out/scores.csv.\n',
    );
    expect(readdirSync(join(root, 'out')).sort()).toEqual([
      'rejected.csv',
      'scores.csv',
      'scores.json',
    ]);

    const lines = csv(join(root, 'out', 'scores.csv'));
    expect(
      lines.map((line) => [line.indicator, line.value, line.band, line.points, line.contribution]),
    ).toEqual([
      ['response_time', '5.7', 'excellent', '100', '40'],
      ['coordination_quality', '4.5', 'excellent', '100', '30'],
      ['document_accuracy', '95', 'good', '80', '24'],
    ]);
    expect(lines.every((line) => line.total === '94' && line.rating === 'outstanding')).toBe(true);

    // scores.json is written a person at a time, laid out as JSON.stringify(result, null, 2).
    const text = readFileSync(join(root, 'out', 'scores.json'), 'utf8');
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    const json = JSON.parse(text);
    expect(json.people[0].total.exact).toBe('94');
    expect(json.people[0].rating.id).toBe('outstanding');
    expect(readFileSync(join(root, 'out', 'rejected.csv'), 'utf8')).toBe(
      'row,line,column,person,code,reason\n',
    );
  });

  test(
    'writes each line with its part, the rating of the total beside the final one, and what ' +
      'changed it',
    () => {
      const root = workspace({ 'rows.csv': ratingRows() });
      writeRatingRules(root);
      const result = kpic(SCORE, root);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(
        'kpic: scored 3 people for 2024-Q3 (3 complete, 0 incomplete, 0 unrated); 127 of 127 ' +
          'rows used. Results in out/scores.json and out/scores.csv.\n',
      );

      const lines = quotedCsv(join(root, 'out', 'scores.csv'));
      expect(Object.keys(lines[0] ?? {}).slice(-4)).toEqual([
        'rating',
        'scored_rating',
        'adjustment',
        'part',
      ]);
      expect(
        lines.map((line) => [line.person, line.indicator, line.part, line.band, line.points]),
      ).toEqual([
        ['a1', 'response_time', 'service', 'excellent', '100'],
        ['a1', 'coordination_quality', 'service', 'excellent', '100'],
        ['a1', 'document_accuracy', 'records', '', '95'],
        ['a2', 'response_time', 'service', 'excellent', '100'],
        ['a2', 'coordination_quality', 'service', 'excellent', '100'],
        ['a2', 'document_accuracy', 'records', '', '97'],
        ['a3', 'response_time', 'service', 'excellent', '100'],
        ['a3', 'coordination_quality', 'service', 'excellent', '100'],
        ['a3', 'document_accuracy', 'records', '', '95'],
      ]);
      const person = (id: string) => {
        const own = lines.filter((line) => line.person === id);
        // Person columns repeat on each of their lines.
        for (const line of own) expect(line.adjustment).toBe(own[0]?.adjustment);
        const first = own[0]!;
        return [first.total, first.scored_rating, first.rating, first.adjustment];
      };
      expect(person('a1')).toEqual([
        '98.5',
        'outstanding',
        'completed_well',
        'quota top_share in unit "personnel": outstanding -> completed_well, ranked 2 of 2, ' +
          '1 keeps it',
      ]);
      expect(person('a2')).toEqual(['99.1', 'outstanding', 'outstanding', '']);
      expect(person('a3')).toEqual([
        '98.5',
        'outstanding',
        'not_completed',
        'condition disciplined: outstanding -> not_completed',
      ]);

      const json = JSON.parse(readFileSync(join(root, 'out', 'scores.json'), 'utf8'));
      expect(
        json.people[0].parts.map((part: { points: { exact: string } }) => part.points.exact),
      ).toEqual(['70', '28.5']);
    },
  );

  test('keeps bad rows out, lists them with row and reason, still scores, and exits 1', () => {
    const root = withRules();
    const rows = [
      ...quarter(),
      'a2,personnel,nobody,,2024-Q3,coordination_rating,4',
      `${OFFICER},2024-Q3,coordination_rating,4x7`,
      `${OFFICER},2024-Q1,coordination_rating,3`,
    ];
    writeFileSync(join(root, 'rows.csv'), `${rows.join('\n')}\n`);
    const result = kpic(SCORE, root);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('3 rejected, listed in out/rejected.csv');
    const text = readFileSync(join(root, 'out', 'scores.json'), 'utf8');
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    const rejected = csv(join(root, 'out', 'rejected.csv'));
    expect(rejected.map((line) => [line.row, line.column, line.code])).toEqual([
      ['43', 'position', 'unknown-position'],
      ['44', 'value', 'bad-number'],
      ['45', 'period', 'outside-period'],
    ]);
    // The scores of a1 are those of the clean quarter: the bad rows took no part.
    const scores = csv(join(root, 'out', 'scores.csv'));
    expect(scores.find((line) => line.person === 'a1')?.total).toBe('94');
    // No measured value reaches the terminal or the reasons.
    for (const text of [
      result.stdout,
      result.stderr,
      readFileSync(join(root, 'out', 'rejected.csv'), 'utf8'),
    ]) {
      expect(text).not.toContain('4x7');
      expect(text).not.toContain('51.3');
    }
  });

  test('with every row rejected, writes empty scores beside the rejections and exits 1', () => {
    const root = withRules();
    writeFileSync(join(root, 'rows.csv'), `${HEADER}\na2,personnel,nobody,,2024-Q3,m,4\n`);
    const result = kpic(SCORE, root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'scored 0 people for 2024-Q3 (0 complete, 0 incomplete, 0 unrated); 0 of 1 rows used',
    );
    const text = readFileSync(join(root, 'out', 'scores.json'), 'utf8');
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(JSON.parse(text)).toMatchObject({
      people: [],
      counts: { rows: 1, used: 0, rejected: 1 },
    });
    expect(readFileSync(join(root, 'out', 'scores.csv'), 'utf8')).toBe(
      'person,org_unit,position,context,period,indicator,indicator_status,value,band,points,weight,effective_weight,contribution,not_rated_reason,person_status,total,rating,scored_rating,adjustment,part\n',
    );
  });

  test('refuses usage and file problems with one line and exit 2, writing nothing', () => {
    const root = withRules({ 'rows.txt': 'x', 'bad.json': '[{"person": 12x}]', taken: 'a file' });
    writeFileSync(join(root, 'rows.csv'), `${quarter().join('\n')}\n`);
    const cases: [string[], string][] = [
      [
        ['--period', '2024-13'],
        "kpic: --period '2024-13' is not a period: write 2024, 2024-H1, 2024-Q1, 2024-03 or 2024-W05.\n",
      ],
      [
        ['--data', 'rows.txt'],
        'kpic: --data rows.txt: give a .csv or a .json file of measured rows.\n',
      ],
      [['--data', 'none.csv'], 'kpic: cannot read --data none.csv: no such file or folder.\n'],
      [['--data', 'bad.json'], 'kpic: --data bad.json: not valid JSON at line 1, column 15.\n'],
      [['--rules', 'rows.csv'], 'kpic: --rules rows.csv: not valid JSON.\n'],
      [['--out', 'taken'], 'kpic: --out taken is a file; give a folder to write to.\n'],
    ];
    for (const [change, message] of cases) {
      const args = [...SCORE];
      const at = args.indexOf(change[0] as string);
      if (at >= 0) args.splice(at, 2, ...change);
      else args.push(...change);
      const result = kpic(args, root);
      expect(result.code, change.join(' ')).toBe(2);
      expect(result.stderr).toBe(message);
      expect(existsSync(join(root, 'out'))).toBe(false);
    }
    for (const option of ['--rules', '--data', '--out']) {
      const args = [...SCORE, ...(option === '--out' ? ['--out', ''] : [])];
      if (option !== '--out') args.splice(args.indexOf(option), 2, option, '');
      const result = kpic(args, root);
      expect(result.code, `${option} ''`).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^kpic: ${option} is empty: give .+\\.\\n$`));
      expect(existsSync(join(root, 'out'))).toBe(false);
    }
    const missing = kpic(['score', '--rules', 'rules/cema.rules.json', '--data', 'rows.csv'], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--period <period>' not specified");
  });
});
