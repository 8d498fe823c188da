/**
 * `kpic build <paths...> [--out <dir>] [--html] [--pdf]`: check the framework and, when there
 * is no error, write `<dir>/<framework-id>.rules.json`, and with `--html` and `--pdf` the
 * documents printed from that rule set into `<dir>/html/` and `<dir>/pdf/`.
 *
 * Everything is rendered in memory before the first file is written, so a template that
 * fails leaves the output folder as it was. Diagnostics go to stderr, so stdout holds only
 * what was written. With any error in the framework nothing is written.
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
// The emitter comes by its own entry point, so that `kpic check` (which loads the core's
// main entry) never loads the rule-set schema.
import { emitRuleSet } from '@kpilang/core/emit';
import type { OutputFile } from '@kpilang/render';
import { serializeRuleSet } from '@kpilang/rule-set';
import {
  compilePaths,
  hasError,
  printDiagnostics,
  reportProblems,
  type OutputFormat,
} from '../compile-paths.js';
import { EXIT, type CliIo } from '../io.js';
import { toUri } from '../read-sources.js';
import { renderDocuments } from '../render-documents.js';
import { reviewRenderRequest, wantsDocuments, type RenderRequest } from '../render-options.js';
import {
  planFolder,
  removeStaleScorecards,
  writeOutputs,
  type PlannedFile,
} from '../write-outputs.js';

export interface BuildOptions extends RenderRequest {
  format: OutputFormat;
  /** The output folder, relative to the working directory. */
  out: string;
}

/** The rendered folders and the file in each that a reader opens first. */
const FOLDERS = [
  { key: 'html', entry: 'index.html' },
  { key: 'pdf', entry: 'all.pdf' },
] as const;

/**
 * Runs the build; returns the exit code: 0 written, 1 errors in the framework, 2 a usage,
 * path, template, browser or write problem. When the browser engine finds no browser, the
 * rule set and the HTML pages are still written, and the exit code is 2.
 */
export async function buildCommand(
  paths: readonly string[],
  options: BuildOptions,
  io: CliIo,
): Promise<number> {
  const review = reviewRenderRequest(options);
  if (review.problems.length > 0) return reportProblems(review.problems, io);
  for (const warning of review.warnings) io.stderr.write(`kpic: warning: ${warning}\n`);
  const outKind = await stat(resolve(io.cwd, options.out)).catch(() => undefined);
  if (outKind !== undefined && !outKind.isDirectory()) {
    return reportProblems([`--out ${options.out} is a file; give a folder to write to.`], io);
  }

  const compiled = await compilePaths(paths, io.cwd);
  if (!compiled.ok) return reportProblems(compiled.problems, io);

  printDiagnostics(compiled, options.format, io.stderr);
  if (hasError(compiled.diagnostics)) return EXIT.errors;

  const ruleSet = emitRuleSet(compiled.result.model, { sources: compiled.result.sources });
  const outDir = resolve(io.cwd, options.out);
  const ruleSetFile = join(outDir, `${ruleSet.framework.id}.rules.json`);
  const folders: Record<'html' | 'pdf', OutputFile[]> = { html: [], pdf: [] };
  let pdfFailure: string | undefined;

  if (wantsDocuments(options)) {
    const rendered = await renderDocuments(ruleSet, options, io.cwd);
    if (!rendered.ok) return reportProblems([rendered.message], io);
    folders.html = rendered.html;
    folders.pdf = rendered.pdf;
    pdfFailure = rendered.pdfFailure;
  }

  const planned: PlannedFile[] = [
    { target: ruleSetFile, data: serializeRuleSet(ruleSet) },
    ...planFolder(join(outDir, 'html'), folders.html),
    ...planFolder(join(outDir, 'pdf'), folders.pdf),
  ];
  const outcome = await writeOutputs(planned, io.cwd);
  if (!outcome.ok) return reportProblems([outcome.problem], io);
  for (const kind of ['html', 'pdf'] as const) {
    if (folders[kind].length > 0) await removeStaleScorecards(join(outDir, kind), folders[kind]);
  }

  printWritten({ ruleSetFile, outDir, folders, format: options.format, io });
  if (pdfFailure === undefined) return EXIT.ok;

  const htmlDir = `${toUri(join(outDir, 'html'), io.cwd)}/`;
  return reportProblems([pdfFailure, `no PDF was written; the HTML pages are in ${htmlDir}`], io);
}

/**
 * Says what was written on stdout. The rule set gets its own line as before; a rendered
 * folder, which can hold thousands of files, gets one line naming the file to open first.
 * `--format json` lists every file instead, for tools.
 */
function printWritten(written: {
  ruleSetFile: string;
  outDir: string;
  folders: Record<'html' | 'pdf', OutputFile[]>;
  format: OutputFormat;
  io: CliIo;
}): void {
  const { io, outDir, folders } = written;
  const uri = (path: string) => toUri(path, io.cwd);
  const filesOf = (key: 'html' | 'pdf') =>
    folders[key].map((file) => uri(join(outDir, key, ...file.path.split('/'))));

  if (written.format === 'json') {
    const report: Record<string, unknown> = { output: uri(written.ruleSetFile) };
    for (const { key } of FOLDERS) if (folders[key].length > 0) report[key] = filesOf(key);
    io.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }

  io.stdout.write(`Wrote ${uri(written.ruleSetFile)}\n`);
  for (const { key, entry } of FOLDERS) {
    const files = filesOf(key);
    if (files.length === 0) continue;
    const first = files.find((file) => file.endsWith(`/${entry}`)) ?? files[0]!;
    const more = files.length - 1;
    const rest = more === 0 ? '' : ` and ${more} more ${more === 1 ? 'file' : 'files'}`;
    io.stdout.write(`Wrote ${first}${rest} in ${uri(join(outDir, key))}/\n`);
  }
}
