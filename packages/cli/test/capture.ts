/** Runs `kpic` in-process with captured streams, for tests that need no built binary. */
import { run } from '../src/index.js';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCaptured(argv: string[], cwd = process.cwd()): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd,
  });
  return { code, stdout, stderr };
}
