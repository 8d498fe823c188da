/**
 * The schema of a framework's header and of its shared catalogues: rating levels, the overall
 * rating, goals, labelled scales and position groups. Indicators and positions refer to these
 * by id.
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
export type Level = z.infer<typeof LevelSchema>;
export type RatingLine = z.infer<typeof RatingLineSchema>;
export type Goal = z.infer<typeof GoalSchema>;
export type Scale = z.infer<typeof ScaleSchema>;
export type Group = z.infer<typeof GroupSchema>;
