/**
 * Writing a build's output files: the rule set and the rendered folders, all or none. The
 * build calls this only once everything has rendered, so a render failure never leaves part
 * of a set behind, and a failing write changes nothing and says which file it could not write.
 */
import { readdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { OutputFile } from '@kpilang/render';
import { describeFsError } from './fs-errors.js';
import { toUri } from './read-sources.js';
import { stageFile } from './write-atomic.js';

/** One file to write: where, as an absolute path, and what. */
export interface PlannedFile {
  target: string;
  data: string | Uint8Array;
}

export type WriteOutcome = { ok: true } | { ok: false; problem: string };

/**
 * Several writes at a time: each one waits on its own flush to disk, and a framework of a
 * thousand positions has a few thousand files.
 */
const PARALLEL_WRITES = 8;

/** The files of a rendered folder (`<out>/html`, `<out>/pdf`) as absolute targets. */
export function planFolder(folder: string, files: readonly OutputFile[]): PlannedFile[] {
  return files.map((file) => ({
    target: resolve(folder, ...file.path.split('/')),
    data: file.data,
  }));
}

/**
 * Writes every file or none: each is first staged in a temporary file beside its target, and
 * only when all are staged are they renamed over their targets, so that a folder that cannot
 * be written, a full disk or a target that is a folder leaves every earlier output as it was,
 * never a new rule set beside old scorecards. Returns the first problem as a one-line message
 * naming the file relative to `cwd`.
 */
export async function writeOutputs(
  files: readonly PlannedFile[],
  cwd: string,
): Promise<WriteOutcome> {
  let failure: string | undefined;
  const fail = (target: string, error: unknown) => {
    failure ??= `cannot write '${toUri(target, cwd)}': ${describeFsError(error)}.`;
  };
  const staged: { temporary: string; target: string }[] = [];
  let next = 0;

  const worker = async () => {
    while (failure === undefined && next < files.length) {
      const file = files[next++]!;
      try {
        staged.push({ temporary: await stageFile(file.target, file.data), target: file.target });
      } catch (error) {
        fail(file.target, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_WRITES, files.length) }, worker));

  let committed = 0;
  if (failure === undefined) {
    // Renames within a folder rarely fail once the folder took the staged file.
    for (const { temporary, target } of staged) {
      try {
        await rename(temporary, target);
        committed += 1;
      } catch (error) {
        fail(target, error);
        break;
      }
    }
  }
  await Promise.all(staged.slice(committed).map(({ temporary }) => rm(temporary, { force: true })));
  return failure === undefined ? { ok: true } : { ok: false, problem: failure };
}

/**
 * Removes the scorecards an earlier build left in `folder` that this build did not make (a
 * position or context since removed), so that the folder never offers a form the framework no
 * longer has. Only files named like kpic's scorecards (`scorecard-*.html`, `scorecard-*.pdf`)
 * are touched; anything else in the folder is the user's.
 */
export async function removeStaleScorecards(
  folder: string,
  made: readonly OutputFile[],
): Promise<void> {
  const kept = new Set(made.map((file) => file.path));
  const names = await readdir(folder).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => /^scorecard-.+\.(html|pdf)$/.test(name) && !kept.has(name))
      .map((name) => rm(join(folder, name), { force: true })),
  );
}
