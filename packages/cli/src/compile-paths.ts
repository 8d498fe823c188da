/**
 * The part `check` and `build` share: find the .kpi files under the given paths, read and
 * decode them, run the core pipeline on them, and print what it found. Path and read problems
 * stop it before compiling, so a missing path always wins over diagnostics.
 */
import { checkSources, sortDiagnostics, type CheckedSources, type Diagnostic } from '@kpilang/core';
import { colorsFor } from './colors.js';
import { findSourceFiles } from './find-files.js';
import { formatDiagnosticsJson } from './format-json.js';
import { formatDiagnosticsText } from './format-text.js';
import type { CliIo, OutputStream } from './io.js';
import { readSources, type LoadedSource } from './read-sources.js';

/** How diagnostics are printed: `--format text` or `--format json`. */
export type OutputFormat = 'text' | 'json';

/** A framework that could be read and checked, whatever its diagnostics. */
export interface Compiled {
  ok: true;
  sources: LoadedSource[];
  result: CheckedSources;
  /** Decoding and compiling diagnostics together, sorted by file and position. */
  diagnostics: Diagnostic[];
}

export type CompiledPaths = { ok: false; problems: string[] } | Compiled;

/**
 * Parses and checks the framework under `paths`. Emitting is left to `build`, so that `check`
 * never loads the rule-set schema.
 */
export async function compilePaths(paths: readonly string[], cwd: string): Promise<CompiledPaths> {
  const found = await findSourceFiles(paths, cwd);
  if (found.problems.length > 0) return { ok: false, problems: found.problems };

  const loaded = await readSources(found.files, cwd);
  if (loaded.problems.length > 0) return { ok: false, problems: loaded.problems };

  const sources = loaded.sources;
  const result = checkSources(sources.map(({ uri, order, text }) => ({ uri, order, text })));
  const diagnostics = sortDiagnostics([
    ...sources.flatMap((source) => source.diagnostics),
    ...result.diagnostics,
  ]);
  return { ok: true, sources, result, diagnostics };
}

/** Prints the diagnostics on `stream`: as JSON, or as text with colour when it is a terminal. */
export function printDiagnostics(
  compiled: Compiled,
  format: OutputFormat,
  stream: OutputStream,
): void {
  if (format === 'json') {
    stream.write(formatDiagnosticsJson(compiled.diagnostics));
    return;
  }

  const texts = new Map(compiled.sources.map((source) => [source.uri, source.text]));
  const report = formatDiagnosticsText(compiled.diagnostics, {
    texts,
    fileCount: compiled.sources.length,
    colors: colorsFor(stream),
  });
  stream.write(report);
}

/** Prints each problem as one `kpic: ...` line on stderr; returns the usage exit code. */
export function reportProblems(problems: readonly string[], io: CliIo): 2 {
  for (const problem of problems) io.stderr.write(`kpic: ${problem}\n`);
  return 2;
}

export function hasError(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
