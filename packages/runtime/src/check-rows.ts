/**
 * Checks data rows against the rule set and the scored period, and sorts the rows it accepts
 * by person and measure. A row is accepted only when some indicator of its person's position
 * reads its measure for its period, or when it gives a declared fact (a condition) that applies
 * to its person in the scored cycle; every other row becomes a rejection with its row number,
 * the column at fault and a reason that never quotes the measured value. A person's first row
 * used fixes their position, context and unit; a rejected row fixes nothing.
 */
import { IDENTIFIER_PATTERN } from '@kpilang/rule-set';
import type { Column, DataRow, Rejection, RejectionCode } from './data-row.js';
import { isBlank } from './data-row.js';
import type { LoadedRuleSet } from './load-rule-set.js';
import { factProblem, factValue } from './fact-rows.js';
import { periodProblem } from './measurement-plan.js';
import {
  PERIOD_FORMS,
  parsePeriod,
  periodAndAncestors,
  periodWithin,
  type CalendarPeriod,
  type PeriodKind,
} from './period.js';
import { setUpPosition, type PositionSetup } from './position-setup.js';
import { Rational } from './rational.js';
import { decimal } from './band.js';

/** A row that passed every check. */
export interface AcceptedRow {
  row: number;
  period: CalendarPeriod;
  measure: string;
  /** Null for a blank cell. */
  value: Rational | null;
}

/** A person's accepted rows, with the position and context the first of them named. */
export interface PersonRows {
  person: string;
  orgUnit: string;
  setup: PositionSetup;
  /**
   * The row that fixed the person's position, context and unit: their first row used, or
   * their first row with a known position while none is used.
   */
  identityRow: number;
  byMeasure: Map<string, AcceptedRow[]>;
}

export interface CheckedRows {
  /** By person id, in order of first appearance. */
  people: Map<string, PersonRows>;
  rejected: Rejection[];
  used: number;
}

/** Why a row is rejected: its code, the column at fault and a sentence. */
export interface Problem {
  code: RejectionCode;
  column: Column | null;
  reason: string;
}

export function checkRows(
  rules: LoadedRuleSet,
  rows: readonly DataRow[],
  scored: CalendarPeriod,
  cycle: PeriodKind,
): CheckedRows {
  const checker = new RowChecker(rules, scored, cycle);
  const rejected: Rejection[] = [];
  let used = 0;
  for (const row of rows) {
    const problem = checker.accept(row);
    if (problem === undefined) {
      used += 1;
      continue;
    }
    const person = row.person.trim();
    rejected.push({
      row: row.row,
      line: row.line,
      column: problem.column,
      person: person === '' ? null : person,
      code: problem.code,
      reason: problem.reason,
    });
  }
  return { people: checker.people, rejected, used };
}

class RowChecker {
  readonly people = new Map<string, PersonRows>();
  /** The people one of whose rows has been used, which fixed who they are. */
  private readonly confirmed = new Set<string>();
  private readonly setups = new Map<string, PositionSetup>();
  /** Indexes of the long lists of rows of formula measures (see `checkOverlap`). */
  private readonly indexes = new WeakMap<readonly AcceptedRow[], OverlapIndex>();

  constructor(
    private readonly rules: LoadedRuleSet,
    private readonly scored: CalendarPeriod,
    private readonly cycle: PeriodKind,
  ) {}

