/**
 * Runs one measured process and times it from the parent: `runMeasured` goes through the
 * wrapper (`child.mjs`), which also reports the child's own timings and peak memory;
 * `runPlain` spawns a bare command, for the cold-start comparison where the wrapper itself
 * would be in the way.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./child.mjs', import.meta.url));

/**
 * Spawns `command args`, waits for it to end, and returns its wall time in milliseconds
 * (spawn to close, measured in the parent), its exit code and its output.
 *
 * @param {string} command
 * @param {string[]} args
 * @returns {Promise<{ wallMs: number, exitCode: number | null, stdout: string, stderr: string }>}
 */
export function runPlain(command, args) {
  return new Promise((resolve, reject) => {
    const begin = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const wallMs = Number(process.hrtime.bigint() - begin) / 1e6;
      resolve({
        wallMs,
        exitCode,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

/**
 * Runs one variant in its own `node` process through the wrapper and returns the parent's
 * wall time together with what the child reported (`processMs`, `workMs`, `maxRssKiB`,
 * `phases`). Throws with the child's output when it did not report or exited non-zero, so a
 * failing variant never turns into a fast-looking figure.
 *
 * @param {{ workDir: string, variant: string, args: string[], nodeArgs?: string[] }} options
 */
export async function runMeasured({ workDir, variant, args, nodeArgs = [] }) {
  const resultFile = join(workDir, `result-${process.pid}.json`);
  rmSync(resultFile, { force: true });
  const run = await runPlain(process.execPath, [...nodeArgs, CHILD, resultFile, variant, ...args]);

  let reported;
  try {
    reported = JSON.parse(readFileSync(resultFile, 'utf8'));
  } catch {
    reported = undefined;
  }
  if (!reported || run.exitCode !== 0) {
    const output = `${run.stdout}${run.stderr}`.trim().split('\n').slice(0, 30).join('\n');
    throw new Error(
      `${variant} ${args.join(' ')} exited with code ${run.exitCode}:\n${output || '(no output)'}`,
    );
  }
  return { wallMs: run.wallMs, ...reported };
}
