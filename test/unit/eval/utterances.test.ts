import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  evaluateUtterances,
  readUtteranceFile,
  scoreUtterances,
  type UtteranceCase,
  type UtteranceReport,
} from '../../../local/eval/utterances.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'eval');

/** Floors about five points under what the rules reach, so a regression fails CI. */
interface Floors {
  typesF1: number;
  selfHarmRecall: number;
  selfHarmPrecision: number;
  dangerRecall: number;
  dangerPrecision: number;
  highRecall: number;
  highPrecision: number;
}

function assessFloors(report: UtteranceReport, floors: Floors, cases = 300): void {
  expect(report.cases).toBe(cases);
  expect(report.typesMicro.f1).toBeGreaterThanOrEqual(floors.typesF1);
  expect(report.signals.selfHarm.recall).toBeGreaterThanOrEqual(floors.selfHarmRecall);
  expect(report.signals.selfHarm.precision).toBeGreaterThanOrEqual(floors.selfHarmPrecision);
  expect(report.signals.danger.recall).toBeGreaterThanOrEqual(floors.dangerRecall);
  expect(report.signals.danger.precision).toBeGreaterThanOrEqual(floors.dangerPrecision);
  expect(report.signals.high.recall).toBeGreaterThanOrEqual(floors.highRecall);
  expect(report.signals.high.precision).toBeGreaterThanOrEqual(floors.highPrecision);
}

describe('Gate: rules understanding on single utterances (independently written corpora)', () => {
  it('keeps utterances-a at its floors', () => {
    // Act
    const report = evaluateUtterances(readUtteranceFile(join(FIXTURES, 'utterances-a.jsonl')));

    // Assess (reached: types F1 0.935, self-harm R 1.00 P 1.00, danger R 0.92 P 0.96, high R 0.92 P 0.82)
    assessFloors(report, {
      typesF1: 0.88,
      selfHarmRecall: 0.95,
      selfHarmPrecision: 0.95,
      dangerRecall: 0.87,
      dangerPrecision: 0.9,
      highRecall: 0.87,
      highPrecision: 0.77,
    });
  });

  it('keeps utterances-b at its floors', () => {
    // Act
    const report = evaluateUtterances(readUtteranceFile(join(FIXTURES, 'utterances-b.jsonl')));

    // Assess (reached: types F1 0.935, self-harm R 0.98 P 1.00, danger R 1.00 P 0.97, high R 0.98 P 0.98)
    assessFloors(report, {
      typesF1: 0.88,
      selfHarmRecall: 0.93,
      selfHarmPrecision: 0.95,
      dangerRecall: 0.95,
      dangerPrecision: 0.92,
      highRecall: 0.93,
      highPrecision: 0.93,
    });
  });

  it('keeps utterances-c at its floors (self-harm misses read in round 3: training data now)', () => {
    // Act
    const report = evaluateUtterances(readUtteranceFile(join(FIXTURES, 'utterances-c.jsonl')));

    // Assess (reached: types F1 0.793, self-harm R 0.98 P 1.00, danger R 0.57 P 0.95, high R 0.69 P 0.88)
    assessFloors(report, {
      typesF1: 0.74,
      selfHarmRecall: 0.93,
      selfHarmPrecision: 0.95,
      dangerRecall: 0.52,
      dangerPrecision: 0.9,
      highRecall: 0.63,
      highPrecision: 0.83,
    });
  });

  it('keeps utterances-d (self-harm signs and their hard negatives) at its floors', () => {
    // Act
    const report = evaluateUtterances(readUtteranceFile(join(FIXTURES, 'utterances-d.jsonl')));

    // Assess (reached: types F1 0.896, self-harm R 0.95 P 1.00; danger and high have only 11 lines each)
    assessFloors(
      report,
      {
        typesF1: 0.84,
        selfHarmRecall: 0.9,
        selfHarmPrecision: 0.95,
        dangerRecall: 0.45,
        dangerPrecision: 0.75,
        highRecall: 0.6,
        highPrecision: 0.7,
      },
      200,
    );
  });

  it('keeps utterances-e (indirect self-harm signs and hard negatives) at its floors', () => {
    // Act
    const report = evaluateUtterances(readUtteranceFile(join(FIXTURES, 'utterances-e.jsonl')));

    // Assess (reached: types F1 0.860, self-harm R 0.93 P 1.00; danger and high have under ten lines each)
    assessFloors(
      report,
      {
        typesF1: 0.8,
        selfHarmRecall: 0.87,
        selfHarmPrecision: 0.95,
        dangerRecall: 0.35,
        dangerPrecision: 0.6,
        highRecall: 0.6,
        highPrecision: 0.7,
      },
      200,
    );
  });
});

