/**
 * What the render benchmark's child processes do (called from `measure/child.mjs`): render
 * the 1,000-position rule set to HTML with @kpilang/render, to PDF with its default engine,
 * or to one plain HTML page per position with handlebars alone, the baseline. Each records
 * its phases and the facts that show the work was done: files, scorecards, bytes, pages.
 *
 * With an output folder (the one unmeasured check run) the files are written there too, after
 * the timed phases, so the report's figures can be checked against the files themselves.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `render-html <render package folder> <rule set> [out]`: renderHtml in both languages.
 *
 * @param {{ phase: (name: string, work: () => unknown) => Promise<any>, facts: object }} probe
 */
export async function renderHtmlWork(probe, [renderDir, ruleSetFile, outDir]) {
  const render = await probe.phase('import', () => importRender(renderDir));
  const ruleSet = await probe.phase('read', () => readRuleSet(ruleSetFile));
  const files = await probe.phase('render', () => render.renderHtml(ruleSet, { lang: 'both' }));
  describeFiles(probe.facts, files);
  if (outDir) writeFiles(outDir, files);
}

/** `render-pdf <render package folder> <rule set> [out]`: renderPdf, default engine. */
export async function renderPdfWork(probe, [renderDir, ruleSetFile, outDir]) {
  const render = await probe.phase('import', () => importRender(renderDir));
  const ruleSet = await probe.phase('read', () => readRuleSet(ruleSetFile));
  const files = await probe.phase('render', () => render.renderPdf(ruleSet, { lang: 'both' }));
  describeFiles(probe.facts, files);
  const all = files.find((file) => file.path === 'all.pdf');
  probe.facts.pages = all ? countPdfPages(all.data) : 0;
  if (outDir) writeFiles(outDir, files);
}

/**
 * `handlebars <render package folder> <rule set> [out]`: the baseline. One minimal template,
 * compiled once, renders one page per position with a table of its indicators; the handlebars
 * is the one @kpilang/render uses, so the two differ only in what they do with it.
 */
export async function handlebarsWork(probe, [renderDir, ruleSetFile, outDir]) {
  const Handlebars = await probe.phase('import', async () => {
    const require = createRequire(resolve(renderDir, 'package.json'));
    return (await import(pathToFileURL(require.resolve('handlebars')).href)).default;
  });
  const ruleSet = await probe.phase('read', () => readRuleSet(ruleSetFile));
  const template = await probe.phase('compile', () => Handlebars.compile(BASELINE_TEMPLATE));
  const files = await probe.phase('render', () => {
    const indicators = new Map(ruleSet.indicators.map((indicator) => [indicator.id, indicator]));
    return ruleSet.positions.map((position) => ({
      path: `scorecard-${position.id}.html`,
      data: template(baselineView(position, indicators)),
    }));
  });
  describeFiles(probe.facts, files);
  if (outDir) writeFiles(outDir, files);
}

/**
 * Pages of a PDF, counted from its page objects (`/Type /Page`, not `/Pages`). PDFKit writes
 * page dictionaries uncompressed; the check run confirms the count with pdfinfo.
 */
export function countPdfPages(bytes) {
  const text = Buffer.from(bytes).toString('latin1');
  return text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

function importRender(renderDir) {
  return import(pathToFileURL(resolve(renderDir, 'dist', 'index.js')).href);
}

function readRuleSet(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function describeFiles(facts, files) {
  facts.files = files.length;
  facts.scorecards = files.filter((file) => /(^|\/)scorecard-/.test(file.path)).length;
  facts.bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.data), 0);
}

function writeFiles(outDir, files) {
  for (const file of files) {
    const target = join(outDir, ...file.path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.data);
  }
}

/** The baseline's data: the position's rows with their labels, bands and frequency joined. */
function baselineView(position, indicators) {
  return {
    title: `${position.label.vi} / ${position.label.en}`,
    total: position.total,
    rows: position.indicators.map((row) => {
      const indicator = indicators.get(row.indicator);
      return {
        label: `${indicator.label.vi} / ${indicator.label.en}`,
        weight: row.weight,
        target: row.target ? interval(row.target) : '',
        bands: row.bands.map((band) => ({ level: band.level, text: interval(band.interval) })),
        frequency: indicator.frequency ?? '',
        source: indicator.source ? `${indicator.source.vi} / ${indicator.source.en}` : '',
      };
    }),
  };
}

function interval({ low, high, lowInclusive, highInclusive }) {
  const from = low === undefined ? '' : `${lowInclusive ? '≥' : '>'} ${low}`;
  const to = high === undefined ? '' : `${highInclusive ? '≤' : '<'} ${high}`;
  return [from, to].filter(Boolean).join(', ');
}

const BASELINE_TEMPLATE = `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>{{title}}</title></head>
<body>
<h1>{{title}}</h1>
<table>
<thead><tr><th scope="col">Chỉ số</th><th scope="col">Trọng số</th><th scope="col">Mục tiêu</th><th scope="col">Mức đánh giá</th><th scope="col">Tần suất</th><th scope="col">Nguồn</th></tr></thead>
<tbody>
{{#each rows}}<tr><td>{{label}}</td><td>{{weight}}%</td><td>{{target}}</td><td>{{#each bands}}{{level}}: {{text}}<br>{{/each}}</td><td>{{frequency}}</td><td>{{source}}</td></tr>
{{/each}}</tbody>
<tfoot><tr><th scope="row">Tổng</th><td>{{total}}%</td></tr></tfoot>
</table>
</body>
</html>
`;
