/**
 * The input of the render benchmark: a framework of 1,000 positions, each rating 5 to 8
 * indicators with bands, written as .kpi sources by the benchmark's own generator and built
 * by kpic, so that the renderers get a rule set exactly as users would.
 *
 * The positions are copies of the national framework's 80, each cut to its group's
 * indicators and a window of its own (the window moves from copy to copy, so every indicator
 * is rated somewhere), with fresh weights summing to exactly 100%. The framework has no contexts, so it makes one
 * scorecard per position, plus the overview and the group catalogue.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchError } from '../bench-error.mjs';
import { buildFrameworkModel, splitWeights } from '../generate/framework-model.mjs';
import { createRandom } from '../generate/random.mjs';
import { renderKpiFiles } from '../generate/render-kpi.mjs';
import { verifyModel } from '../generate/verify-model.mjs';
import { buildRuleSet, checkClean } from '../prepare.mjs';

const SEED = 20260301;

/**
 * Writes the framework under `<work>/render/framework`, checks it is clean, builds it with
 * kpic, and returns the rule set's path with counts read from the built rule set.
 *
 * @param {{ kpic: string, work: string, positions: number }} options
 */
export async function prepareRenderInput({ kpic, work, positions }) {
  const model = scorecardModel(positions);
  const { problems } = verifyModel(model, { perPosition: { min: 5, max: 8 } });
  if (problems.length > 0) {
    throw new BenchError(
      `the render benchmark's framework is inconsistent:\n  ${problems.slice(0, 20).join('\n  ')}`,
    );
  }

  const folder = join(work, 'render', 'framework');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of renderKpiFiles(model)) writeFileSync(join(folder, name), text);

  const diagnostics = await checkClean(kpic, folder, 'the render benchmark framework');
  const ruleSetFile = await buildRuleSet(kpic, folder, join(work, 'render', 'rules'));
  const ruleSet = JSON.parse(readFileSync(ruleSetFile, 'utf8'));
  const uses = ruleSet.positions.map((position) => position.indicators.length);
  if (ruleSet.positions.length !== positions || ruleSet.contexts.length !== 0) {
    throw new BenchError(
      `the render benchmark's rule set has ${ruleSet.positions.length} positions and ` +
        `${ruleSet.contexts.length} contexts; expected ${positions} and none`,
    );
  }
  return {
    ruleSetFile,
    diagnostics,
    counts: {
      positions: ruleSet.positions.length,
      indicators: ruleSet.indicators.length,
      groups: ruleSet.groups.length,
      indicatorUses: uses.reduce((a, b) => a + b, 0),
      minPerPosition: Math.min(...uses),
      maxPerPosition: Math.max(...uses),
    },
  };
}

/** The national model with `count` positions of 5 to 8 indicators and no contexts. */
function scorecardModel(count) {
  const national = buildFrameworkModel({ contexts: 0 });
  const random = createRandom(SEED);
  const templates = national.positions;
  const groupById = new Map(national.groups.map((group) => [group.id, group]));

  const positions = Array.from({ length: count }, (_, i) => {
    const template = templates[i % templates.length];
    const copy = Math.floor(i / templates.length);
    // A position keeps its group's indicators (kpic wants them weighted) and a window of its
    // own; the window moves by 2 from copy to copy, so with 12 or 13 copies of each template
    // every one of its indicators is rated somewhere.
    const inherited = groupById.get(template.group).indicators.length;
    const shared = template.assignments.slice(0, inherited);
    const own = template.assignments.slice(inherited);
    const size = Math.max(random.int(5, 8), inherited + 1);
    const start = (copy * 2) % own.length;
    const window = Array.from(
      { length: size - inherited },
      (_, k) => own[(start + k) % own.length],
    );
    const chosen = [...shared, ...window];
    const weights = splitWeights(random, size);
    return {
      ...template,
      id: `${template.id}_${String(copy + 1).padStart(2, '0')}`,
      vi: `${template.vi} (${copy + 1})`,
      en: `${template.en} (${copy + 1})`,
      assignments: chosen.map((row, k) => ({ indicator: row.indicator, weight: weights[k] })),
    };
  });
  return { ...national, positions, contexts: [] };
}
