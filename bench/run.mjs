/**
 * `pnpm bench`: kpic's benchmark (issue 2, section 9). It generates a national-scale framework,
 * builds it with kpic, writes the rule set's YAML twin, then measures in separate node
 * processes: kpic check, kpic build, JSON.parse of the rule set, and yaml + ajv on the YAML
 * twin; then the cold start of kpic on one small file against `node -e 0`. It prints a table
 * with the goals and writes bench/.work/results.json.
 *
 * Options: --runs N (5), --cold-runs N (10), --contexts N (20), --profile auto|always|never
 * (auto: profile kpic when it misses a goal).
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateFrameworks } from './generate.mjs';
import { runMeasured, runPlain } from './measure/spawn.mjs';
import { ratio, summarize } from './measure/stats.mjs';
import { profileKpic } from './profile-kpic.mjs';
import {
  BenchError,
  buildRuleSet,
  checkAuthoringYaml,
  checkClean,
  ensureCli,
  writeSchema,
  writeYamlTwin,
} from './prepare.mjs';
import { judgeGoals, printProfile, printReport } from './report.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = join(ROOT, 'bench', '.work');
const KPIC = join(ROOT, 'packages', 'cli', 'dist', 'kpic.js');
const CEMA = join(ROOT, 'examples', 'cema', 'framework');
const AUTHORING_SCHEMA = join(ROOT, 'bench', 'authoring.schema.json');

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      'cold-runs': { type: 'string', default: '10' },
      contexts: { type: 'string', default: '20' },
      profile: { type: 'string', default: 'auto' },
    },
  });
  const runs = positiveInteger(values.runs, '--runs');
  const coldRuns = positiveInteger(values['cold-runs'], '--cold-runs');
  mkdirSync(WORK, { recursive: true });

  const version = await ensureCli(KPIC);
  const input = await prepareInput(positiveInteger(values.contexts, '--contexts'));
  const small = await pickSmallInput(input.smallDir);

  const variants = await measureVariants(input, runs);
  const coldStart = await measureColdStart(small, coldRuns);
  const results = assemble({ version, input, variants, coldStart, runs });
  printReport(results);

  const missed = results.goals.some((g) => g.met === false);
  if (values.profile === 'always' || (values.profile === 'auto' && missed)) {
    results.profiles = await profileKpic({ kpic: KPIC, root: ROOT, work: WORK, input, small });
    printProfile(`kpic check ${input.label}`, results.profiles.check);
    printProfile(`kpic check ${small.label} (cold start)`, results.profiles.coldStart);
  }
  writeFileSync(join(WORK, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nResults written to bench/.work/results.json`);
}

/** Generates the framework, checks it is clean, builds it, and writes the schema and YAML. */
async function prepareInput(contexts) {
  const generated = generateFrameworks(WORK, { contexts });
  const diagnostics = await checkClean(KPIC, generated.nationalDir, 'the generated framework');
  const outDir = join(WORK, 'out');
  const jsonFile = await buildRuleSet(KPIC, generated.nationalDir, outDir);
  const schemaFile = join(WORK, 'rules.schema.json');
  await writeSchema(KPIC, schemaFile);
  const yamlFile = join(WORK, 'national.rules.yaml');
  const counts = writeYamlTwin({ jsonFile, yamlFile, schemaFile, root: ROOT });
  checkAuthoringYaml(generated.authoringFile, AUTHORING_SCHEMA);

  if (counts.indicatorUses < 20000) {
    throw new BenchError(`the built rule set has ${counts.indicatorUses} indicator uses, under 20,000`);
  }
  return {
    ...generated,
    generatedCounts: generated.counts,
    label: 'bench/.work/national',
    diagnostics,
    counts,
    jsonFile,
    yamlFile,
    schemaFile,
    buildDir: join(WORK, 'out-measured'),
    jsonBytes: statSync(jsonFile).size,
    yamlBytes: statSync(yamlFile).size,
    authoringBytes: statSync(generated.authoringFile).size,
  };
}

/** The CEMA framework when it checks clean, else the generated one-file framework. */
async function pickSmallInput(generatedSmall) {
  if (existsSync(CEMA)) {
    try {
      await checkClean(KPIC, CEMA, 'examples/cema/framework');
      return { dir: CEMA, label: 'examples/cema/framework' };
    } catch (error) {
      if (!(error instanceof BenchError)) throw error;
      console.warn('examples/cema/framework does not check clean; the cold start uses a generated file.');
    }
  }
  await checkClean(KPIC, generatedSmall, 'the small generated framework');
  return { dir: generatedSmall, label: 'bench/.work/small (one generated file)' };
}

