/** The command line as a whole: commands, help, version and usage errors, run in-process. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { COMPILER_VERSION } from '@kpilang/core';
import { ruleSetJsonSchema } from '@kpilang/rule-set';
import { runCaptured } from './capture.js';
import { tempFolder } from './temp-folder.js';

describe('run', () => {
  test('prints the version with --version and -v', async () => {
    for (const flag of ['--version', '-v']) {
      const result = await runCaptured([flag]);

      expect(result).toEqual({ code: 0, stdout: `${COMPILER_VERSION}\n`, stderr: '' });
    }
  });

  test('shows every command, examples and the exit codes in --help', async () => {
    const result = await runCaptured(['--help']);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/check \[options\] <paths\.\.\.>/);
    expect(result.stdout).toMatch(/build \[options\] <paths\.\.\.>/);
    expect(result.stdout).toMatch(/\$ kpic build examples\/cema\/framework --out out/);
    expect(result.stdout).toMatch(/Exit codes: 0 no errors, 1 errors/);
  });

  test('shows the options of a command in its help', async () => {
    const result = await runCaptured(['build', '--help']);

    expect(result.stdout).toMatch(/-o, --out <dir>/);
    expect(result.stdout).toMatch(/--format <format>/);
  });

  test('shows the document options of build with their choices and defaults', async () => {
    const help = (await runCaptured(['build', '--help'])).stdout.replace(/\s+/g, ' ');

    expect(help).toMatch(/--html /);
    expect(help).toMatch(/--pdf /);
    expect(help).toMatch(/--lang <lang> .*\(choices: "vi", "en", "both", default: "both"\)/);
    expect(help).toMatch(
      /--pdf-engine <engine> .*\(choices: "default", "browser", default: "default"\)/,
    );
    expect(help).toMatch(/--templates <dir> /);
    expect(help).toMatch(/--browser <path> /);
    expect(help).toMatch(/\$ kpic build examples\/cema\/framework --html --pdf --lang vi/);
  });

  test('prints the JSON Schema of the rule set with schema', async () => {
    const result = await runCaptured(['schema']);

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(ruleSetJsonSchema());
  });

  test.each([
    [[], /Usage: kpic/],
    [['frob'], /^kpic: unknown command 'frob'\n$/],
    [['check'], /^kpic: missing required argument 'paths'\n$/],
    [['check', 'x', '--format', 'xml'], /^kpic: option .*'xml' is invalid/],
    [['build', 'x', '--colour'], /^kpic: unknown option '--colour'\n$/],
  ])('exits 2 on the usage error in %j', async (argv, message) => {
    const result = await runCaptured(argv);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  test('exits 2 with one line per bad path and compiles nothing', async () => {
    const root = tempFolder({ 'fw/a.kpi': 'framework x "X" {}\n', 'empty/': '' });
    const result = await runCaptured(['check', 'fw', 'missing', 'empty'], root);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      "kpic: cannot use 'missing': no such file or folder.\n" +
        "kpic: the folder 'empty' holds no .kpi files.\n",
    );
  });

  test('writes nothing with build when a path is missing', async () => {
    const root = tempFolder({ 'fw/a.kpi': 'framework x "X" {}\n' });
    const result = await runCaptured(['build', 'fw', 'missing', '--out', 'out'], root);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(existsSync(join(root, 'out'))).toBe(false);
  });
});
