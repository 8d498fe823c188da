/**
 * What the CLI touches of the outside world besides the file system: its two output streams
 * and the directory it runs in. `kpic.ts` passes the real process; tests pass their own.
 */

/** An output stream: anything with `write`, and `isTTY` when it is a terminal. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Paths on the command line are resolved against it, and reported relative to it. */
  cwd: string;
}

/** The real process: its streams and working directory. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
}

/** Exit codes, as documented in `kpic --help`. */
export const EXIT = { ok: 0, errors: 1, usage: 2 } as const;
