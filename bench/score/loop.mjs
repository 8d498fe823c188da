/**
 * The floor of the score benchmark: a scorer written by hand with plain JavaScript numbers,
 * as a developer would write one for this framework, doing the work the runtime does on the
 * same rows. It reads the rule set once (levels, rating lines, each position's weights and
 * bands, each indicator's formula tree, survey minimum, frequency and aggregation), then:
 *
 * - checks every row as the runtime does, and keeps out the same rows: an empty person,
 *   position or measure, a period or value it cannot read, an unknown position or measure, a
 *   row naming another position or unit than the person's first row used, a period outside
 *   those the indicators read, a survey answer off the scale, a formula figure for time
 *   already given;
 * - files the rest by person and measure, in a Map, as they come (the rows of a person lie
 *   far apart);
 * - per person and indicator: sums each measure over each measured period, evaluates the
 *   formula (a share on a percent indicator times 100), or takes the survey mean with its
 *   minimum; finds the missing values (blank, no data, zero denominator, too few answers, out
 *   of range); aggregates the months (mean, or `every` with the worst month deciding); finds
 *   the band; applies the missing-data rule; scales the weights that count; adds up the total
 *   and finds the rating line;
 * - keeps every person's result (status, total, rating, and per indicator its status, value,
 *   band, points, effective weight, contribution and reason), as `score` keeps its results.
 *
 * It leaves out what this rule set does not use rather than take a shortcut on the rows: it
 * refuses, when it reads the rule set, weekly or yearly frequencies, rates (`per`), the rules
 * between measurements and rounding, and it rejects a week row (which no indicator here reads).
 * Floats are allowed: that is what makes it the floor. Values at a band edge can land on the
 * other side of it, which the benchmark's check counts.
 */

const KIND_RANK = { month: 1, quarter: 2, 'half-year': 3, year: 4 };
const MONTHS_IN = { month: 1, quarter: 3, 'half-year': 6, year: 12 };
const PERIOD = /^(\d{4})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])|W(\d\d)))?$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

/**
 * Reads the rule set for scoring `period` (a quarter). Returns `score(rows)`.
 *
 * @param {object} ruleSet the parsed rule set
 * @param {string} period such as `2024-Q3`
 */
export function prepareLoop(ruleSet, period) {
  if (ruleSet.framework.cycle !== 'quarter' || ruleSet.framework.rounding !== undefined) {
    throw new Error('The hand-written loop scores quarterly frameworks without rounding.');
  }
  const periods = new Map();
  const readPeriod = (text) => {
    let parsed = periods.get(text);
    if (parsed === undefined) {
      parsed = parsePeriod(text) ?? null;
      periods.set(text, parsed);
    }
    return parsed;
  };
  const scored = readPeriod(period);
  if (scored === null || scored.kind !== 'quarter') throw new Error(`Not a quarter: ${period}`);

  const points = new Map(ruleSet.levels.map((level) => [level.id, Number(level.points)]));
  const rating = ruleSet.rating.map((line) => ({ id: line.id, ...interval(line.interval) }));
  const indicators = new Map(ruleSet.indicators.map((indicator) => [indicator.id, indicator]));
  const setups = new Map();
  const addSetup = (context, position) =>
    setups.set(`${context}\u0000${position.id}`, setUp(position, indicators, points, scored));
  for (const position of ruleSet.positions) addSetup('', position);
  for (const context of ruleSet.contexts) {
    for (const position of context.positions) addSetup(context.id, position);
  }

  return (rows) => {
    const people = new Map();
    const rejected = [];
    for (const row of rows) {
      const problem = fileRow(row, people, setups, readPeriod);
      if (problem !== undefined) rejected.push({ row: row.row, code: problem });
    }
    const results = [];
    for (const person of people.values()) results.push(scorePerson(person, rating));
    return { people: results, rejected, used: rows.length - rejected.length };
  };
}

