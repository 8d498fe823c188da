/**
 * The whole JSON rule set: the contract between kpic, which writes it, and everything that
 * reads it (scoring runtimes, renderers, HR systems in other languages). The emitter in
 * @kpilang/core validates every rule set against this schema before it is written, and
 * `kpic schema` prints the JSON Schema derived from it.
 */
import { z } from 'zod';
import {
  ConditionSchema,
  FrameworkSchema,
  GoalSchema,
  GroupSchema,
  LevelSchema,
  PartSchema,
  QuotaSchema,
  RatingLineSchema,
  ScaleSchema,
} from './framework-schema.js';
import { IndicatorSchema } from './indicator-schema.js';
import { ContextSchema, PositionSchema } from './position-schema.js';

/**
 * The format version every rule set of this shape carries. Bumped on any change that a strict
 * reader of the previous version would reject, a new field included (`/2` added
 * `measurement.expression`; `/3` added parts, proportional scoring, conditions and quotas).
 */
export const RULE_SET_FORMAT = 'kpilang.rules/3';

/** The prefix of `sourceHash`, followed by 64 lower-case hex digits. */
export const SOURCE_HASH_PATTERN = /^sha256:[0-9a-f]{64}$/;

export const ConventionsSchema = z
  .strictObject({
    numbers: z
      .literal('exact-decimal-text')
      .describe(
        'Every number is a JSON string holding its exact decimal text (see Decimal), never ' +
          'a JSON number, so that no value passes through binary floating point.',
      ),
    percent: z
      .literal('0-100')
      .describe(
        'Percentages, weights included, are on the 0..100 scale: "95" means 95%, never 0.95.',
      ),
  })
  .meta({
    id: 'Conventions',
    description: 'How to read the values of this rule set; stated once here for every field.',
  });

export const RuleSetSchema = z
  .strictObject({
    format: z
      .literal(RULE_SET_FORMAT)
      .describe(
        'The format version of this document. It changes whenever a reader of the previous ' +
          'version that rejects unknown fields would reject this one.',
      ),
    compiler: z
      .strictObject({
        name: z.string().min(1).describe('The compiler that wrote it: "kpic".'),
        version: z.string().min(1).describe('The compiler version.'),
      })
      .describe('What wrote this rule set.'),
    sourceHash: z
      .string()
      .regex(SOURCE_HASH_PATTERN, 'Expected "sha256:" and 64 lower-case hex digits.')
      .describe(
        'sha256 of the sources, in path order: for each file, its UTF-8 length in bytes as ' +
          'decimal digits, a line feed, then its text (without a byte-order mark). File ' +
          'names are left out, so the hash does not depend on where the sources lie.',
      ),
    conventions: ConventionsSchema.describe('How to read the numbers of this rule set.'),
    framework: FrameworkSchema.describe('The framework header: id, title, cycle and defaults.'),
    levels: z.array(LevelSchema).describe('The rating levels, in source order.'),
    rating: z.array(RatingLineSchema).describe('The overall rating outcomes, in source order.'),
    parts: z
      .array(PartSchema)
      .describe('The parts of the total with their maxima, in source order; empty when none.'),
    conditions: z
      .array(ConditionSchema)
      .describe('The facts that decide a rating whatever the total, in source order.'),
    quotas: z
      .array(QuotaSchema)
      .describe('The limits across people, applied in source order once everyone is scored.'),
    goals: z.array(GoalSchema).describe('The goals, in source order.'),
    scales: z.array(ScaleSchema).describe('The labelled scales, in source order.'),
    indicators: z.array(IndicatorSchema).describe('Every indicator, in source order.'),
    groups: z.array(GroupSchema).describe('The position groups, in source order.'),
    positions: z
      .array(PositionSchema)
      .describe('Every position with its effective weighted indicators, before any context.'),
    contexts: z
      .array(ContextSchema)
      .describe("Every context with its positions' effective rules, in source order."),
  })
  .meta({
    title: 'kpilang rule set',
    description:
      'A KPI framework compiled by kpic: every name resolved, every position and context ' +
      'spelled out with its effective weights, targets and bands. Lists keep source order ' +
      '(files in path order). Numbers are exact decimal strings; percent is 0..100.',
  });

export type Conventions = z.infer<typeof ConventionsSchema>;
export type RuleSet = z.infer<typeof RuleSetSchema>;
