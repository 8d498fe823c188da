/**
 * @kpilang/cli: the `kpic` command as a library. `run(argv)` does what the binary does and
 * returns the exit code instead of exiting, which is how tests and other tools call it.
 */
export { run } from './main.js';
export type { CliIo, OutputStream } from './io.js';
