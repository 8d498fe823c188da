/**
 * The fixes of KPI301 that close a gap by moving a boundary. A gap can be closed this way
 * when it lies between two bands, one ending where it starts and the other starting where
 * it ends: one of them is extended to meet the other exactly, with the opposite inclusivity
 * at the shared boundary, so that no value is left out and none falls in both (no KPI302).
 * The band on the worse side of the gap is extended when its new condition can be written
 * in the language (`a .. b`, `from a to under b`, a comparison), else the other one; a gap
 * at an end of the domain, or one neither band can be written to close, gets no fix.
 * Used for the bands of indicators (`thresholds.ts`) and the overall rating lines.
 */
import type { Fix, TextEdit } from '../diagnostics/diagnostic.js';
import type * as ast from '../syntax/ast.js';
import { add, ceil, eq, floor, ONE, sub, type Decimal } from '../util/decimal.js';
import { decimalWritten, type ValueWriter } from './describe.js';
import { normalize, sameCut, type Cut } from './interval.js';
import type { Domain, Interval } from './model.js';

/** A band (or rating line) as the gap fixes see it. */
export interface GapBand {
  /** The level or rating line it gives, for the fix's title. */
  name: string;
  condition: ast.Condition;
  /** The condition's values as written, before clipping to the domain. */
  interval: Interval;
  uri: string;
}

/** Which of the two bands around a gap is on its worse side, and so is extended first. */
export type WorseSide = (below: GapBand, above: GapBand) => 'below' | 'above';

export interface GapFixOptions {
  gaps: Interval[];
  bands: GapBand[];
  domain: Domain;
  worse: WorseSide;
  /** Writes a value for the fix's title: `95%` on a percent indicator. */
  write: ValueWriter;
}

/** One fix per gap that lies between two bands and can be closed by a writable condition. */
export function gapFixes(options: GapFixOptions): Fix[] {
  const { gaps, bands, domain } = options;
  const glyphs = bands.some(({ condition }) => writesGlyph(condition));
  const fixes: Fix[] = [];

  for (const gap of gaps) {
    const start = lowCut(gap, domain);
    const end = highCut(gap, domain);
    if (!start || !end) continue;
    const below = bands.find((band) => sameCutOf(highCut, band, domain, start));
    const above = bands.find((band) => sameCutOf(lowCut, band, domain, end));
    if (!below || !above) continue;

    const up = () => extendUp({ band: below, to: above, domain, glyphs, write: options.write });
    const down = () => extendDown({ band: above, to: below, domain, glyphs, write: options.write });
    const fix = options.worse(below, above) === 'below' ? (up() ?? down()) : (down() ?? up());
    if (fix) fixes.push(fix);
  }
  return fixes;
}

/** One replacement in the band's own file. */
type Edit = Omit<TextEdit, 'uri'>;

interface Extension {
  band: GapBand;
  /** The band to meet. */
  to: GapBand;
  domain: Domain;
  /** True when the writer uses `≥` and `≤`, so that a new comparison does too. */
  glyphs: boolean;
  write: ValueWriter;
}

/** Moves the band's high end up to where `to` starts; undefined when it cannot be written. */
function extendUp({ band, to, domain, glyphs, write }: Extension): Fix | undefined {
  const meet = lowNumber(to.condition);
  const own = highNumber(band.condition);
  if (!meet || !own) return undefined;
  const number = numberText(own, meet);
  if (number === undefined) return undefined;
  const inclusive = !to.interval.lowInclusive;
  const condition = band.condition;

  let edit: Edit | undefined;
  if (condition.kind === 'Comparison' && (condition.op === '<' || condition.op === '<=')) {
    const op = inclusive ? '<=' : '<';
    edit =
      op === condition.op
        ? { range: own.range, newText: number }
        : { range: condition.range, newText: `${opText(op, glyphs)} ${number}` };
  } else if (condition.kind === 'Comparison' && condition.op === '=') {
    edit = { range: condition.range, newText: between(own.text, number, inclusive) };
  } else if (condition.kind === 'Between' && condition.low) {
    edit =
      inclusive === condition.highInclusive
        ? { range: own.range, newText: number }
        : { range: condition.range, newText: between(condition.low.text, number, inclusive) };
  }
  if (!edit) return undefined;

  const edge = titleEdge(meet.value, inclusive, 'up', domain, write);
  const edits: TextEdit[] = [{ uri: band.uri, ...edit }];
  return { title: `Extend '${band.name}' to ${edge} to close the gap`, edits };
}

/**
 * Moves the band's low end down to where `to` ends; undefined when it cannot be written, as
 * a low end that excludes its value cannot be for a band with a high end too (`a .. b` and
 * `from a to under b` include their low end).
 */
