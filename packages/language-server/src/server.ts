/**
 * The language server: wires the connection to the workspace and the features. Every .kpi
 * file of the workspace folders is checked with the same `checkSources` as `kpic check`, so
 * the editor and the command line never disagree.
 *
 * Diagnostics are republished a debounce after each change (150 ms), for every file of the
 * framework the change belongs to; a result is published only if it was computed from the
 * texts as they are at that moment, so an older version's result is dropped, never shown.
 * Requests (hover, completion ...) use the analysis of the current texts, computed on demand
 * when a change has not been analysed yet.
 *
 * No handler may take the server down: each runs in a guard that logs what it threw and
 * answers with nothing.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, sep } from 'node:path';
import { decodeSource } from '@kpilang/core';
import { glob } from 'tinyglobby';
import {
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ResponseError,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from './features/code-actions.js';
import { completions } from './features/completion.js';
import { foldingRanges } from './features/folding.js';
import { hover } from './features/hover.js';
import { inlayHints } from './features/inlay-hints.js';
import { definition, prepareRename, references, rename } from './features/navigation.js';
import { SEMANTIC_LEGEND, semanticTokens } from './features/semantic-tokens.js';
import { documentSymbols, workspaceSymbols } from './features/symbols.js';
import { toLspDiagnostic } from './convert.js';
import { buildIndex, type SymbolIndex } from './symbol-index.js';
import { SERVER_VERSION } from './version.js';
import { pathToUri, uriToPath, Workspace, type Analysis } from './workspace.js';

/** How long the server waits after a change before checking again. */
const DEBOUNCE_MS = 150;

/** Options an editor may pass in `initializationOptions`. */
interface InitializationOptions {
  /** Milliseconds between the last change and the check; 150 by default, at most 150. */
  debounceMs?: number;
  /** Send `kpilang/timing` after each publish (for the benchmark). */
  reportTiming?: boolean;
}

/** The analysis of a framework with its index of names: what every feature reads. */
export interface FrameworkView {
  analysis: Analysis;
  index: SymbolIndex;
}

const indexes = new WeakMap<Analysis, SymbolIndex>();

export function viewOf(analysis: Analysis): FrameworkView {
  let index = indexes.get(analysis);
  if (!index) {
    index = buildIndex(analysis.checked.files);
    indexes.set(analysis, index);
  }
  return { analysis, index };
}

