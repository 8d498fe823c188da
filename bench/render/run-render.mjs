/**
 * The render benchmark (issue 3): 1,000 position scorecards rendered by @kpilang/render to
 * HTML and to PDF (default engine), measured in the same run as a plain handlebars render of
 * the same positions, each run in its own node process with its peak memory. Goals: the HTML
 * in under 2 s, 1,000 PDF pages in under 20 s; the ratio to the baseline is reported.
 *
 * Before measuring, one unmeasured run of each variant writes its files, and the counts the
 * report relies on are checked against them (pdfinfo confirms the PDF's page count).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { BenchError } from '../bench-error.mjs';
import { summarizeProfile } from '../measure/profile.mjs';
import { measureVariants } from '../measure/rounds.mjs';
import { runMeasured } from '../measure/spawn.mjs';
import { ratio } from '../measure/stats.mjs';
import { prepareRenderInput } from './input.mjs';

/**
 * The goals of issue 3, on the work time of a child (its whole life minus node's start-up),
 * scaled to 1,000 of what it made: scorecards for the HTML, pages of all.pdf for the PDF (a
 * scorecard takes more than one page, and the goal counts pages).
 */
const GOALS = [
  { key: 'html', name: '1,000 HTML scorecards (renderHtml)', unit: 'scorecards', limitMs: 2000 },
  {
    key: 'pdf',
    name: '1,000 PDF pages (renderPdf, default engine)',
    unit: 'pages',
    limitMs: 20000,
  },
];

/**
 * Prepares the input, checks each variant's output once, measures `runs` rounds after a
 * warm-up, and profiles a variant that misses its goal (or every one, `profile: 'always'`).
 *
 * @param {{ kpic: string, root: string, work: string, runs: number, positions: number,
 *   profile: 'auto' | 'always' | 'never' }} options
 */
export async function runRenderBench({ kpic, root, work, runs, positions, profile }) {
  const renderDir = join(root, 'packages', 'render');
  const input = await prepareRenderInput({ kpic, work, positions });
  const plan = planVariants(renderDir, input.ruleSetFile);
  const checked = await checkOutputs({ plan, work, root, positions });

  const loadBefore = loadavg()[0];
  const variants = await measureVariants(plan, { runs, workDir: work, root });
  const load = { before: loadBefore, after: loadavg()[0], cpus: cpus().length };
  const by = Object.fromEntries(variants.map((variant) => [variant.key, variant]));
  const renderMs = (key) => by[key].phases.render.median;
  const results = {
    runs,
    load,
    input: input.counts,
    diagnostics: input.diagnostics.bySeverity,
    checked,
    variants,
    throughput: {
      htmlScorecardsPerSecond: by.html.facts.scorecards / (renderMs('html') / 1000),
      pdfPagesPerSecond: by.pdf.facts.pages / (renderMs('pdf') / 1000),
      baselinePagesPerSecond: by.baseline.facts.files / (renderMs('baseline') / 1000),
    },
    baselineRatio: {
      render: ratio(renderMs('html'), renderMs('baseline')),
      work: ratio(by.html.workMs.median, by.baseline.workMs.median),
      cpu: ratio(by.html.cpuMs.median, by.baseline.cpuMs.median),
    },
    goals: GOALS.map((goal) => judge(goal, by[goal.key])),
  };

  const missed = results.goals.filter((goal) => !goal.met).map((goal) => goal.key);
  const toProfile = profile === 'always' ? GOALS.map((goal) => goal.key) : [];
  if (profile === 'auto') toProfile.push(...missed);
  results.profiles = {};
  for (const key of toProfile) {
    const step = plan.find((candidate) => candidate.key === key);
    results.profiles[key] = await profileVariant({ step, work, root });
  }
  return results;
}

/** A goal's verdict: the work time per 1,000 of what the variant made, against the limit. */
function judge(goal, variant) {
  const made = goal.unit === 'pages' ? variant.facts.pages : variant.facts.scorecards;
  const perThousand = (variant.workMs.median * 1000) / made;
  return {
    ...goal,
    made,
    workMs: variant.workMs.median,
    cpuMs: variant.cpuMs.median,
    perThousandMs: perThousand,
    cpuPerThousandMs: (variant.cpuMs.median * 1000) / made,
    met: perThousand < goal.limitMs,
  };
}

/** The three measured variants, each given the render package and the rule set. */
function planVariants(renderDir, ruleSetFile) {
  const args = [renderDir, ruleSetFile];
  return [
    {
      key: 'baseline',
      label: 'handlebars baseline (1 table/position)',
      variant: 'handlebars',
      args,
    },
    { key: 'html', label: 'renderHtml, lang both', variant: 'render-html', args },
    { key: 'pdf', label: 'renderPdf, default engine, lang both', variant: 'render-pdf', args },
  ];
}

/**
 * Runs each variant once, writing its files, and checks that it made what the figures claim:
 * a page per position from the baseline, a scorecard per position in HTML and PDF, and as
 * many pages in all.pdf as pdfinfo counts. Throws a BenchError otherwise.
 */
async function checkOutputs({ plan, work, root, positions }) {
  const checked = {};
  for (const step of plan) {
    const outDir = join(work, 'render', 'check', step.key);
    rmSync(outDir, { recursive: true, force: true });
    let result;
    try {
      result = await runMeasured({
        workDir: work,
        variant: step.variant,
        args: [...step.args, outDir],
      });
    } catch (error) {
      throw new BenchError(`${step.label} failed before measuring:\n${error.message}`);
    }
    const facts = result.facts;
    const made = step.key === 'baseline' ? facts.files : facts.scorecards;
    if (made !== positions) {
      throw new BenchError(`${step.label} made ${made} scorecards for ${positions} positions`);
    }
    if (step.key === 'pdf') facts.pdfinfoPages = pdfinfoPages(join(outDir, 'all.pdf'));
    if (facts.pdfinfoPages !== undefined && facts.pdfinfoPages !== facts.pages) {
      throw new BenchError(
        `all.pdf has ${facts.pdfinfoPages} pages by pdfinfo but ${facts.pages} by the count ` +
          'of page objects; the pages per second would be wrong',
      );
    }
    checked[step.key] = { ...facts, folder: relative(root, outDir) };
  }
  return checked;
}

/** The page count pdfinfo (poppler-utils) gives, or undefined when it is not installed. */
function pdfinfoPages(file) {
  const run = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  if (run.error || run.status !== 0) return undefined;
  const match = /^Pages:\s+(\d+)$/m.exec(run.stdout);
  return match ? Number(match[1]) : undefined;
}

/** Runs one variant under `node --cpu-prof` and summarises where its time went. */
async function profileVariant({ step, work, root }) {
  const dir = join(work, 'profiles');
  mkdirSync(dir, { recursive: true });
  const name = `render-${step.key}.cpuprofile`;
  rmSync(join(dir, name), { force: true });
  await runMeasured({
    workDir: work,
    variant: step.variant,
    args: step.args,
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}`],
  });
  if (!readdirSync(dir).includes(name))
    throw new BenchError(`no CPU profile written for ${step.label}`);
  return { file: `bench/.work/profiles/${name}`, ...summarizeProfile(join(dir, name), { root }) };
}
