#!/usr/bin/env node
/**
 * The `kpic` binary: hands the arguments to `run` and exits with its code. Everything else
 * lives in main.ts and the modules it calls.
 */
import { run } from './main.js';

// A reader that stops early (`kpic check | head`, quitting a pager) closes the pipe. That is
// not kpic's failure: stop writing to that stream quietly and still exit with the real code.
// Any other write error gets one line on stderr, never a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    if (stream !== process.stderr)
      process.stderr.write(`kpic: cannot write output: ${error.message}\n`);
    process.exitCode = 2;
  });
}

process.exitCode = await run(process.argv.slice(2));
