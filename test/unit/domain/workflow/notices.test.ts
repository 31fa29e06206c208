import { describe, expect, it } from 'vitest';
import { SAMPLE_DISTRICTS } from '../../../../functions/domain/district-directory.ts';
import { preNoticeText, unreachableNoticeText } from '../../../../functions/domain/notices.ts';

const districts = Object.values(SAMPLE_DISTRICTS);
// Korean SMS goes out as UCS-2: three concatenated segments carry 3 × 67 characters.
const MAX_SMS_CHARS = 201;
/** 4-digit numbers standing alone (not part of a phone number like 02-3423-5000). */
const codesIn = (text: string) => text.match(/(?<![\d-])\d{4}(?![\d-])/g) ?? [];

describe('Function: preNoticeText', () => {
  it.each(districts)('names $officeName, its number and the code ($name)', (district) => {
    // Act
    const text = preNoticeText(district, '4821');

    // Assess
    expect(text.startsWith(`[${district.officeName}]`)).toBe(true);
    expect(text).toContain(district.officePhone);
    expect(text).toContain('확인번호');
    expect(codesIn(text)).toEqual(['4821']);
    expect(text.length).toBeLessThanOrEqual(MAX_SMS_CHARS);
  });

  it('carries exactly the code it is given', () => {
    // Act
    const text = preNoticeText(SAMPLE_DISTRICTS['11680']!, '0371');

    // Assess
    expect(codesIn(text)).toEqual(['0371']);
  });

  it('never asks for an account number or password, only says the office will not', () => {
    // Act
    const text = preNoticeText(SAMPLE_DISTRICTS['26350']!, '5307');

    // Assess: every sentence that mentions 계좌 or 비밀번호 is the "we never ask" warning
    const sentences = text.split(/(?<=[.!?])\s+/);
    const mentions = sentences.filter((s) => /계좌|비밀번호|카드번호|주민등록번호/.test(s));
    expect(mentions).toHaveLength(1);
    expect(mentions[0]).toMatch(/묻지 않습니다\.$/);
    expect(text).not.toMatch(/입금|송금|이체|알려\s?주세요|입력해\s?주세요|https?:\/\//);
  });
});

describe('Function: unreachableNoticeText', () => {
  it.each(districts)('names $officeName and its number ($name)', (district) => {
    // Act
    const text = unreachableNoticeText(district);

    // Assess
    expect(text.startsWith(`[${district.officeName}]`)).toBe(true);
    expect(text).toContain(district.officePhone);
    expect(codesIn(text)).toEqual([]);
    expect(text.length).toBeLessThanOrEqual(MAX_SMS_CHARS);
    expect(text).not.toMatch(/계좌|비밀번호|입금|송금|https?:\/\//);
  });
});
