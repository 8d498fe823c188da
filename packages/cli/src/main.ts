/**
 * The `kpic` command line: commander parses the arguments and dispatches to one module per
 * command. `run` never exits the process and never throws: it returns the exit code, so the
 * bin entry and the tests drive it the same way.
 */
import { COMPILER_VERSION } from '@kpilang/core';
import { Command, CommanderError, Option } from 'commander';
import { checkCommand } from './commands/check.js';
import type { ScoreCliOptions } from './commands/score.js';
import type { OutputFormat } from './compile-paths.js';
import { EXIT, processIo, type CliIo } from './io.js';
import {
  LANG_CHOICES,
  PDF_ENGINE_CHOICES,
  type LangChoice,
  type PdfEngine,
} from './render-options.js';

const EXAMPLES = `
Examples:
  $ kpic check examples/cema/as-published          report the defects of a framework
  $ kpic check framework/ --format json > d.json   the same, as JSON for other tools
  $ kpic build examples/cema/framework --out out   write out/<framework-id>.rules.json
  $ kpic build examples/cema/framework --html --pdf
                     the rule set, HTML pages in out/html/ and PDFs in out/pdf/
  $ kpic schema > kpilang.rules.schema.json        the JSON Schema of rule sets
  $ kpic score --rules out/cema.rules.json --data rows.csv --period 2024-Q3
                     score a quarter's measured data against the rule set
  $ kpic lsp --stdio                               the language server, for editors

Paths are .kpi files or folders; folders are searched for .kpi files, skipping
dot-folders and node_modules. Exactly one file holds the framework header.

Exit codes: 0 no errors, 1 errors in the framework, 2 a usage, file, template,
browser or internal error.`;

const BUILD_EXAMPLES = `
Examples:
  $ kpic build examples/cema/framework --out out
  $ kpic build examples/cema/framework --html --pdf --lang vi
  $ kpic build framework/ --html --pdf --pdf-engine browser --templates letterhead/

--html and --pdf write every document: one scorecard per position and context, the
group catalogue and the framework overview. --templates needs --html or the browser
engine; the default PDF engine draws its built-in layout and needs no browser.`;

const SCORE_EXAMPLES = `
Examples:
  $ kpic score --rules out/cema.rules.json --data measured.csv --period 2024-Q3
  $ kpic score --rules out/cema.rules.json --data measured.csv --period 2024-Q3 --html --pdf

Exit codes: 0 every row used, 1 some rows rejected (listed in <out>/rejected.csv;
the scores are still written), 2 a usage or file problem (nothing is written).`;

/** The options of `kpic build` as commander hands them over. */
interface BuildCliOptions {
  out: string;
  format: OutputFormat;
  html?: boolean;
  pdf?: boolean;
  lang: LangChoice;
  templates?: string;
  pdfEngine: PdfEngine;
  browser?: string;
}

/**
 * Runs kpic with `argv` (the arguments after the program name) and returns the exit code:
 * 0 no errors, 1 errors reported, 2 a usage, path, read, write, template, browser or internal
 * error.
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
    .description(
      'check a framework and write <out>/<framework-id>.rules.json; with --html and --pdf, ' +
        'also its scorecards, group catalogue and overview',
    )
    .argument('<paths...>', '.kpi files or folders')
    .option('-o, --out <dir>', 'the folder to write to', 'out')
    .addOption(formatOption())
    .option('--html', 'write the documents as HTML pages to <out>/html/ (index.html links them)')
    .option('--pdf', 'write one PDF per document and all.pdf to <out>/pdf/')
    .addOption(
      new Option('--lang <lang>', 'the language of the documents; both puts them side by side')
        .choices(LANG_CHOICES)
        .default('both'),
    )
    .option('--templates <dir>', 'a folder of handlebars partials that replace built-in ones')
    .addOption(
      new Option(
        '--pdf-engine <engine>',
        'default draws the PDFs itself; browser prints the HTML pages, custom templates ' +
          'included, with a local Chrome, Chromium or Edge',
      )
        .choices(PDF_ENGINE_CHOICES)
        .default('default'),
    )
    .option(
      '--browser <path>',
      'the browser for --pdf-engine browser (default: found on this machine)',
    )
    .addHelpText('after', BUILD_EXAMPLES)
    .action(async (paths: string[], options: BuildCliOptions, command: Command) => {
      // Loaded on demand: emitting needs the rule-set schema, which `check` never loads.
      const { buildCommand } = await import('./commands/build.js');
      done(
        await buildCommand(
          paths,
          {
            ...options,
            html: options.html === true,
            pdf: options.pdf === true,
            langGiven: command.getOptionValueSource('lang') === 'cli',
          },
          io,
        ),
      );
    });

  program
    .command('score')
    .description(
      'score measured data against a compiled rule set: writes <out>/scores.json, ' +
        "<out>/scores.csv and <out>/rejected.csv; with --html and --pdf, each person's " +
        'filled scorecard',
    )
    .requiredOption('--rules <file>', 'the rule set kpic build wrote (<framework-id>.rules.json)')
    .requiredOption(
      '--data <file>',
      'the measured rows: a .csv with the columns person, org_unit, position, context, ' +
        'period, measure, value, or a .json array of objects with those fields',
    )
    .requiredOption(
      '--period <period>',
      'the cycle to score: 2024, 2024-H1, 2024-Q1, 2024-03 or 2024-W05',
    )
    .option('-o, --out <dir>', 'the folder to write to', 'out')
    .option(
      '--html',
      "write each person's filled scorecard as HTML to <out>/html/ (index.html lists everyone)",
    )
    .option('--pdf', "write each person's filled scorecard and all.pdf to <out>/pdf/")
    .addOption(
      new Option('--lang <lang>', 'the language of the scorecards; both puts them side by side')
        .choices(LANG_CHOICES)
        .default('both'),
    )
    .addHelpText('after', SCORE_EXAMPLES)
    .action(async (options: ScoreCliOptions, command: Command) => {
      const { scoreCommand } = await import('./commands/score.js');
      done(
        await scoreCommand(
          { ...options, langGiven: command.getOptionValueSource('lang') === 'cli' },
          io,
        ),
      );
    });

  program
    .command('lsp')
    .description(
      'run the language server (the same as kpilang-language-server): --stdio (default), ' +
        '--node-ipc, --socket <port> or --pipe <name>, and --clientProcessId <pid>',
    )
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .action(async (_options: unknown, command: Command) => {
      // The server checks its own options; it is loaded only here, so check and build never
      // load vscode-languageserver.
      const { runLanguageServer } = await import('@kpilang/language-server');
      done(runLanguageServer(command.args, 'kpic lsp'));
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
