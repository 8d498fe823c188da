/**
 * Step 2 of rating a person: the declared facts (`conditions` of the rule set) that decide a
 * rating whatever the total. The first condition in source order that holds for the person
 * sets their rating; a fact holds when a row of the scored cycle gives it as 1, and a fact no
 * row gives does not hold. Runs on each person's result as it is made, before any quota.
 */
import type { PersonRows } from './check-rows.js';
import { appliesTo } from './fact-rows.js';
import type { LoadedRuleSet } from './load-rule-set.js';
import { toRatingMatch } from './rating-lines.js';
import type { PersonResult } from './results.js';

/**
 * Records in `result` the facts that apply to the person (by their position's group) and
 * whether each holds, adds the fact rows to its rows, and lets the first that holds set the
 * rating, with an adjustment and a sentence in the explanation that say so.
 */
export function applyConditions(
  result: PersonResult,
  person: PersonRows,
  rules: LoadedRuleSet,
): void {
  const { conditions } = rules.ruleSet;
  if (conditions.length === 0) return;
  let decided = false;
  const factRows: number[] = [];
  for (const condition of conditions) {
    if (!appliesTo(condition, person.setup.group)) continue;
    const rows = person.byMeasure.get(condition.id) ?? [];
    const holding = rows.filter((row) => row.value?.isZero() === false).map((row) => row.row);
    const given = rows.map((row) => row.row).sort((a, b) => a - b);
    factRows.push(...given);
    result.facts.push({ condition: condition.id, holds: holding.length > 0, rows: given });
    if (decided || holding.length === 0) continue;

    decided = true;
    const line = rules.ratingLine(condition.rating);
    if (line === undefined) throw new Error(`Unknown rating line "${condition.rating}".`);
    const from = result.rating?.id ?? null;
    const to = line.id;
    holding.sort((a, b) => a - b);
    const since =
      from === null
        ? ' (the total gives no rating)'
        : from === to
          ? `, as the total does`
          : `, instead of ${from}`;
    const reason =
      `Condition ${condition.id} holds (${holding.length === 1 ? 'row' : 'rows'} ` +
      `${holding.join(', ')}): rated ${to} whatever the total${since}.`;
    result.adjustments.push({
      step: 'condition',
      rule: condition.id,
      label: condition.label,
      from,
      to,
      rows: holding,
      reason,
    });
    result.rating = toRatingMatch(line);
    result.explanation = `${result.explanation} ${reason}`;
  }
  if (factRows.length > 0) {
    result.rows = [...new Set([...result.rows, ...factRows])].sort((a, b) => a - b);
  }
}
