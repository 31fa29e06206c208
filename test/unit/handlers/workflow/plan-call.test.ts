import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isInsideCallingWindow } from '../../../../functions/domain/calling-window.ts';
import type { Household } from '../../../../functions/domain/household.ts';
import { readWorkflowSettings, type WorkflowSettings } from '../../../../functions/shared/settings.ts';
import { useFreshLocalTables } from '../../../support/local-tables.ts';

type Handler = typeof import('../../../../functions/plan-call/handler.ts');
type Repo = typeof import('../../../../functions/shared/case-repository.ts');

process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const MINUTE = 60_000;
// 10 slots × 6 calls per slot-hour = 60 calls per calling hour; 30 min SMS lead.
const settings: WorkflowSettings = {
  ...readWorkflowSettings({}),
  callSlots: 10,
  callsPerSlotHour: 6,
  noticeLeadMinutes: 30,
  callingHours: { start: '10:00', end: '18:00' },
  callingDays: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
};

const wed0700 = new Date('2026-11-24T22:00:00.000Z'); // Wed 07:00 KST
const wed1000 = new Date('2026-11-25T01:00:00.000Z'); // Wed 10:00 KST
const fri1755 = new Date('2026-11-27T08:55:00.000Z'); // Fri 17:55 KST

let handler: Handler;
let repo: Repo;

beforeAll(async () => {
  await useFreshLocalTables();
  handler = await import('../../../../functions/plan-call/handler.ts');
  repo = await import('../../../../functions/shared/case-repository.ts');
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Function: planCall (FIRST)', () => {
  it('sends the pre-notice to a mobile the lead time before the call', () => {
    // Act
    const plan = handler.planCall(
      { mode: 'FIRST', caseId: 'c', position: 0, phoneKind: 'MOBILE' },
      wed1000,
      settings,
    );

    // Assess
    expect(plan).toEqual({ noticeAt: '2026-11-25T01:00:00.000Z', callAt: '2026-11-25T01:30:00.000Z' });
  });

  it('calls a landline without lead time', () => {
    const plan = handler.planCall(
      { mode: 'FIRST', caseId: 'c', position: 0, phoneKind: 'LANDLINE' },
      wed1000,
      settings,
    );
    expect(plan).toEqual({ noticeAt: '2026-11-25T01:00:00.000Z', callAt: '2026-11-25T01:00:00.000Z' });
  });

  it('plans a list uploaded before office hours to call from 10:00, the notice 30 minutes earlier', () => {
    // Act
    const plan = handler.planCall(
      { mode: 'FIRST', caseId: 'c', position: 0, phoneKind: 'MOBILE' },
      wed0700,
      settings,
    );

    // Assess
    expect(plan).toEqual({ noticeAt: '2026-11-25T00:30:00.000Z', callAt: '2026-11-25T01:00:00.000Z' });
  });

  it('paces a batch by position: later positions call later, 60 per calling hour, all inside calling hours', () => {
    // Act
    const plans = [0, 1, 59, 60, 61, 479, 480].map((position) =>
      handler.planCall(
        { mode: 'FIRST', caseId: `c-${position}`, position, phoneKind: 'MOBILE' },
        wed1000,
        settings,
      ),
    );

    // Assess
    const callAt = plans.map((p) => Date.parse(p.callAt));
    for (let i = 1; i < callAt.length; i++) expect(callAt[i]).toBeGreaterThan(callAt[i - 1] ?? 0);
    for (const plan of plans) {
      expect(isInsideCallingWindow(new Date(plan.callAt))).toBe(true);
      expect(Date.parse(plan.callAt) - Date.parse(plan.noticeAt)).toBe(30 * MINUTE);
    }
    // Position 60 opens the second calling hour after the first slot (10:30 KST → 11:30 KST).
    expect(callAt[3]! - callAt[0]!).toBeGreaterThanOrEqual(60 * MINUTE);
    expect(callAt[3]! - callAt[0]!).toBeLessThan(61 * MINUTE);
    // Position 480 is past a day's 7h20m of start times: it goes to Thursday.
    expect(plans[6]!.callAt.slice(0, 10)).toBe('2026-11-26');
  });
});

describe('Function: planCall (DEFER)', () => {
  it('comes back a few minutes later inside calling hours, jittered by position', () => {
    // Act
    const p3 = handler.planCall(
      { mode: 'DEFER', caseId: 'c', position: 3, phoneKind: 'MOBILE' },
      wed1000,
      settings,
    );
    const p17 = handler.planCall(
      { mode: 'DEFER', caseId: 'c', position: 17, phoneKind: 'MOBILE' },
      wed1000,
      settings,
    );

    // Assess
    expect(p3).toEqual({ noticeAt: '2026-11-25T01:00:00.000Z', callAt: '2026-11-25T01:08:00.000Z' });
    expect(p17).toEqual({ noticeAt: '2026-11-25T01:00:00.000Z', callAt: '2026-11-25T01:12:00.000Z' });
  });

  it('moves to the next calling day when office hours are over (Friday 17:55 → Monday 10:00)', () => {
    const plan = handler.planCall(
      { mode: 'DEFER', caseId: 'c', position: 0, phoneKind: 'LANDLINE' },
      fri1755,
      settings,
    );
    expect(plan.callAt).toBe('2026-11-30T01:00:00.000Z');
  });
});

describe('Function: handler', () => {
  it('marks a deferred case RETRY_WAIT and plans it', async () => {
    // Prepare
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(wed1000);
    const h: Household = {
      householdId: 'H-1',
      name: '오 금례',
      phone: '+821011122233',
      phoneKind: 'MOBILE',
      districtCode: '11680',
      riskFlags: [],
    };
    await repo.reserveCase({
      caseId: 'case-1',
      batchId: 'batch-p',
      household: h,
      verificationCode: '9753',
      now: wed1000,
      retentionDays: 365,
    });

    // Act
    const plan = await handler.handler(
      { mode: 'DEFER', caseId: 'case-1', position: 0, phoneKind: 'MOBILE' },
      {} as never,
    );

    // Assess
    expect(plan).toEqual({ noticeAt: '2026-11-25T01:00:00.000Z', callAt: '2026-11-25T01:05:00.000Z' });
    expect((await repo.getCase('case-1')).progress).toBe('RETRY_WAIT');
  });
});
