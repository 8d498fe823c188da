/**
 * The overall rating: its lines must cover every total a position can reach, from the
 * lowest to the highest points of the levels, once. Uses the band analysis of
 * `interval.ts`: KPI301 for a total no line covers (with a fix that moves a boundary when
 * the gap lies between two lines, extending the lower one first, see `gap-fixes.ts`),
 * KPI302 for a total two lines cover, KPI309 for a line that covers nothing, and KPI304 /
 * KPI501 for its numbers.
 */
import { compare, HUNDRED, ZERO, type Decimal } from '../util/decimal.js';
import { conditionInterval, conditionNumbers, conditionText } from './convert.js';
import { describeInterval, decimalWritten } from './describe.js';
import { gapFixes, type GapBand } from './gap-fixes.js';
import { intersect, normalize, uncovered } from './interval.js';
import type { Domain, Interval } from './model.js';
import { related } from './report.js';
import type { CheckState } from './state.js';
import type * as ast from '../syntax/ast.js';

const OWNER = 'The overall rating';

/** Checks the rating lines against the range of totals the levels allow. */
export function checkRatingLines(state: CheckState): void {
  const domain = totalsDomain(state);
  const first = state.symbols.ratingBlocks[0];
  if (!domain || !first) return;
  const [low, high] = [
    decimalWritten(domain.low as Decimal),
    decimalWritten(domain.high as Decimal),
  ];
  const domainText = `the range of totals (${low} to ${high} points)`;

  const lines: { node: ast.RatingLine; uri: string; interval: Interval }[] = [];
  for (const { decl, uri } of state.symbols.ratingLines.values()) {
    const interval = conditionInterval(decl.condition);
    if (!interval || !checkNumbers(state, uri, decl, domain, domainText)) continue;
    lines.push({ node: decl, uri, interval });
    if (!normalize(interval, domain)) {
      const id = decl.id?.text ?? '';
      state.reporter.report('KPI309', { uri, range: decl.range }, [
        OWNER,
        id,
        conditionText(decl.condition),
        domainText,
      ]);
    }
  }
  if (lines.length === 0) return;

  const gaps = uncovered(
    domain,
    lines.map((line) => line.interval),
  );
  const gap = gaps[0];
  if (gap) {
    const text = describeInterval(gap, decimalWritten, domain);
    const bands: GapBand[] = lines.flatMap(({ node, uri, interval }) =>
      node.condition
        ? [{ name: node.id?.text ?? '', condition: node.condition, interval, uri }]
        : [],
    );
    // A higher total is always the better one, so the lower line is extended first.
    const worse = () => 'below' as const;
    const fixes = gapFixes({ gaps, bands, domain, worse, write: decimalWritten });
    state.reporter.report(
      'KPI301',
      { uri: first.uri, range: first.decl.range },
      [OWNER, text, 'rating line'],
      {
        fixes,
        data: { uncovered: gaps.map((each) => describeInterval(each, decimalWritten, domain)) },
      },
    );
  }
  reportOverlaps(state, lines, domain);
}

/**
 * The totals any position could reach: from the fewest points a level gives to the most, and
 * 0 to 100 when an indicator earns its percentage as points. Undefined when nothing earns
 * points.
 */
function totalsDomain(state: CheckState): Domain | undefined {
  const points = state.model.levels.map((level) => level.points);
  if (state.model.indicators.some((indicator) => indicator.scoring === 'proportional')) {
    points.push(ZERO, HUNDRED);
  }
  if (points.length === 0) return undefined;
  return {
    low: points.reduce((a, b) => (compare(a, b) <= 0 ? a : b)),
    high: points.reduce((a, b) => (compare(a, b) >= 0 ? a : b)),
    integer: false,
  };
}

/**
 * KPI804 for a rating line no total reaches. In a position the total is a weighted mean of
 * the points its indicators earn (with weights that may be shared out again when data is
 * missing), so it lies between the fewest points any of them can earn and the most. A line
 * that meets none of these ranges, in any position or context, that no condition rates
 * people at and that no quota moves people to, is never given. Lines outside every total
 * (KPI309) are left to that check.
 */
