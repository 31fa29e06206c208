import { beforeAll, describe, expect, it } from 'vitest';
import type { Household } from '../../../../functions/domain/household.ts';
import { useFreshLocalTables } from '../../../support/local-tables.ts';

type Handler = typeof import('../../../../functions/record-call-attempt/handler.ts');
type Repo = typeof import('../../../../functions/shared/case-repository.ts');

// Default settings: 3 attempts, calling hours 10:00-18:00 KST on weekdays.
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
delete process.env.MAX_CALL_ATTEMPTS;
delete process.env.CALLING_HOURS;
delete process.env.CALLING_DAYS;

const wed1030 = new Date('2026-11-25T01:30:00.000Z'); // Wed 10:30 KST, morning
const wed1240 = new Date('2026-11-25T03:40:00.000Z'); // Wed 12:40 KST, midday
const thu1520 = new Date('2026-11-26T06:20:00.000Z'); // Thu 15:20 KST, late

let handler: Handler;
let repo: Repo;

const household = (householdId: string): Household => ({
  householdId,
  name: '정 복희',
  phone: '+821077788899',
  phoneKind: 'LANDLINE',
  districtCode: '11680',
  riskFlags: ['월세체납'],
});

async function reserved(caseId: string): Promise<void> {
  await repo.reserveCase({
    caseId,
    batchId: 'batch-a',
    household: household(`H-${caseId}`),
    verificationCode: '2468',
    now: new Date('2026-11-25T00:00:00.000Z'),
    retentionDays: 365,
  });
}

beforeAll(async () => {
  await useFreshLocalTables();
  handler = await import('../../../../functions/record-call-attempt/handler.ts');
  repo = await import('../../../../functions/shared/case-repository.ts');
});

describe('Function: recordCallAttempt', () => {
  it('retries an unanswered household at other times of day, then gives up as UNREACHABLE', async () => {
    // Prepare
    await reserved('case-1');

    // Act
    const first = await handler.recordCallAttempt(
      {
        caseId: 'case-1',
        call: {
          outcome: 'NO_ANSWER',
          contactId: 'c-1',
          durationSec: 0,
          startedAt: '2026-11-25T01:29:30.000Z',
        },
      },
      wed1030,
    );
    const second = await handler.recordCallAttempt(
      { caseId: 'case-1', call: { outcome: 'BUSY', contactId: 'c-2', durationSec: 0 } },
      wed1240,
    );
    const third = await handler.recordCallAttempt(
      { caseId: 'case-1', call: { outcome: 'VOICEMAIL', contactId: 'c-3', durationSec: 35 } },
      thu1520,
    );

    // Assess
    expect(first).toEqual({ next: 'RETRY', retryAt: '2026-11-25T03:40:00.000Z' }); // Wed 12:40 KST
    expect(second).toEqual({ next: 'RETRY', retryAt: '2026-11-26T06:20:00.000Z' }); // next day, Thu 15:20 KST
    expect(third).toEqual({ next: 'FINISH', result: 'UNREACHABLE', reason: '3 attempts without an answer' });
    const record = await repo.getCase('case-1');
    expect(record.progress).toBe('RETRY_WAIT');
    expect(record.attempts).toEqual([
      { at: '2026-11-25T01:29:30.000Z', outcome: 'NO_ANSWER', durationSec: 0, contactId: 'c-1' },
      { at: '2026-11-25T03:40:00.000Z', outcome: 'BUSY', durationSec: 0, contactId: 'c-2' },
      { at: '2026-11-26T06:20:00.000Z', outcome: 'VOICEMAIL', durationSec: 35, contactId: 'c-3' },
    ]);
  });

  it('summarizes an answered call and keeps the case CALLING', async () => {
    // Prepare
    await reserved('case-2');

    // Act
    const decision = await handler.recordCallAttempt(
      {
        caseId: 'case-2',
        call: {
          outcome: 'ANSWERED',
          contactId: 'c-20',
          durationSec: 412,
          startedAt: '2026-11-25T01:29:00.000Z',
        },
      },
      wed1030,
    );

    // Assess
    expect(decision).toEqual({ next: 'SUMMARIZE', attemptsSoFar: 1, callbacksSoFar: 0 });
    expect(await repo.getCase('case-2')).toMatchObject({
      progress: 'CALLING',
      attempts: [
        { at: '2026-11-25T01:29:00.000Z', outcome: 'ANSWERED', durationSec: 412, contactId: 'c-20' },
      ],
    });
  });

  it('records a contact reported twice only once and decides the same', async () => {
    // Prepare
    await reserved('case-3');
    const event = {
      caseId: 'case-3',
      call: { outcome: 'NO_ANSWER' as const, contactId: 'c-30', durationSec: 0 },
    };

    // Act
    const first = await handler.recordCallAttempt(event, wed1030);
    const replayed = await handler.recordCallAttempt(event, wed1030);

    // Assess
    expect(replayed).toEqual(first);
    expect((await repo.getCase('case-3')).attempts).toHaveLength(1);
  });

  it('records the "Record Failed Call" state (no contact) as FAILED at the current time', async () => {
    // Prepare
    await reserved('case-4');

    // Act
    const decision = await handler.recordCallAttempt(
      {
        caseId: 'case-4',
        call: { outcome: 'FAILED', contactId: 'none', durationSec: 0, error: 'States.Timeout' } as never,
      },
      wed1030,
    );

    // Assess
    expect(decision).toEqual({ next: 'RETRY', retryAt: '2026-11-25T03:40:00.000Z' });
    expect((await repo.getCase('case-4')).attempts).toEqual([
      { at: '2026-11-25T01:30:00.000Z', outcome: 'FAILED', durationSec: 0, contactId: 'none' },
    ]);
  });
});
