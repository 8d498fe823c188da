/**
 * Prints the benchmark's results as plain-text tables and judges the goals of issue 2:
 * kpic check faster than YAML + ajv, within 5x of JSON.parse, and a cold start within 2x of
 * `node -e 0`. Each ratio is given on wall time (the whole process, as a user waits for it)
 * and on work time (the same minus node's own start-up, which every variant pays alike).
 */

/** The goals, as functions of the results; `value` is undefined when a figure is missing. */
export function judgeGoals(results) {
  const { ratios, coldStart } = results;
  return [
    goal('kpic check faster than YAML + ajv (wall)', ratios.checkOverYamlAjv.wall, '< 1', (v) => v < 1),
    goal('kpic check faster than YAML + ajv (work)', ratios.checkOverYamlAjv.work, '< 1', (v) => v < 1),
    goal('  same, YAML in authoring form (wall)', ratios.checkOverAuthoringAjv.wall, '< 1', (v) => v < 1),
    goal('  same, YAML in authoring form (work)', ratios.checkOverAuthoringAjv.work, '< 1', (v) => v < 1),
    goal('kpic check within 5x of JSON.parse (wall)', ratios.checkOverJson.wall, '<= 5', (v) => v <= 5),
    goal('kpic check within 5x of JSON.parse (work)', ratios.checkOverJson.work, '<= 5', (v) => v <= 5),
    goal('cold start within 2x of node -e 0 (wall)', coldStart.ratio, '<= 2', (v) => v <= 2),
  ];
}

function goal(name, value, target, test) {
  return { name, value, target, met: value === undefined ? undefined : test(value) };
}

/** Writes the whole report to stdout. */
export function printReport(results) {
  const { input, variants, coldStart, goals } = results;
  const lines = [];
  lines.push('');
  lines.push(
    `Input: ${input.counts.indicators} indicators, ${input.counts.positions} positions, ` +
      `${input.counts.contexts} contexts, ${input.counts.indicatorUses} indicator uses ` +
      `(positions x (base + contexts)).`,
  );
  lines.push(
    `Sizes: .kpi ${kib(input.kpiBytes)} in ${input.kpiFiles} files; ` +
      `rule-set JSON ${kib(input.jsonBytes)}; its YAML ${kib(input.yamlBytes)}; ` +
      `authoring-form YAML ${kib(input.authoringBytes)}.`,
  );
  lines.push(`Runs: median of ${results.runs} per variant, each in its own node process (${results.node}).`);
  lines.push('');

  lines.push(
    ...table(
      ['variant', 'wall ms', 'min..max', 'work ms', 'peak RSS MiB', 'phases (median ms)'],
      variants.map((v) => [
        v.label,
        ms(v.wallMs.median),
        `${ms(v.wallMs.min)}..${ms(v.wallMs.max)}`,
        ms(v.workMs.median),
        (v.maxRssKiB.median / 1024).toFixed(1),
        Object.entries(v.phases)
          .map(([name, s]) => `${name} ${ms(s.median)}`)
          .join(', '),
      ]),
    ),
  );
  lines.push('');
  lines.push(
    `Cold start (median of ${coldStart.runs}): kpic check ${coldStart.inputLabel} ` +
      `${ms(coldStart.kpic.median)} ms, node -e 0 ${ms(coldStart.node.median)} ms.`,
  );
  lines.push('');
  lines.push(
    ...table(
      ['goal', 'ratio', 'target', 'verdict'],
      goals.map((g) => [g.name, g.value === undefined ? 'n/a' : `${g.value.toFixed(2)}x`, g.target, verdict(g.met)]),
    ),
  );
  lines.push('');
  console.log(lines.join('\n'));
}

function verdict(met) {
  if (met === undefined) return 'not measured';
  return met ? 'met' : 'NOT met';
}

/** Rows of cells as left-aligned columns with a rule under the header. */
function table(header, rows) {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

function ms(value) {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function kib(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(0)} KiB`;
}

/** Prints a CPU profile summary from `profile.mjs`. */
export function printProfile(title, summary) {
  const rows = (list) => list.map((row) => [row.name, ms(row.ms), `${(row.share * 100).toFixed(1)}%`]);
  console.log(`\n${title} (${ms(summary.totalMs)} ms sampled)\n`);
  console.log(table(['module (self time)', 'ms', 'share'], rows(summary.byModule)).join('\n'));
  console.log('');
  console.log(table(['function (self time)', 'ms', 'share'], rows(summary.bySelf)).join('\n'));
  console.log('');
  console.log(table(['function (inclusive time)', 'ms', 'share'], rows(summary.byInclusive)).join('\n'));
}
