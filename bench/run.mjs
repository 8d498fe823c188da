/**
 * `pnpm bench`: kpic's benchmark. The compile suite (issue 2, section 9) generates a
 * national-scale framework, checks and builds it with kpic, writes two YAML baselines (the
 * built rule set as YAML, and the framework as a team would write it in YAML), then measures
 * in separate node processes: kpic check, kpic build, JSON.parse of the rule set, and a YAML
 * library (yaml, js-yaml) plus ajv on each YAML file; then the cold start of kpic on one small
 * framework against `node -e 0`. The render suite (issue 3, `render/run-render.mjs`) renders
 * 1,000 scorecards to HTML and PDF against a plain handlebars baseline. The lsp suite (issue 4,
 * `lsp/run-lsp.mjs`) measures the language server's keystroke-to-diagnostics latency against
 * `kpic check` of the same document, and its memory on the national framework. The score suite
 * (issue 5, `score/run-score.mjs`) scores 250,000 civil servants × 8 indicators for a quarter
 * with @kpilang/runtime against a hand-written loop over the same rows. It prints the figures
 * with the goals and writes bench/.work/results.json.
 *
 * Options: --suite all|compile|render|lsp|score (all), --runs N (5), --cold-runs N (10),
 * --contexts N (20), --render-runs N (3), --positions N (1000), --lsp-edits N (200),
 * --lsp-warmup N (10), --lsp-check-runs N (5), --score-runs N (3), --score-people N (250000),
 * --score-heap MiB (12288), --score-profile-people N (25000), --profile auto|always|never
 * (auto: profile what misses a goal).
 */
import { cpSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateFrameworks } from './generate.mjs';
import { measureColdStart, measureVariants } from './measure/rounds.mjs';
import { ratio } from './measure/stats.mjs';
import { profileKpic } from './profile-kpic.mjs';
import { BenchError } from './bench-error.mjs';
import {
  buildRuleSet,
  checkAuthoringYaml,
  checkClean,
  snapshotCli,
  writeSchema,
  writeYamlTwin,
} from './prepare.mjs';
import { judgeGoals, printProfile, printReport } from './report.mjs';
import { printRenderReport } from './render/report-render.mjs';
import { runRenderBench } from './render/run-render.mjs';
import { printLspReport } from './lsp/report-lsp.mjs';
import { runLspBench } from './lsp/run-lsp.mjs';
import { printScoreReport } from './score/report-score.mjs';
import { runScoreBench } from './score/run-score.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = join(ROOT, 'bench', '.work');
const BUILT_KPIC = join(ROOT, 'packages', 'cli', 'dist', 'kpic.js');
// Others may rebuild the CLI while the benchmark runs; every measure uses this snapshot.
const KPIC = join(WORK, 'kpic', 'kpic.js');
const CEMA = join(ROOT, 'examples', 'cema', 'framework');
const AUTHORING_SCHEMA = join(ROOT, 'bench', 'authoring.schema.json');

