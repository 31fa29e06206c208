#!/usr/bin/env node
// Entry point of the local runtime CLI: runs the TypeScript sources through tsx, so no build step is needed.
import { fileURLToPath } from 'node:url';
import { runWithTsx } from './run-with-tsx.mjs';

runWithTsx(fileURLToPath(new URL('../cli/main.ts', import.meta.url)), process.argv.slice(2));
