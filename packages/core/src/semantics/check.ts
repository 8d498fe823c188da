/** Placeholder: replaced by the semantics work (resolution and every check). */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../syntax/ast.js';
import type { Model } from './model.js';

export interface CheckResult {
  model: Model;
  diagnostics: Diagnostic[];
}

export function checkFiles(files: SourceFile[]): CheckResult {
  void files;
  const model: Model = {
    levels: [], rating: [], goals: [], scales: [], indicators: [], groups: [], positions: [], contexts: [],
  };
  return { model, diagnostics: [] };
}