  /** Accepts the row (filing it under its person) and returns undefined, or says why not. */
  accept(row: DataRow): Problem | undefined {
    const person = row.person.trim();
    const measure = row.measure.trim();
    const local = this.checkAlone(row, person, measure);
    if ('problem' in local) return local.problem;

    const found = this.setupFor(row);
    if ('problem' in found) return found.problem;
    const setup = found.setup;
    const known = this.people.get(person);
    if (known !== undefined && this.confirmed.has(person)) {
      const conflict = identityConflict(known, row, setup);
      if (conflict !== undefined) return conflict;
    }

    const own = this.checkForPosition(setup, measure, local.period, local.value);
    if (own !== undefined) {
      // The person is in the results from their first row with a known position, but a
      // rejected row never fixes who they are: a stale row of another unit or position would
      // otherwise turn every good row of theirs into a conflict.
      if (known === undefined) this.people.set(person, newPerson(row, person, setup));
      return own;
    }

    const rows = this.confirm(known, row, person, setup);
    const list = rows.byMeasure.get(measure);
    if (list !== undefined && !setup.surveyUnits.has(measure)) {
      const overlap = this.checkOverlap(list, measure, local.period);
      if (overlap !== undefined) return overlap;
    }

    this.file(rows, { row: row.row, period: local.period, measure, value: local.value });
    return undefined;
  }

  /** Why the rules of `setup` cannot use the row: an unknown measure, period or answer. */
  private checkForPosition(
    setup: PositionSetup,
    measure: string,
    period: CalendarPeriod,
    value: Rational | null,
  ): Problem | undefined {
    const condition = this.rules.condition(measure);
    if (condition !== undefined) return factProblem(condition, setup, period, this.scored);

    const readers = setup.byMeasure.get(measure);
    if (readers === undefined) {
      const where = setup.context === undefined ? '' : ` in context "${setup.context}"`;
      return problem(
        'unknown-measure',
        'measure',
        isId(measure)
          ? `No indicator of position "${setup.position.id}"${where} reads measure "${measure}".`
          : notAnId('measure'),
      );
    }

    const periodProblems = readers.map((reader) =>
      periodProblem(period, reader.indicator, reader.plan, this.scored),
    );
    if (!periodProblems.includes(undefined)) {
      const first = periodProblems[0] ?? {
        code: 'outside-period',
        reason: 'The period is not scored.',
      };
      return problem(first.code, 'period', first.reason);
    }

    return this.checkAnswer(setup, measure, value);
  }

  /**
   * The person's entry, once a row of theirs is used: the first such row fixes their
   * position, context and unit, replacing those of any rejected row before it.
   */
  private confirm(
    known: PersonRows | undefined,
    row: DataRow,
    person: string,
    setup: PositionSetup,
  ): PersonRows {
    if (this.confirmed.has(person) && known !== undefined) return known;
    this.confirmed.add(person);
    const fresh = newPerson(row, person, setup);
    if (known === undefined) {
      this.people.set(person, fresh);
      return fresh;
    }
    // Rejected rows filed nothing, so only who the person is changes; their place stays.
    known.orgUnit = fresh.orgUnit;
    known.setup = fresh.setup;
    known.identityRow = fresh.identityRow;
    return known;
  }

  /** The checks a row passes or fails on its own: required fields, period and value syntax. */
  private checkAlone(
    row: DataRow,
    person: string,
    measure: string,
  ): { problem: Problem } | { period: CalendarPeriod; value: Rational | null } {
    if (person === '') return { problem: problem('empty-field', 'person', 'The person is empty.') };
    if (row.position.trim() === '') {
      return { problem: problem('empty-field', 'position', 'The position is empty.') };
    }
    if (measure === '')
      return { problem: problem('empty-field', 'measure', 'The measure is empty.') };

    const period = parsePeriod(row.period.trim());
    if (period === undefined) {
      return {
        problem: problem(
          'bad-period',
          'period',
          `The period is not one of the forms ${PERIOD_FORMS} (a real ISO week for W).`,
        ),
      };
    }

    const condition = this.rules.condition(measure);
    if (condition !== undefined) {
      const fact = factValue(condition, row.value);
      return 'problem' in fact ? fact : { period, value: fact.value };
    }

    if (isBlank(row.value)) return { period, value: null };
    const value = Rational.parseDecimal(row.value.trim());
    if (value === undefined) {
      return {
        problem: problem(
          'bad-number',
          'value',
          'The value is not a decimal number such as 95, -2.5 or 0.75 (a point for decimals, ' +
            'no exponent, no thousands separator, no unit).',
        ),
      };
    }
    return { period, value };
  }

