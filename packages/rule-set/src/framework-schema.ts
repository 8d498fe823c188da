/**
 * The schema of a framework's header, its rounding included, and of its shared catalogues:
 * rating levels, the overall rating, goals, labelled scales and position groups. Indicators
 * and positions refer to these by id.
 */
import { z } from 'zod';
import {
  BilingualSchema,
  DecimalSchema,
  IdentifierSchema,
  IntervalSchema,
  MissingDataRuleSchema,
  PeriodSchema,
} from './primitives.js';

/**
 * A count of decimal places: the decimal text of a whole number from 0 to 6. The pattern
 * admits only spellings that are also valid `Decimal` text, so the numbers convention holds.
 */
export const DecimalPlacesSchema = z
  .string()
  .regex(/^[0-6]$/, 'Expected a whole number of decimal places from "0" to "6".')
  .meta({
    id: 'DecimalPlaces',
    description:
      'A number of decimal places, written as decimal text: one of "0" to "6". ' +
      '"0" rounds to a whole number.',
  });

export const RoundingSchema = z
  .strictObject({
    mode: z
      .literal('half-up')
      .describe(
        'How to round. "half-up": take the exact value (never a binary float) to the nearest ' +
          'number with the given decimal places; when it lies exactly halfway between two, ' +
          'take the one farther from zero. Equivalently, for n places and a value x >= 0, ' +
          'floor(x * 10^n + 1/2) / 10^n, and for x < 0 the negation of that for -x. ' +
          'Examples: 2.345 to 2 places is 2.35, 2.344 is 2.34, -2.345 is -2.35; 94.95 to 0 ' +
          'places is 95, 94.5 is 95; 1900/21 (90.476...) to 1 place is 90.5. Round the exact ' +
          'value once, never in steps: 2.3449 to 2 places is 2.34.',
      ),
    values: DecimalPlacesSchema.optional().describe(
      "The decimal places of each indicator's rated value: the value of its measurement once " +
        '`aggregation` has combined the periods of the cycle. It is rounded before its band ' +
        'is found, and the rounded value is the value from then on, for the bands and the ' +
        'target alike. A missing value stays missing. Absent: rated values stay exact.',
    ),
    total: DecimalPlacesSchema.optional().describe(
      "The decimal places of a person's weighted total of points, as the missing-data rules " +
        'leave it. It is rounded before the `rating` line it falls in is found. ' +
        'Absent: totals stay exact.',
    ),
  })
  .meta({
    id: 'Rounding',
    description:
      "Where scores are rounded, as the framework's `round values` and `round total` clauses " +
      'say; kpic writes it only when at least one of them is given. Nothing else is ' +
      'rounded: not the measures, not the value of one period before aggregation, not the ' +
      'weights, the points of a level, or the products of points and weight that make up ' +
      'the total.',
  });

export const FrameworkSchema = z
  .strictObject({
    id: IdentifierSchema.describe('The framework id; the rule-set file is named after it.'),
    label: BilingualSchema.describe('The framework title.'),
    version: z.string().optional().describe('The version the framework states, as written.'),
    agency: BilingualSchema.optional().describe('The agency that issues the framework.'),
    // A pattern rather than a calendar check: the rule set carries the date as the source
    // wrote it, and emit must never fail on a value the checker accepted.
    effective: z
      .string()
      .regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, 'Expected a date written YYYY-MM-DD.')
      .optional()
      .describe('The date from which it applies, as written (YYYY-MM-DD).'),
    cycle: PeriodSchema.optional().describe('How often civil servants are rated.'),
    missingData: MissingDataRuleSchema.describe(
      "The framework's missing-data rule, for indicators that set none of their own.",
    ),
    rounding: RoundingSchema.optional().describe(
      'How rated values and weighted totals are rounded. Absent: nothing is rounded, and ' +
        'every value and total is compared with bands and rating lines exactly.',
    ),
  })
  .meta({ id: 'Framework', description: 'The framework header.' });

export const LevelSchema = z
  .strictObject({
    id: IdentifierSchema.describe('The level id that bands refer to.'),
    label: BilingualSchema.describe('The level name, such as "Xuất sắc" / "Excellent".'),
    points: DecimalSchema.describe('The points an indicator rated at this level earns.'),
  })
  .meta({ id: 'Level', description: 'A rating level of single indicators, with its points.' });

export const RatingLineSchema = z
  .strictObject({
    id: IdentifierSchema.describe('The outcome id.'),
    label: BilingualSchema.describe('The outcome name.'),
    interval: IntervalSchema.describe('The weighted totals of points that earn this outcome.'),
  })
  .meta({
    id: 'RatingLine',
    description: 'One overall outcome: the weighted total of points that earns it.',
  });

export const GoalSchema = z
  .strictObject({
    id: IdentifierSchema.describe('The goal id that indicators refer to.'),
    label: BilingualSchema.describe('The goal as stated.'),
    perspective: z
      .string()
      .optional()
      .describe('The perspective it belongs to (e.g. a balanced-scorecard perspective).'),
  })
  .meta({ id: 'Goal', description: 'A goal of the agency that indicators support.' });

export const ScaleSchema = z
  .strictObject({
    id: IdentifierSchema.describe('The scale id, used as a unit name.'),
    label: BilingualSchema.describe('The scale name.'),
    low: DecimalSchema.describe('The lowest point of the scale.'),
    high: DecimalSchema.describe('The highest point of the scale.'),
    points: z
      .array(
        z.strictObject({
          value: DecimalSchema.describe('The point on the scale.'),
          label: BilingualSchema.describe('What the point means.'),
        }),
      )
      .describe('The labelled points, in source order.'),
  })
  .meta({ id: 'Scale', description: 'A Likert-type scale with labelled points.' });

export const GroupSchema = z
  .strictObject({
    id: IdentifierSchema.describe('The group id that positions refer to.'),
    label: BilingualSchema.describe('The group name.'),
    indicators: z
      .array(IdentifierSchema)
      .describe('The ids of the indicators every position of the group takes, in order.'),
  })
  .meta({ id: 'Group', description: 'A position group and the indicators it lists.' });

export type Framework = z.infer<typeof FrameworkSchema>;
export type Rounding = z.infer<typeof RoundingSchema>;
export type Level = z.infer<typeof LevelSchema>;
export type RatingLine = z.infer<typeof RatingLineSchema>;
export type Goal = z.infer<typeof GoalSchema>;
export type Scale = z.infer<typeof ScaleSchema>;
export type Group = z.infer<typeof GroupSchema>;