export function startServer(connection: Connection): void {
  // A file in a dot-folder or node_modules of a workspace folder, which the scan skips, is
  // checked alone when an editor opens it (a local-history copy would duplicate everything).
  const workspace = new Workspace((path) => inSkippedFolder(path));
  const documents = new TextDocuments(TextDocument);
  const roots: string[] = [];
  const timers = new Map<string, NodeJS.Timeout>();
  /**
   * Where each file's diagnostics were last published, by path: the framework root, and the
   * URI, so that they are cleared under the spelling the editor was given.
   */
  const published = new Map<string, { root: string; uri: string }>();
  let debounceMs = DEBOUNCE_MS;
  let reportTiming = false;
  let watchDynamically = false;
  /** True when the editor tells the server about workspace folders added and removed. */
  let foldersChange = false;

  const log = (message: string): void => connection.console.error(message);

  /**
   * Runs a request handler. Parameters without the shape LSP gives them are answered with an
   * InvalidParams error; what a handler throws is logged and answered with an InternalError,
   * and the server goes on.
   */
  function guard<P, R>(
    name: string,
    needs: readonly Field[],
    handler: (params: P) => R,
  ): (params: P) => R | ResponseError<void> {
    return (params: P) => {
      const problem = malformed(params, needs);
      if (problem)
        return new ResponseError(ErrorCodes.InvalidParams, `kpilang: ${name}: ${problem}`);
      try {
        return handler(params);
      } catch (error) {
        log(`kpilang: ${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
        return new ResponseError(
          ErrorCodes.InternalError,
          `kpilang: ${name} failed; the server log says why.`,
        );
      }
    };
  }

  /** The framework view of the file at `uri`, from the current texts. */
  function viewAt(uri: string): FrameworkView | undefined {
    const path = uriToPath(uri);
    if (!path) return undefined;
    const analysis = workspace.analysisOf(path);
    return analysis ? viewOf(analysis) : undefined;
  }

  function schedule(root: string): void {
    clearTimeout(timers.get(root));
    timers.set(
      root,
      setTimeout(() => {
        timers.delete(root);
        try {
          publish(root);
        } catch (error) {
          log(`kpilang: checking failed: ${error instanceof Error ? error.stack : String(error)}`);
        }
      }, debounceMs),
    );
  }

  /**
   * Schedules the frameworks of `paths`, and the ones they were in before; every framework
   * when a header came or went, since files may have moved between frameworks.
   */
  function changed(paths: string | string[], headersBefore: string): void {
    if (headersBefore !== headerKey()) {
      for (const unit of workspace.units()) schedule(unit.root);
      for (const root of new Set([...published.values()].map((place) => place.root))) {
        schedule(root);
      }
      return;
    }
    for (const path of typeof paths === 'string' ? [paths] : paths) {
      schedule(workspace.rootOf(path));
      const before = published.get(path);
      if (before !== undefined) schedule(before.root);
    }
  }

  /** The folders holding framework headers, as one string to compare before and after. */
  function headerKey(): string {
    return workspace.headerKey();
  }

  function publish(root: string): void {
    const started = performance.now();
    const unit = workspace.units().find((candidate) => candidate.root === root);
    const publishing = new Set<string>();
    if (unit) {
      const analysis = workspace.analyse(unit);
      // Computed from the texts as they are now (the check is synchronous); kept as a guard
      // should the check ever yield.
      if (!workspace.isCurrent(analysis)) return;
      const byUri = new Map<string, ReturnType<typeof toLspDiagnostic>[]>();
      for (const diagnostic of analysis.diagnostics) {
        const list = byUri.get(diagnostic.uri) ?? [];
        list.push(toLspDiagnostic(diagnostic));
        byUri.set(diagnostic.uri, list);
      }
      for (const file of unit.files) {
        publishing.add(file.path);
        // An editor may spell a file's URI otherwise than the server did for it when closed
        // (its own percent-encoding, a drive letter's case): the old spelling is cleared first.
        const before = published.get(file.path);
        if (before && before.uri !== file.uri) {
          void connection.sendDiagnostics({ uri: before.uri, diagnostics: [] });
        }
        published.set(file.path, { root, uri: file.uri });
        const params: Parameters<Connection['sendDiagnostics']>[0] = {
          uri: file.uri,
          diagnostics: byUri.get(file.uri) ?? [],
        };
        if (file.version !== undefined) params.version = file.version;
        void connection.sendDiagnostics(params);
      }
    }
    // Files that were in this framework and are no longer (deleted, or moved to another).
    for (const [path, place] of published) {
      if (place.root !== root || publishing.has(path)) continue;
      published.delete(path);
      if (!workspace.get(path))
        void connection.sendDiagnostics({ uri: place.uri, diagnostics: [] });
    }
    if (reportTiming) {
      void connection.sendNotification('kpilang/timing', {
        root,
        files: unit?.files.length ?? 0,
        milliseconds: performance.now() - started,
      });
    }
  }

  async function readDiskFile(path: string): Promise<void> {
    const before = headerKey();
    if (await loadDiskFile(path)) changed(path, before);
  }

  /** Reads `path` into the workspace (or drops it if it cannot be read); true if that changed it. */
  async function loadDiskFile(path: string): Promise<boolean> {
    try {
      const bytes = await readFile(path);
      // Under the URI the file is known by, which an editor that opened it may have spelled.
      const decoded = decodeSource(bytes, workspace.get(path)?.uri ?? pathToUri(path));
      return workspace.setDiskFile(path, decoded.text, decoded.diagnostics);
    } catch {
      return workspace.removeDiskFile(path);
    }
  }

  /** Folders read for a file opened outside the workspace folders, so each is read once. */
  const looseFolders = new Set<string>();

  /**
   * A file opened outside every workspace folder (or with no folder open) is checked with the
   * .kpi files beside it, as `kpic check` on its folder would; subfolders are not searched,
   * since that folder may be a home folder.
   */
  function readBeside(path: string): void {
    if (roots.some((root) => isUnder(root, path))) return;
    const folder = dirname(path);
    if (looseFolders.has(folder)) return;
    looseFolders.add(folder);
    void scanFolder(folder, '*.kpi').catch((error: unknown) =>
      log(`kpilang: reading ${folder} failed: ${String(error)}`),
    );
  }

  /**
   * True when the scan reads `path`, as `kpic check` finds files: a .kpi file under a workspace
   * folder, outside dot-folders and node_modules, or directly in a folder read for a file
   * opened outside them. The editor reports and opens other files too.
   */
  function isScanned(path: string): boolean {
    if (!path.endsWith('.kpi')) return false;
    const root = roots.find((candidate) => isUnder(candidate, path));
    let parts: string[];
    if (root !== undefined) parts = relative(root, path).split(sep);
    else if (looseFolders.has(dirname(path))) parts = [basename(path)];
    else return false;
    return parts.every((part) => !part.startsWith('.') && part !== 'node_modules');
  }

  /** True for a path under a workspace folder, inside a dot-folder or node_modules of it. */
  function inSkippedFolder(path: string): boolean {
    const root = roots.find((candidate) => isUnder(candidate, path));
    if (root === undefined) return false;
    const folders = relative(root, path).split(sep).slice(0, -1);
    return folders.some((part) => part.startsWith('.') || part === 'node_modules');
  }

  async function scanFolder(folder: string, pattern = '**/*.kpi'): Promise<void> {
    const found = await glob([pattern], {
      cwd: folder,
      absolute: true,
      dot: false,
      onlyFiles: true,
      ignore: ['**/node_modules/**'],
    });
    // Every file is read before any is checked: a framework is checked once, with all its
    // files, not once per file as they arrive.
    const before = headerKey();
    const read: string[] = [];
    for (const file of found.sort()) {
      const path = file.split('/').join(sep);
      if (await loadDiskFile(path)) read.push(path);
    }
    if (read.length > 0) changed(read, before);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof options.debounceMs === 'number' && options.debounceMs >= 0) {
      debounceMs = Math.min(options.debounceMs, DEBOUNCE_MS);
    }
    reportTiming = options.reportTiming === true;
    for (const folder of params.workspaceFolders ?? []) {
      const path = uriToPath(folder.uri);
      if (path) roots.push(path);
    }
    if (roots.length === 0 && params.rootUri) {
      const path = uriToPath(params.rootUri);
      if (path) roots.push(path);
    }
    watchDynamically =
      params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    foldersChange = params.capabilities.workspace?.workspaceFolders === true;

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' '] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
        inlayHintProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'kpilang-language-server', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(async () => {
    if (watchDynamically) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.kpi' }],
      });
    }
    if (foldersChange) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        void changeFolders(event.added, event.removed).catch((error: unknown) =>
          log(`kpilang: reading the workspace folders failed: ${String(error)}`),
        );
      });
    }
    try {
      for (const root of roots) await scanFolder(root);
    } catch (error) {
      log(`kpilang: reading the workspace failed: ${String(error)}`);
    }
  });

  /**
   * Folders added to or removed from a multi-root workspace: an added one is read like those
   * given at start; the closed files of a removed one leave the workspace, its open files stay.
   */
  async function changeFolders(
    added: readonly { uri: string }[],
    removed: readonly { uri: string }[],
  ): Promise<void> {
    for (const folder of removed) {
      const path = uriToPath(folder.uri);
      if (!path) continue;
      const index = roots.indexOf(path);
      if (index >= 0) roots.splice(index, 1);
      const before = headerKey();
      const dropped = workspace
        .allFiles()
        .map((file) => file.path)
        .filter(
          (file) => isUnder(path, file) && !isScanned(file) && workspace.removeDiskFile(file),
        );
      if (dropped.length > 0) changed(dropped, before);
    }
    for (const folder of added) {
      const path = uriToPath(folder.uri);
      if (!path || roots.includes(path)) continue;
      roots.push(path);
      await scanFolder(path);
    }
  }

  documents.onDidChangeContent((event) => {
    const path = uriToPath(event.document.uri);
    const text: unknown = event.document.getText();
    if (!path) return;
    // A notification gets no answer, so a malformed one is left out: a text that is not a
    // string would make every check of its framework throw.
    if (typeof text !== 'string' || !Number.isInteger(event.document.version)) {
      log(`kpilang: ignored ${event.document.uri}: the editor sent no text or no version.`);
      return;
    }
    const before = headerKey();
    workspace.setOpenFile(path, event.document.uri, text, event.document.version);
    changed(path, before);
  });

  documents.onDidOpen((event) => {
    const path = uriToPath(event.document.uri);
    if (path) readBeside(path);
  });

  documents.onDidClose((event) => {
    const path = uriToPath(event.document.uri);
    if (!path) return;
    workspace.closeFile(path);
    if (isScanned(path)) {
      void readDiskFile(path);
      return;
    }
    // Not a file kpic check would read for the folder: it was checked only while open.
    const before = headerKey();
    if (workspace.removeDiskFile(path)) changed(path, before);
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    for (const change of params.changes) {
      const path = uriToPath(change.uri);
      if (!path || workspace.isOpen(path)) continue;
      if (change.type === FileChangeType.Deleted) {
        const before = headerKey();
        if (workspace.removeDiskFile(path)) changed(path, before);
      } else if (isScanned(path)) {
        await readDiskFile(path);
      }
    }
  });

  connection.onHover(
    guard('hover', ['textDocument', 'position'], (params) => {
      const view = viewAt(params.textDocument.uri);
      return view ? hover(view, params.textDocument.uri, params.position) : null;
    }),
  );
  connection.onCompletion(
    guard('completion', ['textDocument', 'position'], (params) => {
      const view = viewAt(params.textDocument.uri);
      const document = documents.get(params.textDocument.uri);
      if (!view || !document) return [];
      return completions(view, document, params.position);
    }),
  );
  connection.onDefinition(
    guard('definition', ['textDocument', 'position'], (params) => {
      const view = viewAt(params.textDocument.uri);
      return view ? definition(view, params.textDocument.uri, params.position) : null;
    }),
  );
  connection.onReferences(
    guard('references', ['textDocument', 'position', 'context'], (params) => {
      const view = viewAt(params.textDocument.uri);
      return view ? references(view, params.textDocument.uri, params.position, params.context) : [];
    }),
  );
  connection.onPrepareRename(
    guard('prepareRename', ['textDocument', 'position'], (params) => {
      const view = viewAt(params.textDocument.uri);
      return view ? prepareRename(view, params.textDocument.uri, params.position) : null;
    }),
  );
  connection.onRenameRequest(
    guard('rename', ['textDocument', 'position', 'newName'], (params) => {
      const view = viewAt(params.textDocument.uri);
      return view ? rename(view, params.textDocument.uri, params.position, params.newName) : null;
    }),
  );
  connection.onDocumentSymbol(
    guard('documentSymbol', ['textDocument'], (params) => {
      const view = viewAt(params.textDocument.uri);
      return view ? documentSymbols(view, params.textDocument.uri) : [];
    }),
  );
  connection.onWorkspaceSymbol(
    guard('workspaceSymbol', ['query'], (params) =>
      workspace
        .units()
        .flatMap((unit) => workspaceSymbols(viewOf(workspace.analyse(unit)), params.query)),
    ),
  );
  connection.onFoldingRanges(
    guard('foldingRange', ['textDocument'], (params) => {
      const view = viewAt(params.textDocument.uri);
      const document = documents.get(params.textDocument.uri);
      return view ? foldingRanges(view, params.textDocument.uri, document?.getText()) : [];
    }),
  );
  connection.onCodeAction(
    guard('codeAction', ['textDocument', 'range'], (params) => {
      const view = viewAt(params.textDocument.uri);
      return view ? codeActions(view, params.textDocument.uri, params.range) : [];
    }),
  );
  connection.languages.semanticTokens.on(
    guard('semanticTokens', ['textDocument'], (params) => {
      const view = viewAt(params.textDocument.uri);
      return view ? semanticTokens(view, params.textDocument.uri) : { data: [] };
    }),
  );
  connection.languages.inlayHint.on(
    guard('inlayHint', ['textDocument', 'range'], (params) => {
      const view = viewAt(params.textDocument.uri);
      return view ? inlayHints(view, params.textDocument.uri, params.range) : [];
    }),
  );

  documents.listen(connection);
  connection.listen();
}

/** True when `path` lies inside `folder` (at any depth). */
function isUnder(folder: string, path: string): boolean {
  const rest = relative(folder, path);
  return rest !== '' && rest.split(sep)[0] !== '..' && !isAbsolute(rest);
}

/** A field of a request's parameters that a handler reads. */
type Field = 'textDocument' | 'position' | 'range' | 'context' | 'newName' | 'query';

/** What each field must be, as an error names it, and the test of its shape. */
const FIELDS: Record<Field, [string, (value: unknown) => boolean]> = {
  textDocument: [
    'textDocument.uri must be a string.',
    (value) => typeof (value as { uri?: unknown } | null)?.uri === 'string',
  ],
  position: ['position must have a line and a character, whole numbers from 0.', isPosition],
  range: [
    'range must have a start and an end position.',
    (value) => {
      const { start, end } = (value ?? {}) as { start?: unknown; end?: unknown };
      return isPosition(start) && isPosition(end);
    },
  ],
  context: [
    'context.includeDeclaration must be true or false.',
    (value) =>
      typeof (value as { includeDeclaration?: unknown } | null)?.includeDeclaration === 'boolean',
  ],
  newName: ['newName must be a string.', (value) => typeof value === 'string'],
  query: ['query must be a string.', (value) => typeof value === 'string'],
};

/** Fields that mean the same in every request, so they are checked wherever they are given. */
const SHARED: readonly Field[] = ['textDocument', 'position', 'range'];

/**
 * What is wrong with a request's parameters, or undefined when they have the shape LSP gives:
 * each field in `needs` present and well formed, and a shared field well formed if given.
 */
function malformed(params: unknown, needs: readonly Field[]): string | undefined {
  if (typeof params !== 'object' || params === null) return 'the parameters are missing.';
  const fields = params as Record<string, unknown>;
  for (const [field, [problem, isWellFormed]] of Object.entries(FIELDS)) {
    const checked =
      needs.includes(field as Field) || (SHARED.includes(field as Field) && field in fields);
    if (checked && !isWellFormed(fields[field])) return problem;
  }
  return undefined;
}

function isPosition(value: unknown): boolean {
  const { line, character } = (value ?? {}) as { line?: unknown; character?: unknown };
  return [line, character].every(
    (number) => typeof number === 'number' && Number.isInteger(number) && number >= 0,
  );
}
