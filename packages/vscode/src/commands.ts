/**
 * The extension's commands. "kpilang: Build framework" runs `kpic build <folder> --html --out
 * <folder>/out` on the framework of the current file (or of the file or folder chosen in the
 * explorer) and reports the result; "kpilang: Open scorecard preview" does the same, then
 * shows the HTML documents in a webview. The build itself is the bundled kpic (kpic-build.ts).
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import * as vscode from 'vscode';
import { findFrameworkFolder } from './framework-folder.js';
import {
  defaultOutFolder,
  firstProblem,
  formatBuildReport,
  runKpicBuild,
  summarizeBuild,
  type BuildDiagnostic,
  type BuildOutcome,
} from './kpic-build.js';
import { ScorecardPreview } from './scorecard-preview.js';

/** The commands package.json contributes; each is registered below. */
export const COMMANDS = {
  build: 'kpilang.buildFramework',
  preview: 'kpilang.openScorecardPreview',
} as const;

/** Registers the two commands; what they create is disposed with the extension. */
export function registerCommands(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('kpilang Build');
  const preview = new ScorecardPreview();
  const kpic = context.asAbsolutePath('dist/kpic/bin/kpic.mjs');
  const builder = new FrameworkBuilder(kpic, output);

  context.subscriptions.push(
    output,
    preview,
    vscode.commands.registerCommand(COMMANDS.build, async (resource?: vscode.Uri) => {
      const outcome = await builder.build(resource);
      if (outcome === undefined) return;
      const index = outcome.htmlIndex;
      if (index === undefined) return builder.announce(outcome, {});
      await preview.refresh(index);
      await builder.announce(outcome, {
        'Open Preview': () => preview.show(index),
        'Open in Browser': async () => {
          await vscode.env.openExternal(vscode.Uri.file(index));
        },
      });
    }),
    vscode.commands.registerCommand(COMMANDS.preview, async (resource?: vscode.Uri) => {
      const outcome = await builder.build(resource);
      if (outcome === undefined) return;
      if (outcome.htmlIndex === undefined) return builder.announce(outcome, {});
      await preview.show(outcome.htmlIndex);
    }),
  );
}

/** A finished build and the folder it built. */
type FinishedBuild = BuildOutcome & { folder: string };

/** Runs builds one at a time and reports them in the output channel and a message. */
class FrameworkBuilder {
  /** The build running or last run: a new one waits for it, so two never write at once. */
  private previous: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly kpic: string,
    private readonly output: vscode.OutputChannel,
  ) {}

  /**
   * Builds the framework of `resource`, or of the active editor's file, once the build before
   * it has ended. Returns undefined when there is nothing to build or the build was cancelled.
   */
  build(resource?: vscode.Uri): Promise<FinishedBuild | undefined> {
    const next = this.previous.then(() => this.buildNow(resource));
    this.previous = next.catch(() => undefined);
    return next;
  }

  private async buildNow(resource?: vscode.Uri): Promise<FinishedBuild | undefined> {
    const folder = await this.frameworkFolder(resource);
    if (folder === undefined) {
      void vscode.window.showWarningMessage(
        'kpilang: open a .kpi file, or choose one or its folder in the explorer, to build its ' +
          'framework.',
      );
      return undefined;
    }
    await saveKpiDocuments(folder);

    const settings = vscode.workspace.getConfiguration('kpilang.build', vscode.Uri.file(folder));
    const lang = settings.get<'both' | 'vi' | 'en'>('lang', 'both');
    const templates = resolveSetting(settings.get<string>('templates', ''), folder);
    const out = defaultOutFolder(folder);

    this.output.clear();
    this.output.appendLine(`kpic build ${folder} --html --out ${out} --lang ${lang}`);
    const outcome = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: 'kpilang: building the framework',
        cancellable: true,
      },
      (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return runKpicBuild({
          kpic: this.kpic,
          folder,
          out,
          lang,
          templates,
          signal: abort.signal,
        });
      },
    );
    for (const line of formatBuildReport(outcome, folder)) this.output.appendLine(line);
    if (outcome.cancelled) return undefined;
    return { ...outcome, folder };
  }

  /**
   * Says how a build ended in a message: after a success with a button for each of
   * `successActions`, after a failure with buttons to the first error and the full report.
   */
  async announce(
    outcome: FinishedBuild,
    successActions: Record<string, () => Promise<void>>,
  ): Promise<void> {
    const summary = `kpilang: ${summarizeBuild(outcome, outcome.folder)}`;
    if (outcome.exitCode === 0) {
      const labels = Object.keys(successActions);
      const choice = await vscode.window.showInformationMessage(summary, ...labels);
      if (choice !== undefined) await successActions[choice]?.();
      return;
    }

    const first = firstProblem(outcome);
    const buttons = first === undefined ? ['Show Output'] : ['Go to First Error', 'Show Output'];
    const choice = await vscode.window.showErrorMessage(summary, ...buttons);
    if (choice === 'Show Output') this.output.show(true);
    if (choice === 'Go to First Error' && first !== undefined) await reveal(first);
  }

  /** The folder to build: the chosen folder, or the framework folder of the chosen file. */
  private async frameworkFolder(resource?: vscode.Uri): Promise<string | undefined> {
    const uri = resource ?? vscode.window.activeTextEditor?.document.uri;
    if (uri === undefined || uri.scheme !== 'file') return undefined;
    const kind = await vscode.workspace.fs.stat(uri).then(
      (stat) => stat.type,
      () => undefined,
    );
    if (kind === undefined) return undefined;
    if (kind & vscode.FileType.Directory) return uri.fsPath;
    if (!uri.fsPath.endsWith('.kpi')) return undefined;
    const workspace = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
    return findFrameworkFolder(uri.fsPath, workspace);
  }
}

/** Saves the open, changed `.kpi` documents under `folder`, since kpic reads from disk. */
async function saveKpiDocuments(folder: string): Promise<void> {
  const unsaved = vscode.workspace.textDocuments.filter(
    (document) =>
      document.isDirty &&
      document.uri.scheme === 'file' &&
      document.uri.fsPath.endsWith('.kpi') &&
      isInside(document.uri.fsPath, folder),
  );
  await Promise.all(unsaved.map((document) => document.save()));
}

/** Opens the file of a diagnostic with its range selected. */
async function reveal(diagnostic: BuildDiagnostic): Promise<void> {
  const { start, end } = diagnostic.range;
  const range = new vscode.Range(start.line, start.character, end.line, end.character);
  await vscode.window.showTextDocument(vscode.Uri.file(diagnostic.file), { selection: range });
}

/** A path setting: empty for none, relative paths taken from the workspace folder. */
function resolveSetting(value: string, folder: string): string | undefined {
  if (value.trim() === '') return undefined;
  if (isAbsolute(value)) return value;
  const workspace = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(folder));
  return resolve(workspace?.uri.fsPath ?? folder, value);
}

function isInside(path: string, folder: string): boolean {
  const inside = relative(folder, path);
  return inside !== '' && inside.split(sep)[0] !== '..' && !isAbsolute(inside);
}
