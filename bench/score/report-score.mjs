/**
 * Prints the score benchmark's results in the layout of the main report: the input, a table of
 * the measured variants (medians, memory, throughput), the check of the loop against the
 * runtime, and the goal of issue 5 with its verdicts.
 */
import { mib, ms, printProfile, table } from '../report.mjs';

/** Writes the score report to stdout. */
export function printScoreReport(score) {
  const { input, variants, throughput, goals, check } = score;
  const indicators = input.indicators
    .map((indicator) => {
      const every = indicator.aggregation
        ? `${indicator.frequency}ly, ${indicator.aggregation}`
        : 'quarterly';
      return `${indicator.id} (${indicator.measurement}, ${indicator.unit}, ${every}, ${indicator.weight}%)`;
    })
    .join('; ');
  const lines = [
    '',
    `Score: ${count(input.people)} civil servants of one position × ${input.indicators.length} ` +
      `indicators, one quarter (2024-Q3), ${count(input.rows)} rows made in memory before the ` +
      `timed phase (${count(input.badValues)} with a value that is not a number).`,
    `Indicators: ${indicators}.`,
    `Medians of ${score.runs} runs, each variant in its own node process with ` +
      `--max-old-space-size=${score.heapMiB}; no warm-up round beyond the check run below. ` +
      "'score' is the scoring phase alone; 'RSS with rows' is the resident memory once the " +
      'rows are made, before scoring.',
    '',
    ...table(
      [
        'variant',
        'score ms',
        'min..max',
        'rows/s',
        'people/s',
        'RSS with rows MiB',
        'peak RSS MiB',
        'work ms',
        'cpu ms',
      ],
      variants.map((v) => [
        v.label,
        ms(v.phases.score.median),
        `${ms(v.phases.score.min)}..${ms(v.phases.score.max)}`,
        count(Math.round(throughput[v.key].rowsPerSecond)),
        count(Math.round(throughput[v.key].peoplePerSecond)),
        mib(v.facts.rowsRssKiB),
        mib(v.maxRssKiB.median),
        ms(v.workMs.median),
        ms(v.cpuMs.median),
      ]),
    ),
    '',
    `Every variant scored all ${count(input.people)} people and used ${count(variants[0].facts.used)} ` +
      `rows (${count(variants[0].facts.rejected)} rejected); statuses ` +
      `${Object.entries(variants[0].facts.statuses)
        .map(([status, n]) => `${count(n)} ${status}`)
        .join(', ')}.`,
    `Check: the loop agrees with scorePeople on ${count(check.comparedPeople - check.floatEdges)} ` +
      `of ${count(check.comparedPeople)} people (statuses, reasons, values, bands and totals to ` +
      `1e-9); ${count(check.floatEdges)} differ only where floats put a value at a band edge on ` +
      `the other side${check.floatEdgeExamples.length > 0 ? ` (${check.floatEdgeExamples.join('; ')})` : ''}.`,
    '',
    ...table(
      ['goal', 'ratio (score phase)', 'target', 'verdict'],
      goals.map((goal) => [
        goal.name,
        `${goal.ratio.toFixed(2)}x`,
        `<= ${goal.target}x`,
        goal.met ? 'met' : 'NOT met',
      ]),
    ),
    '',
  ];
  const { load } = score;
  if (load.before > load.cpus / 2 || load.after > load.cpus / 2) {
    lines.push(
      `Note: the machine was busy (load average ${load.before.toFixed(1)} before, ` +
        `${load.after.toFixed(1)} after, on ${load.cpus} CPUs); times are noisy.`,
      '',
    );
  }
  console.log(lines.join('\n'));

  if (score.profile) {
    printProfile(
      `${score.profile.label}, ${count(score.profile.people)} people (the whole child)`,
      score.profile,
    );
  }
}

function count(value) {
  return value.toLocaleString('en-US');
}