/** Checks one row and files it under its person and measure; returns a rejection code. */
function fileRow(row, people, setups, readPeriod) {
  const person = row.person.trim();
  const position = row.position.trim();
  const measure = row.measure.trim();
  if (person === '' || position === '' || measure === '') return 'empty-field';
  const period = readPeriod(row.period.trim());
  if (period === null) return 'bad-period';
  const text = row.value.trim();
  if (text !== '' && !DECIMAL.test(text)) return 'bad-number';
  const value = text === '' ? null : Number(text);
  const setup = setups.get(`${row.context.trim()}\u0000${position}`);
  if (setup === undefined) return 'unknown-position';

  // The first row used fixes who the person is; a rejected row fixes nothing, but puts the
  // person in the results when it is their first.
  const orgUnit = row.org_unit.trim();
  let filed = people.get(person);
  if (filed?.confirmed && (filed.setup !== setup || !sameText(filed.orgUnit, orgUnit))) {
    return 'conflict';
  }
  const problem = readerProblem(setup, measure, period, value);
  if (problem !== undefined) {
    if (filed === undefined) people.set(person, newPerson(person, orgUnit, setup, false));
    return problem;
  }
  if (filed === undefined) {
    filed = newPerson(person, orgUnit, setup, true);
    people.set(person, filed);
  } else if (!filed.confirmed) {
    Object.assign(filed, { orgUnit, setup, confirmed: true });
  }

  const survey = setup.byMeasure.get(measure).survey;
  let list = filed.byMeasure.get(measure);
  if (list === undefined) {
    list = [];
    filed.byMeasure.set(measure, list);
  } else if (survey === undefined) {
    for (const earlier of list) {
      if (within(period, earlier.period) || within(earlier.period, period)) return 'duplicate';
    }
  }
  list.push({ period, value });
  return undefined;
}

/** Why the position `setup` cannot use the row: its measure, its period or its answer. */
function readerProblem(setup, measure, period, value) {
  const reader = setup.byMeasure.get(measure);
  if (reader === undefined) return 'unknown-measure';
  if (!reader.periods.some((measured) => within(period, measured))) return 'outside-period';
  const survey = reader.survey;
  if (survey !== undefined && value !== null) {
    const off =
      value < survey.low || value > survey.high || (survey.integer && !Number.isInteger(value));
    if (off) return 'not-an-answer';
  }
  return undefined;
}

function newPerson(person, orgUnit, setup, confirmed) {
  return { person, orgUnit, setup, confirmed, byMeasure: new Map() };
}

/** Units compare in Unicode's composed form, as the runtime compares them. */
function sameText(left, right) {
  return left === right || left.normalize('NFC') === right.normalize('NFC');
}

/** A position's indicators ready to score, and which of them read each measure. */
function setUp(position, indicators, points, scored) {
  const items = position.indicators.map((weighted) => {
    const indicator = indicators.get(weighted.indicator);
    const unit = indicator.unit ?? {};
    if (unit.per !== undefined || indicator.between !== undefined) {
      throw new Error(`The loop does not score rates or rules between measurements.`);
    }
    const frequency = indicator.frequency ?? 'quarter';
    if (KIND_RANK[frequency] === undefined || KIND_RANK[frequency] > KIND_RANK.quarter) {
      throw new Error(`The loop scores monthly and quarterly indicators, not ${frequency}.`);
    }
    const measurement = indicator.measurement;
    const survey = measurement.kind === 'survey';
    const bands = weighted.bands.map((band) => ({
      level: band.level,
      points: points.get(band.level),
      ...interval(band.interval),
    }));
    return {
      id: indicator.id,
      weight: Number(weighted.weight),
      bands,
      lowest: bands.reduce((low, band) => (band.points < low.points ? band : low)),
      survey,
      measures: survey ? measurement.measures : measuresOf(measurement.expression),
      evaluate: survey ? undefined : compile(measurement.expression),
      share: !survey && unit.name === 'percent' && measurement.expression.op === '/',
      minimum: survey ? Number(measurement.minimumResponses ?? '1') : 0,
      low: unit.low === undefined ? -Infinity : Number(unit.low),
      high: unit.high === undefined ? Infinity : Number(unit.high),
      integer: unit.integer === true,
      periods: periodsOf(scored, frequency),
      aggregation: KIND_RANK[frequency] < KIND_RANK.quarter ? indicator.aggregation : undefined,
      missingData: indicator.missingData,
    };
  });

  const byMeasure = new Map();
  for (const item of items) {
    for (const measure of item.measures) {
      const reader = byMeasure.get(measure) ?? { periods: [], survey: undefined };
      reader.periods.push(...item.periods);
      if (item.survey) reader.survey = item;
      byMeasure.set(measure, reader);
    }
  }
  return { position: position.id, items, byMeasure };
}

