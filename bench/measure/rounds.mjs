/**
 * The measuring loops of the benchmark: every variant in its own process, round-robin after
 * one warm-up round (so a slow spell of the machine hits all variants alike instead of one),
 * summarised by median; and the cold start, kpic on a small input against bare node.
 */
import { BenchError } from '../bench-error.mjs';
import { runMeasured, runPlain } from './spawn.mjs';
import { ratio, summarize } from './stats.mjs';

/**
 * Runs each step `runs` times after a warm-up round and summarises wall, process, work and
 * CPU time, peak memory and the child's phases. `step.args` go to the wrapper (`child.mjs`),
 * `step.nodeArgs` (optional) to node. `warmup: false` leaves out the warm-up round, for steps
 * that run long enough not to need one, or that the caller has just run.
 *
 * @param {{ key: string, label: string, variant: string, args: string[], nodeArgs?: string[] }[]} plan
 * @param {{ runs: number, workDir: string, root: string, warmup?: boolean }} options
 */
export async function measureVariants(plan, { runs, workDir, root, warmup = true }) {
  const samples = new Map(plan.map((step) => [step.key, []]));

  for (let round = warmup ? 0 : 1; round <= runs; round += 1) {
    for (const step of plan) {
      progress(`${round === 0 ? 'warm-up' : `run ${round}/${runs}`}: ${step.label}`);
      const { variant, args, nodeArgs } = step;
      const result = await runMeasured({ workDir, variant, args, nodeArgs });
      if (round > 0) samples.get(step.key).push(result);
    }
  }
  progress('');

  return plan.map((step) => {
    const list = samples.get(step.key);
    const of = (field) => summarize(list.map((result) => result[field]));
    const phaseNames = Object.keys(list[0].phases);
    return {
      key: step.key,
      label: step.label,
      command: [step.variant, ...step.args].map((arg) => arg.replace(root, '')).join(' '),
      wallMs: of('wallMs'),
      processMs: of('processMs'),
      workMs: of('workMs'),
      cpuMs: of('cpuMs'),
      maxRssKiB: of('maxRssKiB'),
      phases: Object.fromEntries(
        phaseNames.map((name) => [name, summarize(list.map((result) => result.phases[name]))]),
      ),
      // The same input gives the same output in every run; the first run's facts stand.
      facts: list[0].facts,
    };
  });
}

/**
 * `kpic check <small>` against `node -e 0`, interleaved, after one warm-up of each. The goal
 * is judged on plain spawns (wall time); the same pair run through the wrapper adds CPU time
 * and peak memory, which a busy machine disturbs less than wall time.
 *
 * @param {{ kpic: string, dir: string, label: string, runs: number, workDir: string }} options
 */
export async function measureColdStart({ kpic, dir, label, runs, workDir }) {
  const plain = { kpic: [], node: [] };
  const wrapped = { kpic: [], node: [] };

  for (let round = 0; round <= runs; round += 1) {
    progress(`${round === 0 ? 'warm-up' : `run ${round}/${runs}`}: cold start`);
    const a = await runPlain(process.execPath, [kpic, 'check', dir]);
    const b = await runPlain(process.execPath, ['-e', '0']);
    const c = await runMeasured({ workDir, variant: 'kpic', args: [kpic, 'check', dir] });
    const d = await runMeasured({ workDir, variant: 'noop', args: [] });
    if (a.exitCode !== 0)
      throw new BenchError(`kpic check ${label} exited ${a.exitCode}:\n${a.stdout}`);
    if (round === 0) continue;
    plain.kpic.push(a.wallMs);
    plain.node.push(b.wallMs);
    wrapped.kpic.push(c);
    wrapped.node.push(d);
  }
  progress('');

  const kpicWall = summarize(plain.kpic);
  const nodeWall = summarize(plain.node);
  const kpicCpu = summarize(wrapped.kpic.map((r) => r.cpuMs));
  const nodeCpu = summarize(wrapped.node.map((r) => r.cpuMs));
  return {
    runs,
    inputLabel: label,
    kpic: kpicWall,
    node: nodeWall,
    ratio: ratio(kpicWall.median, nodeWall.median),
    cpu: { kpic: kpicCpu, node: nodeCpu, ratio: ratio(kpicCpu.median, nodeCpu.median) },
    maxRssKiB: {
      kpic: summarize(wrapped.kpic.map((r) => r.maxRssKiB)),
      node: summarize(wrapped.node.map((r) => r.maxRssKiB)),
    },
  };
}

/** One status line, rewritten in place on a terminal and left out elsewhere. */
function progress(text) {
  if (!process.stdout.isTTY) return;
  process.stdout.write(`\r${text.padEnd(70)}${text ? '' : '\r'}`);
}
