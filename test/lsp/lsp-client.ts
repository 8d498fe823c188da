/**
 * A small LSP client for the end-to-end tests: it starts the built server as an editor would
 * (`node dist/bin.js --stdio`), speaks JSON-RPC to it with vscode-languageserver-protocol,
 * and keeps every diagnostics notification so tests can wait for the one they expect.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const SERVER = fileURLToPath(
  new URL('../../packages/language-server/dist/bin.js', import.meta.url),
);

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcessWithoutNullStreams;
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  stderr = '';
  private waiters: (() => void)[] = [];
  private versions = new Map<string, number>();

  /** Starts `kpilang-language-server` with `args`, or another command line given whole. */
  constructor(args: string[] = ['--stdio'], command: string[] = [SERVER]) {
    this.process = spawn(process.execPath, [...command, ...args], { cwd: REPO });
    this.process.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout),
      new StreamMessageWriter(this.process.stdin),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      this.published.push(params as PublishDiagnosticsParams);
      this.wake();
    });
    this.connection.onNotification((method, params) => {
      this.notifications.push({ method, params });
      this.wake();
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/semanticTokens/refresh', () => null);
    this.connection.onRequest('workspace/inlayHint/refresh', () => null);
    this.connection.listen();
  }

  /** Initializes with `folder` as the workspace folder, or none when it is undefined. */
  async initialize(
    folder: string | undefined,
    options: Record<string, unknown> = {},
  ): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder === undefined ? null : fileUri(folder),
      workspaceFolders: folder === undefined ? null : [{ uri: fileUri(folder), name: 'test' }],
      capabilities: {
        workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
      initializationOptions: options,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(path: string, text = readFileSync(path, 'utf8')): string {
    const uri = fileUri(path);
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'kpilang', version: 1, text },
    });
    return uri;
  }

  /** Replaces `range` with `text` (an incremental change); returns the new version. */
  edit(
    uri: string,
    range: { start: { line: number; character: number }; end: { line: number; character: number } },
    text: string,
  ): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    return version;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Waits until `test` holds on the published diagnostics, or fails after `ms`. */
  async waitFor<T>(test: () => T | undefined, what: string, ms = 15_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = test();
      if (found !== undefined) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${what}. Server said: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The latest diagnostics published for `uri`, once at least `count` have arrived for it. */
  latest(uri: string): PublishDiagnosticsParams | undefined {
    return this.published.filter((params) => params.uri === uri).at(-1);
  }

  /** Shuts the server down as an editor does; returns its exit code (null if it had to be killed). */
  async close(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.process.exitCode !== null) resolve(this.process.exitCode);
      else this.process.once('exit', (code) => resolve(code));
    });
    try {
      await Promise.race([
        this.connection.sendRequest('shutdown'),
        new Promise((resolve) => setTimeout(resolve, 2000)),
      ]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; the kill below makes sure.
    }
    const code = await Promise.race([
      exited,
      new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 3000)),
    ]);
    this.connection.dispose();
    if (code === 'timeout') {
      this.process.kill();
      return null;
    }
    return code;
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }
}
