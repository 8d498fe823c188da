/**
 * The grammar rules for the values declarations share: labels, numbers, conditions, bands and
 * measurement formulas (grammar/kpilang.ebnf, from `bands` to `string`). `parser.ts` builds
 * the declarations on top of these rules.
 */
import type { IToken } from 'chevrotain';
import { RecoveringParser } from './recovering-parser.js';
import { BANDS_BLOCK } from './block-shapes.js';
import * as t from './tokens.js';

export abstract class ValueRules extends RecoveringParser {
  targetField = this.RULE('targetField', () => {
    this.CONSUME(t.Target);
    this.SUBRULE(this.condition);
  });

  bandsField = this.RULE('bandsField', () => {
    this.CONSUME(t.Bands);
    this.SUBRULE(this.bandsBlock);
  });

  bandsBlock = this.RULE('bandsBlock', () => {
    const open = this.CONSUME(t.LBrace);
    const indicator = this.indicator;
    this.blockLines(BANDS_BLOCK, () => this.SUBRULE(this.band));
    this.closeBlock('bands', open, indicator);
  });

  // excellent > 95%
  band = this.RULE('band', () => {
    this.CONSUME(t.Identifier);
    this.SUBRULE(this.condition);
  });

  condition = this.RULE('condition', () => {
    this.OR({
      DEF: [
        { ALT: () => this.SUBRULE(this.comparison) },
        { ALT: () => this.SUBRULE(this.dotsRange) },
        { ALT: () => this.SUBRULE(this.fromRange) },
        { ALT: () => this.SUBRULE(this.underBound) },
      ],
      ERR_MSG: 'a condition (such as >= 95%, 80% .. 95%, from 70 to under 90, or under 50)',
    });
  });

  comparison = this.RULE('comparison', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.GreaterEqual, { LABEL: 'op' }) },
      { ALT: () => this.CONSUME(t.Greater, { LABEL: 'op' }) },
      { ALT: () => this.CONSUME(t.LessEqual, { LABEL: 'op' }) },
      { ALT: () => this.CONSUME(t.Less, { LABEL: 'op' }) },
      { ALT: () => this.CONSUME(t.Equal, { LABEL: 'op' }) },
    ]);
    this.SUBRULE(this.number);
  });

  // 80% .. 95%
  dotsRange = this.RULE('dotsRange', () => {
    this.SUBRULE(this.number, { LABEL: 'low' });
    this.CONSUME(t.DotDot);
    this.SUBRULE2(this.number, { LABEL: 'high' });
  });

  // from 70 to under 90, or just from 90
  fromRange = this.RULE('fromRange', () => {
    this.CONSUME(t.From);
    this.SUBRULE(this.number, { LABEL: 'low' });
    this.OPTION(() => {
      this.CONSUME(t.To);
      this.CONSUME(t.Under);
      this.SUBRULE2(this.number, { LABEL: 'high' });
    });
  });

  underBound = this.RULE('underBound', () => {
    this.CONSUME(t.Under);
    this.SUBRULE(this.number);
  });

  /**
   * A number outside formulas, where a leading `-` is its sign: `-2`, `95%`, `48h`. A decimal
   * comma written as in Vietnamese, `95,5%` with no spaces, is read here as `95.5%` and
   * reported by `cst-values.ts`; in formulas and name lists a comma stays a separator.
   */
  number = this.RULE('number', () => {
    this.OPTION(() => this.CONSUME(t.Minus));
    const whole = this.CONSUME(t.NumberLiteral);
    this.OPTION2({
      GATE: () => this.decimalCommaAfter(whole),
      DEF: () => {
        this.CONSUME(t.Comma, { LABEL: 'decimalComma' });
        this.CONSUME2(t.NumberLiteral, { LABEL: 'fraction' });
      },
    });
  });

  /** True when `whole` is plain digits and `,digits` follows it with no space. */
  private decimalCommaAfter(whole: IToken): boolean {
    const comma = this.LA(1);
    const fraction = this.LA(2);
    return (
      /^\d+$/.test(whole.image) &&
      comma.tokenType === t.Comma &&
      comma.startOffset === whole.startOffset + whole.image.length &&
      fraction.tokenType === t.NumberLiteral &&
      fraction.startOffset === comma.startOffset + 1 &&
      /^\d+(?:%|[hd])?$/.test(fraction.image)
    );
  }

  // "Tỷ lệ hoàn thành" / "Task completion rate"
  label = this.RULE('label', () => {
    this.CONSUME(t.StringLiteral, { LABEL: 'vi' });
    this.OPTION(() => {
      this.CONSUME(t.Slash);
      this.CONSUME2(t.StringLiteral, { LABEL: 'en' });
    });
  });

  // tasks_on_time / tasks_total
  expression = this.RULE('expression', () => {
    this.SUBRULE(this.term, { LABEL: 'operand' });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(t.Plus, { LABEL: 'operator' }) },
        { ALT: () => this.CONSUME(t.Minus, { LABEL: 'operator' }) },
      ]);
      this.SUBRULE2(this.term, { LABEL: 'operand' });
    });
  });

  term = this.RULE('term', () => {
    this.SUBRULE(this.factor, { LABEL: 'operand' });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(t.Star, { LABEL: 'operator' }) },
        { ALT: () => this.CONSUME(t.Slash, { LABEL: 'operator' }) },
      ]);
      this.SUBRULE2(this.factor, { LABEL: 'operand' });
    });
  });

  factor = this.RULE('factor', () => {
    this.OR({
      DEF: [
        { ALT: () => this.CONSUME(t.NumberLiteral) },
        { ALT: () => this.SUBRULE(this.reference) },
        { ALT: () => this.SUBRULE(this.parenthesized) },
        { ALT: () => this.SUBRULE(this.negation) },
        { ALT: () => this.CONSUME(t.TooDeep) },
      ],
      ERR_MSG: 'a measure name, a number or "("',
    });
  });

  // min(a, b), or a plain measure name
  reference = this.RULE('reference', () => {
    this.CONSUME(t.Identifier);
    this.OPTION(() => {
      this.CONSUME(t.LParen);
      this.OPTION2(() => {
        this.SUBRULE(this.expression, { LABEL: 'argument' });
        this.MANY(() => {
          this.CONSUME(t.Comma);
          this.SUBRULE2(this.expression, { LABEL: 'argument' });
        });
      });
      this.CONSUME(t.RParen);
    });
  });

  parenthesized = this.RULE('parenthesized', () => {
    this.CONSUME(t.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(t.RParen);
  });

  negation = this.RULE('negation', () => {
    this.CONSUME(t.Minus);
    this.SUBRULE(this.factor);
  });
}