/** Runs every variant `runs` times, round-robin after one warm-up round, and summarises. */
async function measureVariants(input, runs) {
  const plan = [
    { key: 'check', label: 'kpic check', variant: 'kpic', args: [KPIC, 'check', input.nationalDir] },
    { key: 'build', label: 'kpic build', variant: 'kpic', args: [KPIC, 'build', input.nationalDir, '--out', input.buildDir] },
    { key: 'json', label: 'JSON.parse (read + parse)', variant: 'json', args: [input.jsonFile] },
    { key: 'yaml', label: 'yaml.parse only (for scale)', variant: 'yaml', args: [input.yamlFile] },
    { key: 'yamlAjv', label: 'yaml.parse + ajv validate', variant: 'yaml-ajv', args: [input.yamlFile, input.schemaFile] },
    { key: 'authoringAjv', label: 'yaml + ajv, authoring form', variant: 'yaml-ajv', args: [input.authoringFile, AUTHORING_SCHEMA] },
  ];
  const samples = new Map(plan.map((step) => [step.key, []]));

  for (let round = 0; round <= runs; round += 1) {
    for (const step of plan) {
      process.stdout.write(`\r${round === 0 ? 'warm-up' : `run ${round}/${runs}`}: ${step.label}`.padEnd(60));
      const result = await runMeasured({ workDir: WORK, variant: step.variant, args: step.args });
      if (round > 0) samples.get(step.key).push(result);
    }
  }
  process.stdout.write(`\r${''.padEnd(60)}\r`);

  return plan.map((step) => {
    const list = samples.get(step.key);
    const phaseNames = Object.keys(list[0].phases);
    return {
      key: step.key,
      label: step.label,
      command: step.args.map((arg) => arg.replace(ROOT, '')).join(' '),
      wallMs: summarize(list.map((r) => r.wallMs)),
      processMs: summarize(list.map((r) => r.processMs)),
      workMs: summarize(list.map((r) => r.workMs)),
      maxRssKiB: summarize(list.map((r) => r.maxRssKiB)),
      phases: Object.fromEntries(phaseNames.map((name) => [name, summarize(list.map((r) => r.phases[name]))])),
    };
  });
}

/** `kpic check <small>` against `node -e 0`, interleaved, after one warm-up of each. */
async function measureColdStart(small, runs) {
  const kpic = [];
  const node = [];
  for (let round = 0; round <= runs; round += 1) {
    const a = await runPlain(process.execPath, [KPIC, 'check', small.dir]);
    const b = await runPlain(process.execPath, ['-e', '0']);
    if (a.exitCode !== 0) throw new BenchError(`kpic check ${small.label} exited ${a.exitCode}:\n${a.stdout}`);
    if (round > 0) {
      kpic.push(a.wallMs);
      node.push(b.wallMs);
    }
  }
  const kpicStats = summarize(kpic);
  const nodeStats = summarize(node);
  return {
    runs,
    inputLabel: small.label,
    kpic: kpicStats,
    node: nodeStats,
    ratio: ratio(kpicStats.median, nodeStats.median),
  };
}

function assemble({ version, input, variants, coldStart, runs }) {
  const by = Object.fromEntries(variants.map((v) => [v.key, v]));
  const pair = (a, b) => ({
    wall: ratio(by[a].wallMs.median, by[b].wallMs.median),
    work: ratio(by[a].workMs.median, by[b].workMs.median),
  });
  const results = {
    date: new Date().toISOString(),
    kpic: version,
    node: process.version,
    platform: `${process.platform} ${process.arch}, ${cpus()[0]?.model ?? 'unknown cpu'}`,
    runs,
    input: {
      counts: input.counts,
      generated: input.generatedCounts,
      kpiFiles: input.files,
      kpiBytes: input.bytes,
      jsonBytes: input.jsonBytes,
      yamlBytes: input.yamlBytes,
      authoringBytes: input.authoringBytes,
      diagnostics: input.diagnostics.bySeverity,
    },
    variants,
    ratios: {
      checkOverJson: pair('check', 'json'),
      checkOverYamlAjv: pair('check', 'yamlAjv'),
      checkOverAuthoringAjv: pair('check', 'authoringAjv'),
      buildOverJson: pair('build', 'json'),
      buildOverYamlAjv: pair('build', 'yamlAjv'),
    },
    coldStart,
  };
  results.goals = judgeGoals(results);
  return results;
}

function positiveInteger(text, name) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new BenchError(`${name} wants a positive whole number, got ${text}`);
  return value;
}

main().catch((error) => {
  if (error instanceof BenchError) {
    console.error(`\npnpm bench failed: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