async function main() {
  const { values } = parseArgs({
    options: {
      suite: { type: 'string', default: 'all' },
      runs: { type: 'string', default: '5' },
      'cold-runs': { type: 'string', default: '10' },
      contexts: { type: 'string', default: '20' },
      'render-runs': { type: 'string', default: '3' },
      positions: { type: 'string', default: '1000' },
      'lsp-edits': { type: 'string', default: '200' },
      'lsp-warmup': { type: 'string', default: '10' },
      'lsp-check-runs': { type: 'string', default: '5' },
      'score-runs': { type: 'string', default: '3' },
      'score-people': { type: 'string', default: '250000' },
      'score-heap': { type: 'string', default: '12288' },
      'score-profile-people': { type: 'string', default: '25000' },
      profile: { type: 'string', default: 'auto' },
    },
  });
  if (!['auto', 'always', 'never'].includes(values.profile)) {
    throw new BenchError(`--profile wants auto, always or never, got ${values.profile}`);
  }
  if (!['all', 'compile', 'render', 'lsp', 'score'].includes(values.suite)) {
    throw new BenchError(`--suite wants all, compile, render, lsp or score, got ${values.suite}`);
  }
  const runs = (suite) => values.suite === 'all' || values.suite === suite;
  mkdirSync(WORK, { recursive: true });

  const version = await snapshotCli(BUILT_KPIC, KPIC);
  const results = runs('compile')
    ? await compileSuite(values, version)
    : { date: new Date().toISOString(), kpic: version, ...machine() };
  const save = () =>
    writeFileSync(join(WORK, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  // Saved after each suite, so a failing suite leaves the figures of the ones before on disk.
  save();
  if (runs('render')) {
    results.render = await runRenderBench({
      kpic: KPIC,
      root: ROOT,
      work: WORK,
      runs: positiveInteger(values['render-runs'], '--render-runs'),
      positions: positiveInteger(values.positions, '--positions'),
      profile: values.profile,
    });
    printRenderReport(results.render);
    save();
  }
  if (runs('lsp')) {
    results.lsp = await runLspBench({
      kpic: KPIC,
      root: ROOT,
      work: WORK,
      edits: positiveInteger(values['lsp-edits'], '--lsp-edits'),
      // Even, so the warm-up ends with the label as it was and the first measured edit types.
      warmup: 2 * Math.ceil(nonNegativeInteger(values['lsp-warmup'], '--lsp-warmup') / 2),
      checkRuns: positiveInteger(values['lsp-check-runs'], '--lsp-check-runs'),
    });
    printLspReport(results.lsp);
    save();
  }
  if (runs('score')) {
    results.score = await runScoreBench({
      kpic: KPIC,
      root: ROOT,
      work: WORK,
      runs: positiveInteger(values['score-runs'], '--score-runs'),
      people: positiveInteger(values['score-people'], '--score-people'),
      heapMiB: positiveInteger(values['score-heap'], '--score-heap'),
      profilePeople: positiveInteger(values['score-profile-people'], '--score-profile-people'),
      profile: values.profile,
    });
    printScoreReport(results.score);
    save();
  }
  console.log(`\nResults written to bench/.work/results.json`);
}

/** The compile suite of issue 2: its measures, goals and, when a goal is missed, profiles. */
async function compileSuite(values, version) {
  const runs = positiveInteger(values.runs, '--runs');
  const coldRuns = positiveInteger(values['cold-runs'], '--cold-runs');
  const input = await prepareInput(positiveInteger(values.contexts, '--contexts'));
  const small = await pickSmallInput(input.smallDir);

  const loadBefore = loadavg()[0];
  const variants = await measureVariants(planVariants(input), { runs, workDir: WORK, root: ROOT });
  const coldStart = await measureColdStart({ kpic: KPIC, ...small, runs: coldRuns, workDir: WORK });
  const load = { before: loadBefore, after: loadavg()[0], cpus: cpus().length };
  const results = assemble({ version, input, variants, coldStart, runs, load });
  printReport(results);

  const missed = results.goals.some((g) => g.met === false || g.metCpu === false);
  if (values.profile === 'always' || (values.profile === 'auto' && missed)) {
    results.profiles = await profileKpic({ kpic: KPIC, root: ROOT, work: WORK, input, small });
    printProfile(`kpic check ${input.label}`, results.profiles.check);
    printProfile(`kpic check ${small.label} (cold start)`, results.profiles.coldStart);
  }
  return results;
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
  const counts = writeYamlTwin({
    jsonFile,
    yamlFile,
    schemaFile,
    root: ROOT,
    model: generated.model,
  });
  checkAuthoringYaml(generated.authoringFile, AUTHORING_SCHEMA);

  if (counts.indicatorUses < 20000) {
    throw new BenchError(
      `the built rule set has ${counts.indicatorUses} indicator uses, under 20,000`,
    );
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

/**
 * A copy of the CEMA framework when it checks clean (a copy, so edits in the working tree
 * during the run change nothing), else the generated one-file framework.
 */
async function pickSmallInput(generatedSmall) {
  if (existsSync(CEMA)) {
    const copy = join(WORK, 'cema-framework');
    rmSync(copy, { recursive: true, force: true });
    cpSync(CEMA, copy, { recursive: true });
    try {
      await checkClean(KPIC, copy, 'examples/cema/framework');
      return { dir: copy, label: 'examples/cema/framework' };
    } catch (error) {
      if (!(error instanceof BenchError)) throw error;
      console.warn(
        'examples/cema/framework does not check clean; the cold start uses a generated file.',
      );
    }
  }
  await checkClean(KPIC, generatedSmall, 'the small generated framework');
  return { dir: generatedSmall, label: 'bench/.work/small (one generated file)' };
}

/** The measured variants: what each runs in its child process. */
function planVariants(input) {
  const kpic = (...args) => ({ variant: 'kpic', args: [KPIC, ...args] });
  return [
    { key: 'check', label: 'kpic check', ...kpic('check', input.nationalDir) },
    {
      key: 'build',
      label: 'kpic build',
      ...kpic('build', input.nationalDir, '--out', input.buildDir),
    },
    { key: 'json', label: 'JSON.parse (read + parse)', variant: 'json', args: [input.jsonFile] },
    ...yamlBaselines('yamlAjv', 'yaml', 'yaml-ajv', input),
    ...yamlBaselines('jsYamlAjv', 'js-yaml', 'jsyaml-ajv', input),
  ];
}

/** A YAML library plus ajv on both YAML files: the rule-set YAML and the authoring YAML. */
function yamlBaselines(key, library, variant, input) {
  return [
    {
      key,
      label: `${library} + ajv, rule-set YAML`,
      variant,
      args: [input.yamlFile, input.schemaFile],
    },
    {
      key: `${key}Authoring`,
      label: `${library} + ajv, authoring YAML`,
      variant,
      args: [input.authoringFile, AUTHORING_SCHEMA],
    },
  ];
}

function assemble({ version, input, variants, coldStart, runs, load }) {
  const by = Object.fromEntries(variants.map((v) => [v.key, v]));
  const pair = (a, b) => ({
    wall: ratio(by[a].wallMs.median, by[b].wallMs.median),
    work: ratio(by[a].workMs.median, by[b].workMs.median),
    cpu: ratio(by[a].cpuMs.median, by[b].cpuMs.median),
  });
  const results = {
    date: new Date().toISOString(),
    kpic: version,
    ...machine(),
    runs,
    load,
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
      checkOverAuthoringAjv: pair('check', 'yamlAjvAuthoring'),
      checkOverJsYamlAjv: pair('check', 'jsYamlAjv'),
      checkOverJsYamlAuthoringAjv: pair('check', 'jsYamlAjvAuthoring'),
      buildOverJson: pair('build', 'json'),
      buildOverYamlAjv: pair('build', 'yamlAjv'),
    },
    coldStart,
  };
  results.goals = judgeGoals(results);
  return results;
}

/** The node version and the machine, as every report states them. */
function machine() {
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}, ${cpus()[0]?.model ?? 'unknown cpu'}`,
  };
}

function positiveInteger(text, name) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new BenchError(`${name} wants a positive whole number, got ${text}`);
  return value;
}

function nonNegativeInteger(text, name) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new BenchError(`${name} wants a whole number, 0 or more, got ${text}`);
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
