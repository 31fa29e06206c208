// Runs a TypeScript entry of the local runtime through tsx (no build step), with the runtime's Node options.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';

/**
 * The simulation runs on two threads (workflows, embedded DynamoDB); V8's default four GC/compiler helper threads
 * competed with them for a 2-core machine's cores (~9% slower measured). Leave the helpers one core at most.
 */
function withV8PoolSize(options = '') {
  if (options.includes('--v8-pool-size')) return options;
  return `${options} --v8-pool-size=${Math.max(1, availableParallelism() - 1)}`.trim();
}

/** Runs `entry` (an absolute path) with `args` and exits with its status. */
export function runWithTsx(entry, args) {
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  const result = spawnSync(process.execPath, [tsxCli, entry, ...args], {
    stdio: 'inherit',
    env: { ...process.env, NODE_NO_WARNINGS: '1', NODE_OPTIONS: withV8PoolSize(process.env.NODE_OPTIONS) },
  });
  process.exit(result.status ?? 1);
}
