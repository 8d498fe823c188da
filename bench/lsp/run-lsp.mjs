/**
 * The language-server benchmark (issue 4): keystroke-to-diagnostics latency on one document
 * of 200 and one of 2,000 indicators, against a full `kpic check` of the same document
 * measured in the same run, and the server's memory once it has checked the national-scale
 * framework. Goal: p95 under 50 ms at 2,000 indicators, and the server never slower than
 * re-running the whole check.
 *
 * The server runs as an editor starts it (`node bin.js --stdio`, from a snapshot of its
 * bundle) with `reportTiming`: after each publish it sends `kpilang/timing`, the time from
 * the end of the debounce to the last publishDiagnostics sent; that is the latency judged.
 * The time from sending the change to receiving the publish, less the debounce, is reported
 * beside it, since it also holds what the server does when the change arrives.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { BenchError } from '../bench-error.mjs';
import { generateFrameworks } from '../generate.mjs';
import { runMeasured, runPlain } from '../measure/spawn.mjs';
import { percentile, ratio, summarize } from '../measure/stats.mjs';
import { checkClean } from '../prepare.mjs';
import { fileUri, LspSession } from './client.mjs';
import { writeLspDocument } from './document.mjs';

/** The document sizes measured, in indicators. */
const SIZES = [200, 2000];
/** The size the latency goal is set at, the goal in milliseconds, and the edits it needs. */
const GOAL = { indicators: 2000, p95LimitMs: 50, minEdits: 200 };
/** The server's own debounce; the benchmark passes no `debounceMs`, so this is in effect. */
const DEBOUNCE_MS = 150;
/** What is typed: one character inserted just inside a label's quote, then deleted. */
const TYPED = 'x';

/**
 * Runs the suite and returns its results.
 *
 * @param {{ kpic: string, root: string, work: string, edits: number, warmup: number,
 *   checkRuns: number }} options
 */
export async function runLspBench({ kpic, root, work, edits, warmup, checkRuns }) {
  const server = await snapshotServer(root, work);
  const loadBefore = loadavg()[0];
  const sizes = [];
  for (const count of SIZES) {
    sizes.push(await measureSize({ count, kpic, root, work, server, edits, warmup, checkRuns }));
  }
  const memory = await measureNational({ kpic, root, work, server, checkRuns });
  const load = { before: loadBefore, after: loadavg()[0], cpus: cpus().length };
  return {
    server: { version: server.version },
    edits,
    warmup,
    checkRuns,
    debounceMs: DEBOUNCE_MS,
    load,
    sizes,
    memory,
    goals: judgeGoals(sizes, edits),
  };
}

/**
 * The goals: p95 at 2,000 indicators under 50 ms (over at least 200 edits), and at every
 * size a p95 no longer than the median wall time of `kpic check` on the same document.
 */
function judgeGoals(sizes, edits) {
  const enough = edits >= GOAL.minEdits;
  const atGoal = sizes.find((size) => size.indicators === GOAL.indicators);
  return [
    {
      name: `p95 under ${GOAL.p95LimitMs} ms at ${GOAL.indicators} indicators`,
      measuredMs: atGoal.serverMs.p95,
      limitMs: GOAL.p95LimitMs,
      met: enough ? atGoal.serverMs.p95 < GOAL.p95LimitMs : undefined,
    },
    ...sizes.map((size) => ({
      name: `p95 no slower than kpic check, ${size.indicators} indicators`,
      measuredMs: size.serverMs.p95,
      limitMs: size.check.wallMs.median,
      met: enough ? size.serverMs.p95 <= size.check.wallMs.median : undefined,
    })),
  ];
}

/**
 * One document: writes it, checks it is clean with kpic, times `kpic check` on it, then
 * opens it in a fresh server and types in a label `warmup + edits` times, one change at a
 * time, each waiting for its publish and timing before the next.
 */
async function measureSize({ count, kpic, root, work, server, edits, warmup, checkRuns }) {
  const document = writeLspDocument(work, count);
  const label = `the ${count}-indicator document`;
  const diagnostics = await checkClean(kpic, document.file, label);
  const expected = Object.values(diagnostics.bySeverity).reduce((a, b) => a + b, 0);
  const check = await measureCheck({ kpic, target: document.file, runs: checkRuns, work, label });

  const session = new LspSession(server.bin, root);
  try {
    await session.initialize(dirname(document.file));
    const uri = await session.open(document.file);
    const opened = await session.waitForCheck(uri, 1, 0);
    const samples = { serverMs: [], roundTripMs: [] };
    const unexpected = [];
    const at = document.editAt;
    for (let i = 0; i < warmup + edits; i += 1) {
      progress(`lsp, ${count} indicators: ${i < warmup ? 'warm-up ' : ''}edit ${i + 1}`);
      // Even edits type a character, odd ones delete it, so the text stays clean throughout.
      const range =
        i % 2 === 0
          ? { start: at, end: at }
          : { start: at, end: { line: at.line, character: at.character + TYPED.length } };
      const from = session.events.length;
      const { version, sent } = await session.edit(uri, range, i % 2 === 0 ? TYPED : '');
      const { publish, timing } = await session.waitForCheck(uri, version, from);
      if (publish.params.diagnostics.length !== expected || timing.params.files !== 1) {
        unexpected.push({
          version,
          diagnostics: publish.params.diagnostics.length,
          files: timing.params.files,
          first: publish.params.diagnostics[0]?.message,
        });
      }
      if (i < warmup) continue;
      samples.serverMs.push(timing.params.milliseconds);
      samples.roundTripMs.push(publish.at - sent - DEBOUNCE_MS);
    }
    progress('');
    return {
      indicators: count,
      document: {
        file: relative(root, document.file),
        lines: document.lines,
        bytes: document.bytes,
        counts: document.counts,
        editedLabelOf: document.editAt.indicator,
      },
      diagnostics: diagnostics.bySeverity,
      check,
      firstCheckMs: opened.timing.params.milliseconds,
      serverMs: describe(samples.serverMs),
      roundTripMs: describe(samples.roundTripMs),
      ratios: {
        p95OverCheckWall: ratio(percentile(samples.serverMs, 95), check.wallMs.median),
        p95OverCheckWork: ratio(percentile(samples.serverMs, 95), check.workMs.median),
      },
      unexpected: { count: unexpected.length, first: unexpected.slice(0, 5), expected },
      memoryAfterEdits: session.memory(),
      serverLog: session.log.trim().split('\n').filter(Boolean).slice(0, 20),
    };
  } finally {
    await session.close();
  }
}