  private setupFor(row: DataRow): { problem: Problem } | { setup: PositionSetup } {
    const positionId = row.position.trim();
    const contextId = row.context.trim() === '' ? undefined : row.context.trim();
    const key = `${contextId ?? ''}\u0000${positionId}`;
    const known = this.setups.get(key);
    if (known !== undefined) return { setup: known };

    if (this.rules.position(positionId) === undefined) {
      return {
        problem: problem(
          'unknown-position',
          'position',
          isId(positionId) ? `The rule set has no position "${positionId}".` : notAnId('position'),
        ),
      };
    }
    if (contextId !== undefined && this.rules.context(contextId) === undefined) {
      return {
        problem: problem(
          'unknown-context',
          'context',
          isId(contextId) ? `The rule set has no context "${contextId}".` : notAnId('context'),
        ),
      };
    }
    const position = this.rules.position(positionId, contextId);
    if (position === undefined) {
      return {
        problem: problem(
          'unknown-position',
          'position',
          `Context "${contextId ?? ''}" has no rules for position "${positionId}".`,
        ),
      };
    }

    const setup = setUpPosition(this.rules, position, contextId, this.scored, this.cycle);
    this.setups.set(key, setup);
    return { setup };
  }

  /** A survey answer must be a point of the survey's scale; a blank one is kept as blank. */
  private checkAnswer(
    setup: PositionSetup,
    measure: string,
    value: Rational | null,
  ): Problem | undefined {
    if (value === null || !setup.surveyUnits.has(measure)) return undefined;
    const unit = setup.surveyUnits.get(measure);
    if (unit === undefined) return undefined;

    const low = unit.low === undefined ? undefined : decimal(unit.low);
    const high = unit.high === undefined ? undefined : decimal(unit.high);
    const outside =
      (low !== undefined && value.compare(low) < 0) ||
      (high !== undefined && value.compare(high) > 0) ||
      (unit.integer && value.denominator !== 1n);
    if (!outside) return undefined;

    const range = `${unit.low ?? '…'} to ${unit.high ?? '…'}`;
    return problem(
      'not-an-answer',
      'value',
      `An answer to survey measure "${measure}" must be a ` +
        `${unit.integer ? 'whole ' : ''}point of ${unit.name}, from ${range}.`,
    );
  }

  /**
   * The rows of a formula measure add up within a measured period, so two rows of one person
   * and measure must not cover the same time: the same period twice, or a month and the
   * quarter it lies in, would count the same figures twice. A person's rows of one measure
   * are few, so they are compared one by one; a long list gets an index by period.
   */
  private checkOverlap(
    list: readonly AcceptedRow[],
    measure: string,
    period: CalendarPeriod,
  ): Problem | undefined {
    const earlier =
      list.length <= SCAN_LIMIT ? scanOverlap(list, period) : this.indexOf(list).find(period);
    if (earlier === undefined) return undefined;
    if (earlier.period.text === period.text) {
      return problem(
        'duplicate',
        'period',
        `Row ${earlier.row} already gives measure "${measure}" for ${period.text}.`,
      );
    }
    if (periodWithin(period, earlier.period)) {
      return problem(
        'duplicate',
        'period',
        `Row ${earlier.row} gives measure "${measure}" for ${earlier.period.text}, which ` +
          `${period.text} lies within.`,
      );
    }
    return problem(
      'duplicate',
      'period',
      `Row ${earlier.row} gives measure "${measure}" for ${earlier.period.text}, within ` +
        `${period.text}.`,
    );
  }

