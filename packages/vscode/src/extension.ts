/**
 * The kpilang extension's entry: starts the bundled language server for `.kpi` files and
 * registers the two commands, "kpilang: Build framework" and "kpilang: Open scorecard
 * preview" (commands.ts). Everything about the language itself is the server's work.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerCommands } from './commands.js';

let client: LanguageClient | undefined;

/** Registers the commands, then starts the language server; a server that fails is reported. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  registerCommands(context);

  const server = context.asAbsolutePath('dist/server.mjs');
  const serverOptions: ServerOptions = {
    run: { module: server, transport: TransportKind.ipc },
    // Started with "Run Extension" from a debugger: attach to the server on port 6009.
    debug: {
      module: server,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'kpilang' }],
    // A framework spans files: the server hears of .kpi files created, changed or deleted
    // outside the editor too, so a name declared in another file stays resolved.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.kpi') },
  };

  // The id 'kpilang' makes the client read the setting kpilang.trace.server.
  client = new LanguageClient('kpilang', 'kpilang Language Server', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`kpilang: the language server did not start: ${detail}`);
  }
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