export function checkRatingReach(state: CheckState): void {
  const domain = totalsDomain(state);
  if (!domain) return;
  const levels = state.levels;
  const ranges: Interval[] = [];
  const positions = [
    ...state.model.positions,
    ...state.model.contexts.flatMap((context) => context.positions),
  ];
  for (const position of positions) {
    let low: Decimal | undefined;
    let high: Decimal | undefined;
    for (const weighted of position.indicators) {
      const indicator = state.indicators.get(weighted.indicator);
      const earned =
        indicator?.scoring === 'proportional'
          ? [ZERO, HUNDRED]
          : weighted.bands.flatMap((band) => levels.get(band.level)?.points ?? []);
      for (const points of earned) {
        if (low === undefined || compare(points, low) < 0) low = points;
        if (high === undefined || compare(points, high) > 0) high = points;
      }
    }
    if (low !== undefined && high !== undefined) {
      ranges.push({ low, lowInclusive: true, high, highInclusive: true });
    }
  }
  if (ranges.length === 0) return;

  const reached = new Set(state.model.conditions.map((condition) => condition.rating));
  for (const line of state.model.rating) {
    if (ranges.some((range) => intersect(range, line.interval, domain))) reached.add(line.id);
  }
  // A quota moves people from its limited line to the line below, so that line is reached
  // whenever the limited one is, by a total, a condition or another quota.
  for (let grew = true; grew;) {
    grew = false;
    for (const quota of state.model.quotas) {
      if (!reached.has(quota.limited) || reached.has(quota.demoteTo)) continue;
      reached.add(quota.demoteTo);
      grew = true;
    }
  }

  const low = ranges.reduce((a, b) => (compare(a.low as Decimal, b.low as Decimal) <= 0 ? a : b));
  const high = ranges.reduce((a, b) =>
    compare(a.high as Decimal, b.high as Decimal) >= 0 ? a : b,
  );
  for (const line of state.model.rating) {
    if (reached.has(line.id) || !normalize(line.interval, domain)) continue;
    const args = [
      line.id,
      conditionText(line.node.condition),
      decimalWritten(low.low as Decimal),
      decimalWritten(high.high as Decimal),
    ] as const;
    state.reporter.report('KPI804', { uri: line.uri ?? '', range: line.node.range }, [...args]);
  }
}

/** KPI501 for a number in hours or days, KPI304 for one outside the totals; true when all fit. */
function checkNumbers(
  state: CheckState,
  uri: string,
  line: ast.RatingLine,
  domain: Domain,
  domainText: string,
): boolean {
  let fits = true;
  for (const value of conditionNumbers(line.condition)) {
    const place = { uri, range: value.range };
    if (value.suffix === 'h' || value.suffix === 'd') {
      state.reporter.report('KPI501', place, [value.text, 'points']);
      fits = false;
    } else if (
      compare(value.value, domain.low as Decimal) < 0 ||
      compare(value.value, domain.high as Decimal) > 0
    ) {
      state.reporter.report('KPI304', place, [value.text, domainText]);
    }
  }
  return fits;
}

function reportOverlaps(
  state: CheckState,
  lines: { node: ast.RatingLine; uri: string; interval: Interval }[],
  domain: Domain,
): void {
  for (let later = 1; later < lines.length; later++) {
    for (let earlier = 0; earlier < later; earlier++) {
      const a = lines[earlier] as (typeof lines)[number];
      const b = lines[later] as (typeof lines)[number];
      const shared = intersect(a.interval, b.interval, domain);
      if (!shared) continue;
      const [first, second] = [a.node.id?.text ?? '', b.node.id?.text ?? ''];
      state.reporter.report(
        'KPI302',
        { uri: b.uri, range: b.node.range },
        [OWNER, describeInterval(shared, decimalWritten, domain), first, second],
        {
          related: [related({ uri: a.uri, range: a.node.range }, `'${first}' is here.`)],
        },
      );
    }
  }
}
