/**
 * A stand-in for the parts of VS Code's `vscode` module the extension's commands use, for
 * tests that run without VS Code: it records what the extension shows (output lines,
 * messages, webview pages, opened files) and answers messages the way a test tells it to.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';

/** A message the extension showed, with its buttons. */
export interface ShownMessage {
  kind: 'info' | 'warning' | 'error';
  text: string;
  items: string[];
}

export class FakeUri {
  constructor(
    readonly fsPath: string,
    readonly scheme = 'file',
  ) {}
  static file(path: string): FakeUri {
    return new FakeUri(path);
  }
  static parse(text: string): FakeUri {
    return new FakeUri(text, text.split(':')[0]);
  }
  toString(): string {
    return this.scheme === 'file' ? `file://${this.fsPath}` : this.fsPath;
  }
}

export class FakeRange {
  constructor(
    readonly startLine: number,
    readonly startCharacter: number,
    readonly endLine: number,
    readonly endCharacter: number,
  ) {}
}

/** A webview panel: its page, and the listener the extension set for the page's messages. */
export class FakePanel {
  title = '';
  disposed = false;
  private listener: ((message: unknown) => Promise<void> | void) | undefined;
  readonly webview = {
    html: '',
    options: {} as Record<string, unknown>,
    cspSource: 'vscode-webview://fake',
    onDidReceiveMessage: (listener: (message: unknown) => Promise<void> | void) => {
      this.listener = listener;
      return { dispose() {} };
    },
  };
  reveal(): void {}
  onDidDispose(): { dispose(): void } {
    return { dispose() {} };
  }
  dispose(): void {
    this.disposed = true;
  }
  /** Sends a message as the page's script would, and waits for the extension to handle it. */
  async post(message: unknown): Promise<void> {
    await this.listener?.(message);
  }
}

/** What the extension did, and how the fake answers it; `reset` starts a test afresh. */
export const state = {
  commands: new Map<string, (...args: unknown[]) => Promise<unknown>>(),
  output: [] as string[],
  messages: [] as ShownMessage[],
  panels: [] as FakePanel[],
  external: [] as string[],
  shown: [] as { path: string; selection: FakeRange }[],
  watchers: [] as string[],
  workspaceFolder: undefined as string | undefined,
  settings: {} as Record<string, unknown>,
  /** The button the user presses on a message; none by default. */
  answer: (_message: ShownMessage): string | undefined => undefined,
  reset(): void {
    this.commands.clear();
    this.output = [];
    this.messages = [];
    this.panels = [];
    this.external = [];
    this.shown = [];
    this.watchers = [];
    this.workspaceFolder = undefined;
    this.settings = {};
    this.answer = () => undefined;
  },
};

function show(kind: ShownMessage['kind']) {
  return async (text: string, ...items: string[]): Promise<string | undefined> => {
    const message = { kind, text, items };
    state.messages.push(message);
    return state.answer(message);
  };
}

const disposable = { dispose() {} };

/** The fake `vscode` module. */
export const vscode = {
  Uri: FakeUri,
  Range: FakeRange,
  FileType: { File: 1, Directory: 2 },
  ViewColumn: { Beside: -2 },
  ProgressLocation: { Notification: 15 },
  commands: {
    registerCommand(id: string, handler: (...args: unknown[]) => Promise<unknown>) {
      state.commands.set(id, handler);
      return disposable;
    },
  },
  window: {
    activeTextEditor: undefined,
    createOutputChannel: () => ({
      appendLine: (line: string) => state.output.push(line),
      clear: () => (state.output = []),
      show() {},
      dispose() {},
    }),
    showInformationMessage: show('info'),
    showWarningMessage: show('warning'),
    showErrorMessage: show('error'),
    withProgress: <T>(_options: unknown, task: (progress: unknown, token: unknown) => T): T =>
      task({ report() {} }, { onCancellationRequested: () => disposable }),
    createWebviewPanel: () => {
      const panel = new FakePanel();
      state.panels.push(panel);
      return panel;
    },
    showTextDocument: async (uri: FakeUri, options: { selection: FakeRange }) => {
      state.shown.push({ path: uri.fsPath, selection: options.selection });
    },
  },
  workspace: {
    textDocuments: [],
    fs: {
      stat: async (uri: FakeUri) => ({ type: statSync(uri.fsPath).isDirectory() ? 2 : 1 }),
    },
    getWorkspaceFolder: () =>
      state.workspaceFolder === undefined
        ? undefined
        : { uri: FakeUri.file(state.workspaceFolder) },
    getConfiguration: (section: string) => ({
      get: <T>(key: string, fallback: T): T =>
        (state.settings[`${section}.${key}`] as T) ?? fallback,
    }),
    createFileSystemWatcher: (pattern: string) => {
      state.watchers.push(pattern);
      return { pattern, dispose() {} };
    },
  },
  env: {
    openExternal: async (uri: FakeUri) => {
      state.external.push(uri.fsPath);
      return true;
    },
  },
};

/** An extension context whose files are those of the extension folder `root`. */
export function fakeContext(root: string): {
  subscriptions: unknown[];
  asAbsolutePath(path: string): string;
} {
  return { subscriptions: [], asAbsolutePath: (path: string) => join(root, path) };
}

/** A client as the extension made it: what it was given, and whether it runs. */
export interface RecordedClient {
  id: string;
  name: string;
  serverOptions: unknown;
  clientOptions: unknown;
  started: boolean;
  stopped: boolean;
}

/** A stand-in for `vscode-languageclient/node` that records each client made. */
export const languageClientModule = {
  clients: [] as RecordedClient[],
  TransportKind: { stdio: 0, ipc: 1, pipe: 2, socket: 3 },
  LanguageClient: class implements RecordedClient {
    started = false;
    stopped = false;
    constructor(
      readonly id: string,
      readonly name: string,
      readonly serverOptions: unknown,
      readonly clientOptions: unknown,
    ) {
      languageClientModule.clients.push(this);
    }
    async start(): Promise<void> {
      this.started = true;
    }
    async stop(): Promise<void> {
      this.stopped = true;
    }
  },
};
