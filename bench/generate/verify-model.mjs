/**
 * Plausibility checks on the generated framework model, independent of kpic: weights of every
 * effective position sum to exactly 100%, bands partition the number line, each target sits
 * on a band boundary, every name resolves, every indicator and goal is used, and the count of
 * indicator uses reaches the benchmark's floor.
 *
 * The benchmark runs these before kpic, so that a generator bug is told apart from a kpic
 * finding; kpic's own check of the sources is the final word.
 */

/**
 * Checks the model and counts it. `perPosition` is the allowed number of indicators of a
 * position: 8 to 20 in the national framework, fewer in the render benchmark's.
 *
 * @param {{ perPosition?: { min: number, max: number } }} [options]
 * @returns {{ problems: string[], counts: Record<string, number> }}
 */
export function verifyModel(model, options = {}) {
  const perPosition = options.perPosition ?? { min: 8, max: 20 };
  const checkPosition = (where, rows, indicators, problems) =>
    checkRows(where, rows, indicators, problems, perPosition);
  const problems = [];
  const indicators = new Map(model.indicators.map((indicator) => [indicator.id, indicator]));
  const goals = new Set(model.goals.map((goal) => goal.id));

  for (const indicator of model.indicators) {
    if (!goals.has(indicator.goal))
      problems.push(`${indicator.id}: unknown goal ${indicator.goal}`);
    checkBands(indicator.id, indicator.bands, indicator.target, problems);
  }
  for (const group of model.groups) {
    for (const id of group.indicators) {
      if (!indicators.has(id)) problems.push(`group ${group.id}: unknown indicator ${id}`);
    }
  }

  let uses = 0;
  for (const position of model.positions) {
    checkPosition(`position ${position.id}`, position.assignments, indicators, problems);
    uses += position.assignments.length;
  }
  for (const context of model.contexts) {
    for (const position of effectivePositions(model, context, indicators, problems)) {
      checkPosition(
        `context ${context.id}, position ${position.id}`,
        position.rows,
        indicators,
        problems,
      );
      for (const row of position.rows) {
        checkBands(
          `${context.id}/${position.id}/${row.indicator}`,
          row.bands,
          row.target,
          problems,
        );
      }
      uses += position.rows.length;
    }
  }

  const used = new Set(model.positions.flatMap((p) => p.assignments.map((x) => x.indicator)));
  for (const id of indicators.keys()) if (!used.has(id)) problems.push(`indicator ${id} is unused`);
  const supported = new Set(model.indicators.map((indicator) => indicator.goal));
  for (const id of goals) if (!supported.has(id)) problems.push(`goal ${id} has no indicator`);

  const counts = {
    indicators: model.indicators.length,
    goals: model.goals.length,
    groups: model.groups.length,
    positions: model.positions.length,
    contexts: model.contexts.length,
    indicatorUses: uses,
  };
  return { problems, counts };
}

/** The positions of one context: base weights, targets and bands, with its overrides applied. */
function effectivePositions(model, context, indicators, problems) {
  const wide = new Map(context.indicatorOverrides.map((o) => [o.indicator, o]));
  return model.positions.map((position) => {
    const block = context.positionOverrides.find((b) => b.position === position.id);
    const rows = position.assignments.map((assignment) => {
      const base = indicators.get(assignment.indicator);
      const local = block?.assignments.find((x) => x.indicator === assignment.indicator);
      const overrides = [wide.get(assignment.indicator), local].filter(Boolean);
      return {
        indicator: assignment.indicator,
        weight: local?.weight ?? assignment.weight,
        target: overrides.reduce((t, o) => o.target ?? t, base?.target),
        bands: overrides.reduce((b, o) => o.bands ?? b, base?.bands ?? []),
      };
    });
    for (const local of block?.assignments ?? []) {
      if (!rows.some((row) => row.indicator === local.indicator)) {
        problems.push(`context ${context.id}: ${local.indicator} is not in ${position.id}`);
      }
    }
    return { id: position.id, rows };
  });
}

