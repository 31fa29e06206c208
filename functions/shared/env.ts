/** Environment variables, read once and failing loudly when one is missing. */
export class MissingEnvironmentError extends Error {
  constructor(name: string) {
    super(`Environment variable ${name} is not set`);
    this.name = 'MissingEnvironmentError';
  }
}

/** Returns the variable's value or throws `MissingEnvironmentError`. */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new MissingEnvironmentError(name);
  return value;
}

/** Returns the variable's value, or `fallback` when it is unset or empty. */
export function optionalEnv(name: string, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
}

/** Returns the variable as an integer, or `fallback`; throws when it is set but not an integer. */
export function intEnv(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed))
    throw new Error(`Environment variable ${name} must be an integer, got "${value}"`);
  return parsed;
}
