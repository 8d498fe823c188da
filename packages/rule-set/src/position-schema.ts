/**
 * The schema of positions and contexts: for each position, the indicators it rates with their
 * weights and the targets and bands in effect; for each context, every position as it stands
 * there. These are the effective rules a scoring runtime applies, with nothing left to merge.
 */
import { z } from 'zod';
import {
  BandSchema,
  BilingualSchema,
  DecimalSchema,
  IdentifierSchema,
  IntervalSchema,
} from './primitives.js';

export const WeightedIndicatorSchema = z
  .strictObject({
    indicator: IdentifierSchema.describe('The id of the indicator (in `indicators`).'),
    weight: DecimalSchema.describe('The weight in percent (0..100).'),
    target: IntervalSchema.optional().describe('The target in effect for this position.'),
    bands: z
      .array(BandSchema)
      .describe('The bands in effect for this position (its own, else the indicator’s).'),
  })
  .meta({
    id: 'WeightedIndicator',
    description: 'An indicator as one position rates it: weight, target and bands in effect.',
  });

export const PositionSchema = z
  .strictObject({
    id: IdentifierSchema.describe('The position id.'),
    label: BilingualSchema.describe('The position title.'),
    group: IdentifierSchema.optional().describe('The id of its group (in `groups`).'),
    indicators: z
      .array(WeightedIndicatorSchema)
      .describe('Every indicator it rates, in source order.'),
    total: DecimalSchema.describe('The sum of the weights in percent; "100" in a valid rule set.'),
  })
  .meta({ id: 'Position', description: 'A position with its effective weighted indicators.' });

export const ContextSchema = z
  .strictObject({
    id: IdentifierSchema.describe('The context id.'),
    label: BilingualSchema.describe('The context name, such as a province.'),
    positions: z
      .array(PositionSchema)
      .describe('Every position as it stands in this context, overrides applied.'),
  })
  .meta({
    id: 'Context',
    description: 'A region or setting with its own targets, bands or weights.',
  });

export type WeightedIndicator = z.infer<typeof WeightedIndicatorSchema>;
export type Position = z.infer<typeof PositionSchema>;
export type Context = z.infer<typeof ContextSchema>;
