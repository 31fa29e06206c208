import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { maskName, maskPhone as maskPhoneFromMasking } from '../../../functions/domain/masking.ts';
import {
  formatKoreanPhone,
  maskPhone,
  normalizePhone,
  phoneKindOf,
} from '../../../functions/domain/phone.ts';

describe('Function: normalizePhone', () => {
  it.each([
    ['010-1234-5678', '+821012345678'],
    ['01012345678', '+821012345678'],
    ['010 1234 5678', '+821012345678'],
    ['010.1234.5678', '+821012345678'],
    ['+82 10-1234-5678', '+821012345678'],
    ['+82 010-1234-5678', '+821012345678'],
    ['82-10-1234-5678', '+821012345678'],
    ['821012345678', '+821012345678'],
    ['0082-10-1234-5678', '+821012345678'],
    ['０１０－１２３４－５６７８', '+821012345678'],
    ['  010‐1234‐5678  ', '+821012345678'],
    ['011-234-5678', '+82112345678'],
  ])('normalizes the mobile %s to %s', (raw, e164) => {
    // Act
    const result = normalizePhone(raw);

    // Assess
    expect(result).toEqual({ ok: true, e164, kind: 'MOBILE' });
  });

  it.each([
    ['02-123-4567', '+8221234567'],
    ['02-1234-5678', '+82212345678'],
    ['(02) 123-4567', '+8221234567'],
    ['031-123-4567', '+82311234567'],
    ['051-234-5678', '+82512345678'],
    ['061 234 5678', '+82612345678'],
    ['070-1234-5678', '+827012345678'],
  ])('normalizes the landline or VoIP %s to %s', (raw, e164) => {
    // Act
    const result = normalizePhone(raw);

    // Assess
    expect(result).toEqual({ ok: true, e164, kind: 'LANDLINE' });
  });

  it.each([
    ['', '비어'],
    ['010-1234-567', 'invalid phone'],
    ['0101234567', 'invalid phone'],
    ['010-1234-56789', 'invalid phone'],
    ['12345', 'invalid phone'],
    ['010-1234-5678 (본인)', 'letters'],
    ['전화 없음', 'letters'],
    ['1588-1234', 'representative'],
    ['1644-5678', 'representative'],
    ['080-123-4567', 'toll-free'],
    ['+1 212 555 0100', 'not a Korean'],
    ['+81 90-1234-5678', 'not a Korean'],
  ])('rejects %j with a reason', (raw, reasonPart) => {
    // Act
    const result = normalizePhone(raw);

    // Assess
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reasonPart);
  });
});

describe('Function: normalizePhone (010 fast path)', () => {
  it('agrees with libphonenumber on every 010 middle group (010-597x…599x are not in its plan)', () => {
    for (let middle = 0; middle < 10_000; middle += 1) {
      // Prepare
      const raw = `010-${String(middle).padStart(4, '0')}-${String((middle * 7919) % 10_000).padStart(4, '0')}`;
      const reference = parsePhoneNumberFromString(raw, 'KR');

      // Act
      const result = normalizePhone(raw);

      // Assess
      const valid = reference?.isValid() === true && reference.getType() === 'MOBILE';
      expect(result).toEqual(
        valid ? { ok: true, e164: reference.number, kind: 'MOBILE' } : expect.objectContaining({ ok: false }),
      );
    }
  });
});

describe('Function: phoneKindOf', () => {
  it('tells a mobile from a landline by the E.164 prefix', () => {
    expect(phoneKindOf('+821012345678')).toBe('MOBILE');
    expect(phoneKindOf('+8221234567')).toBe('LANDLINE');
    expect(phoneKindOf('+827012345678')).toBe('LANDLINE');
  });
});

describe('Function: formatKoreanPhone', () => {
  it.each([
    ['+821012345678', '010-1234-5678'],
    ['+8221234567', '02-123-4567'],
    ['+82212345678', '02-1234-5678'],
    ['+82511234567', '051-123-4567'],
    ['+827012345678', '070-1234-5678'],
  ])('formats %s as %s', (e164, display) => {
    expect(formatKoreanPhone(e164)).toBe(display);
  });

  it('returns a non-Korean number unchanged', () => {
    expect(formatKoreanPhone('+12125550100')).toBe('+12125550100');
  });
});

describe('Function: maskPhone', () => {
  it.each([
    ['+821012345678', '010-****-5678'],
    ['+8221234567', '02-***-4567'],
    ['+82212345678', '02-****-5678'],
    ['+82611234567', '061-***-4567'],
  ])('masks %s as %s', (e164, masked) => {
    expect(maskPhone(e164)).toBe(masked);
  });

  it('keeps only the last two digits of something unparseable', () => {
    expect(maskPhone('12345')).toBe('***45');
  });

  it('is re-exported from masking.ts', () => {
    expect(maskPhoneFromMasking('+821098765432')).toBe('010-****-5432');
  });
});

describe('Function: maskName', () => {
  it.each([
    ['김민수', '김*수'],
    ['이수', '이*'],
    ['남궁민수', '남**수'],
    ['김', '*'],
    ['  박 서준 ', '박 *준'],
    ['', ''],
  ])('masks %j as %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});