/**
 * The national-scale framework as a workspace folder: the time from `initialized` until the
 * server has published diagnostics for every one of its files, and its memory then.
 */
async function measureNational({ kpic, root, work, server, checkRuns }) {
  const folder = join(work, 'national');
  const generated = !existsSync(join(folder, 'framework.kpi'));
  if (generated) generateFrameworks(work);
  const names = readdirSync(folder).filter((name) => name.endsWith('.kpi'));
  const label = 'the national framework';
  const diagnostics = await checkClean(kpic, folder, label);
  const check = await measureCheck({ kpic, target: folder, runs: checkRuns, work, label });

  const session = new LspSession(server.bin, root);
  try {
    progress('lsp: national framework');
    const initialized = await session.initialize(folder);
    const uris = new Set(names.map((name) => fileUri(join(folder, name))));
    // The publish that covers every file ends with a timing notification naming all of them;
    // an earlier one (the debounce fired while the folder was still being read) may not.
    const timing = await session.waitFor(
      (event) => event.method === 'kpilang/timing' && event.params.files === uris.size,
      `kpilang/timing for all ${uris.size} files of ${label}`,
    );
    const memory = session.memory();
    const latest = new Map();
    for (const event of session.events.slice(0, timing.index)) {
      if (event.method === 'textDocument/publishDiagnostics' && uris.has(event.params.uri)) {
        latest.set(event.params.uri, event);
      }
    }
    progress('');
    if (latest.size !== uris.size) {
      throw session.failure(
        `the server announced a check of ${uris.size} files of ${label} but published ` +
          `diagnostics for ${latest.size} of them`,
      );
    }
    const lastAt = Math.max(...[...latest.values()].map((event) => event.at));
    return {
      folder: relative(root, folder),
      generatedNow: generated,
      files: uris.size,
      diagnostics: diagnostics.bySeverity,
      published: [...latest.values()].reduce((n, e) => n + e.params.diagnostics.length, 0),
      check,
      initializedToLastPublishMs: lastAt - initialized,
      lastCheckMs: timing.event.params.milliseconds,
      ...memory,
      serverLog: session.log.trim().split('\n').filter(Boolean).slice(0, 20),
    };
  } finally {
    await session.close();
  }
}

/**
 * `kpic check <target>`, one warm-up and then `runs` rounds: a plain spawn for the wall time,
 * then the same through the measuring wrapper for the work time (without node's start-up).
 */
async function measureCheck({ kpic, target, runs, work, label }) {
  const wall = [];
  const wrapped = [];
  for (let round = 0; round <= runs; round += 1) {
    progress(`lsp: kpic check of ${label}, ${round === 0 ? 'warm-up' : `run ${round}/${runs}`}`);
    const plain = await runPlain(process.execPath, [kpic, 'check', target]);
    if (plain.exitCode !== 0) {
      throw new BenchError(`kpic check of ${label} exited ${plain.exitCode}:\n${plain.stdout}`);
    }
    const measured = await runMeasured({
      workDir: work,
      variant: 'kpic',
      args: [kpic, 'check', target],
    });
    if (round === 0) continue;
    wall.push(plain.wallMs);
    wrapped.push(measured);
  }
  progress('');
  return {
    runs,
    wallMs: summarize(wall),
    workMs: summarize(wrapped.map((result) => result.workMs)),
    cpuMs: summarize(wrapped.map((result) => result.cpuMs)),
    maxRssKiB: summarize(wrapped.map((result) => result.maxRssKiB)),
  };
}

/** p50, p95, min, max and mean of a series of latencies, and the samples. */
function describe(samples) {
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    min: Math.min(...samples),
    max: Math.max(...samples),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
    samples,
  };
}

/**
 * Copies the built server (its bundle: bin.js and its chunks) under the work folder, so a
 * rebuild in the working tree during the run changes nothing measured, and checks the copy
 * answers `--version`.
 */
async function snapshotServer(root, work) {
  const built = join(root, 'packages', 'language-server', 'dist');
  if (!existsSync(join(built, 'bin.js'))) {
    throw new BenchError(
      'the language server is not built: packages/language-server/dist/bin.js is missing. ' +
        'Run `pnpm run build` first.',
    );
  }
  const copy = join(work, 'lsp', 'server');
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  cpSync(built, copy, { recursive: true });
  const bin = join(copy, 'bin.js');
  const run = await runPlain(process.execPath, [bin, '--version']);
  if (run.exitCode !== 0) {
    throw new BenchError(
      `\`kpilang-language-server --version\` failed (exit ${run.exitCode}); is ` +
        `packages/language-server/dist a self-contained bundle?\n${run.stderr || run.stdout}`,
    );
  }
  return { bin, version: run.stdout.trim() };
}

/** One status line, rewritten in place on a terminal and left out elsewhere. */
function progress(text) {
  if (!process.stdout.isTTY) return;
  process.stdout.write(`\r${text.padEnd(70)}${text ? '' : '\r'}`);
}
