#!/usr/bin/env node
/**
 * The `kpilang-language-server` binary. It speaks LSP over stdio (the default, or `--stdio`),
 * node-ipc (`--node-ipc`, as VS Code's client starts it), a socket or a named pipe, and exits
 * when the editor given by `--clientProcessId` does.
 */
import { runLanguageServer } from './main.js';

process.exitCode = runLanguageServer(process.argv.slice(2), 'kpilang-language-server');
