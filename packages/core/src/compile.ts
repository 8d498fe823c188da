/**
 * The whole pipeline on a set of source texts: parse each, check them together, and emit the
 * rule set when there is no error. Used by the CLI and the language server alike, so that
 * both always report the same diagnostics.
 */
import { sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { emitRuleSet } from './emit/emit.js';
import type { RuleSet } from '@kpilang/rule-set';
import type { Model } from './semantics/model.js';
import { checkFiles } from './semantics/check.js';
import type { SourceFile } from './syntax/ast.js';
import { parseSource } from './syntax/parse.js';

/** One source file: how the caller names it (a relative path or an URI) and its decoded text. */
export interface SourceInput {
  uri: string;
  text: string;
}

export interface CompileResult {
  files: SourceFile[];
  model: Model;
  /** Sorted by file, then position. */
  diagnostics: Diagnostic[];
  /** Present only when no diagnostic is an error. */
  ruleSet?: RuleSet;
}

/** Parses, checks and (when error-free) emits. Sources are taken in `uri` order. */
export function compileSources(sources: SourceInput[], options: { emit?: boolean } = {}): CompileResult {
  const ordered = [...sources].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const diagnostics: Diagnostic[] = [];
  const files: SourceFile[] = [];
  for (const source of ordered) {
    const parsed = parseSource(source.text, source.uri);
    files.push(parsed.file);
    diagnostics.push(...parsed.diagnostics);
  }

  const checked = checkFiles(files);
  diagnostics.push(...checked.diagnostics);
  const sorted = sortDiagnostics(diagnostics);
  const result: CompileResult = { files, model: checked.model, diagnostics: sorted };
  if (options.emit !== false && !sorted.some((diagnostic) => diagnostic.severity === 'error')) {
    result.ruleSet = emitRuleSet(checked.model, { sources: ordered });
  }
  return result;
}
