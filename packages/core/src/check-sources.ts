/**
 * The checking half of the pipeline on a set of source texts: parse each, then check them
 * together. It never loads the rule-set schema, so `kpic check` and the editor start without
 * it; `compile.ts` adds the emitting half.
 */
import { sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { checkFiles } from './semantics/check.js';
import type { Model } from './semantics/model.js';
import type { SourceFile } from './syntax/ast.js';
import { parseSource, type ParseResult } from './syntax/parse.js';

/** One source file: how the caller names it (a relative path or an URI) and its decoded text. */
export interface SourceInput {
  uri: string;
  text: string;
  /**
   * What the sources are ordered by (the model's lists, the source hash); `uri` when absent.
   * The CLI names files relative to the working directory, so it gives the absolute path
   * here: the order must not change with the directory kpic runs from.
   */
  order?: string;
}

/** Orders sources by `order`, else `uri`: the one order every stage uses. */
export function compareSources(a: SourceInput, b: SourceInput): number {
  const left = a.order ?? a.uri;
  const right = b.order ?? b.uri;
  return left < right ? -1 : left > right ? 1 : 0;
}

export interface CheckedSources {
  /** The sources in `compareSources` order, as they were parsed. */
  sources: SourceInput[];
  files: SourceFile[];
  model: Model;
  /** Sorted by file, then position. */
  diagnostics: Diagnostic[];
}

export interface CheckOptions {
  /**
   * Parses one source; `parseSource` when absent. The language server passes a cache, so that
   * a keystroke reparses only the file it changed. It must return what `parseSource` would.
   */
  parse?: (source: SourceInput) => ParseResult;
}

/** Parses and checks; never throws on user input. Sources are taken in `compareSources` order. */
export function checkSources(
  sources: readonly SourceInput[],
  options: CheckOptions = {},
): CheckedSources {
  const parse = options.parse ?? ((source: SourceInput) => parseSource(source.text, source.uri));
  const ordered = [...sources].sort(compareSources);
  // The lists are joined by flat(), not push(...list): a file of noise can have hundreds of
  // thousands of diagnostics, more than one call may take as arguments.
  const found: Diagnostic[][] = [];
  const files: SourceFile[] = [];
  for (const source of ordered) {
    const parsed = parse(source);
    files.push(parsed.file);
    found.push(parsed.diagnostics);
  }

  const checked = checkFiles(files);
  found.push(checked.diagnostics);
  const sorted = sortDiagnostics(found.flat());
  return { sources: ordered, files, model: checked.model, diagnostics: sorted };
}
