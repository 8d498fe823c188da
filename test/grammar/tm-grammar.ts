/**
 * Loads grammar/kpi.tmLanguage.json the way VS Code does, with vscode-textmate on the
 * Oniguruma engine that VS Code ships (vscode-oniguruma's WASM build), and tokenizes text with
 * it line by line, carrying the state from one line to the next as an editor does.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import oniguruma from 'vscode-oniguruma';
import textmate, { type IGrammar } from 'vscode-textmate';

/** One token of a tokenized text, with its place in the whole text. */
export interface GrammarToken {
  /** Zero-based line. */
  line: number;
  /** Offset of the token in the whole text, in UTF-16 code units. */
  start: number;
  end: number;
  text: string;
  /** The scopes, outermost (`source.kpi`) first. */
  scopes: string[];
}

/** The grammar file. */
export const GRAMMAR_URL = new URL('../../grammar/kpi.tmLanguage.json', import.meta.url);

/** The grammar, loaded once per test file. */
let loaded: Promise<IGrammar> | undefined;

/** Loads the grammar; rejects if the file is not a grammar for `source.kpi`. */
export function loadKpiGrammar(): Promise<IGrammar> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<IGrammar> {
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM({ data: wasm });

  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    // The file's name tells vscode-textmate to read it as JSON rather than as a plist.
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'source.kpi') return null;
      const path = fileURLToPath(GRAMMAR_URL);
      return textmate.parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
  });
  const grammar = await registry.loadGrammar('source.kpi');
  if (!grammar) throw new Error('grammar/kpi.tmLanguage.json did not load as source.kpi');

  return grammar;
}

/**
 * Tokenizes `text` line by line. Lines end at CRLF, LF or CR, as in the lexer; an editor never
 * passes the line break itself to the grammar.
 */
export function tokenize(grammar: IGrammar, text: string): GrammarToken[] {
  const tokens: GrammarToken[] = [];
  let state = textmate.INITIAL;
  let lineStart = 0;

  for (const [index, part] of text.split(/(\r\n|\r|\n)/).entries()) {
    if (index % 2 === 1) {
      lineStart += part.length;
      continue;
    }
    const line = index / 2;
    const result = grammar.tokenizeLine(part, state);
    for (const token of result.tokens) {
      const end = Math.min(token.endIndex, part.length);
      if (end <= token.startIndex) continue;
      tokens.push({
        line,
        start: lineStart + token.startIndex,
        end: lineStart + end,
        text: part.slice(token.startIndex, end),
        scopes: token.scopes,
      });
    }
    state = result.ruleStack;
    lineStart += part.length;
  }

  return tokens;
}
