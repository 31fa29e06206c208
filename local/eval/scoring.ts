/**
 * Scoring of consultation summaries against gold labels (shared/eval/dev/README.md): per-field accuracy,
 * crisis-type micro-F1, self-harm recall/precision and the urgency confusion matrix.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  type ConsultationSummary,
  CRISIS_TYPES,
  FOLLOW_UPS,
  OUTCOMES,
  URGENCIES,
  type Urgency,
} from '../../functions/domain/consultation-summary.ts';
import { TranscriptSchema } from '../../functions/domain/transcript.ts';

export const EvalCaseSchema = z.object({
  id: z.string(),
  transcript: TranscriptSchema,
  expect: z.object({
    outcome: z.enum(OUTCOMES),
    urgency: z.enum(URGENCIES),
    crisisTypes: z.array(z.enum(CRISIS_TYPES)),
    selfHarm: z.boolean(),
    followUp: z.enum(FOLLOW_UPS),
  }),
  note: z.string().optional(),
});
export type EvalCase = z.infer<typeof EvalCaseSchema>;

/** Reads a JSON Lines file of labeled cases, each checked by `schema`; throws naming the line of a bad case. */
export function readJsonLines<T>(path: string, schema: z.ZodType<T>): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, index) => ({ line: line.trim(), index }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, index }) => {
      try {
        return schema.parse(JSON.parse(line));
      } catch (error) {
        throw new Error(`line ${index + 1}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
}

/** Reads a JSON Lines eval file (labeled transcripts). */
export function readEvalFile(path: string): EvalCase[] {
  return readJsonLines(path, EvalCaseSchema);
}

export interface CaseResult {
  id: string;
  expect: EvalCase['expect'];
  got: Pick<ConsultationSummary, 'outcome' | 'urgency' | 'crisisTypes' | 'followUp'> & { selfHarm: boolean };
}

export interface EvalReport {
  cases: number;
  accuracy: { outcome: number; urgency: number; followUp: number; selfHarm: number };
  crisisTypes: { precision: number; recall: number; microF1: number };
  selfHarm: { recall: number; precision: number; truePositives: number; positives: number; missed: string[] };
  /** confusion[gold][predicted] = count */
  urgencyConfusion: Record<Urgency, Record<Urgency, number>>;
  mismatches: { id: string; field: string; expected: unknown; got: unknown }[];
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

/** Scores predictions against gold labels. */
export function score(results: CaseResult[]): EvalReport {
  const confusion = Object.fromEntries(
    URGENCIES.map((g) => [g, Object.fromEntries(URGENCIES.map((p) => [p, 0]))]),
  ) as Record<Urgency, Record<Urgency, number>>;
  const mismatches: EvalReport['mismatches'] = [];
  const correct = { outcome: 0, urgency: 0, followUp: 0, selfHarm: 0 };
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let shTp = 0;
  let shFp = 0;
  const missed: string[] = [];
  for (const r of results) {
    for (const field of ['outcome', 'urgency', 'followUp', 'selfHarm'] as const) {
      if (r.expect[field] === r.got[field]) correct[field] += 1;
      else mismatches.push({ id: r.id, field, expected: r.expect[field], got: r.got[field] });
    }
    confusion[r.expect.urgency][r.got.urgency] += 1;
    const gold = new Set(r.expect.crisisTypes);
    const got = new Set(r.got.crisisTypes);
    for (const t of got)
      if (gold.has(t)) tp += 1;
      else fp += 1;
    for (const t of gold) if (!got.has(t)) fn += 1;
    if ([...gold].sort().join() !== [...got].sort().join()) {
      mismatches.push({ id: r.id, field: 'crisisTypes', expected: [...gold].sort(), got: [...got].sort() });
    }
    if (r.expect.selfHarm && r.got.selfHarm) shTp += 1;
    if (!r.expect.selfHarm && r.got.selfHarm) shFp += 1;
    if (r.expect.selfHarm && !r.got.selfHarm) missed.push(r.id);
  }
  const n = results.length;
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const positives = results.filter((r) => r.expect.selfHarm).length;
  return {
    cases: n,
    accuracy: {
      outcome: ratio(correct.outcome, n),
      urgency: ratio(correct.urgency, n),
      followUp: ratio(correct.followUp, n),
      selfHarm: ratio(correct.selfHarm, n),
    },
    crisisTypes: {
      precision,
      recall,
      microF1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    },
    selfHarm: {
      recall: ratio(shTp, positives),
      precision: ratio(shTp, shTp + shFp),
      truePositives: shTp,
      positives,
      missed,
    },
    urgencyConfusion: confusion,
    mismatches,
  };
}

/** Runs a summarizer over eval cases and scores it. */
export async function evaluate(
  cases: EvalCase[],
  summarize: (c: EvalCase) => ConsultationSummary | Promise<ConsultationSummary>,
): Promise<EvalReport> {
  const results: CaseResult[] = [];
  for (const c of cases) {
    const s = await summarize(c);
    results.push({
      id: c.id,
      expect: c.expect,
      got: {
        outcome: s.outcome,
        urgency: s.urgency,
        crisisTypes: s.crisisTypes,
        followUp: s.followUp,
        selfHarm: s.riskFlags.selfHarm,
      },
    });
  }
  return score(results);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Human-readable report. */
export function formatReport(report: EvalReport, label = ''): string {
  const lines = [
    `Eval ${label}(${report.cases} cases)`,
    `  outcome accuracy    ${pct(report.accuracy.outcome)}`,
    `  urgency accuracy    ${pct(report.accuracy.urgency)}`,
    `  followUp accuracy   ${pct(report.accuracy.followUp)}`,
    `  selfHarm accuracy   ${pct(report.accuracy.selfHarm)}`,
    `  crisis types        micro-F1 ${report.crisisTypes.microF1.toFixed(3)} (P ${report.crisisTypes.precision.toFixed(3)}, R ${report.crisisTypes.recall.toFixed(3)})`,
    `  self-harm           recall ${pct(report.selfHarm.recall)} (${report.selfHarm.truePositives}/${report.selfHarm.positives}), precision ${pct(report.selfHarm.precision)}`,
    '  urgency confusion (rows gold, columns predicted)',
    `  ${''.padEnd(10)}${URGENCIES.map((u) => u.padStart(10)).join('')}`,
    ...URGENCIES.map(
      (g) =>
        `  ${g.padEnd(10)}${URGENCIES.map((p) => String(report.urgencyConfusion[g][p]).padStart(10)).join('')}`,
    ),
  ];
  if (report.mismatches.length > 0) {
    lines.push('  mismatches:');
    for (const m of report.mismatches)
      lines.push(
        `    ${m.id} ${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.got)}`,
      );
  }
  return `${lines.join('\n')}\n`;
}
