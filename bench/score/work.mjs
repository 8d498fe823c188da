/**
 * What the score benchmark's child processes do (called from `measure/child.mjs`): make the
 * rows in memory, then score them with @kpilang/runtime's `score` or `scorePeople`, or with
 * the hand-written loop, timing each step as a phase. The `score` phase is the one judged;
 * making the rows is not part of it. Each records the facts that show the work was done: the
 * people scored, their statuses, the rows used and rejected, and the resident memory once the
 * rows were made, beside the peak the wrapper reports.
 *
 * The check (`score-check`) runs `scorePeople` and the loop on the same rows in one process
 * and compares every person's result, so that the loop is known to do the runtime's work.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { prepareLoop } from './loop.mjs';
import { generateRows } from './rows.mjs';
import { PERIOD } from './input.mjs';

/**
 * `score-runtime <runtime package folder> <rule set> <people>`: `score`, which returns every
 * person's result at once.
 *
 * @param {{ phase: (name: string, work: () => unknown) => Promise<any>, facts: object }} probe
 */
export async function scoreRuntimeWork(probe, [runtimeDir, ruleSetFile, people]) {
  const { runtime, rules, rows } = await prepareRuntime(probe, runtimeDir, ruleSetFile, people);
  const result = await probe.phase('score', () => runtime.score(rules, rows, { period: PERIOD }));
  describe(probe.facts, result.people, result);
}

/** `score-people <runtime package folder> <rule set> <people>`: `scorePeople`, one by one. */
export async function scorePeopleWork(probe, [runtimeDir, ruleSetFile, people]) {
  const { runtime, rules, rows } = await prepareRuntime(probe, runtimeDir, ruleSetFile, people);
  const statuses = await probe.phase('score', () => {
    const scoring = runtime.scorePeople(rules, rows, { period: PERIOD });
    // Each result is looked at and let go, as a caller writing results out would.
    const tally = { complete: 0, incomplete: 0, unrated: 0 };
    for (const person of scoring.people) tally[person.status] += 1;
    return { tally, scoring };
  });
  describeCounts(probe.facts, statuses.tally, statuses.scoring);
}

/** `score-loop <rule set> <people>`: the hand-written loop, keeping every result. */
export async function scoreLoopWork(probe, [ruleSetFile, people]) {
  const score = await probe.phase('load', () =>
    prepareLoop(JSON.parse(readFileSync(ruleSetFile, 'utf8')), PERIOD),
  );
  const rows = await makeRows(probe, people);
  const result = await probe.phase('score', () => score(rows));
  describe(probe.facts, result.people, { counts: countsOf(rows, result) });
}

/**
 * `score-check <runtime package folder> <rule set> <people>`: `scorePeople` and the loop on
 * the same rows, compared person by person (see `compareResults`).
 */
export async function scoreCheckWork(probe, [runtimeDir, ruleSetFile, people]) {
  const { runtime, rules, rows } = await prepareRuntime(probe, runtimeDir, ruleSetFile, people);
  const loop = prepareLoop(rules.ruleSet, PERIOD);
  const floor = await probe.phase('loop', () => loop(rows));
  const scoring = runtime.scorePeople(rules, rows, { period: PERIOD });
  const comparison = await probe.phase('compare', () =>
    compareResults(scoring, floor, runtime.Rational),
  );
  Object.assign(probe.facts, comparison);
}

async function prepareRuntime(probe, runtimeDir, ruleSetFile, people) {
  const runtime = await probe.phase(
    'import',
    () => import(pathToFileURL(resolve(runtimeDir, 'dist', 'index.js')).href),
  );
  const rules = await probe.phase('load', () =>
    runtime.loadRuleSet(readFileSync(ruleSetFile, 'utf8')),
  );
  const rows = await makeRows(probe, people);
  return { runtime, rules, rows };
}

async function makeRows(probe, people) {
  const { rows, counts } = await probe.phase('rows', () => generateRows(Number(people)));
  probe.facts.input = counts;
  // The rows are the input; what scoring adds to memory is the peak above this.
  probe.facts.rowsRssKiB = Math.round(process.memoryUsage().rss / 1024);
  return rows;
}