/** One person's result. */
function scorePerson(person, rating) {
  const results = person.setup.items.map((item) => {
    const measured = measure(item, person.byMeasure);
    if (measured.band !== undefined) {
      return { item, status: 'rated', value: measured.value, band: measured.band };
    }
    const status =
      item.missingData === 'lowest'
        ? 'lowest'
        : item.missingData === 'exclude'
          ? 'excluded'
          : 'unrated';
    return {
      item,
      status,
      reason: measured.reason,
      band: status === 'lowest' ? item.lowest : undefined,
    };
  });

  let counted = 0;
  let unrated = false;
  for (const result of results) {
    if (result.status === 'rated' || result.status === 'lowest') counted += result.item.weight;
    if (result.status === 'unrated') unrated = true;
  }
  const hasTotal = !unrated && counted > 0;
  let total = hasTotal ? 0 : null;
  let complete = true;
  const indicators = results.map((result) => {
    const counts = hasTotal && result.band !== undefined;
    const effectiveWeight = counts ? (result.item.weight * 100) / counted : null;
    const contribution = counts ? (result.band.points * effectiveWeight) / 100 : null;
    if (contribution !== null) total += contribution;
    if (result.status !== 'rated') complete = false;
    return {
      indicator: result.item.id,
      status: result.status,
      value: result.value ?? null,
      band: result.band?.level ?? null,
      points: result.band?.points ?? null,
      effectiveWeight,
      contribution,
      reason: result.reason ?? null,
    };
  });
  const line = total === null ? undefined : rating.find((candidate) => contains(candidate, total));
  return {
    person: person.person,
    orgUnit: person.orgUnit,
    position: person.setup.position,
    status: total === null ? 'unrated' : complete ? 'complete' : 'incomplete',
    total,
    rating: line?.id ?? null,
    indicators,
  };
}

/** The rated value and band of one indicator, or why there is none. */
function measure(item, byMeasure) {
  const values = [];
  for (const period of item.periods) {
    const value = item.survey
      ? surveyMean(item, period, byMeasure)
      : formulaValue(item, period, byMeasure);
    if (typeof value === 'string') return { reason: value };
    if (value < item.low || value > item.high) return { reason: 'out-of-range' };
    values.push(value);
  }

  if (item.aggregation === 'every') {
    let worst;
    for (const value of values) {
      const band = findBand(item.bands, value);
      if (band === undefined) return { reason: 'no-band' };
      if (worst === undefined || band.points < worst.band.points) worst = { value, band };
    }
    return worst;
  }
  const value = aggregate(item.aggregation, values);
  const band = findBand(item.bands, value);
  return band === undefined ? { reason: 'no-band' } : { value, band };
}

/** A formula's value in one period, or the reason it has none. */
function formulaValue(item, period, byMeasure) {
  const sums = {};
  let blank = false;
  let noData = false;
  for (const name of item.measures) {
    let found = false;
    let sum = 0;
    for (const row of byMeasure.get(name) ?? []) {
      if (!within(row.period, period)) continue;
      found = true;
      if (row.value === null) blank = true;
      else sum += row.value;
    }
    if (!found) noData = true;
    sums[name] = sum;
  }
  if (blank) return 'blank-cell';
  if (noData) return 'no-data';
  const value = item.evaluate(sums);
  if (value === undefined) return 'zero-denominator';
  return item.share ? value * 100 : value;
}

