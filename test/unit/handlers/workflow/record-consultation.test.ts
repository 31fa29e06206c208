import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsultationSummary } from '../../../../functions/domain/consultation-summary.ts';
import type { Household } from '../../../../functions/domain/household.ts';
import { useFreshLocalTables } from '../../../support/local-tables.ts';

type Handler = typeof import('../../../../functions/record-consultation/handler.ts');
type Repo = typeof import('../../../../functions/shared/case-repository.ts');

// Default settings: 2 callbacks, calling hours 10:00-18:00 KST on weekdays.
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
delete process.env.MAX_CALLBACKS;
delete process.env.CALLING_HOURS;
delete process.env.CALLING_DAYS;

const wed1030 = new Date('2026-11-25T01:30:00.000Z'); // Wed 10:30 KST

let handler: Handler;
let repo: Repo;

const household = (householdId: string): Household => ({
  householdId,
  name: '한 춘자',
  phone: '+821033344455',
  phoneKind: 'MOBILE',
  districtCode: '26350',
  riskFlags: ['건강보험료체납'],
});

const summary = (overrides: Partial<ConsultationSummary> = {}): ConsultationSummary => ({
  outcome: 'COMPLETED',
  urgency: 'MEDIUM',
  crisisTypes: ['HEALTH', 'INCOME'],
  riskFlags: { selfHarm: false },
  followUp: 'PHONE_FOLLOWUP',
  needs: ['병원비 지원 안내'],
  narrative: '허리가 아파 일을 못 나가 병원비가 밀렸다고 하셨습니다.',
  evidence: [{ claim: '허리 땜시 일을 몬 나가예', turn: 4 }],
  needsReview: false,
  summarizer: 'rules',
  ...overrides,
});

async function answeredCase(caseId: string): Promise<Household> {
  const h = household(`H-${caseId}`);
  await repo.reserveCase({
    caseId,
    batchId: 'batch-c',
    household: h,
    verificationCode: '1357',
    now: new Date('2026-11-25T00:00:00.000Z'),
    retentionDays: 365,
  });
  await repo.recordAttempt(
    caseId,
    { at: '2026-11-25T01:20:00.000Z', outcome: 'ANSWERED', durationSec: 300, contactId: `c-${caseId}` },
    'CALLING',
    wed1030,
  );
  return h;
}

beforeAll(async () => {
  await useFreshLocalTables();
  handler = await import('../../../../functions/record-consultation/handler.ts');
  repo = await import('../../../../functions/shared/case-repository.ts');
});

