/**
 * Builds the benchmark's national framework as plain data: header, levels, overall rating,
 * goals, indicators, position groups, positions with weights, and contexts that override
 * targets, bands and weights.
 *
 * The model is what the renderers (`render-kpi.mjs`, and the YAML authoring form) print and
 * what `verify-model.mjs` checks; it is built from a seed, so the same options always give
 * the same framework. Weights are integer basis points (1% = 100), so sums are exact.
 */
import { bandsFor, drawProfile, relaxThresholds, targetFor } from './band-profiles.mjs';
import { GROUPS, PERSPECTIVES, REGIONS, ROLES, SECTORS, SOURCES, TEMPLATES } from './catalogue.mjs';
import { createRandom } from './random.mjs';

/** Defaults chosen to pass 20,000 indicator uses: 80 positions x ~14 indicators x 21 scopes. */
export const DEFAULT_OPTIONS = {
  seed: 20260101,
  contexts: 20,
  minPerPosition: 8,
  maxPerPosition: 20,
};

/**
 * Builds the framework model.
 *
 * @param {Partial<typeof DEFAULT_OPTIONS>} [options]
 */
export function buildFrameworkModel(options = {}) {
  const settings = { ...DEFAULT_OPTIONS, ...options };
  if (settings.contexts > REGIONS.length) {
    throw new Error(
      `at most ${REGIONS.length} contexts are available, asked for ${settings.contexts}`,
    );
  }
  const random = createRandom(settings.seed);

  const indicators = buildIndicators(random);
  const byId = new Map(indicators.map((indicator) => [indicator.id, indicator]));
  const groups = GROUPS.map((group) => ({
    id: group.id,
    vi: group.vi,
    en: group.en,
    indicators: group.keys.map((key) => `general_${key}`),
  }));
  const positions = buildPositions(random, groups, settings);
  const contexts = REGIONS.slice(0, settings.contexts).map((region) =>
    buildContext(random, region, byId, positions),
  );

  return {
    framework: {
      id: 'national',
      vi: 'Khung chỉ số đánh giá công chức quốc gia',
      en: 'National civil-service KPI framework',
      version: '2026.1',
      agency: { vi: 'Bộ Nội vụ', en: 'Ministry of Home Affairs' },
      effective: '2026-01-01',
      cycle: 'quarterly',
      missingData: 'exclude',
    },
    levels: [
      { id: 'excellent', vi: 'Xuất sắc', en: 'Excellent', points: 100 },
      { id: 'good', vi: 'Tốt', en: 'Good', points: 80 },
      { id: 'acceptable', vi: 'Đạt', en: 'Acceptable', points: 50 },
      { id: 'poor', vi: 'Chưa đạt', en: 'Poor', points: 0 },
    ],
    rating: [
      {
        id: 'completed_excellently',
        vi: 'Hoàn thành xuất sắc nhiệm vụ',
        en: 'Completed tasks excellently',
        low: 90,
      },
      {
        id: 'completed_well',
        vi: 'Hoàn thành tốt nhiệm vụ',
        en: 'Completed tasks well',
        low: 70,
        high: 90,
      },
      { id: 'completed', vi: 'Hoàn thành nhiệm vụ', en: 'Completed tasks', low: 50, high: 70 },
      {
        id: 'not_completed',
        vi: 'Không hoàn thành nhiệm vụ',
        en: 'Did not complete tasks',
        high: 50,
      },
    ],
    goals: buildGoals(),
    indicators,
    groups,
    positions,
    contexts,
  };
}

/** One goal per sector and perspective; every one is supported by the sector's indicators. */
function buildGoals() {
  return SECTORS.flatMap((sector) =>
    PERSPECTIVES.map((perspective) => ({
      id: `${sector.id}_${perspective.id}`,
      vi: `${perspective.vi} - ${sector.vi}`,
      en: `${perspective.en} - ${sector.en}`,
      perspective: perspective.id,
    })),
  );
}

/** One indicator per sector and template: 20 x 20 = 400. */
function buildIndicators(random) {
  return SECTORS.flatMap((sector) =>
    TEMPLATES.map((template) => {
      const profile = drawProfile(template.profile, random);
      return {
        id: `${sector.id}_${template.key}`,
        sector: sector.id,
        vi: `${template.vi} - ${sector.vi}`,
        en: `${template.en} - ${sector.en}`,
        kind: template.kind,
        measure: template.measure,
        survey: template.survey,
        unit: template.unitPer ? { ...profile.unit, per: template.unitPer } : profile.unit,
        better: profile.better,
        suffix: profile.suffix,
        step: profile.step,
        thresholds: profile.thresholds,
        target: targetFor(profile.better, profile.thresholds),
        bands: bandsFor(profile.better, profile.thresholds),
        every: template.every,
        aggregate: template.aggregate,
        source: SOURCES[template.source],
        goal: `${sector.id}_${template.perspective}`,
      };
    }),
  );
}

