/**
 * Every diagnostic code kpilang reports, once: its slug, default severity and message.
 * Codes are grouped by concern: KPI0xx syntax and files, KPI1xx names, KPI2xx weights,
 * KPI3xx thresholds and targets, KPI4xx frequencies, KPI5xx units, KPI6xx alignment and
 * SMART, KPI7xx contexts, KPI8xx parts of the total, conditions and quotas, KPI9xx
 * internal. A code is never reused or renumbered; a code that is no longer reported is
 * retired, not deleted. Each code has a section of its own in
 * docs/diagnostics.md (anchor: the lower-case code) and a test on a minimal input.
 *
 * Messages are written for policy writers: plain words, the values involved, and what to do.
 */
import type { Severity } from './diagnostic.js';

interface CodeEntry<Args extends unknown[]> {
  slug: string;
  severity: Severity;
  message: (...args: Args) => string;
}

function code<Args extends unknown[]>(entry: CodeEntry<Args>): CodeEntry<Args> {
  return entry;
}

const didYouMean = (suggestion?: string) => (suggestion ? ` Did you mean '${suggestion}'?` : '');

/** `a`, `a and b`, `a, b and c`: a list in a sentence. */
const listed = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

export const CODES = {
  // Syntax and files.
  KPI001: code({
    slug: 'syntax-error',
    severity: 'error',
    message: (detail: string) => detail,
  }),
  KPI002: code({
    slug: 'unexpected-character',
    severity: 'error',
    message: (text: string) => `'${text}' is not part of the language here.`,
  }),
  KPI003: code({
    slug: 'unterminated-text',
    severity: 'error',
    message: () => 'This text has no closing quote on its line.',
  }),
  KPI004: code({
    slug: 'nesting-too-deep',
    severity: 'error',
    message: (limit: number) =>
      `The formula is nested too deep (more than ${limit} levels of brackets or operators).`,
  }),
  KPI005: code({
    slug: 'invalid-encoding',
    severity: 'error',
    message: (file: string, byteOffset: number) =>
      `${file} is not valid UTF-8 (first bad byte at offset ${byteOffset}, shown as \uFFFD). ` +
      'Save it as UTF-8; old Vietnamese encodings such as Windows-1258, TCVN3 or VNI are not read.',
  }),
  KPI006: code({
    slug: 'repeated-field',
    severity: 'error',
    message: (field: string) => `'${field}' is given twice here; keep one.`,
  }),
  KPI010: code({
    slug: 'no-framework',
    severity: 'error',
    message: () =>
      'No file declares the framework. Add \'framework <id> "title" { ... }\' to one file.',
  }),
  KPI011: code({
    slug: 'several-frameworks',
    severity: 'error',
    message: (other: string) =>
      `A second framework header; '${other}' is already declared. ` +
      'Check one framework at a time: give each its own folder.',
  }),
  KPI012: code({
    slug: 'invalid-date',
    severity: 'error',
    message: (written: string, problem: string, suggestion?: string) =>
      `${written} is not a date: ${problem}.` +
      (suggestion ? ` Did you mean ${suggestion} (the month comes before the day)?` : '') +
      ' Write dates as year-month-day, for example 2024-07-01.',
  }),
  KPI013: code({
    slug: 'bad-rounding',
    severity: 'error',
    message: (written: string) =>
      `'${written}' is not a number of decimal places a framework can round to. ` +
      "Write a whole number from 0 to 6, as in 'round total to 2 decimals'.",
  }),

  // Names.
  KPI101: code({
    slug: 'undefined-name',
    severity: 'error',
    message: (what: string, name: string, suggestion?: string) =>
      `There is no ${what} '${name}'.${didYouMean(suggestion)}`,
  }),
  KPI102: code({
    slug: 'unknown-word',
    severity: 'error',
    message: (what: string, word: string, allowed: string, suggestion?: string) =>
      `'${word}' is not a ${what}.${didYouMean(suggestion)} Use one of: ${allowed}.`,
  }),
  KPI103: code({
    slug: 'duplicate-declaration',
    severity: 'error',
    message: (what: string, name: string) => `The ${what} '${name}' is declared twice.`,
  }),
  KPI104: code({
    slug: 'unused-indicator',
    severity: 'warning',
    message: (name: string) => `Indicator '${name}' is not used by any group or position.`,
  }),
  KPI105: code({
    slug: 'duplicate-member',
    severity: 'warning',
    message: (name: string, group: string) =>
      `Group '${group}' lists '${name}' twice; it counts once, so remove the repeat.`,
  }),

  // Weights.
  KPI201: code({
    slug: 'weights-not-100',
    severity: 'error',
    message: (position: string, sum: string, where?: string) =>
      `The weights of '${position}'${where ? ` ${where}` : ''} sum to ${sum}%, not 100%.`,
  }),
  KPI202: code({
    slug: 'weights-as-fractions',
    severity: 'error',
    message: (position: string, asPercent: string) =>
      `The weights of '${position}' look like fractions (they sum to 1). Did you mean ` +
      `${asPercent}?`,
  }),
  KPI203: code({
    slug: 'weight-not-positive',
    severity: 'error',
    message: (indicator: string, weight: string) =>
      (weight.startsWith('-')
        ? `'${indicator}' has a negative weight, ${weight}: a weight is a share of the whole ` +
          'and cannot be below zero.'
        : `'${indicator}' has a weight of ${weight}, so it would count for nothing.`) +
      ' Give it a positive weight, or remove it from the position.',
  }),
  KPI204: code({
    slug: 'weight-over-100',
    severity: 'error',
    message: (indicator: string, weight: string) =>
      `'${indicator}' has a weight of ${weight}%, more than the whole 100%.`,
  }),
  KPI205: code({
    slug: 'duplicate-assignment',
    severity: 'error',
    message: (indicator: string, position: string) =>
      `'${indicator}' appears twice in '${position}'; its weight would count twice.`,
  }),
  KPI206: code({
    slug: 'missing-weight',
    severity: 'error',
    message: (
      indicator: string,
      position: string,
      from: { group: string } | { needed?: string },
    ) =>
      'group' in from
        ? `'${position}' takes '${indicator}' from group '${from.group}' but gives it no weight.`
        : `'${indicator}' has no weight in '${position}'; ` +
          (from.needed
            ? `write '${indicator} weight ${from.needed}' to make the weights sum to 100%.`
            : `write it after the name, as in '${indicator} weight 30%'.`),
  }),
  KPI207: code({
    slug: 'weight-not-percent',
    severity: 'error',
    message: (written: string) => `A weight is a percentage; '${written}' is not.`,
  }),
  KPI208: code({
    slug: 'no-weighted-indicators',
    severity: 'error',
    message: (position: string) => `'${position}' has no weighted indicators.`,
  }),

  // Thresholds, targets and rating lines.
  KPI301: code({
    slug: 'band-gap',
    severity: 'error',
    message: (owner: string, uncovered: string, what = 'band') =>
      `${owner} leaves ${uncovered} unrated: no ${what} covers it.`,
  }),
  KPI302: code({
    slug: 'band-overlap',
    severity: 'error',
    message: (owner: string, overlap: string, first: string, second: string) =>
      `${owner}: ${overlap} falls in both '${first}' and '${second}'.`,
  }),
  KPI303: code({
    slug: 'bands-against-direction',
    severity: 'error',
    message: (
      indicator: string,
      direction: string,
      better: string,
      worse: string,
      where?: string,
    ) =>
      `'${indicator}'${where ? ` ${where}` : ''} is ${direction}, but '${worse}' covers better ` +
      `values than '${better}' and earns fewer points.`,
  }),
  KPI304: code({
    slug: 'value-outside-domain',
    severity: 'error',
    message: (value: string, domain: string) => `${value} is outside ${domain}.`,
  }),
  KPI305: code({
    slug: 'target-splits-band',
    severity: 'warning',
    message: (indicator: string, target: string, detail: string, where?: string) =>
      `'${indicator}'${where ? ` ${where}` : ''}: the target ${target} does not line up with ` +
      `the bands: ${detail}.`,
  }),
  KPI306: code({
    slug: 'percent-as-fraction',
    severity: 'warning',
    message: (written: string, meant: string) =>
      `${written} on a percent indicator means ${written}%, not ${meant}. Did you mean ${meant}?`,
  }),
  KPI307: code({
    slug: 'unrateable-indicator',
    severity: 'error',
    message: (indicator: string, position: string) =>
      `'${position}' weights '${indicator}', which has no bands, so it cannot be rated.`,
  }),
  KPI308: code({
    slug: 'target-unreachable',
    severity: 'error',
    message: (indicator: string, target: string, domain: string, where?: string) =>
      `'${indicator}'${where ? ` ${where}` : ''}: no value in ${domain} ` +
      `can meet the target ${target}.`,
  }),
  KPI309: code({
    slug: 'empty-band',
    severity: 'error',
    message: (owner: string, level: string, condition: string, domain: string) =>
      `${owner}: '${level}' (${condition}) covers no value in ${domain}; ` +
      'check its numbers and their order.',
  }),

  // Frequencies.
  KPI401: code({
    slug: 'missing-aggregation',
    severity: 'error',
    message: (indicator: string, every: string, cycle: string) =>
      `'${indicator}' is measured ${every} but rated ${cycle}: say how the values combine ` +
      "(for example 'aggregate mean', or 'aggregate every' when every period must meet).",
  }),
  KPI402: code({
    slug: 'coarser-than-cycle',
    severity: 'error',
    message: (indicator: string, every: string, cycle: string, share: string) =>
      `'${indicator}' is measured ${every} but rated ${cycle}: it has no value in ${share}. ` +
      "Say what happens in between ('between measurements carry' or 'between measurements missing').",
  }),
  KPI403: code({
    slug: 'aggregation-not-needed',
    severity: 'warning',
    message: (indicator: string, clause: string) =>
      `'${indicator}': '${clause}' has no effect at this frequency.`,
  }),
  KPI404: code({
    slug: 'aggregation-unfit',
    severity: 'warning',
    message: (indicator: string, how: string, unit: string) =>
      `'${indicator}': adding up ${unit} values with '${how}' gives a figure outside its scale.`,
  }),
  KPI405: code({
    slug: 'no-cycle',
    severity: 'warning',
    message: () =>
      "The framework does not say how often people are rated ('cycle quarterly', " +
      "'cycle annual' ...), so measurement frequencies cannot be checked.",
  }),
  KPI406: code({
    slug: 'rate-period-mismatch',
    severity: 'warning',
    message: (indicator: string, rate: string, covers: string, fix: string) =>
      `'${indicator}' is ${rate}, but the value rated is ${covers}, so its bands would be read ` +
      `against a different period. ${fix}`,
  }),

  // Units.
  KPI501: code({
    slug: 'unit-mismatch',
    severity: 'error',
    message: (written: string, unit: string) => `${written} is not a value in ${unit}.`,
  }),
  KPI502: code({
    slug: 'ambiguous-unit',
    severity: 'error',
    message: (written: string, choices?: string[]) => {
      if (!choices || choices.length > 1) {
        const options = choices
          ? choices.map((unit) => `'${unit}'`).join(' or ')
          : "for example 'hours' or 'days'";
        return `The unit "${written}" is ambiguous: choose one unit (${options}).`;
      }
      if (choices.length === 1) {
        return `The unit "${written}" is written as text: write the unit name '${choices[0]}'.`;
      }
      return (
        `The unit "${written}" is written as text: ` +
        'use a unit name such as percent, count, hours, days or likert5.'
      );
    },
  }),
  KPI503: code({
    slug: 'formula-unit-mismatch',
    severity: 'error',
    message: (detail: string) => detail,
  }),
  KPI504: code({
    slug: 'percent-scaled-twice',
    severity: 'error',
    message: (indicator: string) =>
      `'${indicator}' is in percent, so its ratio is already read as a share and multiplied ` +
      "by 100; the '100 *' would make every value 100 times too large.",
  }),
  KPI505: code({
    slug: 'percent-share-unscaled',
    severity: 'warning',
    message: (indicator: string) =>
      `'${indicator}' is in percent, but only a formula that is one division is read as a ` +
      'share and multiplied by 100; this one divides inside, so 19 of 20 would give 0.95, ' +
      'read as 0.95%.',
  }),

  // Alignment and SMART.
  KPI601: code({
    slug: 'missing-field',
    severity: 'warning',
    message: (indicator: string, missing: string[]) =>
      `Indicator '${indicator}' does not say: ${listed(missing)}.`,
  }),
  KPI602: code({
    slug: 'no-bands',
    severity: 'warning',
    message: (indicator: string) =>
      `Indicator '${indicator}' has no rating bands (thresholds), so it cannot be scored yet.`,
  }),
  KPI603: code({
    slug: 'unsupported-goal',
    severity: 'warning',
    message: (goal: string) => `No indicator supports goal '${goal}'.`,
  }),
  KPI604: code({
    slug: 'process-only-position',
    severity: 'warning',
    message: (position: string) =>
      `Every indicator of '${position}' is a process indicator; add an output or outcome ` +
      `indicator.`,
  }),
  KPI605: code({
    slug: 'no-goal',
    severity: 'info',
    message: (indicator: string) => `Indicator '${indicator}' does not say which goal it supports.`,
  }),

  // Contexts.
  KPI701: code({
    slug: 'override-not-in-position',
    severity: 'error',
    message: (indicator: string, position: string) =>
      `'${position}' has no indicator '${indicator}'; a context can change it, not add it.`,
  }),
  KPI702: code({
    slug: 'override-unchanged',
    severity: 'warning',
    message: (what: string) => `This override gives ${what} the value it already has.`,
  }),

  // Parts of the total, conditions and quotas.
  KPI801: code({
    slug: 'parts-not-100',
    severity: 'error',
    message: (sum: string, parts: string[]) =>
      `The parts of the total add up to ${sum} points, not 100: ${listed(parts)}.`,
  }),
  KPI802: code({
    slug: 'part-weights-mismatch',
    severity: 'error',
    message: (position: string, part: string, sum: string, points: string, where?: string) =>
      `In '${position}'${where ? ` ${where}` : ''}, the indicators of part '${part}' weigh ` +
      `${sum}% together, but the part is worth ${points} points; make them add up to ${points}%.`,
  }),
  KPI803: code({
    slug: 'indicator-without-part',
    severity: 'error',
    message: (indicator: string, parts: string[]) =>
      `'${indicator}' is weighted by a position but belongs to no part of the total, so its ` +
      'points would count in the total and in no part. ' +
      `Add 'part' with one of: ${parts.join(', ')}.`,
  }),
  KPI804: code({
    slug: 'unreachable-rating',
    severity: 'error',
    message: (line: string, condition: string, low: string, high: string) =>
      `No one can be rated '${line}' (${condition}): in every position the total lies between ` +
      `${low} and ${high} points, and no condition rates people '${line}'.`,
  }),
  KPI805: code({
    slug: 'quota-unfit',
    severity: 'error',
    message: (quota: string, problem: string) => `The quota '${quota}' cannot work: ${problem}.`,
  }),
  KPI806: code({
    slug: 'proportional-unfit',
    severity: 'error',
    message: (indicator: string, problem: string) =>
      `'${indicator}' earns its percentage as points ('points proportional'), ${problem}.`,
  }),
  KPI807: code({
    slug: 'fact-named-like-measure',
    severity: 'error',
    message: (fact: string, indicator: string) =>
      `'${fact}' is both a condition and a measure of '${indicator}': data rows name both in ` +
      'the same column, so a row could not say which it gives. Rename one of them.',
  }),

  KPI808: code({
    slug: 'quota-share-as-fraction',
    severity: 'warning',
    message: (quota: string, written: string, asPercent: string) =>
      `The quota '${quota}' allows a share of ${written}, which reads as ${written}%: a share ` +
      `without '%' is a percentage. If ${asPercent} was meant, write '${asPercent}'.`,
  }),

  KPI809: code({
    slug: 'part-points-unfit',
    severity: 'error',
    message: (part: string, points: string, problem: string) =>
      `Part '${part}' is worth ${points}, ${problem}. A part is worth a number of points ` +
      "above 0 and at most 100, as in 'points 30'.",
  }),

  // Internal.
  KPI901: code({
    slug: 'internal-error',
    severity: 'error',
    message: (check: string, detail: string) =>
      `kpic failed while checking (${check}): ${detail}. Please report this.`,
  }),
} as const;

export type Code = keyof typeof CODES;

/** All codes in order. */
export const ALL_CODES = Object.keys(CODES) as Code[];