describe('Function: recordConsultation', () => {
  it('finishes a completed consultation as CONSULTED and passes the summary on', async () => {
    // Prepare
    const h = await answeredCase('case-1');

    // Act
    const decision = await handler.recordConsultation(
      { caseId: 'case-1', state: { household: h, summary: summary() } },
      wed1030,
    );

    // Assess
    expect(decision).toEqual({
      next: 'FINISH',
      result: 'CONSULTED',
      reason: 'consultation completed',
      summary: summary(),
    });
  });

  it('uses the fallback summary when summarizing failed', async () => {
    // Prepare
    const h = await answeredCase('case-2');

    // Act
    const decision = await handler.recordConsultation(
      {
        caseId: 'case-2',
        state: { household: h, summaryFailure: { Error: 'States.Timeout', Cause: 'Task timed out' } },
      },
      wed1030,
    );

    // Assess
    expect(decision).toMatchObject({ next: 'FINISH', result: 'CONSULTED', reason: 'consultation partial' });
    expect(decision.summary).toMatchObject({ outcome: 'PARTIAL', urgency: 'HIGH', needsReview: true });
    expect(decision.summary.narrative).toContain('States.Timeout');
  });

  it('replaces a malformed summary by the fallback', async () => {
    // Prepare
    const h = await answeredCase('case-3');

    // Act
    const decision = await handler.recordConsultation(
      { caseId: 'case-3', state: { household: h, summary: { outcome: 'GREAT', narrative: '좋음' } } },
      wed1030,
    );

    // Assess
    expect(decision.summary).toMatchObject({ outcome: 'PARTIAL', needsReview: true });
    expect(decision.summary.narrative).toContain('invalid summary');
  });

  it('schedules the requested callback and counts it, until callbacks are used up', async () => {
    // Prepare: "내일 오후 세 시에 다시 전화 주세요" → Thu 15:00 KST
    const h = await answeredCase('case-4');
    const callback = summary({ outcome: 'CALLBACK_REQUESTED', callbackAt: '2026-11-26T06:00:00.000Z' });
    const event = { caseId: 'case-4', state: { household: h, summary: callback } };

    // Act
    const first = await handler.recordConsultation(event, wed1030);
    const second = await handler.recordConsultation(event, wed1030);
    const third = await handler.recordConsultation(event, wed1030);

    // Assess
    expect(first).toMatchObject({ next: 'CALLBACK', retryAt: '2026-11-26T06:00:00.000Z' });
    expect(second).toMatchObject({ next: 'CALLBACK', retryAt: '2026-11-26T06:00:00.000Z' });
    expect(third).toMatchObject({ next: 'FINISH', result: 'CONSULTED' });
    expect(await repo.getCase('case-4')).toMatchObject({ callbacks: 2, progress: 'RETRY_WAIT' });
  });

  it('takes the callbacks so far from the decision Record Call Attempt carried, not from a read', async () => {
    // Prepare: the stored case has no callbacks yet, but the execution says both were used
    const h = await answeredCase('case-carried');
    const callback = summary({ outcome: 'CALLBACK_REQUESTED', callbackAt: '2026-11-26T06:00:00.000Z' });
    const decisionAfterCall = { next: 'SUMMARIZE' as const, attemptsSoFar: 3, callbacksSoFar: 2 };

    // Act
    const decision = await handler.recordConsultation(
      { caseId: 'case-carried', state: { household: h, summary: callback, decision: decisionAfterCall } },
      wed1030,
    );

    // Assess
    expect(decision).toMatchObject({ next: 'FINISH', result: 'CONSULTED' });
  });

  it('moves a callback asked for outside calling hours to the next calling slot', async () => {
    // Prepare: "저녁 여덟 시에 전화 주이소" → Thu 20:00 KST, after hours
    const h = await answeredCase('case-5');
    const callback = summary({ outcome: 'CALLBACK_REQUESTED', callbackAt: '2026-11-26T11:00:00.000Z' });

    // Act
    const decision = await handler.recordConsultation(
      { caseId: 'case-5', state: { household: h, summary: callback } },
      wed1030,
    );

    // Assess
    expect(decision).toMatchObject({ next: 'CALLBACK', retryAt: '2026-11-27T01:00:00.000Z' }); // Fri 10:00 KST
  });

  it('never schedules a callback in the past: a time already gone moves to now + 5 minutes', async () => {
    // Prepare: "오늘 열 시에" heard, but the summary is ready at 10:30
    const h = await answeredCase('case-past');
    const callback = summary({ outcome: 'CALLBACK_REQUESTED', callbackAt: '2026-11-25T01:00:00.000Z' });

    // Act
    const decision = await handler.recordConsultation(
      { caseId: 'case-past', state: { household: h, summary: callback } },
      wed1030,
    );

    // Assess
    expect(decision).toMatchObject({ next: 'CALLBACK', retryAt: '2026-11-25T01:35:00.000Z' });
  });

  it('treats an unreadable callback time like a callback without a time', async () => {
    // Prepare
    const h = await answeredCase('case-bad-time');
    const callback = summary({ outcome: 'CALLBACK_REQUESTED', callbackAt: '내일 오후' });

    // Act
    const decision = await handler.recordConsultation(
      { caseId: 'case-bad-time', state: { household: h, summary: callback } },
      wed1030,
    );

    // Assess
    expect(decision).toMatchObject({ next: 'CALLBACK', retryAt: '2026-11-25T03:40:00.000Z' });
  });

  it('schedules a callback without a time at another part of the day', async () => {
    // Prepare
    const h = await answeredCase('case-6');

    // Act
    const decision = await handler.recordConsultation(
      { caseId: 'case-6', state: { household: h, summary: summary({ outcome: 'CALLBACK_REQUESTED' }) } },
      wed1030,
    );

    // Assess
    expect(decision).toMatchObject({ next: 'CALLBACK', retryAt: '2026-11-25T03:40:00.000Z' }); // Wed 12:40 KST
  });

  it('ends OPTED_OUT when the resident asked never to be called again, even asking for a callback', async () => {
    // Prepare
    const h = await answeredCase('case-7');
    await repo.recordOptOut({
      districtCode: h.districtCode,
      householdId: h.householdId,
      caseId: 'case-7',
      now: wed1030,
    });

    // Act
    const decision = await handler.recordConsultation(
      { caseId: 'case-7', state: { household: h, summary: summary({ outcome: 'CALLBACK_REQUESTED' }) } },
      wed1030,
    );

    // Assess
    expect(decision).toMatchObject({ next: 'FINISH', result: 'OPTED_OUT' });
    expect(await repo.getCase('case-7')).not.toHaveProperty('callbacks');
  });

  it.each([
    ['REFUSED', 'REFUSED'],
    ['WRONG_NUMBER', 'WRONG_NUMBER'],
  ] as const)('ends %s as %s', async (outcome, result) => {
    // Prepare
    const h = await answeredCase(`case-${outcome}`);

    // Act
    const decision = await handler.recordConsultation(
      { caseId: `case-${outcome}`, state: { household: h, summary: summary({ outcome, urgency: 'LOW' }) } },
      wed1030,
    );

    // Assess
    expect(decision).toMatchObject({ next: 'FINISH', result });
  });
});
