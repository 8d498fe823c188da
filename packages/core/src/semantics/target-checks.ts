/**
 * The checks of a target: its numbers (`values.ts`), whether any value of the domain can meet
 * it (KPI308), and whether it lines up with the bands (KPI305): the target's boundary must
 * be a band boundary, with the same inclusiveness, so that no band holds both values that
 * meet the target and values that miss it. "Target >= 95%" next to "excellent > 95%" breaks
 * this at exactly 95%: it meets the target but is not rated excellent. A number written as a
 * fraction of 1 on a percent indicator (KPI306) says so once: no KPI308 or KPI305 is derived
 * from it.
 */
import type * as ast from '../syntax/ast.js';
import { eq, type Decimal } from '../util/decimal.js';
import { conditionInterval, conditionNumbers, conditionText } from './convert.js';
import { describeDomain, valueWriter } from './describe.js';
import { contains, cutsOf, normalize, sameCut, type Cut } from './interval.js';
import type { Domain, Indicator, Interval } from './model.js';
import { related, type Reporter } from './report.js';
import type { Piece, RuleSubject } from './state.js';
import { OPEN_DOMAIN, ratedBands, type RatedBand } from './rated-bands.js';
import { checkValue, meantPercent, valueProblem, type ValueContext } from './values.js';

/**
 * KPI308 when no value of the domain meets the target, after the checks of its numbers; a
 * target with any problem in its numbers (KPI501, KPI304, KPI306) is left at that.
 */
export function checkTarget(
  reporter: Reporter,
  subject: RuleSubject,
  piece: Piece<ast.TargetClause>,
): void {
  const { indicator } = subject;
  const condition = piece.node.condition;
  const extras = piece.replaces
    ? { related: [related(piece.replaces, 'This replaces the target declared here.')] }
    : {};
  const context: ValueContext = {
    reporter,
    uri: piece.uri,
    unit: indicator.unit,
    domain: indicator.domain,
    ...extras,
  };

  const problems = conditionNumbers(condition).map((value) => checkValue(context, value));
  const interval = conditionInterval(condition);
  if (!interval || (problems.length > 0 && problems.some((problem) => problem !== undefined)))
    return;
  if (!indicator.unit || !indicator.domain || normalize(interval, indicator.domain)) return;

  const domainText = describeDomain(indicator.unit, indicator.domain);
  const place = { uri: piece.uri, range: condition?.range ?? piece.node.range };
  reporter.report(
    'KPI308',
    place,
    [indicator.id, conditionText(condition), domainText, subject.where],
    extras,
  );
}

/** KPI305 for each boundary of the target that no band boundary matches. */
export function checkAlignment(
  reporter: Reporter,
  subject: RuleSubject,
  pieces: { target: Piece<ast.TargetClause>; bands: Piece<ast.BandsClause> },
): void {
  const { indicator } = subject;
  const { target, bands } = pieces;
  const condition = target.node.condition;
  const interval = usableTarget(subject, condition);
  if (!interval) return;

  const domain = indicator.domain ?? OPEN_DOMAIN;
  const rated = ratedBands(indicator, bands.node);
  if (rated.length === 0) return;
  const met = normalize(interval, domain);
  if (!met) return;

  const bandCuts = rated.flatMap((band) => cutsOf(band.interval, domain));
  const meantByBands = meantBoundaries(indicator, rated);
  const place =
    bands.layer > target.layer
      ? { uri: bands.uri, range: bands.node.range }
      : { uri: target.uri, range: condition?.range ?? target.node.range };
  const other =
    bands.layer > target.layer
      ? related({ uri: target.uri, range: target.node.range }, 'The target is here.')
      : related({ uri: bands.uri, range: bands.node.range }, 'The bands are here.');
  const replaced = (bands.layer > target.layer ? bands : target).replaces;
  const notes = replaced ? [other, related(replaced, 'The override replaces this.')] : [other];

  for (const cut of cutsOf(met, domain)) {
    if (bandCuts.some((bandCut) => sameCut(bandCut, cut))) continue;
    // A band boundary written as a fraction (KPI306) that would be this cut once read as the
    // percentage it probably meant: the misalignment is that one slip, already reported.
    if (meantByBands.some((meant) => eq(meant, cut.value))) continue;
    const detail = describeMisalignment({
      cut,
      met,
      rated,
      domain,
      write: valueWriter(indicator.unit),
    });
    reporter.report(
      'KPI305',
      place,
      [indicator.id, conditionText(condition), detail, subject.where],
      {
        related: notes,
        data: { value: detail },
      },
    );
  }
}

/** The percentages that the bands' bare fractions (KPI306) probably meant. */
function meantBoundaries(indicator: Indicator, rated: RatedBand[]): Decimal[] {
  return rated
    .flatMap((band) => conditionNumbers(band.node.condition))
    .map((value) => meantPercent(value, indicator.unit))
    .filter((meant): meant is Decimal => meant !== undefined);
}

/**
 * The target's interval when all its numbers can be compared and mean what they say, else
 * undefined: a target in another unit or outside the domain is reported on its own, and so
 * is one written as a fraction of 1 (KPI306), whose boundary is not the one the writer meant.
 */
function usableTarget(
  subject: RuleSubject,
  condition: ast.Condition | undefined,
): Interval | undefined {
  const { unit, domain } = subject.indicator;
  const numbers = conditionNumbers(condition);
  if (numbers.some((value) => valueProblem(value, unit, domain) !== undefined)) return undefined;
  return conditionInterval(condition);
}

/**
 * What the misplaced boundary does, in plain words, at the value right at it:
 * "exactly 95% meets the target but is rated 'good', like values that miss it", or
 * "exactly 95% meets the target but no band rates it".
 */
function describeMisalignment(options: {
  cut: Cut;
  met: Interval;
  rated: RatedBand[];
  domain: Domain;
  write: (value: Cut['value']) => string;
}): string {
  const { cut, met, rated, domain, write } = options;
  const value = cut.value;
  const meets = contains(met, value);
  const status = meets ? 'meets' : 'misses';
  const holder = rated.find((band) => {
    const part = normalize(band.interval, domain);
    return part !== undefined && contains(part, value);
  });

  if (!holder) return `exactly ${write(value)} ${status} the target but no band rates it`;
  const others = meets ? 'miss' : 'meet';
  const rating = `is rated '${holder.level}', like values that ${others} it`;
  return `exactly ${write(value)} ${status} the target but ${rating}`;
}
