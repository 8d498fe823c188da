/**
 * The `kpic` command line: commander parses the arguments and dispatches to one module per
 * command. `run` never exits the process and never throws: it returns the exit code, so the
 * bin entry and the tests drive it the same way.
 */
import { COMPILER_VERSION } from '@kpilang/core';
import { Command, CommanderError, Option } from 'commander';
import { checkCommand } from './commands/check.js';
import type { OutputFormat } from './compile-paths.js';
import { EXIT, processIo, type CliIo } from './io.js';

const EXAMPLES = `
Examples:
  $ kpic check examples/cema/as-published          report the defects of a framework
  $ kpic check framework/ --format json > d.json   the same, as JSON for other tools
  $ kpic build examples/cema/framework --out out   write out/<framework-id>.rules.json
  $ kpic schema > kpilang.rules.schema.json        the JSON Schema of rule sets

Paths are .kpi files or folders; folders are searched for .kpi files, skipping
dot-folders and node_modules. Exactly one file holds the framework header.

Exit codes: 0 no errors, 1 errors in the framework, 2 a usage, file or internal error.`;

/**
 * Runs kpic with `argv` (the arguments after the program name) and returns the exit code:
 * 0 no errors, 1 errors reported, 2 a usage, path, read, write or internal error.
 */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = createProgram(io, (code) => {
    exitCode = code;
  });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    // Help and --version end with a CommanderError of exit code 0; a usage error was
    // already printed by commander as one line.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(`kpic: internal error: ${detail} Please report this.\n`);
    return EXIT.usage;
  }
}

/** The commander program; each action reports its exit code through `done`. */
function createProgram(io: CliIo, done: (code: number) => void): Command {
  const program = new Command('kpic')
    .description('Check KPI frameworks written in kpilang and compile them into JSON rule sets.')
    .version(COMPILER_VERSION, '-v, --version', 'print the kpic version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`kpic: ${text.replace(/^error: /, '')}`),
    })
    .addHelpText('after', EXAMPLES);

  program
    .command('check')
    .description('report the diagnostics of a framework on stdout')
    .argument('<paths...>', '.kpi files or folders')
    .addOption(formatOption())
    .addHelpText('after', '\nExample:\n  $ kpic check examples/cema/as-published --format json')
    .action(async (paths: string[], options: { format: OutputFormat }) => {
      done(await checkCommand(paths, options, io));
    });

  program
    .command('build')
    .description('check a framework and write <out>/<framework-id>.rules.json')
    .argument('<paths...>', '.kpi files or folders')
    .option('-o, --out <dir>', 'the folder to write the rule set to', 'out')
    .addOption(formatOption())
    .addHelpText('after', '\nExample:\n  $ kpic build examples/cema/framework --out out')
    .action(async (paths: string[], options: { format: OutputFormat; out: string }) => {
      // Loaded on demand: emitting needs the rule-set schema, which `check` never loads.
      const { buildCommand } = await import('./commands/build.js');
      done(await buildCommand(paths, options, io));
    });

  program
    .command('schema')
    .description('print the JSON Schema of the rule set')
    .action(async () => {
      const { schemaCommand } = await import('./commands/schema.js');
      done(schemaCommand(io));
    });

  return program;
}

function formatOption(): Option {
  return new Option('-f, --format <format>', 'how to print diagnostics')
    .choices(['text', 'json'])
    .default('text');
}
