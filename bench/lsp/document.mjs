/**
 * The documents of the language-server benchmark: one .kpi file holding a whole clean
 * framework of a given number of indicators (header, levels, rating, goals, the three
 * position groups, indicators with bands, and positions weighting them), alone in its folder.
 *
 * The national generator makes 400 indicators spread over several files; this one reuses its
 * model and its printer and cuts or repeats the model to the count asked for. Copy 0 is the
 * national model itself; copy k > 0 repeats its indicators under `<id>_c<k>` (the group
 * indicators only once, since the groups list them) and its positions over those copies.
 * Indicators are taken in that order up to the count; positions keep the rows whose
 * indicator was taken, a position left with only its group's rows is dropped, and every
 * kept position gets fresh weights summing to exactly 100%. The same count always gives the
 * same text.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchError } from '../bench-error.mjs';
import { buildFrameworkModel, splitWeights } from '../generate/framework-model.mjs';
import { createRandom } from '../generate/random.mjs';
import { renderKpiFiles } from '../generate/render-kpi.mjs';
import { verifyModel } from '../generate/verify-model.mjs';

const SEED = 20260401;

/**
 * Writes `<work>/lsp/indicators-<count>/framework.kpi` (replacing the folder) and returns
 * its path, its text, the counts of the model and the position of the label the benchmark
 * types in. Throws a BenchError when the model fails the generator's own checks.
 *
 * @param {string} work
 * @param {number} count
 */
export function writeLspDocument(work, count) {
  const model = documentModel(count);
  const { problems, counts } = verifyModel(model, { perPosition: { min: 1, max: 20 } });
  if (problems.length > 0) {
    throw new BenchError(
      `the ${count}-indicator document is inconsistent:\n  ${problems.slice(0, 20).join('\n  ')}`,
    );
  }
  const text = [...renderKpiFiles(model).values()].join('\n');
  const folder = join(work, 'lsp', `indicators-${count}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'framework.kpi');
  writeFileSync(file, text);
  return {
    file,
    text,
    counts,
    lines: text.split('\n').length,
    bytes: Buffer.byteLength(text),
    editAt: labelPosition(text, model.indicators[Math.floor(model.indicators.length / 2)].id),
  };
}

/** The national model cut or repeated to `count` indicators, with no contexts. */
function documentModel(count) {
  const national = buildFrameworkModel({ contexts: 0 });
  const shared = new Set(national.groups.flatMap((group) => group.indicators));
  const copies = Math.ceil(count / (national.indicators.length - shared.size)) + 1;

  const indicators = [];
  for (let copy = 0; copy < copies && indicators.length < count; copy += 1) {
    for (const indicator of national.indicators) {
      if (indicators.length === count) break;
      if (copy > 0 && shared.has(indicator.id)) continue;
      indicators.push(copy === 0 ? indicator : copyOf(indicator, copy));
    }
  }
  const taken = new Set(indicators.map((indicator) => indicator.id));

  const random = createRandom(SEED);
  const positions = [];
  for (let copy = 0; copy < copies; copy += 1) {
    for (const position of national.positions) {
      const ids = position.assignments
        .map((row) => row.indicator)
        .map((id) => (copy === 0 || shared.has(id) ? id : `${id}_c${copy}`))
        .filter((id) => taken.has(id));
      if (!ids.some((id) => !shared.has(id))) continue;
      const weights = splitWeights(random, ids.length);
      positions.push({
        ...(copy === 0 ? position : copyOf(position, copy)),
        assignments: ids.map((indicator, i) => ({ indicator, weight: weights[i] })),
      });
    }
  }

  const goals = new Set(indicators.map((indicator) => indicator.goal));
  return {
    ...national,
    framework: {
      ...national.framework,
      id: `lsp_${count}`,
      vi: `Khung chỉ số ${count} chỉ tiêu`,
      en: `Framework of ${count} indicators`,
    },
    goals: national.goals.filter((goal) => goals.has(goal.id)),
    indicators,
    positions,
    contexts: [],
  };
}

/** An indicator or position of copy `copy`, with its own id and labels. */
function copyOf(item, copy) {
  return {
    ...item,
    id: `${item.id}_c${copy}`,
    vi: `${item.vi} (bản ${copy + 1})`,
    en: `${item.en} (copy ${copy + 1})`,
  };
}

/**
 * The LSP position just inside the opening quote of indicator `id`'s label: where the
 * benchmark types. Columns are UTF-16 code units, as JavaScript string offsets are.
 */
function labelPosition(text, id) {
  const lines = text.split('\n');
  const line = lines.findIndex((candidate) => candidate.startsWith(`kpi ${id} "`));
  if (line < 0) throw new BenchError(`indicator ${id} is not in the generated document`);
  return { line, character: lines[line].indexOf('"') + 1, indicator: id };
}
