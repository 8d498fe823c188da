/**
 * The benchmark's framework model as a YAML author would write it by hand: the same
 * declarations as the .kpi sources (framework, levels, rating, goals, indicators, groups,
 * positions, and contexts as overrides, not expanded), with numbers as YAML numbers. It is
 * the second YAML baseline, validated against `bench/authoring.schema.json`; the first is the
 * YAML text of the built rule set, validated against `kpic schema`.
 */

/**
 * The model as a plain value ready for `yaml.stringify`.
 *
 * @param {ReturnType<typeof import('./framework-model.mjs').buildFrameworkModel>} model
 */
export function authoringForm(model) {
  const { framework } = model;
  return {
    framework: {
      id: framework.id,
      label: label(framework),
      version: framework.version,
      agency: label(framework.agency),
      effective: framework.effective,
      cycle: framework.cycle,
      missingData: framework.missingData,
    },
    levels: model.levels.map((level) => ({
      id: level.id,
      label: label(level),
      points: level.points,
    })),
    rating: model.rating.map((line) => ({ id: line.id, label: label(line), ...range(line) })),
    goals: model.goals.map((goal) => ({
      id: goal.id,
      label: label(goal),
      perspective: goal.perspective,
    })),
    indicators: model.indicators.map(indicator),
    groups: model.groups.map((group) => ({
      id: group.id,
      label: label(group),
      indicators: group.indicators,
    })),
    positions: model.positions.map((position) => ({
      id: position.id,
      label: label(position),
      group: position.group,
      indicators: position.assignments.map((x) => ({
        indicator: x.indicator,
        weight: x.weight / 100,
      })),
    })),
    contexts: model.contexts.map((context) => ({
      id: context.id,
      label: label(context),
      indicators: context.indicatorOverrides.map(override),
      positions: context.positionOverrides.map((block) => ({
        position: block.position,
        indicators: block.assignments.map(override),
      })),
    })),
  };
}

function indicator(item) {
  return {
    id: item.id,
    label: label(item),
    kind: item.kind,
    measure: item.survey
      ? { survey: item.survey, minimumResponses: 30 }
      : { formula: item.measure },
    unit: item.unit.per ? { name: item.unit.name, per: item.unit.per } : { name: item.unit.name },
    better: item.better,
    target: item.target,
    bands: item.bands.map((band) => ({ level: band.level, ...range(band) })),
    every: item.every,
    ...(item.aggregate ? { aggregate: item.aggregate } : {}),
    source: label(item.source),
    goal: item.goal,
  };
}

function override(item) {
  return {
    indicator: item.indicator,
    ...(item.weight === undefined ? {} : { weight: item.weight / 100 }),
    ...(item.target ? { target: item.target } : {}),
    ...(item.bands
      ? { bands: item.bands.map((band) => ({ level: band.level, ...range(band) })) }
      : {}),
  };
}

/** `from` is included, `under` excluded, as in the .kpi text. */
function range(item) {
  return {
    ...(item.low === undefined ? {} : { from: item.low }),
    ...(item.high === undefined ? {} : { under: item.high }),
  };
}

function label(item) {
  return { vi: item.vi, en: item.en };
}