describe('Gate: rules understanding on utterances-f (danger, HIGH and types; read for round f)', () => {
  it('keeps utterances-f at its floors', () => {
    // Act
    const report = evaluateUtterances(readUtteranceFile(join(FIXTURES, 'utterances-f.jsonl')));

    // Assess (first measured: types F1 0.753, danger R 0.54 P 0.93, high R 0.59 P 0.91; reached: types F1 0.906,
    // danger R 0.85 P 0.98, high R 0.85 P 0.94; no self-harm line in this set)
    assessFloors(report, {
      typesF1: 0.85,
      selfHarmRecall: 1,
      selfHarmPrecision: 1,
      dangerRecall: 0.79,
      dangerPrecision: 0.93,
      highRecall: 0.79,
      highPrecision: 0.89,
    });
  });
});
describe('Gate: rules understanding on utterances-g and -h (g1 read for round g; g2 and h sealed)', () => {
  it.each([
    // g1 first measured: types F1 0.758, self-harm R 0.44, danger R 0.42, high R 0.64 (read since)
    [
      'utterances-g1.jsonl',
      150,
      {
        typesF1: 0.82,
        selfHarmRecall: 0.89,
        selfHarmPrecision: 0.95,
        dangerRecall: 0.88,
        dangerPrecision: 0.9,
        highRecall: 0.88,
        highPrecision: 0.9,
      },
    ],
    // sealed: only scores are read (g2 first measured: types F1 0.740, self-harm R 0.47 P 0.95, danger R 0.35, high R 0.62)
    [
      'utterances-g2.jsonl',
      150,
      {
        typesF1: 0.69,
        selfHarmRecall: 0.42,
        selfHarmPrecision: 0.9,
        dangerRecall: 0.33,
        dangerPrecision: 0.9,
        highRecall: 0.61,
        highPrecision: 0.88,
      },
    ],
    // sealed (first measured: types F1 0.734, self-harm R 0.47 P 0.93, danger R 0.70, high R 0.77)
    [
      'utterances-h.jsonl',
      200,
      {
        typesF1: 0.68,
        selfHarmRecall: 0.42,
        selfHarmPrecision: 0.88,
        dangerRecall: 0.63,
        dangerPrecision: 0.8,
        highRecall: 0.73,
        highPrecision: 0.83,
      },
    ],
    // The odd lines of a fresh corpus of 240, read in round i1 (first measured: types F1 0.847, self-harm R 0.67 P 0.95,
    // danger R 0.59, high R 0.82)
    [
      'utterances-i1.jsonl',
      120,
      {
        typesF1: 0.83,
        selfHarmRecall: 0.78,
        selfHarmPrecision: 0.9,
        dangerRecall: 0.86,
        dangerPrecision: 0.95,
        highRecall: 0.77,
        highPrecision: 0.95,
      },
    ],
    // sealed, the even lines (first measured: types F1 0.897, self-harm R 0.73 P 1.00, danger R 0.87, high R 0.88)
    [
      'utterances-i2.jsonl',
      120,
      {
        typesF1: 0.85,
        selfHarmRecall: 0.68,
        selfHarmPrecision: 0.95,
        dangerRecall: 0.82,
        dangerPrecision: 0.95,
        highRecall: 0.83,
        highPrecision: 0.87,
      },
    ],
  ] as const)('keeps %s at its floors', (file, cases, floors) => {
    // Act
    const report = evaluateUtterances(readUtteranceFile(join(FIXTURES, file)));

    // Assess
    assessFloors(report, floors, cases);
  });
});

describe('Function: scoreUtterances', () => {
  it('counts per-type and per-signal hits, misses and false alarms', () => {
    // Prepare
    const none = { crisisTypes: [], selfHarm: false, danger: false, high: false };
    const cases: UtteranceCase[] = [
      {
        id: 'u1',
        botText: '요즘 어떠세요?',
        text: '월세가 밀렸어요.',
        expect: { ...none, crisisTypes: ['HOUSING', 'INCOME'], high: true },
      },
      { id: 'u2', botText: '요즘 어떠세요?', text: '더워 죽겠어요.', expect: none },
    ];

    // Act
    const report = scoreUtterances(cases, [
      { ...none, crisisTypes: ['HOUSING'] },
      { ...none, crisisTypes: ['HEALTH'], selfHarm: true },
    ]);

    // Assess
    expect(report.exact).toBe(0);
    expect(report.types.HOUSING).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(report.types.INCOME).toMatchObject({ tp: 0, fn: 1, recall: 0 });
    expect(report.typesMicro).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 });
    expect(report.signals.selfHarm).toMatchObject({ tp: 0, fp: 1, fn: 0, precision: 0 });
    expect(report.signals.high).toMatchObject({ tp: 0, fp: 0, fn: 1, recall: 0 });
    expect(report.misses.map((m) => `${m.id}:${m.field}`)).toEqual([
      'u1:types',
      'u1:high',
      'u2:types',
      'u2:selfHarm',
    ]);
  });

  it('reads a labeled utterance file and refuses to score a line without a prediction', () => {
    expect(readUtteranceFile(join(FIXTURES, 'utterances-a.jsonl'))[0]?.id).toBe('ua-0001');
    expect(() =>
      scoreUtterances(
        [
          {
            id: 'x',
            botText: '',
            text: '',
            expect: { crisisTypes: [], selfHarm: false, danger: false, high: false },
          },
        ],
        [],
      ),
    ).toThrow('no prediction for x');
  });
});
