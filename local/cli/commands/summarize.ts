import { summarizeWithRules } from '../../../functions/domain/summary/rules-summarizer.ts';
import { type Transcript, TranscriptSchema } from '../../../functions/domain/transcript.ts';
import { parseCommandArgs } from '../args.ts';
import { type Command, EXIT_OK, UsageError } from '../io.ts';
import { readJsonFile } from '../read-json-file.ts';
import { formatSummary } from './summary-format.ts';

/** Reads and validates a transcript file, or throws `UsageError`. */
export async function readTranscriptFile(cwd: string, file: string): Promise<Transcript> {
  const json = await readJsonFile(cwd, file);
  const candidate = json && typeof json === 'object' && 'transcript' in json ? json.transcript : json;
  const parsed = TranscriptSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new UsageError(
      `녹취 형식이 아닙니다 (not a transcript, DESIGN §3.2): ${file}: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  }
  return parsed.data;
}

export const run: Command = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(argv, {
    json: { type: 'boolean', default: false },
    now: { type: 'string' },
  });
  const [file, ...extra] = positionals;
  if (!file) throw new UsageError('usage: wfc summarize <transcript.json> [--json]');
  if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra[0]}`);
  if (typeof values.now === 'string' && Number.isNaN(Date.parse(values.now))) {
    throw new UsageError(`--now must be an ISO time, got "${values.now}"`);
  }
  const transcript = await readTranscriptFile(io.cwd, file);
  const summary = summarizeWithRules(transcript, typeof values.now === 'string' ? { now: values.now } : {});
  io.stdout(values.json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
  return EXIT_OK;
};
