/**
 * `kpic build --html --pdf` end to end, on the CEMA example: which files land where, what
 * stdout says, the language option, the browser engine without a browser, and template
 * problems that must leave the output folder as it was. What the documents say is tested in
 * packages/render; here the CLI's part: options, folders, exit codes and atomic output.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT, hasStackTrace, kpic, workspace, type KpicRun } from './kpic-process.js';

const CEMA = join(REPO_ROOT, 'examples', 'cema', 'framework');

interface RuleSetShape {
  positions: { id: string; label: { vi: string; en: string } }[];
  contexts: { id: string; positions: { id: string }[] }[];
}

/** The scorecard names the rule set calls for: one per position, then per context position. */
function expectedScorecards(ruleSet: RuleSetShape): string[] {
  return [
    ...ruleSet.positions.map((position) => `scorecard-${position.id}`),
    ...ruleSet.contexts.flatMap((context) =>
      context.positions.map((position) => `scorecard-${position.id}--${context.id}`),
    ),
  ];
}

/** Every file under `folder`, as sorted relative paths with forward slashes. */
function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(folder.length + 1)
        .replaceAll('\\', '/'),
    )
    .sort();
}

describe('kpic build --html --pdf on examples/cema/framework', () => {
  let root: string;
  let run: KpicRun;
  let ruleSet: RuleSetShape;

  // A folder of its own: workspace() folders are removed after each test, and these tests
  // share one build.
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'kpic-documents-'));
    run = kpic(['build', CEMA, '--html', '--pdf', '--out', 'out'], root);
    ruleSet = JSON.parse(
      readFileSync(join(root, 'out', 'cema.rules.json'), 'utf8'),
    ) as RuleSetShape;
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('exits 0 and writes the rule set, html/index.html and pdf/all.pdf', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(join(root, 'out')).sort()).toEqual(['cema.rules.json', 'html', 'pdf']);
    expect(readFileSync(join(root, 'out', 'html', 'index.html'), 'utf8')).toMatch(
      /^<!doctype html>/i,
    );
    expect(
      readFileSync(join(root, 'out', 'pdf', 'all.pdf'))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  test('writes a scorecard page and a scorecard PDF per position and per context', () => {
    const scorecards = expectedScorecards(ruleSet);
    // Three positions, each also in two contexts.
    expect(scorecards).toHaveLength(9);
    const html = listFiles(join(root, 'out', 'html'));
    const pdf = listFiles(join(root, 'out', 'pdf'));

    for (const name of scorecards) {
      expect(html).toContain(`${name}.html`);
      expect(pdf).toContain(`${name}.pdf`);
    }
    // Every PDF but all.pdf has its HTML page, and index.html is the page with no PDF.
    const stems = (files: string[], ext: string) => files.map((file) => file.replace(ext, ''));
    expect(stems(pdf, /\.pdf$/).filter((stem) => stem !== 'all')).toEqual(
      stems(html, /\.html$/).filter((stem) => stem !== 'index'),
    );
  });

  test('links every page from index.html', () => {
    const index = readFileSync(join(root, 'out', 'html', 'index.html'), 'utf8');
    for (const file of listFiles(join(root, 'out', 'html')).filter((f) => f !== 'index.html')) {
      expect(index).toContain(`href="./${file}"`);
    }
  });

  test('puts every position title into all.pdf as extractable text', () => {
    const text = execFileSync(
      'pdftotext',
      ['-enc', 'UTF-8', join(root, 'out', 'pdf', 'all.pdf'), '-'],
      {
        encoding: 'utf8',
      },
    );
    const flat = text.replace(/\s+/g, ' ');
    for (const position of ruleSet.positions) {
      expect(flat).toContain(position.label.vi);
      expect(flat).toContain(position.label.en);
    }
  });

  test('says what it wrote: the rule set, and one line per folder naming its first file', () => {
    const documents = listFiles(join(root, 'out', 'html')).length;
    expect(run.stdout).toBe(
      'Wrote out/cema.rules.json\n' +
        `Wrote out/html/index.html and ${documents - 1} more files in out/html/\n` +
        `Wrote out/pdf/all.pdf and ${documents - 1} more files in out/pdf/\n`,
    );
  });

  test('gives the same bytes in a second build', () => {
    const again = workspace({});
    expect(kpic(['build', CEMA, '--html', '--pdf', '--out', 'out'], again).code).toBe(0);

    const files = listFiles(join(root, 'out'));
    expect(listFiles(join(again, 'out'))).toEqual(files);
    for (const file of files) {
      const first = readFileSync(join(root, 'out', file));
      expect(readFileSync(join(again, 'out', file)).equals(first), file).toBe(true);
    }
  });
});

