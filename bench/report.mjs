/**
 * Prints the benchmark's results as plain-text tables and judges the goals of issue 2:
 * kpic check faster than YAML + ajv, within 5x of JSON.parse, and a cold start within 2x of
 * `node -e 0`. Each ratio is given on wall time (the whole process, as a user waits for it)
 * and on work time (the same minus node's own start-up, which every variant pays alike).
 */

/**
 * The goals, as functions of the results: one row per comparison, with the ratios of wall,
 * work and CPU time, judged on wall time (the goal as issue 2 states it) and on CPU time
 * (which a busy machine disturbs least). A figure that is missing is judged `undefined`.
 */
export function judgeGoals(results) {
  const { ratios, coldStart } = results;
  const below = (limit) => (value) => value < limit;
  const atMost = (limit) => (value) => value <= limit;
  return [
    goal('check faster than yaml + ajv, rule-set YAML', ratios.checkOverYamlAjv, '< 1', below(1)),
    goal(
      'check faster than yaml + ajv, authoring YAML',
      ratios.checkOverAuthoringAjv,
      '< 1',
      below(1),
    ),
    goal(
      'check faster than js-yaml + ajv, rule-set YAML',
      ratios.checkOverJsYamlAjv,
      '< 1',
      below(1),
    ),
    goal(
      'check faster than js-yaml + ajv, authoring YAML',
      ratios.checkOverJsYamlAuthoringAjv,
      '< 1',
      below(1),
    ),
    goal('check within 5x of JSON.parse', ratios.checkOverJson, '<= 5', atMost(5)),
    goal(
      'cold start within 2x of node -e 0',
      { wall: coldStart.ratio, cpu: coldStart.cpu.ratio },
      '<= 2',
      atMost(2),
    ),
  ];
}

function goal(name, { wall, work, cpu }, target, test) {
  const judge = (value) => (value === undefined ? undefined : test(value));
  return { name, wall, work, cpu, target, met: judge(wall), metCpu: judge(cpu) };
}

/** Writes the whole report to stdout. */
export function printReport(results) {
  const { input, variants, coldStart, goals, load } = results;
  const counts = input.counts;
  const lines = [
    '',
    `kpic ${results.kpic}, node ${results.node}, ${results.platform}.`,
    `Input (counted in the built rule set): ${counts.indicators} indicators, ${counts.positions} ` +
      `positions, ${counts.contexts} contexts, ${counts.indicatorUses} indicator uses ` +
      `(weighted indicators of every position, in the base and in every context).`,
    `Sizes: .kpi ${kib(input.kpiBytes)} in ${input.kpiFiles} files; rule-set JSON ` +
      `${kib(input.jsonBytes)}; its YAML ${kib(input.yamlBytes)}; authoring YAML ` +
      `${kib(input.authoringBytes)}. kpic check: ${describeDiagnostics(input.diagnostics)}.`,
    `Medians of ${results.runs} runs after a warm-up, each run in its own node process.`,
    '',
  ];

  lines.push(
    ...table(
      ['variant', 'wall ms', 'min..max', 'work ms', 'cpu ms', 'peak RSS MiB', 'phases (median ms)'],
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
      ]),
    ),
  );
  lines.push('');
  lines.push(
    `Cold start, ${coldStart.inputLabel}, median of ${coldStart.runs}: kpic check ` +
      `${ms(coldStart.kpic.median)} ms wall (${ms(coldStart.cpu.kpic.median)} ms cpu, ` +
      `${mib(coldStart.maxRssKiB.kpic.median)} MiB); node -e 0 ${ms(coldStart.node.median)} ms ` +
      `wall (${ms(coldStart.cpu.node.median)} ms cpu, ${mib(coldStart.maxRssKiB.node.median)} MiB); ` +
      `cpu ratio ${coldStart.cpu.ratio?.toFixed(2)}x.`,
  );
  lines.push('');
  lines.push(
    ...table(
      [
        'goal (kpic / baseline)',
        'wall',
        'work',
        'cpu',
        'target',
        'verdict (wall)',
        'verdict (cpu)',
      ],
      goals.map((g) => [
        g.name,
        times(g.wall),
        times(g.work),
        times(g.cpu),
        g.target,
        verdict(g.met),
        verdict(g.metCpu),
      ]),
    ),
  );
  lines.push(
    "wall: spawn to exit; work: wall without node's own start-up; cpu: user + system time of " +
      'all threads of the child.',
  );
  if (load.before > load.cpus / 2 || load.after > load.cpus / 2) {
    lines.push('');
    lines.push(
      `Note: the machine was busy (load average ${load.before.toFixed(1)} before, ` +
        `${load.after.toFixed(1)} after, on ${load.cpus} CPUs); wall times are noisy, cpu times less so.`,
    );
  }
  lines.push('');
  console.log(lines.join('\n'));
}

function describeDiagnostics(bySeverity) {
  const parts = Object.entries(bySeverity).map(([severity, n]) => `${n} ${severity}`);
  return parts.length > 0 ? parts.join(', ') : 'no diagnostics';
}

function times(value) {
  return value === undefined ? 'n/a' : `${value.toFixed(2)}x`;
}

function verdict(met) {
  if (met === undefined) return 'not measured';
  return met ? 'met' : 'NOT met';
}

/** Rows of cells as left-aligned columns with a rule under the header. */
export function table(header, rows) {
  const widths = header.map((cell, i) =>
    Math.max(cell.length, ...rows.map((row) => String(row[i]).length)),
  );
  const line = (cells) =>
    cells
      .map((cell, i) => String(cell).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/** Milliseconds as the report prints them: whole above 100, one decimal below. */
export function ms(value) {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/** KiB (as maxRSS gives them) in MiB with one decimal. */
export function mib(kibibytes) {
  return (kibibytes / 1024).toFixed(1);
}

function kib(bytes) {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
    : `${(bytes / 1024).toFixed(0)} KiB`;
}

/** Prints a CPU profile summary from `measure/profile.mjs`. */
export function printProfile(title, summary) {
  const rows = (list) =>
    list.map((row) => [row.name, ms(row.ms), `${(row.share * 100).toFixed(1)}%`]);
  console.log(`\nCPU profile: ${title} (${ms(summary.totalMs)} ms sampled, ${summary.file})\n`);
  console.log(table(['module (self time)', 'ms', 'share'], rows(summary.byModule)).join('\n'));
  console.log('');
  console.log(table(['function (self time)', 'ms', 'share'], rows(summary.bySelf)).join('\n'));
  console.log('');
  console.log(
    table(['function (inclusive time)', 'ms', 'share'], rows(summary.byInclusive)).join('\n'),
  );
}
