/**
 * The building blocks of the rule-set schema: exact decimal text, identifiers, bilingual
 * labels, intervals and the enumerated words of the language. The other schema files compose
 * these; the emitter in @kpilang/core fills them from the resolved model.
 */
import { z } from 'zod';

/**
 * The shortest exact decimal text of a number, as `toText` in @kpilang/core writes it: an
 * optional minus sign, digits without leading zeros, and a fraction without trailing zeros.
 * No exponent, no plus sign, no percent sign. Only one spelling per value, so that consumers
 * can compare numbers as strings and the same rule set always has the same bytes. Zero is
 * written `0`, never `-0`.
 */
export const DECIMAL_PATTERN = /^(?:0|-?(?:[1-9][0-9]*(?:\.[0-9]*[1-9])?|0\.[0-9]*[1-9]))$/;

/** Identifiers are ASCII, as in the grammar: a letter, then letters, digits or `_`. */
export const IDENTIFIER_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

export const DecimalSchema = z
  .string()
  .regex(DECIMAL_PATTERN, 'Expected exact decimal text such as "95", "33.3" or "-2.5".')
  .meta({
    id: 'Decimal',
    description:
      'An exact decimal number written as a string: optional "-", digits without leading ' +
      'zeros, an optional fraction without trailing zeros, no exponent ("95", "33.3", "0.5"). ' +
      'Read it with a decimal library, not as a binary float, to keep sums such as weights exact.',
  });

export const IdentifierSchema = z
  .string()
  .regex(IDENTIFIER_PATTERN, 'Expected an identifier: a letter, then letters, digits or "_".')
  .meta({
    id: 'Identifier',
    description: 'A name from the source: an ASCII letter, then letters, digits or "_".',
  });

export const BilingualSchema = z
  .strictObject({
    vi: z.string().describe('The Vietnamese text.'),
    en: z.string().describe('The English text; the same as `vi` when the source gave one text.'),
  })
  .meta({ id: 'Bilingual', description: 'Text in Vietnamese and English.' });

export const IntervalSchema = z
  .strictObject({
    low: DecimalSchema.optional().describe('The lower end; absent when unbounded below.'),
    lowInclusive: z
      .boolean()
      .describe('True when `low` itself belongs to the interval; false when `low` is absent.'),
    high: DecimalSchema.optional().describe('The upper end; absent when unbounded above.'),
    highInclusive: z
      .boolean()
      .describe('True when `high` itself belongs to the interval; false when `high` is absent.'),
  })
  .meta({
    id: 'Interval',
    description:
      'A set of values on the number line, in the unit of what it applies to. ' +
      '`> 95` is {low: "95", lowInclusive: false, highInclusive: false}; ' +
      '`80 .. 95` is {low: "80", lowInclusive: true, high: "95", highInclusive: true}.',
  });

export const BandSchema = z
  .strictObject({
    level: IdentifierSchema.describe('The id of the level (in `levels`) this band earns.'),
    interval: IntervalSchema.describe('The rated values that fall in this band.'),
  })
  .meta({ id: 'Band', description: 'One rating band: the values that earn a level.' });

export const PeriodSchema = z
  .enum(['week', 'month', 'quarter', 'half-year', 'year'])
  .meta({ id: 'Period', description: 'A length of time: how often a value is measured or rated.' });

export const IndicatorKindSchema = z
  .enum(['input', 'process', 'output', 'outcome'])
  .meta({ id: 'IndicatorKind', description: 'Where in the results chain an indicator measures.' });

export const DirectionSchema = z.enum(['higher', 'lower']).meta({
  id: 'Direction',
  description: 'Which values are better: `higher` (more is better) or `lower` (less is better).',
});

export const AggregationSchema = z.enum(['mean', 'sum', 'min', 'max', 'last', 'every']).meta({
  id: 'Aggregation',
  description:
    'How the values of periods finer than the cycle combine into the rated value. `every` ' +
    'means each period must meet the band on its own (the worst period decides).',
});

export const BetweenRuleSchema = z.enum(['carry', 'missing']).meta({
  id: 'BetweenRule',
  description:
    'For an indicator measured less often than the cycle: `carry` keeps the last value in ' +
    'the cycles between measurements, `missing` gives them no value (so the missing-data ' +
    'rule applies to them).',
});

export const MissingDataRuleSchema = z.enum(['exclude', 'lowest', 'unrated']).meta({
  id: 'MissingDataRule',
  description:
    'What a missing value does: `exclude` drops the indicator and rescales the other ' +
    'weights, `lowest` rates it at the lowest level, `unrated` leaves the whole rating open.',
});

export type Decimal = z.infer<typeof DecimalSchema>;
export type Identifier = z.infer<typeof IdentifierSchema>;
export type Bilingual = z.infer<typeof BilingualSchema>;
export type Interval = z.infer<typeof IntervalSchema>;
export type Band = z.infer<typeof BandSchema>;
export type Period = z.infer<typeof PeriodSchema>;
export type IndicatorKind = z.infer<typeof IndicatorKindSchema>;
export type Direction = z.infer<typeof DirectionSchema>;
export type Aggregation = z.infer<typeof AggregationSchema>;
export type BetweenRule = z.infer<typeof BetweenRuleSchema>;
export type MissingDataRule = z.infer<typeof MissingDataRuleSchema>;
