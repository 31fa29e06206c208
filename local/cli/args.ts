import { parseArgs } from 'node:util';
import { UsageError } from './io.ts';

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; default?: string | boolean }>;

/**
 * Parses a command's argv with node:util parseArgs, turning its errors into `UsageError` (exit 2).
 * Returns the options and the positional arguments.
 */
export function parseCommandArgs<T extends OptionSpec>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Parses an integer option, or throws `UsageError` naming the option. */
export function intOption(value: string | boolean | undefined, name: string, min = 0): number | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min)
    throw new UsageError(`--${name} must be an integer ≥ ${min}`);
  return parsed;
}
