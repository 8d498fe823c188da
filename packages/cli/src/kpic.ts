#!/usr/bin/env node
/**
 * The `kpic` binary: hands the arguments to `run` and exits with its code. Everything else
 * lives in main.ts and the modules it calls.
 */
import { run } from './main.js';

process.exitCode = await run(process.argv.slice(2));
