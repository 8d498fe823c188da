/**
 * Prints the language-server benchmark's results in the layout of the other reports: the
 * documents, a latency table per size beside `kpic check` of the same document, the memory
 * after opening the national framework, and the goals of issue 4 with their verdicts.
 */
import { mib, ms, table } from '../report.mjs';

/** Writes the language-server report to stdout. */
export function printLspReport(lsp) {
  const { sizes, memory, goals, load } = lsp;
  const lines = [
    '',
    `Language server ${lsp.server.version}: ${lsp.edits} edits per document after ` +
      `${lsp.warmup} warm-up edits, one at a time, each an incremental didChange that types ` +
      `or deletes one character in a label; the server's own ${lsp.debounceMs} ms debounce.`,
    ...sizes.map(
      (size) =>
        `  ${size.document.file}: ${size.document.counts.indicators} indicators, ` +
        `${size.document.counts.positions} positions, ${size.document.counts.groups} groups, ` +
        `${size.document.lines} lines, ${kib(size.document.bytes)}; kpic check: ` +
        `${describeDiagnostics(size.diagnostics)}.`,
    ),
    '',
    ...table(
      [
        'indicators',
        'server p50 ms',
        'p95',
        'max',
        'round trip p50',
        'p95',
        'kpic check wall ms',
        'work ms',
        'p95 / check wall',
        'p95 / check work',
      ],
      sizes.map((size) => [
        size.indicators,
        ms(size.serverMs.p50),
        ms(size.serverMs.p95),
        ms(size.serverMs.max),
        ms(size.roundTripMs.p50),
        ms(size.roundTripMs.p95),
        ms(size.check.wallMs.median),
        ms(size.check.workMs.median),
        times(size.ratios.p95OverCheckWall),
        times(size.ratios.p95OverCheckWork),
      ]),
    ),
    'server: the kpilang/timing the server reports, from the end of the debounce to the last ' +
      'publishDiagnostics sent; round trip: didChange sent to publishDiagnostics received, ' +
      `less the ${lsp.debounceMs} ms debounce. kpic check: median of ${lsp.checkRuns} runs ` +
      "after a warm-up, wall (spawn to exit) and work (without node's start-up).",
    ...sizes.map(
      (size) =>
        `  ${size.indicators} indicators: first check on opening ${ms(size.firstCheckMs)} ms; ` +
        `server RSS after the edits ${mib(size.memoryAfterEdits.rssKiB)} MiB` +
        (size.memoryAfterEdits.peakRssKiB
          ? ` (peak ${mib(size.memoryAfterEdits.peakRssKiB)} MiB)`
          : '') +
        `; kpic check peak RSS ${mib(size.check.maxRssKiB.median)} MiB.`,
    ),
    '',
    `Memory: the national framework (${memory.folder}, ${memory.files} files) as the ` +
      `workspace folder, no file open: diagnostics for all ${memory.files} files published ` +
      `${ms(memory.initializedToLastPublishMs)} ms after initialized (that check ` +
      `${ms(memory.lastCheckMs)} ms; kpic check of the folder ${ms(memory.check.wallMs.median)} ` +
      `ms wall). Server RSS then ${mib(memory.rssKiB)} MiB` +
      (memory.peakRssKiB ? `, peak ${mib(memory.peakRssKiB)} MiB` : '') +
      ` (from ${memory.from}); kpic check peak RSS ${mib(memory.check.maxRssKiB.median)} MiB. ` +
      `Published ${memory.published} diagnostics; kpic check: ` +
      `${describeDiagnostics(memory.diagnostics)}.`,
    '',
    ...table(
      ['goal', 'measured', 'target', 'verdict'],
      goals.map((goal) => [
        goal.name,
        `${ms(goal.measuredMs)} ms`,
        goal.name.startsWith('p95 under') ? `< ${goal.limitMs} ms` : `<= ${ms(goal.limitMs)} ms`,
        verdict(goal.met),
      ]),
    ),
    '',
  ];
  for (const size of sizes) {
    if (size.unexpected.count > 0) {
      lines.push(
        `Note: at ${size.indicators} indicators, ${size.unexpected.count} publishes did not ` +
          `hold the ${size.unexpected.expected} diagnostics kpic check reports, or their timing ` +
          `named other than one file; the first: ${JSON.stringify(size.unexpected.first)}`,
      );
    }
  }
  for (const [what, log] of [
    ...sizes.map((size) => [`${size.indicators} indicators`, size.serverLog]),
    ['the national framework', memory.serverLog],
  ]) {
    if (log.length > 0) lines.push(`The server logged (${what}):`, ...log.map((l) => `  ${l}`));
  }
  if (load.before > load.cpus / 2 || load.after > load.cpus / 2) {
    lines.push(
      `Note: the machine was busy (load average ${load.before.toFixed(1)} before, ` +
        `${load.after.toFixed(1)} after, on ${load.cpus} CPUs); latencies are noisy.`,
      '',
    );
  }
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
  if (met === undefined) return 'not judged (fewer than 200 edits)';
  return met ? 'met' : 'NOT met';
}

function kib(bytes) {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
    : `${(bytes / 1024).toFixed(0)} KiB`;
}
