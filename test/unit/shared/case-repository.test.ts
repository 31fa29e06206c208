import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsultationSummary } from '../../../functions/domain/consultation-summary.ts';
import type { Household } from '../../../functions/domain/household.ts';
import { useFreshLocalTables } from '../../support/local-tables.ts';

type Repo = typeof import('../../../functions/shared/case-repository.ts');

const now = new Date('2026-11-25T01:00:00.000Z'); // Wed 10:00 KST
const later = new Date('2026-11-25T05:00:00.000Z');

let repo: Repo;
let householdSeq = 0;

/** A household of its own per test, so tests do not share locks. */
function household(overrides: Partial<Household> = {}): Household {
  householdSeq += 1;
  return {
    householdId: `H-${String(householdSeq).padStart(4, '0')}`,
    name: '박말순',
    phone: `+82101234${String(householdSeq).padStart(4, '0')}`,
    phoneKind: 'MOBILE',
    districtCode: '11680',
    dong: '역삼1동',
    riskFlags: ['단전', '건강보험료체납'],
    birthYear: 1951,
    ...overrides,
  };
}

const reserveInput = (caseId: string, h: Household, batchId = 'batch-1') => ({
  caseId,
  batchId,
  household: h,
  verificationCode: '4821',
  now,
  retentionDays: 365,
});

const emergency: ConsultationSummary = {
  outcome: 'COMPLETED',
  urgency: 'EMERGENCY',
  crisisTypes: ['MENTAL_HEALTH', 'FOOD'],
  riskFlags: { selfHarm: true },
  followUp: 'IMMEDIATE_VISIT',
  needs: ['긴급 방문'],
  narrative: '며칠째 끼니를 거르고 "다 그만두고 싶다"고 하셨습니다.',
  evidence: [{ claim: '다 그만두고 싶어예', turn: 7 }],
  needsReview: false,
  summarizer: 'rules',
};

beforeAll(async () => {
  await useFreshLocalTables();
  repo = await import('../../../functions/shared/case-repository.ts');
});

describe('Function: reserveCase', () => {
  it('creates a SCHEDULED case with the TTL and locks the household', async () => {
    // Prepare
    const h = household();

    // Act
    const status = await repo.reserveCase(reserveInput('case-r1', h));

    // Assess
    expect(status).toBe('RESERVED');
    expect(await repo.getCase('case-r1')).toEqual({
      ...h,
      caseId: 'case-r1',
      batchId: 'batch-1',
      progress: 'SCHEDULED',
      attempts: [],
      verificationCode: '4821',
      createdAt: '2026-11-25T01:00:00.000Z',
      updatedAt: '2026-11-25T01:00:00.000Z',
      expiresAt: Math.floor(now.getTime() / 1000) + 365 * 86_400,
    });
    expect(await repo.activeBatchOf('11680', h.householdId)).toBe('batch-1');
  });

  it('answers ALREADY_RESERVED for the same case again and keeps the first record', async () => {
    // Prepare
    const h = household();
    await repo.reserveCase(reserveInput('case-r2', h));

    // Act
    const status = await repo.reserveCase({
      ...reserveInput('case-r2', h),
      verificationCode: '9999',
      now: later,
    });

    // Assess
    expect(status).toBe('ALREADY_RESERVED');
    expect((await repo.getCase('case-r2')).verificationCode).toBe('4821');
  });

  it('answers DUPLICATE when another list holds the household, and creates no case', async () => {
    // Prepare
    const h = household();
    await repo.reserveCase(reserveInput('case-r3a', h, 'batch-1'));

    // Act
    const status = await repo.reserveCase(reserveInput('case-r3b', h, 'batch-2'));

    // Assess
    expect(status).toBe('DUPLICATE');
    await expect(repo.getCase('case-r3b')).rejects.toBeInstanceOf(repo.CaseNotFoundError);
    expect(await repo.activeBatchOf('11680', h.householdId)).toBe('batch-1');
  });

  it('reserves the household for a later list once the first case finished', async () => {
    // Prepare
    const h = household();
    await repo.reserveCase(reserveInput('case-r4a', h, 'batch-1'));
    await repo.finishCase({ caseId: 'case-r4a', result: 'REFUSED', reason: 'declined', now });

    // Act
    const status = await repo.reserveCase(reserveInput('case-r4b', h, 'batch-2'));

    // Assess
    expect(status).toBe('RESERVED');
    expect(await repo.activeBatchOf('11680', h.householdId)).toBe('batch-2');
  });

  it('answers ALREADY_RESERVED for a finished case started again and leaves no lock behind', async () => {
    // Prepare
    const h = household();
    await repo.reserveCase(reserveInput('case-r5', h));
    await repo.finishCase({ caseId: 'case-r5', result: 'CONSULTED', reason: 'done', now });

    // Act
    const status = await repo.reserveCase(reserveInput('case-r5', h));

    // Assess
    expect(status).toBe('ALREADY_RESERVED');
    expect(await repo.isHouseholdActive('11680', h.householdId)).toBe(false);
    expect((await repo.getCase('case-r5')).result).toBe('CONSULTED');
  });

  it('writes a finished OPTED_OUT case for a household that opted out, without locking it', async () => {
    // Prepare
    const h = household();
    await repo.recordOptOut({ districtCode: '11680', householdId: h.householdId, caseId: 'earlier', now });

    // Act
    const status = await repo.reserveCase(reserveInput('case-r6', h, 'batch-9'));

    // Assess
    expect(status).toBe('OPTED_OUT');
    expect(await repo.getCase('case-r6')).toMatchObject({
      progress: 'DONE',
      result: 'OPTED_OUT',
      review: 'NEW',
      urgency: 'LOW',
      followUp: 'NONE',
      doneAt: '2026-11-25T01:00:00.000Z',
      queueKey: '3#2026-11-25T01:00:00.000Z#case-r6',
      attempts: [],
    });
    expect(await repo.isHouseholdActive('11680', h.householdId)).toBe(false);
    expect(await repo.isOptedOut('11680', h.householdId)).toBe(true);
  });

  it('keeps opt-outs per district', async () => {
    // Prepare
    const h = household({ districtCode: '26350' });
    await repo.recordOptOut({ districtCode: '11680', householdId: h.householdId, caseId: 'x', now });

    // Act
    const status = await repo.reserveCase(reserveInput('case-r7', h));

    // Assess
    expect(status).toBe('RESERVED');
  });
});

