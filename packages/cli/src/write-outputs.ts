/**
 * Writing a build's output files: the rule set, then the rendered folders. Each file is
 * written atomically, and the build calls this only once everything has rendered, so a
 * render failure never leaves part of a set behind. A failing write stops the rest and says
 * which file could not be written.
 */
import { resolve } from 'node:path';
import type { OutputFile } from '@kpilang/render';
import { describeFsError } from './fs-errors.js';
import { toUri } from './read-sources.js';
import { writeFileAtomic } from './write-atomic.js';

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
 * Writes every file atomically; returns the first problem as a one-line message naming the
 * file relative to `cwd`. Files written before a failure stay, each of them whole.
 */
export async function writeOutputs(
  files: readonly PlannedFile[],
  cwd: string,
): Promise<WriteOutcome> {
  let failure: string | undefined;
  let next = 0;

  const worker = async () => {
    while (failure === undefined && next < files.length) {
      const file = files[next++]!;
      try {
        await writeFileAtomic(file.target, file.data);
      } catch (error) {
        failure ??= `cannot write '${toUri(file.target, cwd)}': ${describeFsError(error)}.`;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_WRITES, files.length) }, worker));

  return failure === undefined ? { ok: true } : { ok: false, problem: failure };
}
