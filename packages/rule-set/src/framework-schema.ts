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

export const PartSchema = z
  .strictObject({
    id: IdentifierSchema.describe('The part id that indicators refer to (`Indicator.part`).'),
    label: BilingualSchema.describe('The part name, such as "Tiêu chí chung" / "General criteria".'),
    points: DecimalSchema.describe(
      'The most points the part can add to the total. The points of every part add up to ' +
        '100; in each position the weights of the indicators of a part add up to its points.',
    ),
  })
  .meta({
    id: 'Part',
    description:
      'A part of the total with its own maximum, such as the general criteria (30 points) ' +
      'and the task results (70 points) of Decree 335/2025. A part adds nothing to the ' +
      'arithmetic: its points are the sum of the contributions of its indicators, reported ' +
      'beside the total.',
  });

export const ConditionSchema = z
  .strictObject({
    id: IdentifierSchema.describe(
      'The fact id. Data rows give the fact with this id in their `measure` column: ' +
        '"1" when it holds for the person in the cycle, "0" when it does not.',
    ),
    label: BilingualSchema.describe('The fact as the regulation states it.'),
    groups: z
      .array(IdentifierSchema)
      .describe(
        'The position groups (in `groups`) whose members it applies to; empty when it ' +
          'applies to everyone.',
      ),
    rating: IdentifierSchema.describe(
      'The `rating` line a person for whom the fact holds gets, whatever their total.',
    ),
  })
  .meta({
    id: 'Condition',
    description:
      'A declared fact about a person that decides their rating whatever the total, such ' +
      'as a disciplinary measure in the year. When several hold, the first in source order ' +
      'decides. Conditions apply after the total is rated and before any quota.',
  });

export const RankKeySchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('total').describe("The person's total (higher first)."),
    }),
    z.strictObject({
      kind: z.literal('part').describe("The points of one part of the person's total."),
      id: IdentifierSchema.describe('The part id (in `parts`); higher points first.'),
    }),
    z.strictObject({
      kind: z.literal('indicator').describe("One indicator's rated value."),
      id: IdentifierSchema.describe(
        'The indicator id (in `indicators`); better values first, by its `direction`.',
      ),
    }),
  ])
  .meta({
    id: 'RankKey',
    description:
      'One key of the order that decides who keeps a limited rating. A person without a ' +
      'value for the key ranks after everyone who has one.',
  });

export const QuotaSchema = z
  .strictObject({
    id: IdentifierSchema.describe('The quota id.'),
    label: BilingualSchema.describe('The rule as the regulation states it.'),
    limited: IdentifierSchema.describe('The `rating` line whose number is limited.'),
    share: DecimalSchema.describe(
      'The most people rated `limited`, in percent (0..100) of the number rated `of`, counted ' +
        'on the final ratings.',
    ),
    of: IdentifierSchema.describe('The `rating` line the limit is a share of.'),
    demoteTo: IdentifierSchema.describe(
      'The `rating` line directly below `limited`, which the people over the limit move to.',
    ),
    within: z
      .array(z.enum(['unit', 'group']))
      .min(1)
      .describe(
        'The sets of people the limit holds in, applied one after the other in this order: ' +
          '"unit" is each organisational unit (the rows\' `org_unit`), "group" each position ' +
          'group (people whose positions share a group have similar duties).',
      ),
    rankBy: z
      .array(RankKeySchema)
      .describe(
        'The order in which candidates keep the limited rating, first key first; people ' +
          'equal on every key are ordered by person id, and the result says so.',
      ),
  })
  .meta({
    id: 'Quota',
    description:
      'A limit across people, applied once every person is scored. In each set of people, ' +
      'with L rated `limited`, B rated `of` and a share of s percent, the first k candidates ' +
      'in `rankBy` order keep `limited` and the rest move to `demoteTo`, k being the largest ' +
      'number from 0 to L for which 100 × k <= s × (B + m), where m is L − k when ' +
      '`demoteTo` is `of` (the people moved count in B) and 0 otherwise.',
  });

export type Part = z.infer<typeof PartSchema>;
export type Condition = z.infer<typeof ConditionSchema>;
export type RankKey = z.infer<typeof RankKeySchema>;
export type Quota = z.infer<typeof QuotaSchema>;