describe('Function: recordAttempt', () => {
  it('appends attempts, sets progress, and records a contact only once', async () => {
    // Prepare
    await repo.reserveCase(reserveInput('case-a1', household()));
    const first = {
      at: '2026-11-25T01:30:00.000Z',
      outcome: 'NO_ANSWER' as const,
      durationSec: 0,
      contactId: 'c-1',
    };
    const second = {
      at: '2026-11-25T04:00:00.000Z',
      outcome: 'ANSWERED' as const,
      durationSec: 310,
      contactId: 'c-2',
    };

    // Act
    await repo.recordAttempt('case-a1', first, 'RETRY_WAIT', now);
    const replayed = await repo.recordAttempt('case-a1', first, 'RETRY_WAIT', later);
    const after = await repo.recordAttempt('case-a1', second, 'CALLING', later);

    // Assess
    expect(replayed.attempts).toEqual([first]);
    expect(after.attempts).toEqual([first, second]);
    expect(after.progress).toBe('CALLING');
    expect(after.updatedAt).toBe('2026-11-25T05:00:00.000Z');
  });

  it('records every failed call without a contact ("none")', async () => {
    // Prepare
    await repo.reserveCase(reserveInput('case-a2', household()));
    const failed = {
      at: '2026-11-25T01:30:00.000Z',
      outcome: 'FAILED' as const,
      durationSec: 0,
      contactId: 'none',
    };

    // Act
    await repo.recordAttempt('case-a2', failed, 'RETRY_WAIT', now);
    const record = await repo.recordAttempt('case-a2', failed, 'RETRY_WAIT', later);

    // Assess
    expect(record.attempts).toHaveLength(2);
  });

  it('refuses to change a finished case', async () => {
    // Prepare
    await repo.reserveCase(reserveInput('case-a3', household()));
    await repo.finishCase({ caseId: 'case-a3', result: 'UNREACHABLE', reason: 'x', now });

    // Act
    const act = repo.recordAttempt(
      'case-a3',
      { at: now.toISOString(), outcome: 'BUSY', durationSec: 0, contactId: 'c-9' },
      'RETRY_WAIT',
      later,
    );

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
  });

  it('throws CaseNotFoundError for an unknown case', async () => {
    const act = repo.recordAttempt(
      'case-missing',
      { at: now.toISOString(), outcome: 'BUSY', durationSec: 0, contactId: 'c-1' },
      'RETRY_WAIT',
      now,
    );
    await expect(act).rejects.toBeInstanceOf(repo.CaseNotFoundError);
  });
});

