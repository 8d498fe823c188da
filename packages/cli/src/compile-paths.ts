/**
 * The part `check` and `build` share: find the .kpi files under the given paths, read and
 * decode them, and run the core pipeline on them. Path and read problems stop it before
 * compiling, so a missing path always wins over diagnostics.
 */
import {
  checkSources,
  sortDiagnostics,
  type CheckedSources,
  type Diagnostic,
} from '@kpilang/core';
import { findSourceFiles } from './find-files.js';
import type { CliIo } from './io.js';
import { readSources, type LoadedSource } from './read-sources.js';

export type CompiledPaths =
  | { ok: false; problems: string[] }
  | {
      ok: true;
      sources: LoadedSource[];
      result: CheckedSources;
      /** Decoding and compiling diagnostics together, sorted by file and position. */
      diagnostics: Diagnostic[];
    };

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
  const result = checkSources(sources.map(({ uri, text }) => ({ uri, text })));
  const diagnostics = sortDiagnostics([
    ...sources.flatMap((source) => source.diagnostics),
    ...result.diagnostics,
  ]);
  return { ok: true, sources, result, diagnostics };
}

/** Prints each problem as one `kpic: ...` line on stderr; returns the usage exit code. */
export function reportProblems(problems: readonly string[], io: CliIo): 2 {
  for (const problem of problems) io.stderr.write(`kpic: ${problem}\n`);
  return 2;
}

export function hasError(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