function extendDown({ band, to, domain, glyphs, write }: Extension): Fix | undefined {
  const meet = highNumber(to.condition);
  const own = lowNumber(band.condition);
  if (!meet || !own) return undefined;
  const number = numberText(own, meet);
  if (number === undefined) return undefined;
  const inclusive = !to.interval.highInclusive;
  const condition = band.condition;

  let edit: Edit | undefined;
  if (condition.kind === 'Comparison' && (condition.op === '>' || condition.op === '>=')) {
    const op = inclusive ? '>=' : '>';
    edit =
      op === condition.op
        ? { range: own.range, newText: number }
        : { range: condition.range, newText: `${opText(op, glyphs)} ${number}` };
  } else if (inclusive && condition.kind === 'Comparison' && condition.op === '=') {
    edit = { range: condition.range, newText: between(number, own.text, true) };
  } else if (inclusive && condition.kind === 'Between') {
    edit = { range: own.range, newText: number };
  }
  if (!edit) return undefined;

  const edge = titleEdge(meet.value, inclusive, 'down', domain, write);
  const edits: TextEdit[] = [{ uri: band.uri, ...edit }];
  return { title: `Extend '${band.name}' down to ${edge} to close the gap`, edits };
}

/** `a .. b` when the high end is included, `from a to under b` when it is not. */
function between(low: string, high: string, highInclusive: boolean): string {
  return highInclusive ? `${low} .. ${high}` : `from ${low} to under ${high}`;
}

function opText(op: '<' | '<=' | '>' | '>=', glyphs: boolean): string {
  if (!glyphs) return op;
  return op === '<=' ? '≤' : op === '>=' ? '≥' : op;
}

/** True when the condition writes `≥` or `≤` rather than `>=` or `<=`. */
function writesGlyph(condition: ast.Condition): boolean {
  if (condition.kind !== 'Comparison' || condition.form !== 'symbol') return false;
  if (condition.op !== '>=' && condition.op !== '<=') return false;
  const { start, end } = condition.opRange;
  return start.line === end.line && end.character - start.character === 1;
}

/**
 * The other band's number written where `own` stands, with `own`'s suffix: `95%` replacing
 * `90%`, and `95` replacing `90` where the writer left the `%` out. The decimals are the
 * other band's (`4.0` stays `4.0`). Undefined when either is in hours or days and they
 * differ, which a fix should not guess at.
 */
function numberText(own: ast.NumberLit, other: ast.NumberLit): string | undefined {
  const plain = (suffix: ast.NumberSuffix | undefined) => suffix === undefined || suffix === '%';
  if (own.suffix !== other.suffix && !(plain(own.suffix) && plain(other.suffix))) return undefined;
  return `${decimalWritten(other.value)}${own.suffix ?? ''}`;
}

/** The number a condition writes for its low end, if it has one. */
function lowNumber(condition: ast.Condition): ast.NumberLit | undefined {
  if (condition.kind === 'Between') return condition.low;
  return condition.op === '<' || condition.op === '<=' ? undefined : condition.value;
}

/** The number a condition writes for its high end, if it has one. */
function highNumber(condition: ast.Condition): ast.NumberLit | undefined {
  if (condition.kind === 'Between') return condition.high;
  return condition.op === '>' || condition.op === '>=' ? undefined : condition.value;
}

/**
 * The new edge in the title: `95%`, or `just under 95%` when 95% itself stays out. On whole
 * numbers the edge is the last whole number the band takes in (`2`, not `just above 1`).
 */
function titleEdge(
  value: Decimal,
  inclusive: boolean,
  direction: 'up' | 'down',
  domain: Domain,
  write: ValueWriter,
): string {
  if (domain.integer) {
    const whole =
      direction === 'up'
        ? inclusive
          ? floor(value)
          : sub(ceil(value), ONE)
        : inclusive
          ? ceil(value)
          : add(floor(value), ONE);
    // A whole number keeps the decimals it was written with: `4.0` on a five-point scale.
    return write(eq(whole, value) ? value : whole);
  }
  if (inclusive) return write(value);
  return `${direction === 'up' ? 'just under' : 'just above'} ${write(value)}`;
}

/** True when `cutOf` of the band's values in the domain is `cut`. */
function sameCutOf(
  cutOf: (interval: Interval, domain: Domain) => Cut | undefined,
  band: GapBand,
  domain: Domain,
  cut: Cut,
): boolean {
  const found = cutOf(band.interval, domain);
  return found !== undefined && sameCut(found, cut);
}

/** Where the values of `interval` in the domain start, as a cut; undefined when unbounded. */
function lowCut(interval: Interval, domain: Domain): Cut | undefined {
  const part = normalize(interval, domain);
  if (part?.low === undefined) return undefined;
  return { value: part.low, after: !part.lowInclusive };
}

/** Where the values of `interval` in the domain end, as a cut; undefined when unbounded. */
function highCut(interval: Interval, domain: Domain): Cut | undefined {
  const part = normalize(interval, domain);
  if (part?.high === undefined) return undefined;
  if (domain.integer) return { value: add(part.high, ONE), after: false };
  return { value: part.high, after: part.highInclusive };
}