describe('kpic build with document options', () => {
  test('prints the labels of the forms in English only with --lang en', () => {
    const root = workspace({});
    expect(kpic(['build', CEMA, '--html', '--lang', 'en'], root).code).toBe(0);
    const page = readFileSync(
      join(root, 'out', 'html', 'scorecard-head_of_personnel.html'),
      'utf8',
    );

    expect(page).toContain('KPI scorecard');
    expect(page).not.toContain('Phiếu đánh giá KPI');
    expect(page).toMatch(/<html lang="en"/);
  });

  test('prints them in Vietnamese only with --lang vi', () => {
    const root = workspace({});
    expect(kpic(['build', CEMA, '--html', '--lang', 'vi'], root).code).toBe(0);
    const page = readFileSync(
      join(root, 'out', 'html', 'scorecard-head_of_personnel.html'),
      'utf8',
    );

    expect(page).toContain('Phiếu đánh giá KPI');
    expect(page).not.toContain('KPI scorecard');
  });

  test('refuses an unknown --lang as a usage error and writes nothing', () => {
    const root = workspace({});
    const result = kpic(['build', CEMA, '--html', '--lang', 'fr'], root);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "kpic: option '--lang <lang>' argument 'fr' is invalid. Allowed choices are vi, en, both.\n",
    );
    expect(existsSync(join(root, 'out'))).toBe(false);
  });

  test('refuses an unknown --pdf-engine as a usage error', () => {
    const result = kpic(['build', CEMA, '--pdf', '--pdf-engine', 'word'], workspace({}));

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^kpic: option '--pdf-engine <engine>' argument 'word' is invalid/,
    );
  });

  test('refuses --templates that nothing would use, before compiling anything', () => {
    const root = workspace({});
    const result = kpic(['build', CEMA, '--pdf', '--templates', 'letterhead'], root);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^kpic: --templates .* add --html, or --pdf-engine browser/);
    expect(result.stderr).not.toMatch(/errors?, \d+ warnings?/);
    expect(existsSync(join(root, 'out'))).toBe(false);
  });

  test('lists every written file with --format json', () => {
    const root = workspace({});
    const result = kpic(['build', CEMA, '--html', '--pdf', '--format', 'json'], root);
    const report = JSON.parse(result.stdout) as { output: string; html: string[]; pdf: string[] };

    expect(result.code).toBe(0);
    expect(report.output).toBe('out/cema.rules.json');
    expect(report.html).toContain('out/html/index.html');
    expect(report.pdf).toContain('out/pdf/all.pdf');
    const onDisk = (folder: string) =>
      listFiles(join(root, 'out', folder)).map((f) => `out/${folder}/${f}`);
    expect([...report.html].sort()).toEqual(onDisk('html'));
    expect([...report.pdf].sort()).toEqual(onDisk('pdf'));
  });
});

describe('kpic build --pdf --pdf-engine browser without a browser', () => {
  test('exits 2 with a clear message and still writes the rule set and the HTML', () => {
    const root = workspace({});
    const missing = join(root, 'no-such-browser');
    const args = ['build', CEMA, '--pdf', '--pdf-engine', 'browser', '--browser', missing];
    const result = kpic(args, root);

    expect(result.code).toBe(2);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stderr).toMatch(/^kpic: .*no-such-browser/m);
    expect(result.stderr).toMatch(/^kpic: no PDF was written; the HTML pages are in out\/html\/$/m);
    expect(existsSync(join(root, 'out', 'cema.rules.json'))).toBe(true);
    expect(existsSync(join(root, 'out', 'html', 'index.html'))).toBe(true);
    expect(existsSync(join(root, 'out', 'html', 'scorecard-head_of_personnel.html'))).toBe(true);
    expect(existsSync(join(root, 'out', 'pdf'))).toBe(false);
    expect(result.stdout).toMatch(
      /^Wrote out\/html\/index\.html and \d+ more files in out\/html\/$/m,
    );
  });
});

