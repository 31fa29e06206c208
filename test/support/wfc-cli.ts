/** Runs the `wfc` CLI in tests: as a real process (what a user runs) or in-process (same dispatcher, cheaper). */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { main } from '../../local/cli/main.ts';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node local/bin/wfc.mjs …` from the project root, with extra environment variables if given. */
export function wfcProcess(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'local', 'bin', 'wfc.mjs'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs a command through the CLI's `main` in this process. */
export async function wfcInProcess(...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    interactive: false,
    cwd: ROOT,
  });
  return { code, stdout, stderr };
}
