import { describe, expect, it } from 'vitest';
import {
  decideAfterAttempt,
  decideAfterConsultation,
  unansweredAttempts,
} from '../../../../functions/domain/call-decisions.ts';
import type { CallAttempt, CallOutcome } from '../../../../functions/domain/case-record.ts';
import type { ConsultationSummary } from '../../../../functions/domain/consultation-summary.ts';

const attempt = (outcome: CallOutcome, n: number): CallAttempt => ({
  at: `2026-11-25T0${n}:00:00.000Z`,
  outcome,
  durationSec: outcome === 'ANSWERED' ? 240 : 0,
  contactId: `contact-${n}`,
});

const retryAt = new Date('2026-11-25T03:40:00.000Z');
const callbackAt = new Date('2026-11-26T06:00:00.000Z');

const summary = (overrides: Partial<ConsultationSummary>): ConsultationSummary => ({
  outcome: 'COMPLETED',
  urgency: 'MEDIUM',
  crisisTypes: ['UTILITIES'],
  riskFlags: { selfHarm: false },
  followUp: 'PHONE_FOLLOWUP',
  needs: ['전기요금 체납 해소'],
  narrative: '전기가 끊길까 걱정하고 계십니다.',
  evidence: [{ claim: '전기세 밀림', turn: 3 }],
  needsReview: false,
  summarizer: 'rules',
  ...overrides,
});

describe('Function: unansweredAttempts', () => {
  it('counts every outcome but ANSWERED', () => {
    // Prepare
    const attempts = [
      attempt('NO_ANSWER', 1),
      attempt('BUSY', 2),
      attempt('ANSWERED', 3),
      attempt('VOICEMAIL', 4),
      attempt('FAILED', 5),
    ];

    // Act
    const count = unansweredAttempts(attempts);

    // Assess
    expect(count).toBe(4);
  });

  it('is 0 for no attempts', () => {
    expect(unansweredAttempts([])).toBe(0);
  });
});

describe('Function: decideAfterAttempt', () => {
  it('summarizes an answered call, even after many unanswered ones', () => {
    // Prepare
    const attempts = [attempt('NO_ANSWER', 1), attempt('BUSY', 2), attempt('ANSWERED', 3)];

    // Act
    const decision = decideAfterAttempt('ANSWERED', attempts, 3, () => retryAt);

    // Assess
    expect(decision).toEqual({ next: 'SUMMARIZE' });
  });

  it.each(['NO_ANSWER', 'BUSY', 'VOICEMAIL', 'FAILED'] as const)(
    'retries at the next slot after %s while attempts remain',
    (outcome) => {
      // Prepare
      const attempts = [attempt('NO_ANSWER', 1), attempt(outcome, 2)];

      // Act
      const decision = decideAfterAttempt(outcome, attempts, 3, () => retryAt);

      // Assess
      expect(decision).toEqual({ next: 'RETRY', retryAt: '2026-11-25T03:40:00.000Z' });
    },
  );

  it('ends UNREACHABLE when the last allowed attempt was not answered', () => {
    // Prepare
    const attempts = [attempt('NO_ANSWER', 1), attempt('BUSY', 2), attempt('VOICEMAIL', 3)];
    let asked = false;

    // Act
    const decision = decideAfterAttempt('VOICEMAIL', attempts, 3, () => {
      asked = true;
      return retryAt;
    });

    // Assess
    expect(decision).toEqual({
      next: 'FINISH',
      result: 'UNREACHABLE',
      reason: '3 attempts without an answer',
    });
    expect(asked).toBe(false);
  });

  it('does not count an answered call (before a callback) against the attempt limit', () => {
    // Prepare: answered, callback requested, then two unanswered callback attempts
    const attempts = [attempt('ANSWERED', 1), attempt('NO_ANSWER', 2), attempt('NO_ANSWER', 3)];

    // Act
    const decision = decideAfterAttempt('NO_ANSWER', attempts, 3, () => retryAt);

    // Assess
    expect(decision.next).toBe('RETRY');
  });

  it('honours a single-attempt setting', () => {
    const decision = decideAfterAttempt('BUSY', [attempt('BUSY', 1)], 1, () => retryAt);
    expect(decision).toMatchObject({ next: 'FINISH', result: 'UNREACHABLE' });
  });
});

describe('Function: decideAfterConsultation', () => {
  const base = { optedOut: false, callbacksSoFar: 0, maxCallbacks: 2, callbackAt: () => callbackAt };

  it('ends CONSULTED after a completed consultation', () => {
    // Act
    const decision = decideAfterConsultation({ ...base, summary: summary({}) });

    // Assess
    expect(decision).toEqual({ next: 'FINISH', result: 'CONSULTED', reason: 'consultation completed' });
  });

  it('ends CONSULTED after a partial consultation', () => {
    const decision = decideAfterConsultation({ ...base, summary: summary({ outcome: 'PARTIAL' }) });
    expect(decision).toEqual({ next: 'FINISH', result: 'CONSULTED', reason: 'consultation partial' });
  });

  it('schedules a requested callback while callbacks remain', () => {
    // Prepare
    const requested = summary({ outcome: 'CALLBACK_REQUESTED', callbackAt: '2026-11-26T06:00:00.000Z' });

    // Act
    const decision = decideAfterConsultation({ ...base, callbacksSoFar: 1, summary: requested });

    // Assess
    expect(decision).toEqual({ next: 'CALLBACK', retryAt: '2026-11-26T06:00:00.000Z' });
  });

  it('ends CONSULTED when callbacks are used up', () => {
    // Act
    const decision = decideAfterConsultation({
      ...base,
      callbacksSoFar: 2,
      summary: summary({ outcome: 'CALLBACK_REQUESTED' }),
    });

    // Assess
    expect(decision).toEqual({
      next: 'FINISH',
      result: 'CONSULTED',
      reason: 'callbacks used up; the last call is the record',
    });
  });

  it('ends REFUSED when the resident declined ("됐어요, 필요 없어요")', () => {
    const decision = decideAfterConsultation({ ...base, summary: summary({ outcome: 'REFUSED' }) });
    expect(decision).toEqual({
      next: 'FINISH',
      result: 'REFUSED',
      reason: 'resident declined the consultation',
    });
  });

  it('ends WRONG_NUMBER when the number is not the household', () => {
    const decision = decideAfterConsultation({ ...base, summary: summary({ outcome: 'WRONG_NUMBER' }) });
    expect(decision).toEqual({ next: 'FINISH', result: 'WRONG_NUMBER', reason: 'not the household' });
  });

  it('lets an opt-out win over a callback request', () => {
    // Act
    const decision = decideAfterConsultation({
      ...base,
      optedOut: true,
      summary: summary({ outcome: 'CALLBACK_REQUESTED' }),
    });

    // Assess
    expect(decision).toEqual({
      next: 'FINISH',
      result: 'OPTED_OUT',
      reason: 'resident asked not to be called again',
    });
  });
});
