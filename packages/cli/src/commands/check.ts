/**
 * `kpic check <paths...>`: report every diagnostic of the framework on stdout, as text or
 * JSON. Exit 0 without errors, 1 with errors, 2 when a path or file cannot be used.
 */
import { colorsFor } from '../colors.js';
import { compilePaths, hasError, reportProblems } from '../compile-paths.js';
import { formatDiagnosticsJson } from '../format-json.js';
import { formatDiagnosticsText } from '../format-text.js';
import { EXIT, type CliIo } from '../io.js';

export type OutputFormat = 'text' | 'json';

export interface CheckOptions {
  format: OutputFormat;
}

/** Runs the check; returns the exit code. Writes diagnostics to stdout, problems to stderr. */
export async function checkCommand(
  paths: readonly string[],
  options: CheckOptions,
  io: CliIo,
): Promise<number> {
  const compiled = await compilePaths(paths, io.cwd);
  if (!compiled.ok) return reportProblems(compiled.problems, io);

  if (options.format === 'json') {
    io.stdout.write(formatDiagnosticsJson(compiled.diagnostics));
  } else {
    const texts = new Map(compiled.sources.map((source) => [source.uri, source.text]));
    const report = formatDiagnosticsText(compiled.diagnostics, {
      texts,
      fileCount: compiled.sources.length,
      colors: colorsFor(io.stdout),
    });
    io.stdout.write(report);
  }

  return hasError(compiled.diagnostics) ? EXIT.errors : EXIT.ok;
}
