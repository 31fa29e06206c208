/**
 * The local signing key of dev tokens: 32 random bytes in `.wfc/dev-secret`, created on first use (mode 0600).
 * `wfc token` signs with it and `wfc serve` verifies with it, like a Cognito user pool and its authorizer.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Returns the dev secret under `<cwd>/.wfc/dev-secret`, creating it when missing. */
export function loadDevSecret(cwd: string = process.cwd()): Uint8Array {
  const dir = join(cwd, '.wfc');
  const file = join(dir, 'dev-secret');
  mkdirSync(dir, { recursive: true });
  try {
    // 'wx': never overwrite a secret another process just created.
    writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const text = readFileSync(file, 'utf8').trim();
  if (text.length < 32)
    throw new Error(`${file} is too short to be a signing key; delete it to get a new one`);
  return new TextEncoder().encode(text);
}
