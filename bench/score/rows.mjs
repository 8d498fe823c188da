/**
 * The measured rows of the score benchmark, made in memory: one quarter (2024-Q3) of every
 * civil servant of the generated position, as the runtime's `DataRow` objects. Each source
 * system delivers its measures for everyone in turn (the work system, then documents, the
 * survey, the audit ...), so a person's rows lie far apart, as they do when several exports
 * are joined. The same seed and count give the same rows, value for value, in every process.
 *
 * The figures land in every band, and a few people lack data in each way the runtime
 * handles: too few survey answers, no complaint received (0 / 0), a blank cell, a month
 * without an update log. A few rows carry a value that is not a number, and are rejected.
 */
import { createRandom } from '../generate/random.mjs';
import { PERIOD, POSITION } from './input.mjs';

const SEED = 20260505;
const MONTHS = ['2024-07', '2024-08', '2024-09'];

/**
 * The rows of `people` civil servants, and what they hold.
 *
 * @param {number} people
 * @returns {{ rows: object[], counts: { people: number, rows: number, badValues: number } }}
 */
export function generateRows(people) {
  const random = createRandom(SEED);
  const ids = Array.from({ length: people }, (_, i) => `p${String(i + 1).padStart(7, '0')}`);
  // About 350 civil servants per district unit.
  const units = Array.from(
    { length: people },
    (_, i) => `d${String(Math.floor(i / 350) + 1).padStart(4, '0')}`,
  );
  const rows = [];
  let badValues = 0;
  const add = (i, period, measure, value) => {
    rows.push({
      row: rows.length + 1,
      line: null,
      person: ids[i],
      org_unit: units[i],
      position: POSITION,
      context: '',
      period,
      measure,
      value,
    });
  };
  // One value in 20,000 is not a number: the row is rejected, the rest of the person stands.
  const maybeBad = (text) => {
    if (random.next() >= 0.00005) return text;
    badValues += 1;
    return 'n/a';
  };

  // Work management: tasks on time of the tasks due, and hours spent answering requests.
  for (let i = 0; i < people; i += 1) {
    const total = random.int(10, 60);
    const late = Math.floor(total * random.next() * random.next() * 0.5);
    // One person in 500 has a blank cell for the tasks on time: missing, never zero.
    add(i, PERIOD, 'tasks_on_time', random.next() < 0.002 ? '' : maybeBad(String(total - late)));
    add(i, PERIOD, 'tasks_total', maybeBad(String(total)));
    const requests = random.int(5, 40);
    const hoursEach = 2 + 50 * random.next() * random.next();
    add(i, PERIOD, 'response_hours', maybeBad((requests * hoursEach).toFixed(1)));
    add(i, PERIOD, 'requests_answered', maybeBad(String(requests)));
  }
  // Document management: documents without error of those processed, month by month.
  for (const month of MONTHS) {
    for (let i = 0; i < people; i += 1) {
      const processed = random.int(40, 200);
      const errors = Math.floor(processed * random.next() * random.next() * 0.3);
      add(i, month, 'documents_without_error', maybeBad(String(processed - errors)));
      add(i, month, 'documents_processed', maybeBad(String(processed)));
    }
  }
  // The citizen survey: 3 to 6 answers, and one person in 50 gets too few (2) to count.
  for (let i = 0; i < people; i += 1) {
    const answers = random.next() < 0.02 ? 2 : random.int(3, 6);
    const mood = random.next();
    for (let k = 0; k < answers; k += 1) {
      const answer = Math.min(
        5,
        Math.max(1, Math.round(2.5 + 2.5 * mood + 1.5 * (random.next() - 0.5))),
      );
      add(i, PERIOD, 'citizen_rating', maybeBad(String(answer)));
    }
  }
  // Audit findings: mostly no major violation.
  for (let i = 0; i < people; i += 1) {
    const draw = random.next();
    const violations = draw < 0.8 ? 0 : draw < 0.95 ? 1 : random.int(2, 4);
    add(i, PERIOD, 'major_violations', maybeBad(String(violations)));
  }
  // Treasury: budget spent of the budget allocated, in millions with one decimal.
  for (let i = 0; i < people; i += 1) {
    const allocated = random.int(5000, 50000) / 10;
    const spent = Math.round(allocated * (0.55 + 0.5 * random.next()) * 10) / 10;
    add(i, PERIOD, 'budget_spent', maybeBad(Math.min(spent, allocated).toFixed(1)));
    add(i, PERIOD, 'budget_allocated', maybeBad(allocated.toFixed(1)));
  }
  // Citizen reception: complaints resolved of those received; 3% received none (0 / 0).
  for (let i = 0; i < people; i += 1) {
    const received = random.next() < 0.03 ? 0 : random.int(1, 30);
    const resolved = received - Math.floor(received * random.next() * random.next() * 0.6);
    add(i, PERIOD, 'complaints_resolved', maybeBad(String(resolved)));
    add(i, PERIOD, 'complaints_received', maybeBad(String(received)));
  }
  // The update log, month by month: one month in 100 has no row at all.
  for (const month of MONTHS) {
    for (let i = 0; i < people; i += 1) {
      if (random.next() < 0.01) continue;
      add(
        i,
        month,
        'records_updates',
        maybeBad(String(random.next() < 0.05 ? 0 : random.int(1, 6))),
      );
    }
  }
  return { rows, counts: { people, rows: rows.length, badValues } };
}
