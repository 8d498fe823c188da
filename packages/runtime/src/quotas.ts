/**
 * Step 3 of rating people: the quotas of the rule set, limits on how many people of a set may
 * hold a rating line, applied once everyone is scored and the conditions have spoken. Quotas
 * apply in source order, each over the sets of its `within` words in order (every unit, then
 * every group), to the people with a rating. In a set with L people rated `limited`, B rated
 * `of` and a share of s percent, the first k candidates in rank order keep `limited`, k being
 * the largest number from 0 to L with 100 × k <= s × (B + m), where m is L − k when the
 * people moved go to `of` and 0 otherwise; the rest move to `demoteTo`. Each person moved gets
 * an adjustment and a sentence saying where they ranked and why they moved; each person kept
 * in a set where others moved gets a sentence saying where they ranked.
 */
import type { Quota, RankKey, RuleSet } from '@kpilang/rule-set';
import { decimal } from './band.js';
import { toExactNumber } from './exact-number.js';
import { valueText } from './measure-indicator.js';
import { Rational } from './rational.js';
import { toRatingMatch } from './rating-lines.js';
import type { PersonResult, QuotaSet, RankKeyValue } from './results.js';

/** The group a person's position is in, as the rule set has it; undefined for none. */
export type GroupOf = (person: PersonResult) => string | undefined;

/** Applies every quota of `ruleSet` to `people`, changing the ratings of those moved. */
export function applyQuotas(
  people: readonly PersonResult[],
  ruleSet: RuleSet,
  groupOf: GroupOf,
): void {
  for (const quota of ruleSet.quotas) {
    const demoteTo = ruleSet.rating.find((line) => line.id === quota.demoteTo);
    if (demoteTo === undefined) throw new Error(`Unknown rating line "${quota.demoteTo}".`);
    const directions = quota.rankBy.map((key) => higherFirst(key, ruleSet));
    for (const within of quota.within) {
      for (const set of setsOf(people, within, groupOf)) {
        applyInSet(quota, set, directions, toRatingMatch(demoteTo));
      }
    }
  }
}

/**
 * The number of candidates who keep the limited line: the largest k from 0 to `candidates`
 * with 100 × k <= share × (base + m), m being `candidates` − k when the people moved count in
 * the base (they move to the `of` line) and 0 otherwise.
 */
export function quotaPlaces(
  candidates: number,
  base: number,
  share: Rational,
  movedCountInBase: boolean,
): number {
  // 100k <= s(B + L − k) is k <= s(B + L) / (100 + s); without the moved, k <= sB / 100.
  const bound = movedCountInBase
    ? share.multiply(Rational.integer(base + candidates)).divide(Rational.HUNDRED.add(share))
    : share.multiply(Rational.integer(base)).divide(Rational.HUNDRED);
  const floor = Number(bound.numerator / bound.denominator);
  return Math.min(candidates, floor);
}

interface PeopleSet {
  set: QuotaSet;
  people: PersonResult[];
}

/** The people with a rating, in sets by unit or by group, in order of first appearance. */
function setsOf(
  people: readonly PersonResult[],
  within: Quota['within'][number],
  groupOf: GroupOf,
): IterableIterator<PeopleSet> {
  const sets = new Map<string, PeopleSet>();
  for (const person of people) {
    if (person.rating === null) continue;
    const group = within === 'group' ? groupOf(person) : undefined;
    const set: QuotaSet =
      within === 'unit'
        ? { within: 'unit', key: person.orgUnit.normalize('NFC') }
        : group === undefined
          ? { within: 'position', key: person.position }
          : { within: 'group', key: group };
    const name = `${set.within}\u0000${set.key}`;
    const known = sets.get(name);
    if (known === undefined) sets.set(name, { set, people: [person] });
    else known.people.push(person);
  }
  return sets.values();
}

interface Candidate {
  person: PersonResult;
  values: (Rational | undefined)[];
}

function applyInSet(
  quota: Quota,
  { set, people }: PeopleSet,
  directions: readonly boolean[],
  demoteTo: ReturnType<typeof toRatingMatch>,
): void {
  const limited = people.filter((person) => person.rating?.id === quota.limited);
  const base = people.filter((person) => person.rating?.id === quota.of).length;
  const share = decimal(quota.share);
  const movedCount = quota.demoteTo === quota.of;
  const places = quotaPlaces(limited.length, base, share, movedCount);
  if (places >= limited.length) return;

  const ranked = limited
    .map((person): Candidate => ({
      person,
      values: quota.rankBy.map((key) => keyValue(person, key)),
    }))
    .sort((a, b) => compareKeys(a, b, directions) || compareIds(a.person, b.person));
  const counted = base + (movedCount ? limited.length - places : 0);
  const [lo, hi] = tieAcrossLine(ranked, places, directions);
  const ids = (from: number, to: number) => ranked.slice(from, to).map((c) => c.person.person);
  for (const [index, candidate] of ranked.entries()) {
    const kept = index < places;
    // The people on the other side of the line who tie with this one on every key.
    const tiedWith = index < lo || index >= hi ? [] : kept ? ids(places, hi) : ids(lo, places);
    const parts: ReasonParts = {
      quota,
      set,
      candidates: limited.length,
      places,
      counted,
      moved: limited.length - places,
      rank: index + 1,
      values: candidate.values,
      tiedWith,
    };
    if (kept) {
      // Kept: the rating stands, so no adjustment, but the result still says it was ranked.
      candidate.person.explanation = `${candidate.person.explanation} ${keptReason(parts)}`;
      continue;
    }
    const keys: RankKeyValue[] = quota.rankBy.map((key, at) => {
      const value = candidate.values[at];
      return { ...key, value: value === undefined ? null : toExactNumber(value) };
    });
    const reason = quotaReason(parts);
    const person = candidate.person;
    person.adjustments.push({
      step: 'quota',
      rule: quota.id,
      label: quota.label,
      from: quota.limited,
      to: quota.demoteTo,
      set,
      candidates: limited.length,
      base,
      share: toExactNumber(share),
      places,
      rank: index + 1,
      keys,
      tiedWith,
      reason,
    });
    person.rating = demoteTo;
    person.explanation = `${person.explanation} ${reason}`;
  }
}