function checkRows(where, rows, indicators, problems, perPosition) {
  const total = rows.reduce((sum, row) => sum + row.weight, 0);
  if (total !== 10000) problems.push(`${where}: weights sum to ${total / 100}%`);
  if (rows.length < perPosition.min || rows.length > perPosition.max) {
    problems.push(`${where}: ${rows.length} indicators`);
  }
  const seen = new Set();
  for (const row of rows) {
    if (!indicators.has(row.indicator)) problems.push(`${where}: unknown ${row.indicator}`);
    if (seen.has(row.indicator)) problems.push(`${where}: ${row.indicator} twice`);
    if (!(row.weight > 0)) problems.push(`${where}: ${row.indicator} weight ${row.weight}`);
    seen.add(row.indicator);
  }
}

/** Bands must chain from minus to plus infinity, half-open; the target must hit a boundary. */
function checkBands(where, bands, target, problems) {
  const sorted = [...bands].sort((a, b) => (a.low ?? -Infinity) - (b.low ?? -Infinity));
  let reach = -Infinity;
  for (const band of sorted) {
    if ((band.low ?? -Infinity) !== reach) problems.push(`${where}: bands leave a gap or overlap`);
    reach = band.high ?? Infinity;
    if (band.high !== undefined && band.low !== undefined && band.high <= band.low) {
      problems.push(`${where}: empty band ${band.level}`);
    }
  }
  if (reach !== Infinity) problems.push(`${where}: bands stop at ${reach}`);

  const onBoundary =
    (target.op === '>=' && bands.some((band) => band.low === target.value)) ||
    (target.op === '<' && bands.some((band) => band.high === target.value));
  if (!onBoundary) problems.push(`${where}: target ${target.op} ${target.value} is off the bands`);
}

/**
 * Compares the effective positions of kpic's rule set (base and every context) with what the
 * model says they must be: same indicators, weights, targets and bands. This is what makes the
 * authoring YAML (written from the model) hold the same content as the .kpi sources. Returns
 * the first few differences; an empty list means they agree.
 */
export function compareWithRuleSet(model, ruleSet) {
  const differences = [];
  const indicators = new Map(model.indicators.map((indicator) => [indicator.id, indicator]));
  const scopes = [
    {
      id: 'base',
      expected: model.positions.map((p) => ({ id: p.id, rows: baseRows(p, indicators) })),
      actual: ruleSet.positions,
    },
    ...model.contexts.map((context, i) => ({
      id: context.id,
      expected: effectivePositions(model, context, indicators, differences),
      actual: ruleSet.contexts[i]?.id === context.id ? ruleSet.contexts[i].positions : [],
    })),
  ];

  for (const scope of scopes) {
    for (const position of scope.expected) {
      const built = scope.actual.find((p) => p.id === position.id);
      const want = position.rows.map(rowText).join('\n');
      const got = built?.indicators.map(builtRowText).join('\n');
      if (want !== got && differences.length < 5) {
        differences.push(`${scope.id}/${position.id}: expected\n${want}\n  built\n${got}`);
      }
    }
  }
  return differences;
}

function baseRows(position, indicators) {
  return position.assignments.map((assignment) => {
    const indicator = indicators.get(assignment.indicator);
    return { ...assignment, target: indicator.target, bands: indicator.bands };
  });
}

function rowText(row) {
  const target = row.target.op === '>=' ? `[${row.target.value},` : `,${row.target.value})`;
  const bands = row.bands.map((b) => `${b.level}[${b.low ?? ''},${b.high ?? ''})`).join(' ');
  return `${row.indicator} ${row.weight / 100} ${target} ${bands}`;
}

function builtRowText(row) {
  const t = row.target ?? {};
  const target =
    t.low !== undefined && t.lowInclusive && t.high === undefined
      ? `[${t.low},`
      : t.high !== undefined && !t.highInclusive && t.low === undefined
        ? `,${t.high})`
        : JSON.stringify(t);
  const bands = row.bands
    .map((b) => {
      const { low, lowInclusive, high, highInclusive } = b.interval;
      const halfOpen =
        (low === undefined || lowInclusive) && (high === undefined || !highInclusive);
      return halfOpen ? `${b.level}[${low ?? ''},${high ?? ''})` : JSON.stringify(b);
    })
    .join(' ');
  return `${row.indicator} ${row.weight} ${target} ${bands}`;
}
