/**
 * The schema of a resolved indicator: what it measures, in which unit, which way is better,
 * its target and bands, how often it is measured and how periods combine. Positions and
 * contexts refer to indicators by id and restate only what they change (weight, target, bands).
 */
import { z } from 'zod';
import { ExpressionSchema } from './expression-schema.js';
import {
  AggregationSchema,
  BandSchema,
  BetweenRuleSchema,
  BilingualSchema,
  DecimalSchema,
  DirectionSchema,
  IdentifierSchema,
  IndicatorKindSchema,
  IntervalSchema,
  MissingDataRuleSchema,
  PeriodSchema,
} from './primitives.js';

const measurementMeasures = z
  .array(IdentifierSchema)
  .describe('Every measure the formula or survey names, in order of first use.');

export const FormulaMeasurementSchema = z
  .strictObject({
    kind: z.literal('formula').describe('Arithmetic over named measures.'),
    text: z.string().describe('The formula as canonical text, e.g. "tasks_on_time / tasks_total".'),
    measures: measurementMeasures,
    ratio: z
      .strictObject({
        numerator: z.string().describe('The numerator as formula text.'),
        denominator: z.string().describe('The denominator as formula text.'),
      })
      .optional()
      .describe(
        'For a formula that is a ratio (its `expression` is `{"op": "/"}` at the top), its ' +
          'two sides as text.',
      ),
    expression: ExpressionSchema.describe(
      'The formula as a tree, to compute the value from the measures without parsing ' +
        '`text`. See Expression for how to evaluate it, and how a ratio on a percent ' +
        'indicator becomes a percentage.',
    ),
  })
  .meta({
    id: 'FormulaMeasurement',
    description: 'A value computed by a formula from the measures of the period.',
  });

export const SurveyMeasurementSchema = z
  .strictObject({
    kind: z.literal('survey').describe('The mean of the answers to a survey.'),
    text: z
      .string()
      .describe('The survey as canonical text, e.g. "survey collaborating_unit_rating".'),
    measures: measurementMeasures,
    minimumResponses: DecimalSchema.optional().describe(
      'The fewest answers in a period for the value to count.',
    ),
  })
  .meta({
    id: 'SurveyMeasurement',
    description: 'A value that is the mean of the answers given in the period.',
  });

export const MeasurementSchema = z
  .discriminatedUnion('kind', [FormulaMeasurementSchema, SurveyMeasurementSchema])
  .meta({
    id: 'Measurement',
    description:
      'How the value of an indicator is computed: by a formula (`kind` "formula", with its ' +
      '`expression`) or as a survey mean (`kind` "survey").',
  });

export const UnitSchema = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .describe(
        'The unit: `percent`, `count`, `number`, `hours`, `days`, `likert5`, or the id of a ' +
          'scale in `scales`.',
      ),
    per: PeriodSchema.optional().describe('For a rate: values per this period (count per month).'),
    low: DecimalSchema.optional().describe('The smallest value a measurement can take, if any.'),
    high: DecimalSchema.optional().describe('The largest value a measurement can take, if any.'),
    integer: z.boolean().describe('True when a single measured value is a whole number.'),
    scale: IdentifierSchema.optional().describe('The id of the labelled scale, for Likert units.'),
  })
  .meta({ id: 'Unit', description: 'What values one measurement can take.' });

export const DomainSchema = z
  .strictObject({
    low: DecimalSchema.optional().describe('The smallest rated value; absent when unbounded.'),
    high: DecimalSchema.optional().describe('The largest rated value; absent when unbounded.'),
    integer: z.boolean().describe('True when the rated value is always a whole number.'),
  })
  .meta({
    id: 'Domain',
    description:
      'The values the rated value can take, after measurement and aggregation (a mean of ' +
      'counts is no longer a whole number). The bands cover this domain without gaps.',
  });

export const ScoringSchema = z.enum(['bands', 'proportional']).meta({
  id: 'Scoring',
  description:
    'How the rated value earns points. `bands`: the points of the level of the band that ' +
    'holds the value. `proportional`: a percentage earns its own value as points (95% earns ' +
    '95 points, of 100), so the weighted contribution is weight × value / 100; only ' +
    '`percent` indicators with `direction` "higher" score so, and their `bands` are empty.',
});

export const IndicatorSchema = z
  .strictObject({
    id: IdentifierSchema.describe('The indicator id, unique in the rule set.'),
    label: BilingualSchema.describe('The indicator name as published.'),
    kind: IndicatorKindSchema.optional().describe('Input, process, output or outcome.'),
    measurement: MeasurementSchema.optional().describe('How the value is computed.'),
    unit: UnitSchema.optional().describe('The unit of one measured value.'),
    direction: DirectionSchema.optional().describe('Which values are better.'),
    target: IntervalSchema.optional().describe('The objective: the values that meet it.'),
    bands: z
      .array(BandSchema)
      .describe(
        'The rating bands in source order; empty when the indicator has no thresholds or ' +
          'earns its points in proportion to its value.',
      ),
    scoring: ScoringSchema.describe('How the rated value earns points.'),
    part: IdentifierSchema.optional().describe(
      'The id of the part (in `parts`) whose points the indicator counts toward.',
    ),
    frequency: PeriodSchema.optional().describe('How often the indicator is measured.'),
    aggregation: AggregationSchema.optional().describe(
      'How values of periods finer than the cycle combine into the rated value.',
    ),
    between: BetweenRuleSchema.optional().describe(
      'For an indicator measured less often than the cycle: what the cycles in between get.',
    ),
    source: BilingualSchema.optional().describe('Where the data comes from.'),
    goal: IdentifierSchema.optional().describe('The id of the goal (in `goals`) it supports.'),
    missingData: MissingDataRuleSchema.describe(
      "The missing-data rule in effect: the indicator's own, else the framework's.",
    ),
    domain: DomainSchema.optional().describe('The values the rated value can take.'),
  })
  .meta({
    id: 'Indicator',
    description: 'An indicator with every name resolved, as declared before any context applies.',
  });

export type FormulaMeasurement = z.infer<typeof FormulaMeasurementSchema>;
export type SurveyMeasurement = z.infer<typeof SurveyMeasurementSchema>;
export type Measurement = z.infer<typeof MeasurementSchema>;
export type Unit = z.infer<typeof UnitSchema>;
export type Domain = z.infer<typeof DomainSchema>;
export type Indicator = z.infer<typeof IndicatorSchema>;
export type Scoring = z.infer<typeof ScoringSchema>;
