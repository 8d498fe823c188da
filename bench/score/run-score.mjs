/**
 * The score benchmark (issue 5): 250,000 civil servants × 8 indicators for one quarter, from
 * rows already in memory, scored by @kpilang/runtime's `score` and `scorePeople` and by a
 * hand-written loop over the same rows with plain numbers, the floor. Each runs in its own
 * node process; the report gives rows and people per second, the memory the rows take and the
 * peak, and the ratio of each runtime call to the loop. Goal: within 3x of the loop.
 *
 * Before measuring, one unmeasured run scores the rows with both `scorePeople` and the loop and
 * compares every person's result, so the floor is known to do the runtime's work; it also warms
 * the machine up, so the measured rounds need no warm-up of their own.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { BenchError } from '../bench-error.mjs';
import { summarizeProfile } from '../measure/profile.mjs';
import { measureVariants } from '../measure/rounds.mjs';
import { runMeasured } from '../measure/spawn.mjs';
import { ratio } from '../measure/stats.mjs';
import { prepareScoreInput } from './input.mjs';

/** The goal of issue 5: each runtime call at most this many times the loop's scoring time. */
const GOAL_RATIO = 3;

/**
 * Runs the suite and returns its results.
 *
 * @param {{ kpic: string, root: string, work: string, runs: number, people: number,
 *   heapMiB: number, profile: 'auto' | 'always' | 'never', profilePeople: number }} options
 */
export async function runScoreBench({
  kpic,
  root,
  work,
  runs,
  people,
  heapMiB,
  profile,
  profilePeople,
}) {
  const runtimeDir = join(root, 'packages', 'runtime');
  const input = await prepareScoreInput({ kpic, work });
  const nodeArgs = [`--max-old-space-size=${heapMiB}`];
  const plan = planVariants({ runtimeDir, ruleSetFile: input.ruleSetFile, people, nodeArgs });

  const loadBefore = loadavg()[0];
  const check = await checkAgreement({ runtimeDir, input, people, nodeArgs, work });
  const variants = await measureVariants(plan, { runs, workDir: work, root, warmup: false });
  const load = { before: loadBefore, after: loadavg()[0], cpus: cpus().length };
  checkFacts(variants, people);

  const by = Object.fromEntries(variants.map((variant) => [variant.key, variant]));
  const scoreMs = (key) => by[key].phases.score.median;
  const rows = by.loop.facts.input.rows;
  const throughput = Object.fromEntries(
    variants.map((variant) => [
      variant.key,
      {
        scoreMs: scoreMs(variant.key),
        rowsPerSecond: rows / (scoreMs(variant.key) / 1000),
        peoplePerSecond: people / (scoreMs(variant.key) / 1000),
      },
    ]),
  );
  const goals = ['score', 'people'].map((key) => {
    const measured = ratio(scoreMs(key), scoreMs('loop'));
    return {
      key,
      name: `${by[key].label} within ${GOAL_RATIO}x of the hand-written loop`,
      ratio: measured,
      target: GOAL_RATIO,
      met: measured <= GOAL_RATIO,
    };
  });
  const results = {
    runs,
    people,
    heapMiB,
    load,
    input: {
      ...by.loop.facts.input,
      indicators: input.indicators,
      diagnostics: input.diagnostics.bySeverity,
    },
    check,
    variants,
    throughput,
    goals,
  };

  const toProfile = profile === 'always' || (profile === 'auto' && goals.some((goal) => !goal.met));
  if (toProfile) {
    const step = planVariants({
      runtimeDir,
      ruleSetFile: input.ruleSetFile,
      people: profilePeople,
      nodeArgs,
    }).find((candidate) => candidate.key === 'people');
    results.profile = { people: profilePeople, ...(await profileVariant({ step, work, root })) };
  }
  return results;
}

/** The measured variants: the loop first, the floor the others are judged against. */
function planVariants({ runtimeDir, ruleSetFile, people, nodeArgs }) {
  const count = String(people);
  return [
    {
      key: 'loop',
      label: 'hand-written loop',
      variant: 'score-loop',
      args: [ruleSetFile, count],
      nodeArgs,
    },
    {
      key: 'score',
      label: 'score',
      variant: 'score-runtime',
      args: [runtimeDir, ruleSetFile, count],
      nodeArgs,
    },
    {
      key: 'people',
      label: 'scorePeople',
      variant: 'score-people',
      args: [runtimeDir, ruleSetFile, count],
      nodeArgs,
    },
  ];
}

/**
 * Scores the rows with `scorePeople` and the loop in one process and compares them (see
 * `compareResults` in work.mjs). Throws a BenchError when they disagree beyond floats at a
 * band edge: the loop would then not be doing the runtime's work, or the runtime would be wrong.
 */
async function checkAgreement({ runtimeDir, input, people, nodeArgs, work }) {
  let result;
  try {
    result = await runMeasured({
      workDir: work,
      variant: 'score-check',
      args: [runtimeDir, input.ruleSetFile, String(people)],
      nodeArgs,
    });
  } catch (error) {
    throw new BenchError(`the check of the score benchmark failed:\n${error.message}`);
  }
  const { comparedPeople, floatEdges, floatEdgeExamples, mismatches } = result.facts;
  if (mismatches.length > 0 || comparedPeople !== people) {
    throw new BenchError(
      `the hand-written loop and scorePeople disagree on ${people} people:\n  ` +
        mismatches.join('\n  '),
    );
  }
  return { comparedPeople, floatEdges, floatEdgeExamples };
}

/** Every variant scored every person and used and rejected the same rows. */
function checkFacts(variants, people) {
  const [first] = variants;
  for (const variant of variants) {
    const { facts } = variant;
    if (
      facts.people !== people ||
      facts.used !== first.facts.used ||
      facts.rejected !== first.facts.rejected
    ) {
      throw new BenchError(
        `${variant.label} scored ${facts.people} people and used ${facts.used} rows ` +
          `(${facts.rejected} rejected); ${first.label} ${first.facts.people}, ${first.facts.used} ` +
          `(${first.facts.rejected})`,
      );
    }
  }
}

/** Runs one variant under `node --cpu-prof` and summarises where its time went. */
async function profileVariant({ step, work, root }) {
  const dir = join(work, 'profiles');
  mkdirSync(dir, { recursive: true });
  const name = `score-${step.key}.cpuprofile`;
  rmSync(join(dir, name), { force: true });
  await runMeasured({
    workDir: work,
    variant: step.variant,
    args: step.args,
    nodeArgs: [...step.nodeArgs, '--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}`],
  });
  if (!readdirSync(dir).includes(name))
    throw new BenchError(`no CPU profile written for ${step.label}`);
  return {
    label: step.label,
    file: `bench/.work/profiles/${name}`,
    ...summarizeProfile(join(dir, name), { root, top: 15 }),
  };
}
