/**
 * Chevrotain's definition checks of the grammar and the tokens. The shipped lexer and parser
 * skip them to start faster; these tests run them, so a grammar or token change that breaks
 * them fails here.
 */
import { describe, expect, test } from 'vitest';
import { createLexer } from '../../src/syntax/lex.js';
import { KpiParser } from '../../src/syntax/parser.js';

describe('grammar validation', () => {
  test('the parser passes every Chevrotain grammar check', () => {
    expect(() => new KpiParser({ validate: true })).not.toThrow();
    expect(new KpiParser({ validate: true }).definitionErrors).toEqual([]);
  });

  test('the lexer passes every Chevrotain token check', () => {
    const lexer = createLexer({ validate: true });
    expect(lexer.lexerDefinitionErrors).toEqual([]);
    expect(lexer.tokenize('kpi a "A" { target >= 95% }').errors).toEqual([]);
  });
});
