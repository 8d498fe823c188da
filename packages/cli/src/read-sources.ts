/**
 * The second step of `check` and `build`: read each file as bytes and decode it with the
 * core's `decodeSource`, which drops a byte-order mark and reports text that is not UTF-8 as
 * a diagnostic. Each file is named by its path relative to the working directory, with
 * forward slashes, so diagnostics and hashes do not depend on the machine.
 */
import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { decodeSource, type Diagnostic } from '@kpilang/core';
import { describeFsError } from './fs-errors.js';

export interface LoadedSource {
  /** The path relative to the working directory, with `/`: the uri given to the core. */
  uri: string;
  /** The absolute path, with `/`: the order given to the core, the same from any directory. */
  order: string;
  text: string;
  /** What decoding found (an invalid byte, for instance). */
  diagnostics: Diagnostic[];
}

export interface LoadedSources {
  sources: LoadedSource[];
  /** One line per file that could not be read, ready to print after `kpic: `. */
  problems: string[];
}

/** Reads and decodes `files` (absolute paths). Never throws on a file that cannot be read. */
export async function readSources(files: readonly string[], cwd: string): Promise<LoadedSources> {
  const sources: LoadedSource[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const uri = toUri(file, cwd);
    try {
      const bytes = await readFile(file);
      const decoded = decodeSource(bytes, uri);
      const order = file.split(sep).join('/');
      sources.push({ uri, order, text: decoded.text, diagnostics: decoded.diagnostics });
    } catch (error) {
      problems.push(`cannot read '${uri}': ${describeFsError(error)}.`);
    }
  }

  return { sources, problems };
}

/** `file` relative to `cwd` with forward slashes, as diagnostics and JSON output name it. */
export function toUri(file: string, cwd: string): string {
  return relative(cwd, file).split(sep).join('/');
}
