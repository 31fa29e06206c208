import { describe, expect, it } from 'vitest';
import {
  ATTR,
  callAttributes,
  callContextFromAttributes,
} from '../../../../functions/domain/contact-attributes.ts';

const input = {
  taskToken: 'AQCEAAAAKgAAAAMAAAAAAAAAAd+token==',
  caseId: '3f1c9a0d2b7e4c5f8a6b1d0e9c8f7a6b',
  householdId: 'H-000123',
  districtCode: '46130',
  residentName: '남궁 옥순',
  birthYear: 1948,
  officeName: '여수시청 복지지원과',
  officePhone: '061-659-3000',
  verificationCode: '5307',
  riskFlags: ['단전', '건강보험료체납', '단수'],
};
const now = new Date('2026-11-25T01:30:00.000Z');

describe('Function: callAttributes', () => {
  it('builds string-only Connect attributes with the risk flags joined by ";"', () => {
    // Act
    const attributes = callAttributes(input);

    // Assess
    expect(attributes).toEqual({
      wfcTaskToken: 'AQCEAAAAKgAAAAMAAAAAAAAAAd+token==',
      wfcCaseId: '3f1c9a0d2b7e4c5f8a6b1d0e9c8f7a6b',
      wfcHouseholdId: 'H-000123',
      wfcDistrictCode: '46130',
      wfcResidentName: '남궁 옥순',
      wfcBirthYear: '1948',
      wfcOfficeName: '여수시청 복지지원과',
      wfcOfficePhone: '061-659-3000',
      wfcVerificationCode: '5307',
      wfcRiskFlags: '단전;건강보험료체납;단수',
    });
    expect(Object.values(attributes).every((v) => typeof v === 'string')).toBe(true);
  });

  it('leaves out an unknown birth year', () => {
    const attributes = callAttributes({ ...input, birthYear: undefined });
    expect(attributes).not.toHaveProperty(ATTR.birthYear);
  });
});

describe('Function: callContextFromAttributes', () => {
  it('round-trips the call context the Lex code hook needs', () => {
    // Act
    const context = callContextFromAttributes('contact-77', callAttributes(input), now);

    // Assess
    expect(context).toEqual({
      contactId: 'contact-77',
      residentName: '남궁 옥순',
      birthYear: 1948,
      officeName: '여수시청 복지지원과',
      officePhone: '061-659-3000',
      verificationCode: '5307',
      riskFlags: ['단전', '건강보험료체납', '단수'],
      now: '2026-11-25T01:30:00.000Z',
    });
  });

  it('round-trips no risk flags and no birth year', () => {
    // Act
    const context = callContextFromAttributes(
      'contact-78',
      callAttributes({ ...input, riskFlags: [], birthYear: undefined }),
      now,
    );

    // Assess
    expect(context.riskFlags).toEqual([]);
    expect(context).not.toHaveProperty('birthYear');
  });

  it('tolerates missing and malformed attributes', () => {
    // Act
    const context = callContextFromAttributes('contact-79', { [ATTR.birthYear]: '천구백사십팔' }, now);

    // Assess
    expect(context).toEqual({
      contactId: 'contact-79',
      residentName: '',
      officeName: '',
      officePhone: '',
      verificationCode: '',
      riskFlags: [],
      now: '2026-11-25T01:30:00.000Z',
    });
  });
});
