import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarizeWithRules } from '../../../functions/domain/summary/rules-summarizer.ts';
import { DEFAULT_EVAL_FILE } from '../../../local/eval/paths.ts';
import { type CaseResult, evaluate, readEvalFile, score } from '../../../local/eval/scoring.ts';

describe('Gate: rules summarizer on the dev set', () => {
  const cases = readEvalFile(DEFAULT_EVAL_FILE);

  it('meets the targets of issue 4', async () => {
    // Act
    const report = await evaluate(cases, (c) => summarizeWithRules(c.transcript));

    // Assess
    expect(report.cases).toBe(30);
    expect(report.selfHarm.recall).toBe(1);
    expect(report.accuracy.urgency).toBeGreaterThanOrEqual(0.9);
    expect(report.accuracy.outcome).toBeGreaterThanOrEqual(0.95);
    expect(report.crisisTypes.microF1).toBeGreaterThanOrEqual(0.9);
    expect(report.accuracy.followUp).toBeGreaterThanOrEqual(0.9);
  });

  it('catches every self-harm case as EMERGENCY with an immediate visit', () => {
    const selfHarm = cases.filter((c) => c.expect.selfHarm);
    expect(selfHarm.length).toBeGreaterThan(0);
    for (const c of selfHarm) {
      const summary = summarizeWithRules(c.transcript);
      expect({ id: c.id, selfHarm: summary.riskFlags.selfHarm, urgency: summary.urgency }).toEqual({
        id: c.id,
        selfHarm: true,
        urgency: 'EMERGENCY',
      });
      expect(summary.followUp).toBe('IMMEDIATE_VISIT');
    }
  });
});

describe('Function: score', () => {
  it('computes micro-F1, self-harm recall/precision and the confusion matrix', () => {
    // Prepare
    const expect1: CaseResult['expect'] = {
      outcome: 'COMPLETED',
      urgency: 'HIGH',
      crisisTypes: ['INCOME', 'DEBT'],
      selfHarm: true,
      followUp: 'HOME_VISIT',
    };
    const results: CaseResult[] = [
      {
        id: 'a',
        expect: expect1,
        got: {
          ...expect1,
          crisisTypes: ['INCOME', 'FOOD'],
          selfHarm: false,
          urgency: 'MEDIUM',
        },
      },
      {
        id: 'b',
        expect: { ...expect1, selfHarm: false, crisisTypes: [] },
        got: { ...expect1, crisisTypes: [], selfHarm: true },
      },
    ];

    // Act
    const report = score(results);

    // Assess
    expect(report.crisisTypes).toEqual({ precision: 0.5, recall: 0.5, microF1: 0.5 });
    expect(report.selfHarm).toMatchObject({ recall: 0, precision: 0, missed: ['a'] });
    expect(report.urgencyConfusion.HIGH).toEqual({ EMERGENCY: 0, HIGH: 1, MEDIUM: 1, LOW: 0 });
    expect(report.accuracy.urgency).toBe(0.5);
  });
});

describe('Gate: rules summarizer on transcripts in other wording (fixtures/alt-transcripts.jsonl)', () => {
  it('keeps the same targets on a set written apart from the dev set', async () => {
    const cases = readEvalFile(join(import.meta.dirname, 'fixtures', 'alt-transcripts.jsonl'));
    const report = await evaluate(cases, (c) => summarizeWithRules(c.transcript));
    expect(report.selfHarm.recall).toBe(1);
    expect(report.selfHarm.precision).toBe(1);
    expect(report.accuracy.urgency).toBeGreaterThanOrEqual(0.9);
    expect(report.accuracy.outcome).toBeGreaterThanOrEqual(0.9);
    expect(report.crisisTypes.microF1).toBeGreaterThanOrEqual(0.9);
  });
});

describe('Gate: rules summarizer on the maintainers held-out set (test/fixtures/eval/holdout.jsonl)', () => {
  it('catches every self-harm case and keeps urgency and outcome at target', async () => {
    const cases = readEvalFile(join(import.meta.dirname, '..', '..', 'fixtures', 'eval', 'holdout.jsonl'));
    const report = await evaluate(cases, (c) => summarizeWithRules(c.transcript));
    expect(report.selfHarm.recall).toBe(1);
    expect(report.accuracy.urgency).toBeGreaterThanOrEqual(0.9);
    expect(report.accuracy.outcome).toBeGreaterThanOrEqual(0.95);
    expect(report.crisisTypes.microF1).toBeGreaterThanOrEqual(0.85);
  });
});

/**
 * Floors about five points under what the rules reach on the independently written transcript sets, so a
 * regression fails CI. holdout-14 is sealed: only its scores are read, never its mismatches.
 */