/**
 * One position per sector and role. A position lists its group's indicators and a draw of
 * its sector's own; the sector's positions together use every one of its indicators.
 */
function buildPositions(random, groups, settings) {
  const groupById = new Map(groups.map((group) => [group.id, group]));
  const positions = [];

  for (const sector of SECTORS) {
    const shared = new Set(groups.flatMap((group) => group.indicators));
    const own = TEMPLATES.map((template) => `${sector.id}_${template.key}`).filter(
      (id) => !shared.has(id),
    );
    const members = ROLES.map((role) => {
      const inherited = groupById.get(role.group).indicators;
      const count = random.int(settings.minPerPosition, settings.maxPerPosition) - inherited.length;
      const picked = random.sample(own, Math.min(count, own.length));
      return { role, indicators: [...inherited, ...picked] };
    });

    coverEveryIndicator(own, members, settings.maxPerPosition);
    for (const { role, indicators } of members) {
      positions.push({
        id: `${sector.id}_${role.id}`,
        vi: `${role.vi} - ${sector.vi}`,
        en: `${role.en} - ${sector.en}`,
        group: role.group,
        assignments: splitWeights(random, indicators.length).map((weight, i) => ({
          indicator: indicators[i],
          weight,
        })),
      });
    }
  }
  return positions;
}

/** Adds each indicator no position uses to the position with the fewest indicators. */
function coverEveryIndicator(own, members, max) {
  const used = new Set(members.flatMap((member) => member.indicators));
  for (const id of own) {
    if (used.has(id)) continue;
    const smallest = members.reduce((a, b) => (b.indicators.length < a.indicators.length ? b : a));
    if (smallest.indicators.length >= max) throw new Error(`no room left for ${id}`);
    smallest.indicators.push(id);
    used.add(id);
  }
}

/**
 * Splits 100% into `count` weights in steps of 0.5% (50 basis points), each at least 1%,
 * drawn unevenly so that weights such as 7.5% and 12% appear. The sum is exactly 10000.
 */
export function splitWeights(random, count) {
  const units = new Array(count).fill(2);
  const bias = units.map(() => 1 + random.int(0, 3));
  const biasTotal = bias.reduce((a, b) => a + b, 0);
  for (let left = 200 - 2 * count; left > 0; left -= 1) {
    let draw = random.next() * biasTotal;
    let i = 0;
    while (draw >= bias[i]) {
      draw -= bias[i];
      i += 1;
    }
    units[i] += 1;
  }
  return units.map((unit) => unit * 50);
}

/**
 * A context: six indicator overrides (half move the target to the good boundary, half relax
 * the bands and the target with them) and four position blocks (two weights swapped, and
 * sometimes one target moved to the good boundary).
 */
function buildContext(random, region, byId, positions) {
  const chosen = random.sample([...byId.values()], 6);
  const indicatorOverrides = chosen.map((indicator, i) => {
    if (i % 2 === 0) {
      return {
        indicator: indicator.id,
        target: targetFor(indicator.better, indicator.thresholds, 'good'),
      };
    }
    const thresholds = relaxThresholds(indicator.better, indicator.thresholds, indicator.step);
    return {
      indicator: indicator.id,
      target: targetFor(indicator.better, thresholds),
      bands: bandsFor(indicator.better, thresholds),
    };
  });

  const overridden = new Set(chosen.map((indicator) => indicator.id));
  const positionOverrides = random
    .sample(positions, 4)
    .map((position) => buildPositionOverride(random, position, byId, overridden));
  return { id: region.id, vi: region.vi, en: region.en, indicatorOverrides, positionOverrides };
}

function buildPositionOverride(random, position, byId, overridden) {
  const assignments = [];
  const [a, b] = random.shuffle(position.assignments).filter((x, i, all) => {
    return all.findIndex((y) => y.weight === x.weight) === i;
  });
  if (a && b) {
    assignments.push({ indicator: a.indicator, weight: b.weight });
    assignments.push({ indicator: b.indicator, weight: a.weight });
  }

  const free = position.assignments.filter(
    (x) => !overridden.has(x.indicator) && !assignments.some((y) => y.indicator === x.indicator),
  );
  if (free.length > 0 && (assignments.length === 0 || random.next() < 0.5)) {
    const indicator = byId.get(random.pick(free).indicator);
    assignments.push({
      indicator: indicator.id,
      target: targetFor(indicator.better, indicator.thresholds, 'good'),
    });
  }
  return { position: position.id, assignments };
}
