/**
 * Utterance-level scoring: one resident line with the bot's question before it, labeled with the crisis types,
 * self-harm, immediate danger and HIGH triggers it shows. Scores `analyzeUtterance` per crisis type and per
 * signal, so a change to the rules can be judged on many short, independently written lines.
 */
import { z } from 'zod';
import { CRISIS_TYPES, type CrisisType } from '../../functions/domain/consultation-summary.ts';
import { summarizeWithRules } from '../../functions/domain/summary/rules-summarizer.ts';
import { analyzeUtterance } from '../../functions/domain/understanding/rules.ts';
import { readJsonLines } from './scoring.ts';

export const UtteranceCaseSchema = z.object({
  id: z.string(),
  botText: z.string(),
  text: z.string(),
  expect: z.object({
    crisisTypes: z.array(z.enum(CRISIS_TYPES)),
    selfHarm: z.boolean(),
    danger: z.boolean(),
    high: z.boolean(),
  }),
  note: z.string().optional(),
});
export type UtteranceCase = z.infer<typeof UtteranceCaseSchema>;
export type UtteranceLabels = UtteranceCase['expect'];

/** Reads a JSON Lines utterance file (labeled resident lines). */
export function readUtteranceFile(path: string): UtteranceCase[] {
  return readJsonLines(path, UtteranceCaseSchema);
}

/**
 * What the rules make of one line. `danger` is the analysis' immediate danger or food emergency, or an
 * EMERGENCY the summarizer derives from circumstances (cold without heating and a vulnerable person, immobile
 * with nobody, a carer in hospital) on a one-exchange transcript without a self-harm signal.
 */
export function predictUtterance(c: Pick<UtteranceCase, 'botText' | 'text'>): UtteranceLabels {
  const analysis = analyzeUtterance(c.text, { expecting: 'NONE', botText: c.botText });
  const summary = summarizeWithRules({
    contactId: 'utterance',
    locale: 'ko-KR',
    turns: [
      { speaker: 'bot', text: c.botText },
      { speaker: 'resident', text: c.text },
    ],
  });
  const circumstance = summary.urgency === 'EMERGENCY' && !summary.riskFlags.selfHarm;
  return {
    crisisTypes: analysis.crises,
    selfHarm: analysis.selfHarm,
    danger: Boolean(analysis.danger || analysis.foodEmergency || circumstance),
    high: analysis.high.length > 0,
  };
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export type SignalName = 'selfHarm' | 'danger' | 'high';
export const SIGNALS: SignalName[] = ['selfHarm', 'danger', 'high'];

export interface UtteranceReport {
  cases: number;
  /** Lines whose crisis types and all three signals are exactly right. */
  exact: number;
  types: Record<CrisisType, Tally>;
  typesMicro: Tally;
  signals: Record<SignalName, Tally>;
  misses: { id: string; field: string; missing: string[]; extra: string[]; text: string; botText: string }[];
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

function tally(tp: number, fp: number, fn: number): Tally {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** Scores predictions (same order as `cases`) against the labels. */
export function scoreUtterances(cases: UtteranceCase[], predictions: UtteranceLabels[]): UtteranceReport {
  const counts = (): { tp: number; fp: number; fn: number } => ({ tp: 0, fp: 0, fn: 0 });
  const types = Object.fromEntries(CRISIS_TYPES.map((t) => [t, counts()])) as Record<
    CrisisType,
    ReturnType<typeof counts>
  >;
  const signals = Object.fromEntries(SIGNALS.map((s) => [s, counts()])) as Record<
    SignalName,
    ReturnType<typeof counts>
  >;
  const misses: UtteranceReport['misses'] = [];
  let exact = 0;
  cases.forEach((c, i) => {
    const got = predictions[i];
    if (!got) throw new Error(`no prediction for ${c.id}`);
    const gold = new Set(c.expect.crisisTypes);
    const said = new Set(got.crisisTypes);
    for (const t of CRISIS_TYPES) {
      if (gold.has(t) && said.has(t)) types[t].tp += 1;
      else if (said.has(t)) types[t].fp += 1;
      else if (gold.has(t)) types[t].fn += 1;
    }
    const missing: string[] = [...gold].filter((t) => !said.has(t));
    const extra: string[] = [...said].filter((t) => !gold.has(t));
    let right = missing.length === 0 && extra.length === 0;
    if (!right) misses.push({ id: c.id, field: 'types', missing, extra, text: c.text, botText: c.botText });
    for (const s of SIGNALS) {
      if (c.expect[s] && got[s]) signals[s].tp += 1;
      else if (got[s]) signals[s].fp += 1;
      else if (c.expect[s]) signals[s].fn += 1;
      if (c.expect[s] !== got[s]) {
        right = false;
        misses.push({
          id: c.id,
          field: s,
          missing: c.expect[s] ? [s] : [],
          extra: got[s] ? [s] : [],
          text: c.text,
          botText: c.botText,
        });
      }
    }
    if (right) exact += 1;
  });
  const micro = Object.values(types).reduce(
    (sum, t) => ({ tp: sum.tp + t.tp, fp: sum.fp + t.fp, fn: sum.fn + t.fn }),
    counts(),
  );
  return {
    cases: cases.length,
    exact,
    types: Object.fromEntries(
      CRISIS_TYPES.map((t) => [t, tally(types[t].tp, types[t].fp, types[t].fn)]),
    ) as Record<CrisisType, Tally>,
    typesMicro: tally(micro.tp, micro.fp, micro.fn),
    signals: Object.fromEntries(
      SIGNALS.map((s) => [s, tally(signals[s].tp, signals[s].fp, signals[s].fn)]),
    ) as Record<SignalName, Tally>,
    misses,
  };
}

/** Runs the rules over an utterance file and scores them. */
export function evaluateUtterances(cases: UtteranceCase[]): UtteranceReport {
  return scoreUtterances(cases, cases.map(predictUtterance));
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const row = (name: string, t: Tally) =>
  `  ${name.padEnd(14)} P ${pct(t.precision).padStart(6)}  R ${pct(t.recall).padStart(6)}  F1 ${t.f1.toFixed(3)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`;

/** Human-readable report; `misses: false` prints the aggregate scores only (for a set one must not read). */
export function formatUtteranceReport(report: UtteranceReport, label = '', misses = true): string {
  const lines = [
    `Utterances ${label}(${report.cases} lines, ${report.exact} exact = ${pct(report.exact / Math.max(1, report.cases))})`,
    row('types micro', report.typesMicro),
    ...CRISIS_TYPES.map((t) => row(t, report.types[t])),
    ...SIGNALS.map((s) => row(s, report.signals[s])),
  ];
  if (misses && report.misses.length > 0) {
    lines.push('  misses:');
    for (const m of report.misses) {
      const diff = [...m.missing.map((x) => `-${x}`), ...m.extra.map((x) => `+${x}`)].join(' ');
      lines.push(`    ${m.id} ${m.field} ${diff} | ${m.botText} | ${m.text}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
