import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsultationSummary } from '../../../../functions/domain/consultation-summary.ts';
import { SAMPLE_DISTRICTS } from '../../../../functions/domain/district-directory.ts';
import type { Household } from '../../../../functions/domain/household.ts';
import { unreachableNoticeText } from '../../../../functions/domain/notices.ts';
import { useFreshLocalTables } from '../../../support/local-tables.ts';

type Handler = typeof import('../../../../functions/finish-case/handler.ts');
type Repo = typeof import('../../../../functions/shared/case-repository.ts');

// Default settings: sample districts, unreachable SMS on.
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
delete process.env.DISTRICTS;
delete process.env.UNREACHABLE_SMS;

const now = new Date('2026-11-25T02:10:00.000Z');

let handler: Handler;
let repo: Repo;

const household = (householdId: string, overrides: Partial<Household> = {}): Household => ({
  householdId,
  name: '김순자',
  phone: '+821012340000',
  phoneKind: 'MOBILE',
  districtCode: '11680',
  dong: '역삼1동',
  riskFlags: ['단전'],
  ...overrides,
});

const emergency: ConsultationSummary = {
  outcome: 'COMPLETED',
  urgency: 'EMERGENCY',
  crisisTypes: ['MENTAL_HEALTH', 'FOOD'],
  riskFlags: { selfHarm: true },
  followUp: 'IMMEDIATE_VISIT',
  needs: ['즉시 방문', '긴급 생계지원'],
  narrative: '사흘째 끼니를 걸렀고 "이래 살아서 뭐하나 싶다"고 말씀하셨습니다.',
  evidence: [{ claim: '이래 살아서 뭐하나 싶어예', turn: 9 }],
  needsReview: false,
  summarizer: 'rules',
};

async function reserved(caseId: string, h: Household): Promise<void> {
  await repo.reserveCase({
    caseId,
    batchId: 'batch-f',
    household: h,
    verificationCode: '8642',
    now: new Date('2026-11-25T00:00:00.000Z'),
    retentionDays: 365,
  });
}

beforeAll(async () => {
  await useFreshLocalTables();
  handler = await import('../../../../functions/finish-case/handler.ts');
  repo = await import('../../../../functions/shared/case-repository.ts');
});

