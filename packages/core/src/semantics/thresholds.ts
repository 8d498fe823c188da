/**
 * The threshold checks of every effective rule (an indicator's own target and bands, and
 * those a position or context gives it), by exact interval analysis on the domain of the
 * rated value: values no band covers (KPI301), values in two bands (KPI302), bands that
 * earn fewer points for better values (KPI303), empty bands (KPI309), and each number's unit
 * and range (`values.ts`). A gap between two bands carries a fix that moves a boundary
 * (`gap-fixes.ts`). The target's own checks and its alignment with the bands are in
 * `target-checks.ts`. Each bands clause and each target is checked once, however many
 * positions and contexts share it, so that base defects are not repeated per context.
 */
import type * as ast from '../syntax/ast.js';
import { compare } from '../util/decimal.js';
import { conditionInterval, conditionNumbers, conditionText } from './convert.js';
import { describeDomain, describeInterval, valueWriter, type ValueWriter } from './describe.js';
import { gapFixes, type GapBand, type WorseSide } from './gap-fixes.js';
import { entirelyAbove, intersect, normalize, uncovered } from './interval.js';
import type { Direction, Domain, Level } from './model.js';
import { related, type Reporter } from './report.js';
import type { Piece, RuleSubject } from './state.js';
import { OPEN_DOMAIN, ownerText, type RatedBand } from './rated-bands.js';
import { checkAlignment, checkTarget } from './target-checks.js';
import { checkValue, type ValueContext } from './values.js';

/** Runs the threshold checks over effective rules, each piece once. */
export class ThresholdChecker {
  private readonly targetsSeen = new Set<ast.TargetClause>();
  private readonly bandsSeen = new Set<ast.BandsClause>();
  private readonly pairsSeen = new Map<ast.TargetClause, Set<ast.BandsClause>>();

  constructor(
    private readonly reporter: Reporter,
    private readonly levels: ReadonlyMap<string, Level>,
  ) {}

  check(subject: RuleSubject): void {
    const { target, bands } = subject;
    if (target && !this.targetsSeen.has(target.node)) {
      this.targetsSeen.add(target.node);
      this.guarded('target', target, () => checkTarget(this.reporter, subject, target));
    }
    if (bands && !this.bandsSeen.has(bands.node)) {
      this.bandsSeen.add(bands.node);
      this.guarded('bands', bands, () => this.checkBands(subject, bands));
    }
    if (target && bands && this.firstPair(target.node, bands.node)) {
      this.guarded('target and bands', target, () =>
        checkAlignment(this.reporter, subject, { target, bands }),
      );
    }
  }

  private checkBands(subject: RuleSubject, piece: Piece<ast.BandsClause>): void {
    const { indicator } = subject;
    const domain = indicator.domain ?? OPEN_DOMAIN;
    const owner = ownerText(indicator, subject.where);
    const extras = piece.replaces
      ? { related: [related(piece.replaces, 'This replaces the bands declared here.')] }
      : {};
    const context: ValueContext = {
      reporter: this.reporter,
      uri: piece.uri,
      unit: indicator.unit,
      domain: indicator.domain,
      ...extras,
    };

    const rated: RatedBand[] = [];
    for (const band of piece.node.bands) {
      const problems = conditionNumbers(band.condition).map((value) => checkValue(context, value));
      const interval = conditionInterval(band.condition);
      if (!interval || problems.includes('unit')) continue;
      rated.push({ level: band.level.text, interval, node: band });
      if (!problems.includes('domain') && !normalize(interval, domain)) {
        const domainText = indicator.unit ? describeDomain(indicator.unit, domain) : 'any number';
        this.reporter.report(
          'KPI309',
          { uri: piece.uri, range: band.range },
          [owner, band.level.text, conditionText(band.condition), domainText],
          extras,
        );
      }
    }
    if (rated.length === 0) return;

    const write = valueWriter(indicator.unit);
    const gaps = uncovered(
      domain,
      rated.map((band) => band.interval),
    );
    const firstGap = gaps[0];
    if (firstGap) {
      const texts = gaps.map((gap) => describeInterval(gap, write, domain));
      const bands: GapBand[] = rated.flatMap(({ level, interval, node }) =>
        node.condition
          ? [{ name: level, condition: node.condition, interval, uri: piece.uri }]
          : [],
      );
      const worse = this.worseSide(indicator.direction);
      const fixes = gapFixes({ gaps, bands, domain, worse, write });
      this.reporter.report(
        'KPI301',
        { uri: piece.uri, range: piece.node.range },
        [owner, texts[0] as string],
        {
          ...extras,
          fixes,
          data: { uncovered: texts },
        },
      );
    }
    this.checkOverlaps({ rated, domain, owner, uri: piece.uri, write });
    this.checkDirection(subject, rated, piece.uri);
  }

