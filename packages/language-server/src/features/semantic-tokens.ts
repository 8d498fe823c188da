/**
 * Semantic tokens: what each name stands for, which a TextMate grammar cannot know (an id
 * is an indicator here and a level there), and the enumerated words of the language.
 * Keywords, strings, numbers and comments are left to the grammar.
 */
import { comparePositions, type Range } from '@kpilang/core';
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver/node';
import type { FrameworkView } from '../server.js';
import type { NameKind } from '../symbol-index.js';

const TOKEN_TYPES = [
  'namespace',
  'class',
  'type',
  'interface',
  'enum',
  'enumMember',
  'variable',
  'parameter',
  'struct',
  'property',
  'function',
] as const;
const TOKEN_MODIFIERS = ['declaration', 'defaultLibrary'] as const;

export const SEMANTIC_LEGEND: SemanticTokensLegend = {
  tokenTypes: [...TOKEN_TYPES],
  tokenModifiers: [...TOKEN_MODIFIERS],
};

type TokenType = (typeof TOKEN_TYPES)[number];

const TYPE_OF: Record<NameKind, TokenType> = {
  framework: 'namespace',
  context: 'namespace',
  position: 'class',
  group: 'type',
  goal: 'interface',
  scale: 'enum',
  level: 'enumMember',
  rating: 'enumMember',
  indicator: 'variable',
  measure: 'parameter',
  // A part holds indicators; a fact is something true of a person, given with the data; a
  // quota is a rule applied to the ratings once everyone is scored.
  part: 'struct',
  fact: 'property',
  quota: 'function',
};

interface Token {
  range: Range;
  type: TokenType;
  modifiers: number;
}

export function semanticTokens(view: FrameworkView, uri: string): SemanticTokens {
  const tokens: Token[] = [];
  for (const occurrence of view.index.byUri.get(uri) ?? []) {
    tokens.push({
      range: occurrence.range,
      type: TYPE_OF[occurrence.kind],
      modifiers: occurrence.declaration ? 1 : 0,
    });
  }
  for (const word of view.index.words.get(uri) ?? []) {
    tokens.push({
      range: word.range,
      type: word.role === 'unit' ? 'type' : 'enumMember',
      modifiers: 2,
    });
  }
  tokens.sort((a, b) => comparePositions(a.range.start, b.range.start));

  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const token of tokens) {
    const { start, end } = token.range;
    // A name never spans lines; one that seems to (after recovery) is not coloured.
    if (end.line !== start.line || end.character <= start.character) continue;
    const deltaLine = start.line - line;
    const deltaStart = deltaLine === 0 ? start.character - character : start.character;
    if (deltaLine === 0 && deltaStart < 0) continue;
    data.push(
      deltaLine,
      deltaStart,
      end.character - start.character,
      TOKEN_TYPES.indexOf(token.type),
      token.modifiers,
    );
    line = start.line;
    character = start.character;
  }
  return { data };
}