describe('Function: finishCase', () => {
  it('writes the terminal record once, queue-keyed by urgency, and frees the household', async () => {
    // Prepare
    const h = household();
    await repo.reserveCase(reserveInput('case-f1', h));

    // Act
    const finished = await repo.finishCase({
      caseId: 'case-f1',
      result: 'CONSULTED',
      summary: emergency,
      consultedContactId: 'c-42',
      reason: 'consultation completed',
      now,
    });
    const again = await repo.finishCase({
      caseId: 'case-f1',
      result: 'REFUSED',
      reason: 'second',
      now: later,
    });

    // Assess
    expect(finished).toMatchObject({
      progress: 'DONE',
      result: 'CONSULTED',
      review: 'NEW',
      urgency: 'EMERGENCY',
      crisisTypes: ['MENTAL_HEALTH', 'FOOD'],
      followUp: 'IMMEDIATE_VISIT',
      doneAt: '2026-11-25T01:00:00.000Z',
      queueKey: '0#2026-11-25T01:00:00.000Z#case-f1',
      consultedContactId: 'c-42',
      summary: emergency,
      endReason: 'consultation completed',
    });
    expect(again).toEqual(finished);
    expect(await repo.getCase('case-f1')).toEqual(finished);
    expect(await repo.isHouseholdActive('11680', h.householdId)).toBe(false);
  });

  it('ranks an UNREACHABLE case HIGH with a home visit', async () => {
    // Prepare
    await repo.reserveCase(reserveInput('case-f2', household()));

    // Act
    const finished = await repo.finishCase({
      caseId: 'case-f2',
      result: 'UNREACHABLE',
      reason: '3 attempts without an answer',
      now: later,
    });

    // Assess
    expect(finished).toMatchObject({
      urgency: 'HIGH',
      followUp: 'HOME_VISIT',
      crisisTypes: [],
      queueKey: '1#2026-11-25T05:00:00.000Z#case-f2',
    });
    expect(finished).not.toHaveProperty('summary');
  });

  it('creates the terminal record of a case that was never reserved when the workflow knows the household', async () => {
    // Prepare
    const h = household({ districtCode: '99999' });

    // Act
    const finished = await repo.finishCase({
      caseId: 'case-f3',
      result: 'UNREACHABLE',
      reason: 'SYSTEM_ERROR: UnknownDistrictError',
      now,
      orphan: { batchId: 'batch-7', household: h, retentionDays: 30 },
    });

    // Assess
    expect(await repo.getCase('case-f3')).toEqual(finished);
    expect(finished).toMatchObject({
      ...h,
      caseId: 'case-f3',
      batchId: 'batch-7',
      progress: 'DONE',
      result: 'UNREACHABLE',
      review: 'NEW',
      urgency: 'HIGH',
      followUp: 'HOME_VISIT',
      attempts: [],
      queueKey: '1#2026-11-25T01:00:00.000Z#case-f3',
      endReason: 'SYSTEM_ERROR: UnknownDistrictError',
      expiresAt: Math.floor(now.getTime() / 1000) + 30 * 86_400,
    });
  });

  it('throws CaseNotFoundError for an unknown case without the household', async () => {
    const act = repo.finishCase({ caseId: 'case-f4', result: 'UNREACHABLE', reason: 'x', now });
    await expect(act).rejects.toBeInstanceOf(repo.CaseNotFoundError);
  });
});

describe('Function: setProgress / countCallback', () => {
  it('moves an open case along and counts callbacks', async () => {
    // Prepare
    await repo.reserveCase(reserveInput('case-p1', household()));

    // Act
    await repo.setProgress('case-p1', 'CALLING', later);
    const first = await repo.countCallback('case-p1', later);
    const second = await repo.countCallback('case-p1', later);

    // Assess
    expect([first, second]).toEqual([1, 2]);
    expect(await repo.getCase('case-p1')).toMatchObject({ progress: 'RETRY_WAIT', callbacks: 2 });
  });

  it('does not reopen a finished case', async () => {
    // Prepare
    await repo.reserveCase(reserveInput('case-p2', household()));
    await repo.finishCase({ caseId: 'case-p2', result: 'CONSULTED', reason: 'x', now });

    // Act
    const act = repo.setProgress('case-p2', 'CALLING', later);

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    expect((await repo.getCase('case-p2')).progress).toBe('DONE');
  });
});