  /** KPI302 for each pair of bands sharing values, at the later band. */
  private checkOverlaps(options: {
    rated: RatedBand[];
    domain: Domain;
    owner: string;
    uri: string;
    write: ValueWriter;
  }): void {
    const { rated, domain, owner, uri, write } = options;
    for (let later = 1; later < rated.length; later++) {
      for (let earlier = 0; earlier < later; earlier++) {
        const a = rated[earlier] as RatedBand;
        const b = rated[later] as RatedBand;
        const shared = intersect(a.interval, b.interval, domain);
        if (!shared) continue;
        this.reporter.report(
          'KPI302',
          { uri, range: b.node.range },
          [owner, describeInterval(shared, write, domain), a.level, b.level],
          {
            related: [related({ uri, range: a.node.range }, `'${a.level}' is here.`)],
          },
        );
      }
    }
  }

  /** KPI303 at each band that covers better values than another band yet earns fewer points. */
  private checkDirection(subject: RuleSubject, rated: RatedBand[], uri: string): void {
    const { indicator } = subject;
    if (!indicator.direction) return;
    const domain = indicator.domain ?? OPEN_DOMAIN;
    const direction = indicator.direction === 'higher' ? 'better when higher' : 'better when lower';

    for (const worse of rated) {
      const worsePoints = this.levels.get(worse.level)?.points;
      if (!worsePoints) continue;
      const better = rated.find((other) => {
        const points = this.levels.get(other.level)?.points;
        if (!points || compare(worsePoints, points) >= 0) return false;
        return indicator.direction === 'higher'
          ? entirelyAbove(worse.interval, other.interval, domain)
          : entirelyAbove(other.interval, worse.interval, domain);
      });
      if (!better) continue;
      this.reporter.report(
        'KPI303',
        { uri, range: worse.node.range },
        [indicator.id, direction, better.level, worse.level, subject.where],
        {
          related: [related({ uri, range: better.node.range }, `'${better.level}' is here.`)],
        },
      );
    }
  }

  /**
   * The worse side of a gap: below it when higher is better, above it when lower is better,
   * and without a direction the band whose level earns fewer points (the lower band when
   * their points are equal or unknown).
   */
  private worseSide(direction: Direction | undefined): WorseSide {
    if (direction) return () => (direction === 'higher' ? 'below' : 'above');
    return (below, above) => {
      const low = this.levels.get(below.name)?.points;
      const high = this.levels.get(above.name)?.points;
      return low && high && compare(high, low) < 0 ? 'above' : 'below';
    };
  }

  private firstPair(target: ast.TargetClause, bands: ast.BandsClause): boolean {
    const seen = this.pairsSeen.get(target) ?? new Set<ast.BandsClause>();
    this.pairsSeen.set(target, seen);
    if (seen.has(bands)) return false;
    seen.add(bands);
    return true;
  }

  private guarded(
    check: string,
    piece: Piece<{ range: ast.Name['range'] }>,
    run: () => void,
  ): void {
    this.reporter.guard(check, { uri: piece.uri, range: piece.node.range }, run);
  }
}
