import { beforeAll, describe, expect, it } from 'vitest';
import type { Household } from '../../../../functions/domain/household.ts';
import { useFreshLocalTables } from '../../../support/local-tables.ts';

type Handler = typeof import('../../../../functions/reserve-case/handler.ts');
type Repo = typeof import('../../../../functions/shared/case-repository.ts');

process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
const now = new Date('2026-11-25T00:00:00.000Z'); // Wed 09:00 KST

const household = (householdId: string, overrides: Partial<Household> = {}): Household => ({
  householdId,
  name: '이 말자',
  phone: '+821055512345',
  phoneKind: 'MOBILE',
  districtCode: '46130',
  dong: '돌산읍',
  riskFlags: ['단수', '통신비체납'],
  birthYear: 1939,
  ...overrides,
});

let reserveCase: Handler;
let repo: Repo;

beforeAll(async () => {
  await useFreshLocalTables();
  reserveCase = await import('../../../../functions/reserve-case/handler.ts');
  repo = await import('../../../../functions/shared/case-repository.ts');
});

describe('Function: reserve', () => {
  it('reserves the case and returns the pre-notice with the code stored on the case', async () => {
    // Act
    const result = await reserveCase.reserve(
      { batchId: 'batch-y', caseId: 'case-1', household: household('H-1') },
      now,
    );

    // Assess
    const record = await repo.getCase('case-1');
    expect(result.status).toBe('RESERVED');
    expect(record).toMatchObject({
      progress: 'SCHEDULED',
      batchId: 'batch-y',
      householdId: 'H-1',
      attempts: [],
    });
    expect(record.verificationCode).toMatch(/^[1-9]\d{3}$/);
    expect(result.noticeText.startsWith('[여수시청 복지지원과]')).toBe(true);
    expect(result.noticeText.match(/(?<![\d-])\d{4}(?![\d-])/g)).toEqual([record.verificationCode]);
    expect(result.noticeText).toContain('061-659-3000');
  });

  it('answers ALREADY_RESERVED for the same list started again', async () => {
    // Prepare
    await reserveCase.reserve({ batchId: 'batch-y', caseId: 'case-2', household: household('H-2') }, now);

    // Act
    const again = await reserveCase.reserve(
      { batchId: 'batch-y', caseId: 'case-2', household: household('H-2') },
      now,
    );

    // Assess
    expect(again.status).toBe('ALREADY_RESERVED');
  });

  it('answers DUPLICATE for a household already active from another list', async () => {
    // Prepare
    await reserveCase.reserve({ batchId: 'batch-y', caseId: 'case-3a', household: household('H-3') }, now);

    // Act
    const duplicate = await reserveCase.reserve(
      { batchId: 'batch-z', caseId: 'case-3b', household: household('H-3') },
      now,
    );

    // Assess
    expect(duplicate.status).toBe('DUPLICATE');
  });

  it('answers OPTED_OUT and records the finished case for a household that asked not to be called', async () => {
    // Prepare
    await repo.recordOptOut({ districtCode: '46130', householdId: 'H-4', caseId: 'earlier', now });

    // Act
    const result = await reserveCase.reserve(
      { batchId: 'batch-y', caseId: 'case-4', household: household('H-4') },
      now,
    );

    // Assess
    expect(result.status).toBe('OPTED_OUT');
    expect(await repo.getCase('case-4')).toMatchObject({ progress: 'DONE', result: 'OPTED_OUT' });
  });

  it('fails for a district that is not configured, before writing anything', async () => {
    // Act
    const act = reserveCase.reserve(
      { batchId: 'batch-y', caseId: 'case-5', household: household('H-5', { districtCode: '99999' }) },
      now,
    );

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'UnknownDistrictError' });
    await expect(repo.getCase('case-5')).rejects.toBeInstanceOf(repo.CaseNotFoundError);
  });
});

describe('Function: newVerificationCode', () => {
  it('is four digits from 1000 to 9999', () => {
    expect(reserveCase.newVerificationCode(() => 0)).toBe('1000');
    expect(reserveCase.newVerificationCode(() => 8998)).toBe('9998');
  });

  it('draws again instead of a trivial code like 1111', () => {
    // Prepare
    const draws = [111, 7777 - 1000, 3821];

    // Act
    const code = reserveCase.newVerificationCode(() => draws.shift() ?? 0);

    // Assess
    expect(code).toBe('4821');
    expect(draws).toEqual([]);
  });
});
