/**
 * The checking half of the pipeline on a set of source texts: parse each, then check them
 * together. It never loads the rule-set schema, so `kpic check` and the editor start without
 * it; `compile.ts` adds the emitting half.
 */
import { sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { checkFiles } from './semantics/check.js';
import type { Model } from './semantics/model.js';
import type { SourceFile } from './syntax/ast.js';
import { parseSource } from './syntax/parse.js';

/** One source file: how the caller names it (a relative path or an URI) and its decoded text. */
export interface SourceInput {
  uri: string;
  text: string;
}

export interface CheckedSources {
  /** The sources in `uri` order, as they were parsed. */
  sources: SourceInput[];
  files: SourceFile[];
  model: Model;
  /** Sorted by file, then position. */
  diagnostics: Diagnostic[];
}

/** Parses and checks; never throws on user input. Sources are taken in `uri` order. */
export function checkSources(sources: readonly SourceInput[]): CheckedSources {
  const ordered = [...sources].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  // The lists are joined by flat(), not push(...list): a file of noise can have hundreds of
  // thousands of diagnostics, more than one call may take as arguments.
  const found: Diagnostic[][] = [];
  const files: SourceFile[] = [];
  for (const source of ordered) {
    const parsed = parseSource(source.text, source.uri);
    files.push(parsed.file);
    found.push(parsed.diagnostics);
  }

  const checked = checkFiles(files);
  found.push(checked.diagnostics);
  const sorted = sortDiagnostics(found.flat());
  return { sources: ordered, files, model: checked.model, diagnostics: sorted };
}
