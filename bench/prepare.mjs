/**
 * Gets the benchmark's inputs ready with the built CLI: checks that kpic runs, that it finds
 * no error in the generated framework, builds the rule set, prints the JSON Schema, writes
 * the YAML twin of the rule set, and confirms with ajv (an independent validator) that both
 * the JSON and the YAML are valid rule sets with the same content.
 *
 * Every failure here is a clear one-paragraph error, thrown as `BenchError`, never a figure.
 */
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { BenchError } from './bench-error.mjs';
import { compareWithRuleSet } from './generate/verify-model.mjs';
import { runPlain } from './measure/spawn.mjs';

/**
 * Copies the built CLI (the esbuild bundle: the bin entry and its chunks) so that `snapshot`
 * is its bin entry, and checks that the
 * copy runs `--version`, so that a rebuild in the working tree during the benchmark cannot
 * change what is measured. Resolves to the version; throws a BenchError saying how to build
 * kpic when the bundle is missing or does not run.
 */
export async function snapshotCli(built, snapshot) {
  if (!existsSync(built)) {
    throw new BenchError(`kpic is not built: ${built} is missing. Run \`pnpm run build\` first.`);
  }
  mkdirSync(dirname(snapshot), { recursive: true });
  cpSync(dirname(built), dirname(snapshot), { recursive: true });
  if (basename(built) !== basename(snapshot)) copyFileSync(built, snapshot);
  const run = await runPlain(process.execPath, [snapshot, '--version']);
  if (run.exitCode !== 0) {
    throw new BenchError(
      `\`kpic --version\` failed (exit ${run.exitCode}); is packages/cli/dist a ` +
        `self-contained bundle?\n${run.stderr || run.stdout}`,
    );
  }
  return run.stdout.trim();
}

/**
 * Runs `kpic check --format json` on a folder. Resolves to the diagnostics by severity when
 * there is no error; throws a BenchError listing the first diagnostics when there is one.
 */
export async function checkClean(kpicPath, dir, what) {
  const run = await runPlain(process.execPath, [kpicPath, 'check', dir, '--format', 'json']);
  let diagnostics;
  try {
    diagnostics = JSON.parse(run.stdout);
  } catch {
    diagnostics = undefined;
  }

  const errors = diagnostics?.filter((d) => d.severity === 'error') ?? [];
  if (run.exitCode !== 0 || !diagnostics || errors.length > 0) {
    const shown = diagnostics
      ? errors.slice(0, 20).map(describe).join('\n')
      : `${run.stdout}${run.stderr}`.split('\n').slice(0, 20).join('\n');
    throw new BenchError(
      `kpic reports errors on ${what} (exit ${run.exitCode}, ${errors.length} errors); ` +
        `the benchmark measures clean input only. First ones:\n${shown}`,
    );
  }

  const bySeverity = {};
  for (const d of diagnostics) bySeverity[d.severity] = (bySeverity[d.severity] ?? 0) + 1;
  return { bySeverity, sample: diagnostics.slice(0, 5).map(describe) };
}

/**
 * Validates the hand-written YAML form against its own JSON Schema with ajv, once, so the
 * measured runs are known to validate a document the schema accepts.
 */
export function checkAuthoringYaml(yamlFile, schemaFile) {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
  if (!validate(parseYaml(readFileSync(yamlFile, 'utf8')))) {
    throw new BenchError(
      `the authoring YAML does not validate against its schema:\n` +
        JSON.stringify(validate.errors?.slice(0, 5), null, 2),
    );
  }
}

function describe(d) {
  const at = d.range ? `${d.range.start.line + 1}:${d.range.start.character + 1}` : '?';
  return `  ${d.file}:${at} ${d.code} ${d.severity}: ${d.message}`;
}

/** Runs `kpic build` into a fresh folder and returns the path of the one rule-set file. */
export async function buildRuleSet(kpicPath, dir, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  const run = await runPlain(process.execPath, [kpicPath, 'build', dir, '--out', outDir]);
  const written = existsSync(outDir)
    ? readdirSync(outDir).filter((f) => f.endsWith('.rules.json'))
    : [];
  if (run.exitCode !== 0 || written.length !== 1) {
    throw new BenchError(
      `\`kpic build\` failed (exit ${run.exitCode}, ${written.length} rule sets written):\n` +
        `${run.stderr}${run.stdout}`.split('\n').slice(0, 20).join('\n'),
    );
  }
  return join(outDir, written[0]);
}

/** Writes the output of `kpic schema` to `file` after checking it is JSON. */
export async function writeSchema(kpicPath, file) {
  const run = await runPlain(process.execPath, [kpicPath, 'schema']);
  try {
    JSON.parse(run.stdout);
  } catch {
    throw new BenchError(
      `\`kpic schema\` did not print JSON (exit ${run.exitCode}):\n${run.stderr}`,
    );
  }
  writeFileSync(file, run.stdout);
}

/**
 * Checks that the built rule set holds the generated model's effective positions, writes the
 * YAML text of the rule set, then validates the JSON and the parsed YAML against
 * the schema with ajv and checks that the two hold the same value. Returns counts read from
 * the built rule set itself, so the size of the input is stated by kpic's output.
 */
export function writeYamlTwin({ jsonFile, yamlFile, schemaFile, root, model }) {
  const json = JSON.parse(readFileSync(jsonFile, 'utf8'));
  const differences = compareWithRuleSet(model, json);
  if (differences.length > 0) {
    throw new BenchError(
      `kpic's rule set differs from the generated framework, so the YAML baselines would not ` +
        `hold the same content:\n${differences.join('\n')}`,
    );
  }
  writeFileSync(yamlFile, stringifyYaml(json));
  const fromYaml = parseYaml(readFileSync(yamlFile, 'utf8'));

  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
  for (const [name, value] of [
    [jsonFile, json],
    [yamlFile, fromYaml],
  ]) {
    if (!validate(value)) {
      throw new BenchError(
        `${relative(root, name)} does not validate against \`kpic schema\` (ajv):\n` +
          JSON.stringify(validate.errors?.slice(0, 5), null, 2),
      );
    }
  }
  if (!isDeepStrictEqual(json, fromYaml)) {
    throw new BenchError('the YAML twin of the rule set does not read back as the same value');
  }

  const countUses = (positions) => positions.reduce((n, p) => n + p.indicators.length, 0);
  return {
    indicators: json.indicators.length,
    positions: json.positions.length,
    contexts: json.contexts.length,
    indicatorUses:
      countUses(json.positions) + json.contexts.reduce((n, c) => n + countUses(c.positions), 0),
  };
}
