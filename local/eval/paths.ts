/** Where the labeled eval sets live: `../shared/eval/…` relative to the project root, not to the cwd. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_EVAL_FILE = resolve(PROJECT_ROOT, '../shared/eval/dev/transcripts.jsonl');
