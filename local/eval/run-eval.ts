/**
 * `npm run eval [-- --file <jsonl>] [--json]`: runs the rules summarizer over labeled transcripts (default
 * ../shared/eval/dev/transcripts.jsonl, relative to the project root) and prints the scores.
 * `npm run eval -- --utterances <jsonl> [--scores-only] [--json]`: scores the rules understanding on single
 * labeled utterances (local/eval/utterances.ts); `--scores-only` leaves the misses out.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { summarizeWithRules } from '../../functions/domain/summary/rules-summarizer.ts';
import { DEFAULT_EVAL_FILE } from './paths.ts';
import { evaluate, formatReport, readEvalFile } from './scoring.ts';
import { evaluateUtterances, formatUtteranceReport, readUtteranceFile } from './utterances.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      utterances: { type: 'string' },
      'scores-only': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  if (values.utterances) {
    const path = resolve(process.cwd(), values.utterances);
    const report = evaluateUtterances(readUtteranceFile(path));
    const scoresOnly = values['scores-only'];
    const shown = scoresOnly ? { ...report, misses: [] } : report;
    process.stdout.write(
      values.json
        ? `${JSON.stringify(shown, null, 2)}\n`
        : formatUtteranceReport(report, `rules on ${path} `, !scoresOnly),
    );
    return 0;
  }
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
