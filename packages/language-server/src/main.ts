/**
 * The command line of the server, shared by `kpilang-language-server` and `kpic lsp`:
 * commander checks the transport options editors pass, then vscode-languageserver opens the
 * connection. The library reads the transport and `--clientProcessId` from `process.argv`
 * itself, so the options are validated here and handed over unchanged.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';
import { SERVER_VERSION } from './version.js';

/**
 * Parses `args` (the arguments after the program name) and starts the server. Returns 0 when
 * the server started (it then runs until the editor ends it) and 2 on a usage error.
 */
export function runLanguageServer(args: readonly string[], name: string): number {
  const program = new Command(name)
    .description('The kpilang language server: speaks LSP to an editor over stdio (default).')
    .version(SERVER_VERSION)
    .addOption(new Option('--stdio', 'talk over standard input and output (the default)'))
    .addOption(new Option('--node-ipc', "talk over Node's IPC channel (VS Code's client)"))
    .addOption(
      new Option('--socket <port>', 'connect to the TCP port the editor listens on').argParser(
        port,
      ),
    )
    .addOption(new Option('--pipe <name>', 'connect to the named pipe the editor listens on'))
    .addOption(
      new Option('--clientProcessId <pid>', "exit when the editor's process ends").argParser(pid),
    )
    .exitOverride()
    .configureOutput({
      outputError: (text, write) => write(`${name}: ${text.replace(/^error: /, '')}`),
    });

  try {
    program.parse([...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }

  const options = program.opts<{ stdio?: true; nodeIpc?: true; socket?: number; pipe?: string }>();
  const chosen = [options.stdio, options.nodeIpc, options.socket, options.pipe].filter(
    (value) => value !== undefined,
  );
  if (chosen.length > 1) {
    process.stderr.write(`${name}: choose one of --stdio, --node-ipc, --socket and --pipe.\n`);
    return 2;
  }
  // With no transport named, stdio: the library looks for the flag in process.argv.
  if (chosen.length === 0) process.argv.push('--stdio');
  startServer(createConnection(ProposedFeatures.all));
  return 0;
}

function port(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 65535) {
    throw new InvalidArgumentError('Give a port number from 1 to 65535.');
  }
  return number;
}

function pid(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new InvalidArgumentError('Give a process id, a positive whole number.');
  }
  return number;
}