function describe(facts, people, result) {
  const tally = { complete: 0, incomplete: 0, unrated: 0 };
  for (const person of people) tally[person.status] += 1;
  describeCounts(facts, tally, result);
}

function describeCounts(facts, tally, result) {
  facts.people = tally.complete + tally.incomplete + tally.unrated;
  facts.statuses = tally;
  facts.used = result.counts.used;
  facts.rejected = result.counts.rejected;
}

function countsOf(rows, result) {
  return { rows: rows.length, used: result.used, rejected: result.rejected.length };
}

/** Relative tolerance of the loop's floats against the runtime's exact values. */
const TOLERANCE = 1e-9;

/**
 * Compares the runtime's results (`scoring.people`, an iterator) with the loop's, person by
 * person, in order. They must agree on the rejected rows, the people, every indicator's status
 * and reason, and every value, contribution and total to within 1e-9 (relative). A band may
 * differ only where the exact value lies within that tolerance of an edge of one of the two
 * bands, where floats can fall on the other side: such a person is counted as a float
 * disagreement, and their total and rating are not compared. Anything else is a mismatch; the
 * first few are listed.
 */
export function compareResults(scoring, floor, Rational) {
  const mismatches = [];
  const note = (person, what) => {
    if (mismatches.length < 10) mismatches.push(`${person}: ${what}`);
  };
  const exact = (number) => (number === null ? null : toFloat(Rational.parse(number.exact)));
  const close = (a, b) =>
    a === null || b === null ? a === b : Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b));

  const rejectedRuntime = scoring.rejected.map((rejection) => rejection.row).join(',');
  const rejectedLoop = floor.rejected.map((rejection) => rejection.row).join(',');
  if (rejectedRuntime !== rejectedLoop) note('(rows)', 'the rejected rows differ');

  let people = 0;
  let floatEdges = 0;
  const floatEdgeExamples = [];
  const loopPeople = floor.people;
  for (const person of scoring.people) {
    const other = loopPeople[people];
    people += 1;
    if (other === undefined || other.person !== person.person) {
      note(person.person, 'the loop has another person here');
      continue;
    }
    let edge = false;
    person.indicators.forEach((indicator, index) => {
      const mine = other.indicators[index];
      const where = `${indicator.indicator}`;
      if (mine.status !== indicator.status) return note(person.person, `${where} status`);
      if ((indicator.notRated?.reason ?? null) !== mine.reason)
        return note(person.person, `${where} reason`);
      const value = exact(indicator.value);
      if (!close(mine.value, value)) return note(person.person, `${where} value`);
      if ((indicator.band?.level ?? null) !== mine.band) {
        if (value !== null && nearEdge(value, indicator.band?.interval)) {
          edge = true;
          if (floatEdgeExamples.length < 3) {
            floatEdgeExamples.push(
              `${person.person} ${where}: exactly ${indicator.value.exact}, ` +
                `${indicator.band.level}; in floats ${mine.value}, ${mine.band}`,
            );
          }
          return undefined;
        }
        return note(person.person, `${where} band`);
      }
      if (!edge && !close(mine.contribution, exact(indicator.contribution))) {
        note(person.person, `${where} contribution`);
      }
      return undefined;
    });
    if (edge) {
      floatEdges += 1;
      continue;
    }
    if (person.status !== other.status) note(person.person, 'status');
    if (!close(other.total, exact(person.total))) note(person.person, 'total');
    if ((person.rating?.id ?? null) !== other.rating) note(person.person, 'rating');
  }
  if (people !== loopPeople.length) note('(people)', `${people} against ${loopPeople.length}`);
  return { comparedPeople: people, floatEdges, floatEdgeExamples, mismatches };
}

/** True when `value` lies within the tolerance of an end of the runtime's band interval. */
function nearEdge(value, interval) {
  if (interval === undefined) return false;
  return [interval.low, interval.high].some(
    (end) =>
      end !== undefined &&
      Math.abs(value - Number(end)) <= TOLERANCE * Math.max(1, Math.abs(value)),
  );
}

function toFloat(rational) {
  return Number(rational.numerator) / Number(rational.denominator);
}
