/**
 * The schema of a measurement formula as a JSON tree, so that a consumer in any language can
 * compute an indicator's value from its measures without parsing formula text. The emitter in
 * @kpilang/core builds it from the syntax tree; brackets leave no node, since the tree itself
 * says what belongs together.
 */
import { z } from 'zod';
import { DecimalSchema, IdentifierSchema } from './primitives.js';

/** The four operators of a formula, with their usual meaning. */
export const EXPRESSION_OPERATORS = ['+', '-', '*', '/'] as const;

/** The functions a formula may call; each takes one value or more. */
export const EXPRESSION_FUNCTIONS = ['min', 'max', 'mean'] as const;

/**
 * A formula node. Written out by hand because the schema refers to itself, which TypeScript
 * cannot infer; the schema below is checked against it.
 */
export type Expression =
  | { measure: string }
  | { number: string }
  | { op: (typeof EXPRESSION_OPERATORS)[number]; left: Expression; right: Expression }
  | { negate: Expression }
  | { call: (typeof EXPRESSION_FUNCTIONS)[number]; args: Expression[] };

export const ExpressionSchema: z.ZodType<Expression> = z
  .union([
    z
      .strictObject({
        measure: IdentifierSchema.describe(
          'The name of a measure: its value for the period, as the data source delivers it.',
        ),
      })
      .meta({ id: 'MeasureExpression', description: 'A named measure, such as `tasks_on_time`.' }),
    z
      .strictObject({
        number: DecimalSchema.describe(
          'The number written in the formula, as exact decimal text without its suffix. A ' +
            'suffix names a unit and never scales the value: `50%` is "50" (percent is ' +
            'a unit on the 0..100 scale, never 0.5), `48h` is "48" (hours), `3d` is "3" ' +
            '(days). A minus written before a number belongs to it: `-5` is "-5".',
        ),
      })
      .meta({ id: 'NumberExpression', description: 'A number written in the formula.' }),
    z
      .strictObject({
        op: z
          .enum(EXPRESSION_OPERATORS)
          .describe('`+` adds, `-` subtracts `right` from `left`, `*` multiplies, `/` divides.'),
        get left(): z.ZodType<Expression> {
          return ExpressionSchema.describe('The left operand.');
        },
        get right(): z.ZodType<Expression> {
          return ExpressionSchema.describe('The right operand.');
        },
      })
      .meta({
        id: 'OperationExpression',
        description:
          'An operation on two values. `/` by zero (0 / 0 included) gives no value: ' +
          'missing, never 0 and never infinity.',
      }),
    z
      .strictObject({
        get negate(): z.ZodType<Expression> {
          return ExpressionSchema.describe('The value whose sign is changed.');
        },
      })
      .meta({
        id: 'NegateExpression',
        description: 'A minus in front of a value that is not a plain number: `-x`, `-(a + b)`.',
      }),
    z
      .strictObject({
        call: z
          .enum(EXPRESSION_FUNCTIONS)
          .describe(
            '`min` gives the smallest argument, `max` the largest, `mean` their sum ' +
              'divided by how many there are.',
          ),
        get args(): z.ZodArray<z.ZodType<Expression>> {
          return z
            .array(ExpressionSchema)
            .min(1)
            .describe('The arguments in the order written; at least one.');
        },
      })
      .meta({ id: 'CallExpression', description: 'A function applied to one value or more.' }),
  ])
  .meta({
    id: 'Expression',
    description:
      'A measurement formula as a tree; exactly one of `measure`, `number`, `op`, `negate` ' +
      'and `call` says which node it is, and brackets leave no node. Evaluate it with exact ' +
      'decimal or rational arithmetic, never binary floating point: a division can give a ' +
      'value with no finite decimal (1 / 3), so keep it exact until it is compared with the ' +
      'bands. A node any of whose operands has no value has no value itself, and so does a ' +
      'division by zero. On an indicator whose `unit.name` is `percent`, a formula whose top ' +
      'node is `{"op": "/"}` (a ratio: the measurement then has `ratio` too) is a share: its ' +
      'value is 100 × left ÷ right, so 19 out of 20 is 95. No other formula is scaled: ' +
      '`(a / b) * 100`, whose top node is `*`, is taken as it stands.',
  });
