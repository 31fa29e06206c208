import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from './io.ts';

/** Reads a JSON file given on the command line (BOM tolerated); an unreadable or non-JSON file is a UsageError. */
export async function readJsonFile(cwd: string, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch {
    throw new UsageError(`파일을 읽을 수 없습니다 (cannot read): ${file}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new UsageError(`JSON이 아닙니다 (not JSON): ${file}`);
  }
}