describe('Gate: rules summarizer on the independently written transcript sets', () => {
  it.each([
    [
      'holdout-2.jsonl',
      { urgency: 0.92, outcome: 0.95, followUp: 0.95, f1: 0.9, selfHarmRecall: 1, selfHarmPrecision: 1 },
    ],
    [
      'holdout-3.jsonl',
      { urgency: 0.87, outcome: 0.95, followUp: 0.95, f1: 0.91, selfHarmRecall: 1, selfHarmPrecision: 1 },
    ],
    [
      'holdout-4.jsonl',
      { urgency: 0.95, outcome: 0.95, followUp: 0.95, f1: 0.93, selfHarmRecall: 1, selfHarmPrecision: 1 },
    ],
    [
      'holdout-5.jsonl',
      { urgency: 0.87, outcome: 0.95, followUp: 0.87, f1: 0.89, selfHarmRecall: 1, selfHarmPrecision: 1 },
    ],
    [
      'holdout-6.jsonl',
      { urgency: 0.87, outcome: 0.95, followUp: 0.87, f1: 0.72, selfHarmRecall: 1, selfHarmPrecision: 1 },
    ],
    [
      'holdout-7.jsonl',
      { urgency: 0.9, outcome: 0.95, followUp: 0.92, f1: 0.81, selfHarmRecall: 1, selfHarmPrecision: 1 },
    ],
    [
      'holdout-8.jsonl',
      { urgency: 0.92, outcome: 0.92, followUp: 0.9, f1: 0.87, selfHarmRecall: 1, selfHarmPrecision: 1 },
    ],
    [
      'holdout-9.jsonl',
      { urgency: 0.92, outcome: 0.95, followUp: 0.95, f1: 0.85, selfHarmRecall: 1, selfHarmPrecision: 1 },
    ],
    [
      'holdout-10.jsonl',
      { urgency: 0.95, outcome: 0.92, followUp: 0.9, f1: 0.83, selfHarmRecall: 1, selfHarmPrecision: 1 },
    ],
    [
      'holdout-11.jsonl',
      { urgency: 0.95, outcome: 0.95, followUp: 0.92, f1: 0.86, selfHarmRecall: 1, selfHarmPrecision: 1 },
    ],
    [
      'holdout-12.jsonl',
      { urgency: 0.92, outcome: 0.95, followUp: 0.92, f1: 0.82, selfHarmRecall: 1, selfHarmPrecision: 1 },
    ],
    [
      'holdout-13.jsonl',
      { urgency: 0.92, outcome: 0.92, followUp: 0.9, f1: 0.84, selfHarmRecall: 1, selfHarmPrecision: 1 },
    ],
    [
      'holdout-14.jsonl',
      { urgency: 0.95, outcome: 0.95, followUp: 0.95, f1: 0.9, selfHarmRecall: 1, selfHarmPrecision: 1 },
    ],
    // read in round h15 (first measured, sealed: urgency 85%, outcome 97.5%, follow-up 90%, F1 0.855, self-harm 5/5 P 0.83)
    [
      'holdout-15.jsonl',
      { urgency: 0.92, outcome: 0.95, followUp: 0.92, f1: 0.85, selfHarmRecall: 1, selfHarmPrecision: 1 },
    ],
    // read in round h16 (first measured, sealed: urgency 82.5%, outcome 95%, follow-up 87.5%, F1 0.788, self-harm 5/5 P 0.83)
    [
      'holdout-16.jsonl',
      { urgency: 0.85, outcome: 0.92, followUp: 0.87, f1: 0.8, selfHarmRecall: 1, selfHarmPrecision: 1 },
    ],
  ])('keeps %s at its floors', async (file, floors) => {
    // Arrange
    const cases = readEvalFile(join(import.meta.dirname, '..', '..', 'fixtures', 'eval', file));

    // Act
    const report = await evaluate(cases, (c) => summarizeWithRules(c.transcript));

    // Assess
    expect(report.cases).toBe(40);
    expect(report.accuracy.urgency).toBeGreaterThanOrEqual(floors.urgency);
    expect(report.accuracy.outcome).toBeGreaterThanOrEqual(floors.outcome);
    expect(report.accuracy.followUp).toBeGreaterThanOrEqual(floors.followUp);
    expect(report.crisisTypes.microF1).toBeGreaterThanOrEqual(floors.f1);
    expect(report.selfHarm.recall).toBeGreaterThanOrEqual(floors.selfHarmRecall);
    expect(report.selfHarm.precision).toBeGreaterThanOrEqual(floors.selfHarmPrecision);
  });
});
