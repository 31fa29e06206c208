/**
 * `npm run eval [-- --file <jsonl>] [--json]`: runs the rules summarizer over labeled transcripts (default
 * ../shared/eval/dev/transcripts.jsonl, relative to the project root) and prints the scores.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { summarizeWithRules } from '../../functions/domain/summary/rules-summarizer.ts';
import { DEFAULT_EVAL_FILE } from './paths.ts';
import { evaluate, formatReport, readEvalFile } from './scoring.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { file: { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: false,
  });
  const file = values.file ? resolve(process.cwd(), values.file) : DEFAULT_EVAL_FILE;
  const cases = readEvalFile(file);
  const report = await evaluate(cases, (c) => summarizeWithRules(c.transcript));
  process.stdout.write(
    values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, `rules on ${file} `),
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`eval: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