  private indexOf(list: readonly AcceptedRow[]): OverlapIndex {
    let index = this.indexes.get(list);
    if (index === undefined) {
      index = new OverlapIndex();
      for (const row of list) index.add(row);
      this.indexes.set(list, index);
    }
    return index;
  }

  /** Files an accepted row under its person and measure. */
  private file(rows: PersonRows, accepted: AcceptedRow): void {
    const list = rows.byMeasure.get(accepted.measure);
    if (list === undefined) {
      rows.byMeasure.set(accepted.measure, [accepted]);
      return;
    }
    list.push(accepted);
    this.indexes.get(list)?.add(accepted);
  }
}

/** Lists up to this long are searched row by row for an overlapping period. */
const SCAN_LIMIT = 16;

function scanOverlap(
  list: readonly AcceptedRow[],
  period: CalendarPeriod,
): AcceptedRow | undefined {
  return list.find((row) => periodWithin(period, row.period) || periodWithin(row.period, period));
}

/** The periods of a long list of rows, and every period they lie within, to find overlaps fast. */
class OverlapIndex {
  private readonly given = new Map<string, AcceptedRow>();
  private readonly covered = new Map<string, AcceptedRow>();

  add(row: AcceptedRow): void {
    const [own, ...outer] = periodAndAncestors(row.period);
    if (own !== undefined) this.given.set(own.text, row);
    for (const period of outer)
      if (!this.covered.has(period.text)) this.covered.set(period.text, row);
  }

  /** A row whose period is `period`, contains it or lies within it. */
  find(period: CalendarPeriod): AcceptedRow | undefined {
    for (const around of periodAndAncestors(period)) {
      const row = this.given.get(around.text);
      if (row !== undefined) return row;
    }
    return this.covered.get(period.text);
  }
}

function problem(code: RejectionCode, column: Column | null, reason: string): Problem {
  return { code, column, reason };
}

function newPerson(row: DataRow, person: string, setup: PositionSetup): PersonRows {
  return {
    person,
    orgUnit: row.org_unit.trim(),
    setup,
    identityRow: row.row,
    byMeasure: new Map(),
  };
}

/** Why a row cannot be the person's whose rows so far say they are `known`, if it cannot. */
function identityConflict(
  known: PersonRows,
  row: DataRow,
  setup: PositionSetup,
): Problem | undefined {
  const person = known.person;
  const since = `(row ${known.identityRow})`;
  if (known.setup.position.id !== setup.position.id) {
    return problem(
      'conflict',
      'position',
      `Person "${person}" holds position "${known.setup.position.id}" ${since}; a person has ` +
        `one position per scored period.`,
    );
  }
  if (known.setup.context !== setup.context) {
    const context =
      known.setup.context === undefined ? 'no context' : `context "${known.setup.context}"`;
    return problem(
      'conflict',
      'context',
      `Person "${person}" is in ${context} ${since}; a person has one context per scored period.`,
    );
  }
  if (!sameText(known.orgUnit, row.org_unit.trim())) {
    return problem(
      'conflict',
      'org_unit',
      `Person "${person}" is in org_unit "${known.orgUnit}" ${since}; a person has one unit ` +
        `per scored period.`,
    );
  }
  return undefined;
}

/**
 * True when two texts are the same once both are in Unicode's composed form (NFC): a
 * Vietnamese unit name may come with precomposed letters from one system and with combining
 * marks from another.
 */
function sameText(left: string, right: string): boolean {
  return left === right || left.normalize('NFC') === right.normalize('NFC');
}

/**
 * True for text shaped like an id, as every id of a rule set is. Reasons quote only such
 * text: anything else in an id column may be a figure that slipped into the wrong column, and
 * reasons never quote a measured value.
 */
function isId(text: string): boolean {
  return IDENTIFIER_PATTERN.test(text);
}

function notAnId(column: 'measure' | 'position' | 'context'): string {
  return `The ${column} is not an id (a letter, then letters, digits or "_"), so no rule names it.`;
}
