/**
 * The wrapper every measured variant runs in: one child process per run. It does the
 * variant's work, and when the process exits (however it exits: kpic calls process.exit or
 * sets exitCode) it writes what it measured to a result file the parent reads.
 *
 * Usage: node child.mjs <result-file> <variant> [args...]
 *   kpic <kpic.js> <args...>     run the CLI in this process, as `node kpic.js <args...>` would
 *   json <file>                  read the file and JSON.parse it
 *   yaml <file>                  read the file and parse it with the yaml library
 *   yaml-ajv <file> <schema>     read, parse with yaml, compile the JSON Schema with ajv, validate
 *   jsyaml-ajv <file> <schema>   the same with js-yaml (its YAML 1.2 core schema) as the parser
 *   render-html <render> <rules> [out]   @kpilang/render's renderHtml (see render/work.mjs)
 *   render-pdf <render> <rules> [out]    its renderPdf, default engine
 *   handlebars <render> <rules> [out]    one plain handlebars page per position, the baseline
 *   score-runtime <runtime> <rules> <people>   @kpilang/runtime's score (see score/work.mjs)
 *   score-people <runtime> <rules> <people>    its scorePeople, one person at a time
 *   score-loop <rules> <people>                the hand-written loop, the floor
 *   score-check <runtime> <rules> <people>     scorePeople and the loop compared
 *   noop                         nothing: node's own start-up, the cold-start baseline
 *
 * Imports of libraries happen inside the timed work, as they would in a tool doing that job.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [resultFile, variant, ...args] = process.argv.slice(2);
const start = performance.now();
const phases = {};
// What the variant produced (files, pages ...), so the report can state it and the parent
// can tell real work from a fast failure.
const facts = {};

process.on('exit', (code) => {
  const end = performance.now();
  const usage = process.resourceUsage();
  const result = {
    variant,
    exitCode: code,
    // From the process's time origin: node's own start-up is included.
    processMs: end,
    // From the first line of this wrapper: what the variant itself costs.
    workMs: end - start,
    // User and system CPU of every thread (GC helpers included): steadier than wall time
    // on a busy machine, though it can exceed it.
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    maxRssKiB: usage.maxRSS,
    phases,
    facts,
  };
  writeFileSync(resultFile, JSON.stringify(result));
});

/** Runs `work`, recording its duration under `name` in the phases. */
async function phase(name, work) {
  const begin = performance.now();
  const value = await work();
  phases[name] = performance.now() - begin;
  return value;
}

async function runKpic([kpicPath, ...kpicArgs]) {
  process.argv = [process.argv[0], kpicPath, ...kpicArgs];
  await import(pathToFileURL(kpicPath).href);
}

async function runJson([file]) {
  const text = await phase('read', () => readFileSync(file, 'utf8'));
  await phase('parse', () => JSON.parse(text));
}

async function runYaml([file]) {
  const { parse } = await phase('import', () => import('yaml'));
  const text = await phase('read', () => readFileSync(file, 'utf8'));
  await phase('parse', () => parse(text));
}

/** The YAML parsers the baselines use, each loaded on demand. */
const YAML_PARSERS = {
  yaml: async () => (await import('yaml')).parse,
  'js-yaml': async () => {
    const jsYaml = await import('js-yaml');
    // The core schema, like the yaml library's default: `2026-01-01` stays a string.
    return (text) => jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  },
};

async function runYamlAjv([file, schemaFile], library = 'yaml') {
  const [parse, { Ajv2020 }, formats] = await phase('import', () =>
    Promise.all([YAML_PARSERS[library](), import('ajv/dist/2020.js'), import('ajv-formats')]),
  );
  const text = await phase('read', () => readFileSync(file, 'utf8'));
  const value = await phase('parse', () => parse(text));
  const validate = await phase('compile', () => {
    const ajv = new Ajv2020({ allErrors: true });
    formats.default(ajv);
    return ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
  });
  const valid = await phase('validate', () => validate(value));
  if (!valid) {
    process.stderr.write(`${JSON.stringify(validate.errors?.slice(0, 5), null, 2)}\n`);
    process.exitCode = 3;
  }
}

/** The render variants live with the render benchmark; loading them is part of the work. */
async function runRender(name, args) {
  const work = await import('../render/work.mjs');
  await work[name]({ phase, facts }, args);
}

/** The score variants live with the score benchmark; loading them is part of the work. */
async function runScore(name, args) {
  const work = await import('../score/work.mjs');
  await work[name]({ phase, facts }, args);
}

const variants = {
  kpic: runKpic,
  json: runJson,
  yaml: runYaml,
  'yaml-ajv': (args) => runYamlAjv(args, 'yaml'),
  'jsyaml-ajv': (args) => runYamlAjv(args, 'js-yaml'),
  'render-html': (args) => runRender('renderHtmlWork', args),
  'render-pdf': (args) => runRender('renderPdfWork', args),
  handlebars: (args) => runRender('handlebarsWork', args),
  'score-runtime': (args) => runScore('scoreRuntimeWork', args),
  'score-people': (args) => runScore('scorePeopleWork', args),
  'score-loop': (args) => runScore('scoreLoopWork', args),
  'score-check': (args) => runScore('scoreCheckWork', args),
  noop: async () => {},
};
const run = variants[variant];
if (!run) {
  process.stderr.write(`unknown variant ${variant}\n`);
  process.exitCode = 2;
} else {
  await run(args);
}
