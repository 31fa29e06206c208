#!/usr/bin/env node
// `npm run bench`: the benchmark under the same Node options as `wfc run`.
import { fileURLToPath } from 'node:url';
import { runWithTsx } from './run-with-tsx.mjs';

runWithTsx(fileURLToPath(new URL('../bench/run-bench.ts', import.meta.url)), process.argv.slice(2));
