/**
 * The one error type of the benchmark that is expected: bad input, a kpic that is not built
 * or reports errors. `run.mjs` prints its message alone, without a stack trace.
 */
export class BenchError extends Error {}
