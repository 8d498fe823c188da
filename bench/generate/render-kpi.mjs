/**
 * Prints the benchmark's framework model (from `framework-model.mjs`) as kpilang sources:
 * `framework.kpi` with the header, levels, rating, goals and groups; one file per sector with
 * its indicators and positions; and the contexts spread over a few files.
 *
 * The text follows grammar/kpilang.ebnf and mixes the equivalent condition forms
 * (`from 95%` and `>= 95%`, `under 80%` and `< 80%`) the way hand-written files would.
 */

/**
 * Renders the model to a map from file name to file text.
 *
 * @param {ReturnType<typeof import('./framework-model.mjs').buildFrameworkModel>} model
 * @param {{ contextsPerFile?: number }} [options]
 * @returns {Map<string, string>}
 */
export function renderKpiFiles(model, options = {}) {
  const contextsPerFile = options.contextsPerFile ?? 5;
  const files = new Map();
  const byId = new Map(model.indicators.map((indicator) => [indicator.id, indicator]));

  files.set('framework.kpi', renderHead(model));
  const sectors = [...new Set(model.indicators.map((indicator) => indicator.sector))];
  for (const sector of sectors) {
    const indicators = model.indicators.filter((indicator) => indicator.sector === sector);
    const positions = model.positions.filter((position) => position.id.startsWith(`${sector}_`));
    const text = [
      `// Sector ${sector}: its indicators, then its positions.`,
      ...indicators.map(renderIndicator),
      ...positions.map(renderPosition),
    ].join('\n');
    files.set(`sector-${sector.replaceAll('_', '-')}.kpi`, text);
  }

  for (let i = 0; i < model.contexts.length; i += contextsPerFile) {
    const chunk = model.contexts.slice(i, i + contextsPerFile);
    const name = `contexts-${String(i / contextsPerFile + 1).padStart(2, '0')}.kpi`;
    files.set(name, chunk.map((context) => renderContext(context, byId)).join('\n'));
  }
  return files;
}

function renderHead(model) {
  const { framework } = model;
  const lines = [
    '// National civil-service KPI framework, generated for the kpic benchmark.',
    `framework ${framework.id} ${label(framework)} {`,
    `  version ${quote(framework.version)}`,
    `  agency ${label(framework.agency)}`,
    `  effective ${framework.effective}`,
    `  cycle ${framework.cycle}`,
    `  missing data ${framework.missingData}`,
    '}',
    '',
    'levels {',
    ...model.levels.map((level) => `  ${level.id} ${label(level)} points ${level.points}`),
    '}',
    '',
    'rating {',
    ...model.rating.map((line) => `  ${line.id} ${label(line)} ${halfOpen(line, '')}`),
    '}',
    '',
    ...model.goals.map((goal) => `goal ${goal.id} ${label(goal)} perspective ${goal.perspective}`),
    '',
    ...model.groups.map(
      (group) => `group ${group.id} ${label(group)} { ${group.indicators.join(', ')} }`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

function renderIndicator(indicator, index) {
  const measure = indicator.survey
    ? `survey ${indicator.survey} minimum 30 responses`
    : indicator.measure;
  const unit = indicator.unit.per
    ? `${indicator.unit.name} per ${indicator.unit.per}`
    : indicator.unit.name;
  const lines = [
    `kpi ${indicator.id} ${label(indicator)} {`,
    `  kind ${indicator.kind}`,
    `  measure ${measure}`,
    `  unit ${unit}`,
    `  better ${indicator.better}`,
    `  target ${target(indicator.target, indicator.suffix)}`,
    `  bands {`,
    ...indicator.bands.map(
      (band) => `    ${band.level} ${condition(band, indicator.suffix, index)}`,
    ),
    '  }',
    `  every ${indicator.every}`,
    ...(indicator.aggregate ? [`  aggregate ${indicator.aggregate}`] : []),
    `  source ${label(indicator.source)}`,
    `  goal ${indicator.goal}`,
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

function renderPosition(position) {
  const lines = [
    `position ${position.id} ${label(position)} in ${position.group} {`,
    ...position.assignments.map((x) => `  ${x.indicator} weight ${percentOf(x.weight)}`),
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

function renderContext(context, byId) {
  const lines = [`context ${context.id} ${label(context)} {`];
  for (const override of context.indicatorOverrides) {
    const { suffix } = byId.get(override.indicator);
    lines.push(`  ${override.indicator}${overrideTail(override, suffix)}`);
  }
  for (const block of context.positionOverrides) {
    lines.push(`  position ${block.position} {`);
    for (const assignment of block.assignments) {
      const { suffix } = byId.get(assignment.indicator);
      const weight =
        assignment.weight === undefined ? '' : ` weight ${percentOf(assignment.weight)}`;
      lines.push(`    ${assignment.indicator}${weight}${overrideTail(assignment, suffix)}`);
    }
    lines.push('  }');
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** ` target ... bands { ... }`, each part only when the override has it. */
function overrideTail(override, suffix) {
  let text = '';
  if (override.target) text += ` target ${target(override.target, suffix)}`;
  if (override.bands) {
    const bands = override.bands.map((band) => `${band.level} ${condition(band, suffix, 0)}`);
    text += ` bands { ${bands.join('  ')} }`;
  }
  return text;
}

/**
 * A half-open band as text. Bands bounded on one side alternate between the word form and
 * the symbol form (by `variant`), which mean the same.
 */
function condition(band, suffix, variant) {
  if (band.low !== undefined && band.high !== undefined) return halfOpen(band, suffix);
  if (band.low !== undefined) {
    return variant % 2 === 0 ? `from ${band.low}${suffix}` : `>= ${band.low}${suffix}`;
  }
  return variant % 2 === 0 ? `under ${band.high}${suffix}` : `< ${band.high}${suffix}`;
}

function halfOpen(band, suffix) {
  if (band.low !== undefined && band.high !== undefined) {
    return `from ${band.low}${suffix} to under ${band.high}${suffix}`;
  }
  if (band.low !== undefined) return `from ${band.low}${suffix}`;
  return `under ${band.high}${suffix}`;
}

function target(value, suffix) {
  return `${value.op} ${value.value}${suffix}`;
}

/** Basis points as percent text: 1250 -> `12.5%`. */
export function percentOf(basisPoints) {
  const whole = Math.trunc(basisPoints / 100);
  const fraction = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}%` : `${whole}%`;
}

function label(item) {
  return item.en && item.en !== item.vi ? `${quote(item.vi)} / ${quote(item.en)}` : quote(item.vi);
}

function quote(text) {
  return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}
