/**
 * Profiles kpic with V8's sampling profiler (`node --cpu-prof`): one `kpic check` of the
 * national framework and one of the small cold-start input, each summarised by
 * `measure/profile.mjs`. The profiles themselves stay in bench/.work/profiles for a closer
 * look in Chrome DevTools or VS Code.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { summarizeProfile } from './measure/profile.mjs';
import { runPlain } from './measure/spawn.mjs';

/**
 * Profiles both runs and returns their summaries (`check`, `coldStart`).
 *
 * @param {{ kpic: string, root: string, work: string, input: { nationalDir: string },
 *   small: { dir: string } }} options
 */
export async function profileKpic({ kpic, root, work, input, small }) {
  const dir = join(work, 'profiles');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  const check = await profileOne({
    kpic,
    root,
    dir,
    name: 'check',
    target: input.nationalDir,
    interval: 500,
  });
  const coldStart = await profileOne({
    kpic,
    root,
    dir,
    name: 'cold',
    target: small.dir,
    interval: 100,
  });
  return { check, coldStart };
}

/** Runs `node --cpu-prof kpic.js check <target>` and summarises the profile it writes. */
async function profileOne({ kpic, root, dir, name, target, interval }) {
  const args = [
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
    `--cpu-prof-name=${name}.cpuprofile`,
    `--cpu-prof-interval=${interval}`,
    kpic,
    'check',
    target,
  ];
  const run = await runPlain(process.execPath, args);
  if (run.exitCode !== 0)
    throw new Error(`profiling kpic check failed:\n${run.stdout}${run.stderr}`);
  const file = readdirSync(dir).find((f) => f === `${name}.cpuprofile`);
  return { file: `bench/.work/profiles/${file}`, ...summarizeProfile(join(dir, file), { root }) };
}
