import { describe, expect, it } from 'vitest';
import { parseKoreanNumber, resolveKoreanCallback } from '../../../../functions/domain/korean-time.ts';

// Tuesday 2025-03-04 11:00 KST
const now = new Date('2025-03-04T02:00:00.000Z');

describe('Function: resolveKoreanCallback', () => {
  it.each([
    ['내일 오후 세 시에 다시 전화 주세요', '2025-03-05T06:00:00.000Z'],
    ['내일 오전 10시쯤 주세요', '2025-03-05T01:00:00.000Z'],
    ['모레 두 시 반에요', '2025-03-06T05:30:00.000Z'],
    ['다음 주 월요일 오전에 주세요', '2025-03-10T01:00:00.000Z'],
    ['금요일 오후에요', '2025-03-07T05:00:00.000Z'],
    ['이따가 다시 걸어 주세요', '2025-03-04T04:00:00.000Z'],
    ['오후 4시에요', '2025-03-04T07:00:00.000Z'],
    ['한 시간 뒤에 다시 걸어 주세요', '2025-03-04T03:00:00.000Z'],
  ])('"%s" → %s', (utterance, expected) => {
    expect(resolveKoreanCallback(utterance, now)?.at).toBe(expected);
  });

  it('moves an evening request into the next calling day (저녁에 → next morning 10:00)', () => {
    const result = resolveKoreanCallback('저녁에 해 주세요', now);
    expect(result).toEqual({ at: '2025-03-05T01:00:00.000Z', requestedLabel: '오늘 저녁', moved: true });
  });

  it('skips a weekend and a public holiday (3·1절 substitute holiday 2025-03-03)', () => {
    const friday = new Date('2025-02-28T02:00:00.000Z');
    expect(resolveKoreanCallback('주말에 주세요', friday)?.at).toBe('2025-03-04T01:00:00.000Z');
  });

  it('returns undefined when no time was said', () => {
    expect(resolveKoreanCallback('지금은 바빠요', now)).toBeUndefined();
  });
});

describe('Function: parseKoreanNumber', () => {
  it.each([
    ['세', 3],
    ['열두', 12],
    ['오십팔', 58],
    ['15', 15],
  ])('%s → %d', (word, value) => {
    expect(parseKoreanNumber(word)).toBe(value);
  });
});