/** A survey's mean in one period, or the reason it has none. */
function surveyMean(item, period, byMeasure) {
  let answers = 0;
  let blanks = 0;
  let sum = 0;
  for (const row of byMeasure.get(item.measures[0]) ?? []) {
    if (!within(row.period, period)) continue;
    if (row.value === null) blanks += 1;
    else {
      answers += 1;
      sum += row.value;
    }
  }
  if (answers > 0 && answers >= item.minimum) return sum / answers;
  if (answers === 0) return blanks > 0 ? 'blank-cell' : 'no-data';
  return 'too-few-responses';
}

function aggregate(aggregation, values) {
  switch (aggregation) {
    case undefined:
      return values[0];
    case 'mean':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
    case 'last':
      return values[values.length - 1];
    default:
      throw new Error(`Unknown aggregation ${aggregation}`);
  }
}

/**
 * A formula tree as a function of the measure sums: it returns undefined when a division has
 * a zero denominator.
 */
function compile(node) {
  if ('measure' in node) return (sums) => sums[node.measure];
  if ('number' in node) {
    const value = Number(node.number);
    return () => value;
  }
  if ('negate' in node) {
    const operand = compile(node.negate);
    return (sums) => {
      const value = operand(sums);
      return value === undefined ? undefined : -value;
    };
  }
  if ('call' in node) {
    const args = node.args.map(compile);
    return (sums) => {
      const values = [];
      for (const arg of args) {
        const value = arg(sums);
        if (value === undefined) return undefined;
        values.push(value);
      }
      if (node.call === 'min') return Math.min(...values);
      if (node.call === 'max') return Math.max(...values);
      return values.reduce((a, b) => a + b, 0) / values.length;
    };
  }
  const left = compile(node.left);
  const right = compile(node.right);
  return (sums) => {
    const a = left(sums);
    const b = a === undefined ? undefined : right(sums);
    if (b === undefined) return undefined;
    switch (node.op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      default:
        return b === 0 ? undefined : a / b;
    }
  };
}

function measuresOf(node, names = []) {
  if ('measure' in node) {
    if (!names.includes(node.measure)) names.push(node.measure);
  } else if ('negate' in node) measuresOf(node.negate, names);
  else if ('call' in node) node.args.forEach((arg) => measuresOf(arg, names));
  else if ('op' in node) {
    measuresOf(node.left, names);
    measuresOf(node.right, names);
  }
  return names;
}

function findBand(bands, value) {
  for (const band of bands) if (contains(band, value)) return band;
  return undefined;
}

function interval({ low, lowInclusive, high, highInclusive }) {
  return {
    low: low === undefined ? undefined : Number(low),
    lowInclusive,
    high: high === undefined ? undefined : Number(high),
    highInclusive,
  };
}

function contains(range, value) {
  if (
    range.low !== undefined &&
    (value < range.low || (value === range.low && !range.lowInclusive))
  ) {
    return false;
  }
  if (
    range.high !== undefined &&
    (value > range.high || (value === range.high && !range.highInclusive))
  ) {
    return false;
  }
  return true;
}

/** A period as its kind and its first and last month, counted from year 0; weeks are refused. */
function parsePeriod(text) {
  const match = PERIOD.exec(text);
  if (match === null || match[5] !== undefined) return undefined;
  const year = Number(match[1]);
  if (year === 0) return undefined;
  const [kind, index] =
    match[2] !== undefined
      ? ['half-year', Number(match[2])]
      : match[3] !== undefined
        ? ['quarter', Number(match[3])]
        : match[4] !== undefined
          ? ['month', Number(match[4])]
          : ['year', 1];
  const start = year * 12 + (index - 1) * MONTHS_IN[kind];
  return { kind, start, end: start + MONTHS_IN[kind] - 1 };
}

/** The periods of `kind` in the quarter `scored`, in time order. */
function periodsOf(scored, kind) {
  const periods = [];
  for (let month = scored.start; month <= scored.end; month += MONTHS_IN[kind]) {
    periods.push({ kind, start: month, end: month + MONTHS_IN[kind] - 1 });
  }
  return periods;
}

/** True when `inner` lies within `outer`. */
function within(inner, outer) {
  return outer.start <= inner.start && inner.end <= outer.end;
}