/**
 * The run `[lo, hi)` of `ranked` that is equal on every key with the people on both sides of
 * the line after `places`, or an empty run when the line falls between people who differ.
 * `ranked` is sorted by the keys, so people equal on every key stand together.
 */
function tieAcrossLine(
  ranked: readonly Candidate[],
  places: number,
  directions: readonly boolean[],
): [number, number] {
  const equal = (a: number, b: number) =>
    compareKeys(ranked[a] as Candidate, ranked[b] as Candidate, directions) === 0;
  if (places === 0 || places >= ranked.length || !equal(places - 1, places)) return [0, 0];
  let lo = places - 1;
  while (lo > 0 && equal(lo - 1, places)) lo -= 1;
  let hi = places + 1;
  while (hi < ranked.length && equal(hi, places)) hi += 1;
  return [lo, hi];
}

/** True when the key ranks higher values first: totals and parts, and `better higher`. */
function higherFirst(key: RankKey, ruleSet: RuleSet): boolean {
  if (key.kind !== 'indicator') return true;
  return ruleSet.indicators.find((indicator) => indicator.id === key.id)?.direction !== 'lower';
}

/** The person's value for a key: the total, a part's points or an indicator's rated value. */
function keyValue(person: PersonResult, key: RankKey): Rational | undefined {
  const exact =
    key.kind === 'total'
      ? person.total
      : key.kind === 'part'
        ? person.parts.find((part) => part.id === key.id)?.points
        : person.indicators.find((indicator) => indicator.indicator === key.id)?.value;
  return exact === null || exact === undefined ? undefined : Rational.parse(exact.exact);
}

/** Better first on each key in turn; a missing value after every present one. */
function compareKeys(a: Candidate, b: Candidate, directions: readonly boolean[]): number {
  for (const [index, higher] of directions.entries()) {
    const left = a.values[index];
    const right = b.values[index];
    if (left === undefined || right === undefined) {
      if (left !== right) return left === undefined ? 1 : -1;
      continue;
    }
    const order = left.compare(right);
    if (order !== 0) return higher ? -order : order;
  }
  return 0;
}

/** Person ids in the order of their UTF-16 code units, the same everywhere. */
function compareIds(a: PersonResult, b: PersonResult): number {
  return a.person < b.person ? -1 : a.person > b.person ? 1 : 0;
}

interface ReasonParts {
  quota: Quota;
  set: QuotaSet;
  candidates: number;
  places: number;
  /** The `of` people the share is taken of, those moved there included. */
  counted: number;
  moved: number;
  rank: number;
  values: readonly (Rational | undefined)[];
  tiedWith: readonly string[];
}

function quotaReason(parts: ReasonParts): string {
  const { quota, set, candidates, places, counted, moved, rank, values, tiedWith } = parts;
  const where = setText(set);
  const movedThere = quota.demoteTo === quota.of ? `, counting the ${moved} moved there` : '';
  const keep = places === 1 ? 'keeps' : 'keep';
  const ranking = quota.rankBy.map((key, at) => keyText(key, values[at])).join(', ');
  const ties =
    tiedWith.length === 0
      ? ''
      : ` Equal on every key with ${tiedWith.join(', ')}, ` +
        `who ${tiedWith.length === 1 ? 'keeps' : 'keep'} ${quota.limited}: the person ids decide.`;
  return (
    `Quota ${quota.id} ${where}: ${places} of the ${candidates} rated ${quota.limited} ` +
    `${keep} it (at most ${quota.share}% of the ${counted} rated ${quota.of}${movedThere}); ` +
    `ranked ${rank} of ${candidates}${ranking === '' ? '' : ` by ${ranking}`}, moved to ` +
    `${quota.demoteTo}.${ties}`
  );
}

/** The sentence for a candidate who keeps the limited line in a set where others move. */
function keptReason(parts: ReasonParts): string {
  const { quota, set, candidates, places, rank, values, tiedWith } = parts;
  const ranking = quota.rankBy.map((key, at) => keyText(key, values[at])).join(', ');
  const ties =
    tiedWith.length === 0
      ? ''
      : ` Equal on every key with ${tiedWith.join(', ')}, ` +
        `who ${tiedWith.length === 1 ? 'moves' : 'move'}: the person ids decide.`;
  return (
    `Quota ${quota.id} ${setText(set)}: ${places} of the ${candidates} rated ${quota.limited} ` +
    `${places === 1 ? 'keeps' : 'keep'} it; ranked ${rank} of ${candidates}` +
    `${ranking === '' ? '' : ` by ${ranking}`}, keeps ${quota.limited}.${ties}`
  );
}

/** Where a set of people is, for sentences: `in unit "planning"`. */
function setText(set: QuotaSet): string {
  if (set.within === 'unit') {
    return set.key === '' ? 'among the people with no unit' : `in unit "${set.key}"`;
  }
  return set.within === 'group'
    ? `in group "${set.key}"`
    : `in position "${set.key}" (in no group)`;
}

function keyText(key: RankKey, value: Rational | undefined): string {
  const name = key.kind === 'total' ? 'total' : key.id;
  return `${name} ${value === undefined ? 'none' : valueText(value)}`;
}
