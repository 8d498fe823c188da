/**
 * Writes the benchmark's inputs: the national framework as .kpi sources (one folder, several
 * files) and as the YAML a team would write by hand (`national.authoring.yaml`), and a small
 * one-file framework for the cold-start measure. Run on its own
 * (`node bench/generate.mjs`) it prints what it wrote; `run.mjs` calls `generateFrameworks`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { authoringForm } from './generate/authoring-form.mjs';
import { buildFrameworkModel } from './generate/framework-model.mjs';
import { renderKpiFiles } from './generate/render-kpi.mjs';
import { verifyModel } from './generate/verify-model.mjs';

/**
 * Generates both frameworks under `workDir` (replacing earlier output) and returns where they
 * are, the model, its counts and the size of the sources. Throws when the model fails its own
 * plausibility checks, since then kpic's verdict would say nothing about kpic.
 *
 * @param {string} workDir
 * @param {Parameters<typeof buildFrameworkModel>[0]} [options]
 */
export function generateFrameworks(workDir, options = {}) {
  const model = buildFrameworkModel(options);
  const { problems, counts } = verifyModel(model);
  if (problems.length > 0) {
    throw new Error(
      `the generated framework is inconsistent:\n  ${problems.slice(0, 20).join('\n  ')}`,
    );
  }

  const nationalDir = join(workDir, 'national');
  const bytes = writeFolder(nationalDir, renderKpiFiles(model));
  const smallDir = join(workDir, 'small');
  const small = renderKpiFiles(smallModel(model));
  writeFolder(smallDir, new Map([['framework.kpi', [...small.values()].join('\n')]]));
  const authoringFile = join(workDir, 'national.authoring.yaml');
  writeFileSync(authoringFile, stringify(authoringForm(model)));

  return {
    model,
    counts,
    nationalDir,
    smallDir,
    authoringFile,
    files: bytes.files,
    bytes: bytes.total,
  };
}

/** The national model cut down to one position, its indicators and goals, and no context. */
function smallModel(model) {
  const position = model.positions[0];
  const ids = new Set(position.assignments.map((x) => x.indicator));
  const indicators = model.indicators.filter((indicator) => ids.has(indicator.id));
  const goals = new Set(indicators.map((indicator) => indicator.goal));
  return {
    ...model,
    goals: model.goals.filter((goal) => goals.has(goal.id)),
    indicators,
    groups: model.groups.filter((group) => group.id === position.group),
    positions: [position],
    contexts: [],
  };
}

function writeFolder(dir, files) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let total = 0;
  for (const [name, text] of files) {
    writeFileSync(join(dir, name), text);
    total += Buffer.byteLength(text);
  }
  return { files: files.size, total };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const workDir = new URL('./.work/', import.meta.url).pathname;
  const result = generateFrameworks(workDir);
  console.log(
    `${result.nationalDir}: ${result.files} files, ${(result.bytes / 1024).toFixed(0)} KiB`,
  );
  console.log(JSON.stringify(result.counts));
}
