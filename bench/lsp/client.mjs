/**
 * The language-server benchmark's client: it starts the server as an editor does
 * (`node bin.js --stdio`), speaks LSP to it through vscode-languageserver-protocol, and keeps
 * every notification it receives with the time it arrived, so the benchmark can wait for a
 * given publish and the `kpilang/timing` notification after it.
 *
 * A server that exits, or that does not send what is awaited in time, fails the wait with a
 * BenchError naming what was awaited, the exit code and what the server logged.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { BenchError } from '../bench-error.mjs';

/** How long one awaited notification may take before the benchmark gives up. */
const WAIT_MS = 120_000;

export function fileUri(path) {
  return pathToFileURL(path).href;
}

/** One running server and its connection. */
export class LspSession {
  /**
   * Starts `node <server> --stdio` in `cwd`.
   *
   * @param {string} server the server's bin.js
   * @param {string} cwd
   */
  constructor(server, cwd) {
    this.process = spawn(process.execPath, [server, '--stdio'], { cwd });
    /** Every notification received: `{ method, params, at }`, `at` from performance.now(). */
    this.events = [];
    /** What the server wrote to stderr and logged through window/logMessage. */
    this.log = '';
    this.exit = undefined;
    this.waiters = new Set();
    this.versions = new Map();

    this.process.stderr.on('data', (chunk) => {
      this.log += chunk.toString();
    });
    this.process.on('exit', (code, signal) => {
      this.exit = { code, signal };
      this.wake();
    });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout),
      new StreamMessageWriter(this.process.stdin),
    );
    this.connection.onNotification((method, params) => {
      const at = performance.now();
      if (method === 'window/logMessage') this.log += `${params.message}\n`;
      this.events.push({ method, params, at });
      this.wake();
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/semanticTokens/refresh', () => null);
    this.connection.onRequest('workspace/inlayHint/refresh', () => null);
    this.connection.onError(([error]) => {
      this.log += `connection error: ${error?.message ?? String(error)}\n`;
    });
    this.connection.listen();
  }

  get pid() {
    return this.process.pid;
  }

  /**
   * `initialize` with `folder` as the one workspace folder and `reportTiming` on, then
   * `initialized`. Resolves to the time `initialized` was sent.
   */
  async initialize(folder) {
    await this.race(
      this.connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: fileUri(folder),
        workspaceFolders: [{ uri: fileUri(folder), name: 'bench' }],
        capabilities: {
          workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
          textDocument: { publishDiagnostics: { versionSupport: true } },
        },
        initializationOptions: { reportTiming: true },
      }),
      'the answer to initialize',
    );
    const sent = performance.now();
    await this.connection.sendNotification('initialized', {});
    return sent;
  }

  /** Opens `path` at version 1 with its text on disk; returns its URI. */
  async open(path) {
    const uri = fileUri(path);
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'kpilang', version: 1, text: readFileSync(path, 'utf8') },
    });
    return uri;
  }

  /**
   * Sends one incremental change replacing `range` with `text`. Resolves to the new version
   * and the time just before the change was written.
   */
  async edit(uri, range, text) {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const sent = performance.now();
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    return { version, sent };
  }

  /**
   * Waits for the first notification at or after index `from` that `test` accepts and
   * resolves to `{ index, event }`.
   */
  async waitFor(test, what, from = 0) {
    const deadline = performance.now() + WAIT_MS;
    for (let index = from; ;) {
      for (; index < this.events.length; index += 1) {
        if (test(this.events[index])) return { index, event: this.events[index] };
      }
      if (this.exit) throw this.failure(`the server exited while the benchmark waited for ${what}`);
      const left = deadline - performance.now();
      if (left <= 0) throw this.failure(`no ${what} within ${WAIT_MS / 1000} s`);
      await new Promise((resolve) => {
        const timer = setTimeout(done, left);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.add(done);
      });
    }
  }

  /** Waits for the publish of `uri` at `version`, then for the timing notification after it. */
  async waitForCheck(uri, version, from) {
    const publish = await this.waitFor(
      (event) =>
        event.method === 'textDocument/publishDiagnostics' &&
        event.params.uri === uri &&
        event.params.version === version,
      `publishDiagnostics for version ${version}`,
      from,
    );
    const timing = await this.waitFor(
      (event) => event.method === 'kpilang/timing',
      `kpilang/timing notification after the publish of version ${version}`,
      publish.index + 1,
    );
    return { publish: publish.event, timing: timing.event };
  }

  /** The server's resident memory now and its peak, in KiB, from /proc or else from ps. */
  memory() {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
      return { rssKiB: field('VmRSS'), peakRssKiB: field('VmHWM'), from: '/proc' };
    } catch {
      return { rssKiB: psRssKiB(this.pid), peakRssKiB: undefined, from: 'ps' };
    }
  }

  /** shutdown and exit, as an editor ends the server; kills it if it does not leave. */
  async close() {
    if (!this.exit) {
      const exited = new Promise((resolve) => this.process.once('exit', resolve));
      try {
        await Promise.race([this.connection.sendRequest('shutdown'), delay(5000)]);
        await this.connection.sendNotification('exit');
      } catch {
        // The server may be gone already; the kill below makes sure.
      }
      await Promise.race([exited, delay(5000)]);
      if (!this.exit) this.process.kill();
    }
    this.connection.dispose();
  }

  /** `promise`, or a failure as soon as the server exits. */
  race(promise, what) {
    const exited = new Promise((_, reject) => {
      this.process.once('exit', () =>
        reject(this.failure(`the server exited while the benchmark waited for ${what}`)),
      );
    });
    return Promise.race([promise, exited]);
  }

  failure(message) {
    const exit = this.exit
      ? ` (exit code ${this.exit.code}${this.exit.signal ? `, signal ${this.exit.signal}` : ''})`
      : '';
    const log = this.log.trim().split('\n').slice(-20).join('\n');
    return new BenchError(`${message}${exit}. The server logged:\n${log || '(nothing)'}`);
  }

  wake() {
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const done of waiting) done();
  }
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The resident set size `ps` gives for `pid`, in KiB, or undefined when it gives none. */
function psRssKiB(pid) {
  try {
    const value = Number(
      execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }),
    );
    return Number.isFinite(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}
