/**
 * Prints the render benchmark's results in the layout of the main report: what the input
 * holds, a table of the measured variants (medians, peak memory, phases, what each made),
 * throughput, and the goals of issue 3 with their verdicts.
 */
import { mib, ms, printProfile, table } from '../report.mjs';

/** Writes the render report to stdout. */
export function printRenderReport(render) {
  const { input, variants, goals, throughput, baselineRatio, checked } = render;
  const lines = [
    '',
    `Render: ${input.positions} positions of ${input.minPerPosition} to ${input.maxPerPosition} ` +
      `indicators (${input.indicatorUses} rows with bands), ${input.indicators} indicators, ` +
      `${input.groups} groups, no context: a scorecard per position, plus the overview and ` +
      `the group catalogue.`,
    `Medians of ${render.runs} runs after a warm-up, each run in its own node process; ` +
      `lang both. Each variant wrote its files once, before measuring, to ` +
      `${checked.html.folder.replace(/\/html$/, '/')} (pdfinfo: ${checked.pdf.pdfinfoPages ?? 'not installed'} pages in all.pdf).`,
    '',
    ...table(
      [
        'variant',
        'wall ms',
        'min..max',
        'work ms',
        'cpu ms',
        'peak RSS MiB',
        'phases (median ms)',
        'made',
      ],
      variants.map((v) => [
        v.label,
        ms(v.wallMs.median),
        `${ms(v.wallMs.min)}..${ms(v.wallMs.max)}`,
        ms(v.workMs.median),
        ms(v.cpuMs.median),
        mib(v.maxRssKiB.median),
        Object.entries(v.phases)
          .map(([name, s]) => `${name} ${ms(s.median)}`)
          .join(', '),
        made(v.facts),
      ]),
    ),
    '',
    `Throughput (render phase): baseline ${rate(throughput.baselinePagesPerSecond)} pages/s, ` +
      `renderHtml ${rate(throughput.htmlScorecardsPerSecond)} scorecards/s, renderPdf ` +
      `${rate(throughput.pdfPagesPerSecond)} pages/s (pages of all.pdf; the one-per-document ` +
      'PDFs hold the same pages again).',
    `renderHtml over the handlebars baseline: ${times(baselineRatio.render)} on the render ` +
      `phase, ${times(baselineRatio.work)} on work time, ${times(baselineRatio.cpu)} on cpu time.`,
    '',
    ...table(
      ['goal', 'per 1,000', 'cpu per 1,000', 'measured', 'target', 'verdict (work)'],
      goals.map((g) => [
        g.name,
        `${ms(g.perThousandMs)} ms`,
        `${ms(g.cpuPerThousandMs)} ms`,
        `${ms(g.workMs)} ms for ${g.made} ${g.unit}`,
        `< ${g.limitMs} ms`,
        g.met ? 'met' : 'NOT met',
      ]),
    ),
    "Judged on work time, the child's life without node's own start-up (importing the " +
      'renderer, reading the rule set and rendering, all in memory; nothing is written), per ' +
      '1,000 scorecards or pages of all.pdf.',
    '',
  ];
  const { load } = render;
  if (load.before > load.cpus / 2 || load.after > load.cpus / 2) {
    lines.push(
      `Note: the machine was busy (load average ${load.before.toFixed(1)} before, ` +
        `${load.after.toFixed(1)} after, on ${load.cpus} CPUs); wall times are noisy, cpu times less so.`,
      '',
    );
  }
  console.log(lines.join('\n'));

  for (const [key, summary] of Object.entries(render.profiles ?? {})) {
    printProfile(variants.find((v) => v.key === key).label, summary);
  }
}

function made(facts) {
  const parts = [`${facts.files} files`, `${(facts.bytes / 1024 / 1024).toFixed(1)} MiB`];
  if (facts.pages !== undefined) parts.push(`${facts.pages} pages in all.pdf`);
  return parts.join(', ');
}

function rate(value) {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function times(value) {
  return value === undefined ? 'n/a' : `${value.toFixed(2)}x`;
}