describe('Function: finish', () => {
  it('records an EMERGENCY consultation and returns the alert naming the district office', async () => {
    // Prepare
    const h = household('H-1');
    await reserved('case-1', h);

    // Act
    const output = await handler.finish(
      {
        caseId: 'case-1',
        state: {
          batchId: 'batch-f',
          household: h,
          call: { contactId: 'contact-1' },
          decision: { result: 'CONSULTED', reason: 'consultation completed', summary: emergency },
        },
      },
      now,
    );

    // Assess
    expect(output).toEqual({
      result: 'CONSULTED',
      urgency: 'EMERGENCY',
      alert: true,
      alertSubject: '[긴급] 강남구 위기가구 상담 결과',
      alertMessage: [
        '강남구청 복지정책과 긴급 대응이 필요한 상담이 접수되었습니다.',
        '사례번호: case-1 (가구번호 H-1, 역삼1동, 김*자)',
        '요약: 사흘째 끼니를 걸렀고 "이래 살아서 뭐하나 싶다"고 말씀하셨습니다.',
        '즉시 방문 또는 연락해 주세요. 상세 내용은 상담 콘솔에서 확인할 수 있습니다.',
      ].join('\n'),
    });
    expect(output.alertMessage).not.toContain('김순자');
    expect(output.alertMessage).not.toContain(h.phone);
    expect(await repo.getCase('case-1')).toMatchObject({
      progress: 'DONE',
      result: 'CONSULTED',
      urgency: 'EMERGENCY',
      review: 'NEW',
      consultedContactId: 'contact-1',
      summary: emergency,
      queueKey: '0#2026-11-25T02:10:00.000Z#case-1',
    });
    expect(await repo.isHouseholdActive('11680', 'H-1')).toBe(false);
  });

  it('returns the office-number SMS for an unreachable mobile, and no alert', async () => {
    // Prepare
    const h = household('H-2');
    await reserved('case-2', h);

    // Act
    const output = await handler.finish(
      {
        caseId: 'case-2',
        state: {
          batchId: 'batch-f',
          household: h,
          decision: { result: 'UNREACHABLE', reason: '3 attempts without an answer' },
        },
      },
      now,
    );

    // Assess
    expect(output).toEqual({
      result: 'UNREACHABLE',
      urgency: 'HIGH',
      alert: false,
      unreachableSmsText: unreachableNoticeText(SAMPLE_DISTRICTS['11680']!),
    });
    expect(output.unreachableSmsText).toMatch(/^\[강남구청 복지정책과\].*02-3423-5000/);
    expect(await repo.getCase('case-2')).toMatchObject({ followUp: 'HOME_VISIT', urgency: 'HIGH' });
  });

  it('sends no SMS to an unreachable landline', async () => {
    // Prepare
    const h = household('H-3', { phoneKind: 'LANDLINE', phone: '+8225551234' });
    await reserved('case-3', h);

    // Act
    const output = await handler.finish(
      { caseId: 'case-3', state: { batchId: 'batch-f', household: h, decision: { result: 'UNREACHABLE' } } },
      now,
    );

    // Assess
    expect(output).toEqual({ result: 'UNREACHABLE', urgency: 'HIGH', alert: false });
  });

  it('sends no SMS to a consulted mobile', async () => {
    // Prepare
    const h = household('H-4');
    await reserved('case-4', h);

    // Act
    const output = await handler.finish(
      {
        caseId: 'case-4',
        state: {
          household: h,
          decision: { result: 'REFUSED', reason: 'resident declined the consultation' },
        },
      },
      now,
    );

    // Assess
    expect(output).toEqual({ result: 'REFUSED', urgency: 'LOW', alert: false });
  });

  it('records a caught step failure as UNREACHABLE with the error in the reason (Record Failure)', async () => {
    // Prepare
    const h = household('H-5');
    await reserved('case-5', h);

    // Act
    const output = await handler.finish(
      {
        caseId: 'case-5',
        state: {
          batchId: 'batch-f',
          household: h,
          decision: { result: 'UNREACHABLE', reason: 'SYSTEM_ERROR' },
          failure: { Error: 'States.TaskFailed', Cause: '{"errorMessage":"boom"}' },
        },
      },
      now,
    );

    // Assess
    expect(output.result).toBe('UNREACHABLE');
    expect(await repo.getCase('case-5')).toMatchObject({
      result: 'UNREACHABLE',
      endReason: 'SYSTEM_ERROR: States.TaskFailed',
    });
  });

  it('writes the terminal record of a household whose case was never reserved', async () => {
    // Prepare: reserve-case failed for good on an unconfigured district
    const h = household('H-6', { districtCode: '99999' });

    // Act
    const output = await handler.finish(
      {
        caseId: 'case-6',
        state: {
          batchId: 'batch-f',
          household: h,
          decision: { result: 'UNREACHABLE', reason: 'SYSTEM_ERROR' },
          failure: { Error: 'UnknownDistrictError' },
        },
      },
      now,
    );

    // Assess: no office number to text, so no SMS
    expect(output).toEqual({ result: 'UNREACHABLE', urgency: 'HIGH', alert: false });
    expect(await repo.getCase('case-6')).toMatchObject({
      caseId: 'case-6',
      batchId: 'batch-f',
      householdId: 'H-6',
      districtCode: '99999',
      progress: 'DONE',
      result: 'UNREACHABLE',
      endReason: 'SYSTEM_ERROR: UnknownDistrictError',
    });
  });

  it('returns the first outcome when the step runs again', async () => {
    // Prepare
    const h = household('H-7');
    await reserved('case-7', h);
    const event = {
      caseId: 'case-7',
      state: {
        batchId: 'batch-f',
        household: h,
        decision: { result: 'CONSULTED' as const, reason: 'consultation completed', summary: emergency },
      },
    };
    const first = await handler.finish(event, now);

    // Act
    const again = await handler.finish(
      { ...event, state: { ...event.state, decision: { result: 'UNREACHABLE' as const } } },
      new Date('2026-11-25T03:00:00.000Z'),
    );

    // Assess
    expect(again).toEqual(first);
    expect((await repo.getCase('case-7')).doneAt).toBe('2026-11-25T02:10:00.000Z');
  });
});
