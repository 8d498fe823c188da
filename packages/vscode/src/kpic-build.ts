/**
 * Runs the bundled `kpic build` on a framework folder and reads what it reports. The
 * extension's "Build framework" and "Open scorecard preview" commands use it; it needs Node
 * alone, not VS Code, so tests drive it with the same bundle.
 *
 * kpic runs as a child process rather than inside the extension host, so that a long build
 * can be cancelled and nothing it loads stays in the editor's memory.
 */
import { spawn } from 'node:child_process';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** What the extension asks kpic to build. */
export interface BuildRequest {
  /** The bundled kpic entry, `dist/kpic/bin/kpic.mjs` of the extension. */
  kpic: string;
  /** The framework folder: kpic reads every `.kpi` file under it. */
  folder: string;
  /** The output folder; the HTML documents go to `<out>/html/`. */
  out: string;
  /** The language of the documents. */
  lang: 'both' | 'vi' | 'en';
  /** A folder of handlebars partials replacing built-in ones (`--templates`), if any. */
  templates?: string;
  /** Cancels the build: the process is stopped and `cancelled` is set. */
  signal?: AbortSignal;
  /** The program that runs kpic; VS Code's own executable acting as Node by default. */
  node?: string;
}

/** One diagnostic as `kpic --format json` prints it; ranges are zero-based LSP ranges. */
export interface BuildDiagnostic {
  code: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  /** The absolute path of the file. */
  file: string;
  range: {
    start: { line: number; character: number };
    end: { line: number; character: number };
  };
}

/** What one build did. */
export interface BuildOutcome {
  /** kpic's exit code: 0 built, 1 errors in the framework, 2 a file, usage or template error. */
  exitCode: number;
  cancelled: boolean;
  diagnostics: BuildDiagnostic[];
  /** kpic's other messages, such as a folder it could not read, without the `kpic: ` prefix. */
  problems: string[];
  /** The rule set written, when the build succeeded. */
  ruleSet?: string;
  /** The index page of the HTML documents, when they were written. */
  htmlIndex?: string;
}

/** Runs `kpic build <folder> --html --out <out> --format json` and reads its report. */
export function runKpicBuild(request: BuildRequest): Promise<BuildOutcome> {
  const args = [
    request.kpic,
    'build',
    request.folder,
    '--html',
    '--out',
    request.out,
    '--lang',
    request.lang,
    '--format',
    'json',
  ];
  if (request.templates) args.push('--templates', request.templates);

  return new Promise((resolvePromise) => {
    const child = spawn(request.node ?? process.execPath, args, {
      cwd: request.folder,
      // Inside VS Code, process.execPath is the editor itself; this makes it run as Node.
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: request.signal,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));

    let failure: string | undefined;
    child.on('error', (error) => {
      if (error.name !== 'AbortError') failure = `cannot run kpic: ${error.message}`;
    });
    child.on('close', (code) => {
      const cancelled = request.signal?.aborted === true;
      const outcome = readBuildReport(code ?? 2, stdout, stderr, request.folder);
      if (failure !== undefined) outcome.problems.push(failure);
      resolvePromise({ ...outcome, cancelled });
    });
  });
}

/**
 * Reads kpic's report of `build --format json`. Stdout holds one JSON object naming what was
 * written. Stderr holds the diagnostics as one JSON array, pretty-printed so that its closing
 * bracket is the only line that is `]` alone, with `kpic: ...` lines before or after it for
 * anything else. Paths in the report are relative to `cwd`; the outcome makes them absolute.
 */
export function readBuildReport(
  exitCode: number,
  stdout: string,
  stderr: string,
  cwd: string,
): Omit<BuildOutcome, 'cancelled'> {
  const absolute = (path: string) => (isAbsolute(path) ? path : resolve(cwd, path));
  const diagnostics: BuildDiagnostic[] = [];
  const problems: string[] = [];

  const lines = stderr.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line === '[]') continue;
    if (line === '[') {
      const end = lines.indexOf(']', index);
      const block = lines.slice(index, end === -1 ? lines.length : end + 1).join('\n');
      const parsed = parseJson(block);
      if (Array.isArray(parsed)) {
        for (const entry of parsed as BuildDiagnostic[]) {
          diagnostics.push({ ...entry, file: absolute(entry.file) });
        }
      } else {
        problems.push(block);
      }
      index = end === -1 ? lines.length : end;
      continue;
    }
    if (line.trim() !== '') problems.push(line.replace(/^kpic: /, ''));
  }

  const written = parseJson(stdout.trim()) as { output?: string; html?: string[] } | undefined;
  const outcome: Omit<BuildOutcome, 'cancelled'> = { exitCode, diagnostics, problems };
  if (typeof written?.output === 'string') outcome.ruleSet = absolute(written.output);
  const index = written?.html?.find((file) => /(^|\/)index\.html$/.test(file));
  if (index !== undefined) outcome.htmlIndex = absolute(index);
  return outcome;
}

/**
 * The report of a build as lines for the output channel: each diagnostic as
 * `path:line:column: severity CODE message` with an absolute path and one-based numbers, so
 * that the editor links it to its place, then kpic's other messages, then a summary.
 */
export function formatBuildReport(outcome: BuildOutcome, folder: string): string[] {
  const lines = outcome.diagnostics.map((diagnostic) => {
    const { line, character } = diagnostic.range.start;
    const place = `${diagnostic.file}:${line + 1}:${character + 1}`;
    return `${place}: ${diagnostic.severity} ${diagnostic.code} ${diagnostic.message}`;
  });
  lines.push(...outcome.problems.map((problem) => `kpic: ${problem}`));
  lines.push(summarizeBuild(outcome, folder));
  return lines;
}

/** One sentence saying how the build ended, for the output channel and the notification. */
export function summarizeBuild(outcome: BuildOutcome, folder: string): string {
  if (outcome.cancelled) return 'The build was cancelled.';
  const counts = countBySeverity(outcome.diagnostics);
  const found = `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}`;
  if (outcome.exitCode === 0) {
    const where = outcome.htmlIndex ?? outcome.ruleSet;
    const into = where === undefined ? '' : ` into ${relativeTo(folder, where)}`;
    return `Built the framework${into} (${found}).`;
  }
  if (outcome.exitCode === 1) {
    return `The framework has ${found}; nothing was written. Fix the errors and build again.`;
  }
  const first = outcome.problems[0];
  return first === undefined ? `kpic stopped with exit code ${outcome.exitCode}.` : first;
}

/** The diagnostic a reader should look at first: the first error, or else the first warning. */
export function firstProblem(outcome: BuildOutcome): BuildDiagnostic | undefined {
  return (
    outcome.diagnostics.find((diagnostic) => diagnostic.severity === 'error') ??
    outcome.diagnostics.find((diagnostic) => diagnostic.severity === 'warning')
  );
}

/** Where a build of `folder` writes by default: `<folder>/out`, as `kpic build` would. */
export function defaultOutFolder(folder: string): string {
  return join(folder, 'out');
}

function countBySeverity(diagnostics: readonly BuildDiagnostic[]): Record<string, number> {
  const counts: Record<string, number> = { error: 0, warning: 0 };
  for (const { severity } of diagnostics) counts[severity] = (counts[severity] ?? 0) + 1;
  return counts;
}

function plural(count: number | undefined, noun: string): string {
  const n = count ?? 0;
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function relativeTo(folder: string, path: string): string {
  const inside = relative(folder, path);
  if (inside.split(sep)[0] === '..' || isAbsolute(inside)) return path;
  return inside.split(sep).join('/');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