describe('kpic build with a custom template', () => {
  const LETTERHEAD = {
    'letterhead/letterhead.hbs':
      '<header class="letterhead"><p>Sở Nội vụ tỉnh Đắk Lắk</p></header>\n',
  };

  test('puts it into the HTML pages and into the PDFs the browser engine prints', () => {
    const root = workspace(LETTERHEAD);
    const args = ['build', CEMA, '--html', '--pdf', '--pdf-engine', 'browser'];
    const result = kpic([...args, '--templates', 'letterhead'], root);

    expect(result.code, result.stderr).toBe(0);
    const page = readFileSync(
      join(root, 'out', 'html', 'scorecard-head_of_personnel.html'),
      'utf8',
    );
    expect(page).toContain('Sở Nội vụ tỉnh Đắk Lắk');
    const pdf = join(root, 'out', 'pdf', 'scorecard-head_of_personnel.pdf');
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })).toContain(
      'Sở Nội vụ tỉnh Đắk Lắk',
    );
  });

  test('warns that the default PDF engine leaves it out, and builds', () => {
    const root = workspace(LETTERHEAD);
    const result = kpic(['build', CEMA, '--html', '--pdf', '--templates', 'letterhead'], root);

    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^kpic: warning: --templates changes the HTML pages only;/m);
    expect(existsSync(join(root, 'out', 'pdf', 'all.pdf'))).toBe(true);
  });
});

describe('kpic build with templates that do not work', () => {
  const earlier = { 'out/cema.rules.json': 'earlier build', 'out/html/index.html': 'earlier page' };

  /** Asserts one `kpic:` line, no stack trace, and the earlier output exactly as it was. */
  function expectNothingWritten(result: KpicRun, root: string, message: RegExp): void {
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('kpic:'))).toHaveLength(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stdout).toBe('');
    expect(listFiles(join(root, 'out'))).toEqual(['cema.rules.json', 'html/index.html']);
    expect(readFileSync(join(root, 'out', 'cema.rules.json'), 'utf8')).toBe('earlier build');
    expect(readFileSync(join(root, 'out', 'html', 'index.html'), 'utf8')).toBe('earlier page');
  }

  test('a missing templates folder: one line naming it, and nothing written', () => {
    const root = workspace(earlier);
    const result = kpic(['build', CEMA, '--html', '--templates', 'letterhead'], root);

    expectNothingWritten(result, root, /^kpic: .*letterhead/m);
  });

  test('a template that does not parse: one line naming it, and nothing written', () => {
    const root = workspace(earlier);
    mkdirSync(join(root, 'letterhead'));
    writeFileSync(join(root, 'letterhead', BROKEN_PARTIAL), '<header>{{#if framework}}</header>\n');
    const result = kpic(['build', CEMA, '--html', '--templates', 'letterhead'], root);

    expectNothingWritten(
      result,
      root,
      new RegExp(`^kpic: .*${BROKEN_PARTIAL.replace('.', '\\.')}`, 'm'),
    );
  });
});

/** A built-in partial's file name, overridden by a broken copy in the template tests. */
const BROKEN_PARTIAL = 'letterhead.hbs';

describe('kpic build --html over an earlier build', () => {
  test('removes scorecards the framework no longer has and keeps everything else', () => {
    const root = workspace({
      'out/html/scorecard-retired_position.html': '<p>old</p>',
      'out/html/notes.txt': 'mine',
      'out/pdf/scorecard-retired_position.pdf': '%PDF-old',
    });
    const run = kpic(['build', CEMA, '--html', '--out', 'out'], root);
    expect(run.code, run.stderr).toBe(0);
    const html = readdirSync(join(root, 'out', 'html'));
    expect(html).not.toContain('scorecard-retired_position.html');
    expect(html).toContain('notes.txt');
    expect(html).toContain('scorecard-head_of_personnel.html');
    // Only the folders this build wrote are tidied: no --pdf, so pdf/ is as it was.
    expect(readdirSync(join(root, 'out', 'pdf'))).toEqual(['scorecard-retired_position.pdf']);
  });
});
