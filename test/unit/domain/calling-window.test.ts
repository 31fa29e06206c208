import { describe, expect, it } from 'vitest';
import {
  type CallingWindowConfig,
  CallingWindowConfigError,
  DEFAULT_CALLING_WINDOW,
  dayPartOf,
  HOLIDAY_DATA_YEARS,
  HolidayDataUnavailableError,
  holidayNamesOn,
  isCallingDay,
  isInsideCallingWindow,
  kstDateString,
  nextCallingSlot,
  pacedSlot,
  resolveCallbackTime,
  retrySlot,
} from '../../../functions/domain/calling-window.ts';

/** An instant given as Korea wall time. */
const kst = (wall: string) => new Date(`${wall}+09:00`);
/** The Korea wall time of an instant, `YYYY-MM-DDTHH:MM`. */
const wall = (instant: Date) => new Date(instant.getTime() + 9 * 3_600_000).toISOString().slice(0, 16);
const HOUR = 3_600_000;

describe('Holiday data', () => {
  it('covers 2018 to 2027 with substitute holidays', () => {
    expect(HOLIDAY_DATA_YEARS).toEqual({ first: 2018, last: 2027 });
    expect(holidayNamesOn('2026-03-02')).toEqual(['대체공휴일(3ㆍ1절)']);
    expect(holidayNamesOn('2027-02-09')).toEqual(['대체공휴일(설날)']);
    expect(holidayNamesOn('2026-03-03')).toBeUndefined();
  });

  it('fails loudly for a year it does not cover', () => {
    expect(() => holidayNamesOn('2028-01-03')).toThrow(HolidayDataUnavailableError);
    expect(() => holidayNamesOn('2017-12-29')).toThrow('2018–2027');
  });
});

describe('Function: kstDateString', () => {
  it('uses the Korea date, not the UTC date', () => {
    expect(kstDateString(new Date('2026-01-01T14:59:59Z'))).toBe('2026-01-01');
    expect(kstDateString(new Date('2026-01-01T15:00:00Z'))).toBe('2026-01-02');
  });
});

describe('Function: isCallingDay', () => {
  it.each([
    ['2026-03-09', true], // Monday
    ['2026-03-14', false], // Saturday
    ['2026-01-01', false], // 1월 1일
    ['2026-02-17', false], // 설날
    ['2026-03-02', false], // 대체공휴일(3ㆍ1절)
    ['2026-05-01', false], // 노동절
    ['2026-09-25', false], // 추석
    ['2026-10-05', false], // 대체공휴일(개천절)
    ['2027-10-11', false], // 대체공휴일(한글날)
    ['2027-12-27', false], // 대체공휴일(기독탄신일)
    ['2027-12-28', true],
  ])('%s → %s', (date, expected) => {
    expect(isCallingDay(date)).toBe(expected);
  });

  it('honours extra closed dates and holidays: false', () => {
    expect(isCallingDay('2026-03-10', { extraClosedDates: ['2026-03-10'] })).toBe(false);
    expect(isCallingDay('2026-09-25', { holidays: false })).toBe(true);
    expect(isCallingDay('2028-03-10', { holidays: false })).toBe(true);
  });
});

describe('Function: isInsideCallingWindow', () => {
  it.each([
    ['2026-03-10T10:00:00', true],
    ['2026-03-10T09:59:59', false],
    ['2026-03-10T17:59:59', true],
    ['2026-03-10T18:00:00', false],
    ['2026-03-10T21:30:00', false],
    ['2026-03-14T11:00:00', false], // Saturday
    ['2026-01-01T11:00:00', false], // New Year
    ['2027-01-01T11:00:00', false],
  ])('%s KST → %s', (time, expected) => {
    expect(isInsideCallingWindow(kst(time))).toBe(expected);
  });

  it('judges by Korea time when the UTC day differs', () => {
    // 2026-03-02T01:00Z is Monday 10:00 KST, but a substitute holiday; 2026-03-03T00:30Z is Tuesday 09:30 KST
    expect(isInsideCallingWindow(new Date('2026-03-02T01:00:00Z'))).toBe(false);
    expect(isInsideCallingWindow(new Date('2026-03-03T00:30:00Z'))).toBe(false);
    expect(isInsideCallingWindow(new Date('2026-03-03T01:00:00Z'))).toBe(true);
    // 08:59Z is 17:59 KST (inside); 09:00Z is 18:00 KST (outside)
    expect(isInsideCallingWindow(new Date('2026-03-03T08:59:00Z'))).toBe(true);
    expect(isInsideCallingWindow(new Date('2026-03-03T09:00:00Z'))).toBe(false);
  });

  it('uses a custom window', () => {
    const cfg: CallingWindowConfig = { days: ['SAT'], start: '09:30', end: '12:00' };
    expect(isInsideCallingWindow(kst('2026-03-14T09:30:00'), cfg)).toBe(true);
    expect(isInsideCallingWindow(kst('2026-03-14T12:00:00'), cfg)).toBe(false);
    expect(isInsideCallingWindow(kst('2026-03-13T10:00:00'), cfg)).toBe(false);
  });
});

describe('Function: nextCallingSlot', () => {
  it.each([
    ['inside the window stays', '2026-03-10T14:23', '2026-03-10T14:23'],
    ['early morning waits for opening', '2026-03-10T07:15', '2026-03-10T10:00'],
    ['evening goes to the next morning', '2026-03-10T19:00', '2026-03-11T10:00'],
    ['17:49 may still start', '2026-03-10T17:49', '2026-03-10T17:49'],
    ['last 10 minutes go to the next day', '2026-03-10T17:50', '2026-03-11T10:00'],
    ['Friday 17:55 → Monday 10:00', '2026-01-09T17:55', '2026-01-12T10:00'],
    ['Saturday → Monday', '2026-03-14T11:00', '2026-03-16T10:00'],
    ['추석 2026 (Thu–Sat) → Monday', '2026-09-23T19:00', '2026-09-28T10:00'],
    ['설날 2026 (Mon–Wed) → Thursday', '2026-02-13T18:30', '2026-02-19T10:00'],
    ['3ㆍ1절 on Sunday, substitute Monday → Tuesday', '2026-02-27T18:00', '2026-03-03T10:00'],
    ['개천절 substitute Monday, then 한글날 Friday', '2026-10-02T18:00', '2026-10-06T10:00'],
    ['New Year 2027 (Friday) → Monday', '2026-12-31T18:00', '2027-01-04T10:00'],
    ['설날 2027 with substitute Tuesday → Wednesday', '2027-02-05T18:00', '2027-02-10T10:00'],
    ['추석 2027 (Tue–Thu) → Friday', '2027-09-13T18:00', '2027-09-17T10:00'],
  ])('%s', (_label, from, expected) => {
    expect(wall(nextCallingSlot(kst(`${from}:00`)))).toBe(expected);
  });

  it('crosses midnight UTC and midnight KST correctly', () => {
    // 2026-01-01T15:00Z is Friday 2026-01-02 00:00 KST (a working day after New Year)
    expect(nextCallingSlot(new Date('2026-01-01T15:00:00Z')).toISOString()).toBe('2026-01-02T01:00:00.000Z');
    // 2025-12-31T23:30Z is 2026-01-01 08:30 KST, a holiday, although the UTC date is still 2025-12-31
    expect(nextCallingSlot(new Date('2025-12-31T23:30:00Z')).toISOString()).toBe('2026-01-02T01:00:00.000Z');
  });

  it('applies a minimum lead time', () => {
    expect(
      wall(nextCallingSlot(kst('2026-03-10T17:30:00'), DEFAULT_CALLING_WINDOW, { minLeadMinutes: 30 })),
    ).toBe('2026-03-11T10:00');
    expect(wall(nextCallingSlot(kst('2026-03-10T09:50:00'), {}, { minLeadMinutes: 30 }))).toBe(
      '2026-03-10T10:20',
    );
  });

  it('skips extra closed dates', () => {
    expect(wall(nextCallingSlot(kst('2026-03-10T19:00:00'), { extraClosedDates: ['2026-03-11'] }))).toBe(
      '2026-03-12T10:00',
    );
  });

  it('fails loudly when it would need holiday data beyond 2027', () => {
    expect(() => nextCallingSlot(kst('2027-12-31T18:30:00'))).toThrow(HolidayDataUnavailableError);
    expect(wall(nextCallingSlot(kst('2027-12-31T18:30:00'), { holidays: false }))).toBe('2028-01-03T10:00');
  });

  it.each([
    [{ start: '18:00', end: '10:00' }, 'after start'],
    [{ start: '25:00' }, 'HH:MM'],
    [{ days: [] }, 'at least one'],
  ] as [CallingWindowConfig, string][])('rejects a bad config %j', (cfg, message) => {
    expect(() => nextCallingSlot(kst('2026-03-10T12:00:00'), cfg)).toThrow(CallingWindowConfigError);
    expect(() => nextCallingSlot(kst('2026-03-10T12:00:00'), cfg)).toThrow(message);
  });
});

describe('Function: resolveCallbackTime', () => {
  it.each([
    ['a requested time inside the window is kept', '2026-03-11T15:00', '2026-03-11T15:00'],
    ['"저녁 8시에 전화 주세요" moves to the next morning', '2026-03-11T20:00', '2026-03-12T10:00'],
    ['"토요일에 전화 주세요" moves to Monday', '2026-03-14T11:00', '2026-03-16T10:00'],
    ['a holiday moves to the next working day', '2026-05-05T14:00', '2026-05-06T10:00'],
  ])('%s', (_label, requested, expected) => {
    expect(wall(resolveCallbackTime(kst(`${requested}:00`), DEFAULT_CALLING_WINDOW))).toBe(expected);
  });
});

describe('Function: retrySlot', () => {
  it('moves each retry to the next part of the day, at most two attempts a day', () => {
    // Prepare
    let at = kst('2026-03-09T10:30:00'); // Monday morning, attempt 1
    const schedule: string[] = [];

    // Act
    for (let attempt = 2; attempt <= 5; attempt++) {
      at = retrySlot(at, attempt);
      schedule.push(`${wall(at)} ${dayPartOf(at)}`);
    }

    // Assess
    expect(schedule).toEqual([
      '2026-03-09T12:40 MIDDAY',
      '2026-03-10T15:20 LATE',
      '2026-03-11T10:00 MORNING',
      '2026-03-12T12:40 MIDDAY',
    ]);
  });

  it.each([
    ['a midday miss retries late the same day', '2026-03-09T13:00', 2, '2026-03-09T15:20'],
    ['a late miss retries the next morning', '2026-03-09T17:00', 2, '2026-03-10T10:00'],
    ['a Friday late miss retries Monday morning', '2026-03-13T16:30', 2, '2026-03-16T10:00'],
    ['the gap is at least 2 hours even inside the target part', '2026-03-09T10:00', 2, '2026-03-09T12:40'],
    [
      'attempt 3 after a morning miss goes to the next day, midday',
      '2026-03-09T10:30',
      3,
      '2026-03-10T12:40',
    ],
    ['retries skip 추석', '2026-09-23T16:00', 2, '2026-09-28T10:00'],
  ])('%s', (_label, previous, attempt, expected) => {
    expect(wall(retrySlot(kst(`${previous}:00`), attempt))).toBe(expected);
  });

  it('always lands inside the window, 2+ hours later, in another part of the day', () => {
    for (let minute = 10 * 60; minute < 17 * 60 + 50; minute += 7) {
      // Prepare
      const previous = new Date(kst('2026-03-10T00:00:00').getTime() + minute * 60_000);

      for (const attempt of [2, 3, 4]) {
        // Act
        const next = retrySlot(previous, attempt);

        // Assess
        expect(next.getTime() - previous.getTime()).toBeGreaterThanOrEqual(2 * HOUR);
        expect(isInsideCallingWindow(next)).toBe(true);
        expect(dayPartOf(next)).not.toBe(dayPartOf(previous));
        if (attempt === 3) expect(kstDateString(next) > kstDateString(previous)).toBe(true);
      }
    }
  });
});

describe('Function: pacedSlot', () => {
  const monday9 = kst('2026-03-09T09:00:00');

  it('puts position n into calling hour floor(n / callsPerHour), spaced within the hour', () => {
    // Act + Assess
    expect(wall(pacedSlot(monday9, 0, 10))).toBe('2026-03-09T10:00');
    const p10 = pacedSlot(monday9, 10, 10);
    expect(p10.getTime()).toBeGreaterThanOrEqual(kst('2026-03-09T11:00:00').getTime());
    expect(p10.getTime()).toBeLessThan(kst('2026-03-09T11:06:00').getTime());
    const p75 = pacedSlot(monday9, 75, 10);
    expect(p75.getTime()).toBeGreaterThanOrEqual(kst('2026-03-09T17:30:00').getTime());
    expect(p75.getTime()).toBeLessThan(kst('2026-03-09T17:36:00').getTime());
  });

  it('counts only calling time: a Friday afternoon batch continues on Monday', () => {
    // Prepare: Friday 16:00 leaves 110 calling minutes (until 17:50); hour 2 starts 10 minutes into Monday
    const friday = kst('2026-03-13T16:00:00');

    // Act
    const slot = pacedSlot(friday, 20, 10);

    // Assess
    expect(slot.getTime()).toBeGreaterThanOrEqual(kst('2026-03-16T10:10:00').getTime());
    expect(slot.getTime()).toBeLessThan(kst('2026-03-16T10:16:00').getTime());
  });

  it('is deterministic, increasing, and every slot may start a call', () => {
    // Act
    const slots = Array.from({ length: 300 }, (_, n) => pacedSlot(monday9, n, 12));

    // Assess
    expect(slots.map((s) => s.getTime())).toEqual(
      Array.from({ length: 300 }, (_, n) => pacedSlot(monday9, n, 12).getTime()),
    );
    for (const [i, slot] of slots.entries()) {
      if (i > 0) expect(slot.getTime()).toBeGreaterThan(slots[i - 1]!.getTime());
      expect(nextCallingSlot(slot).getTime()).toBe(slot.getTime());
    }
    // 300 calls at 12/h = 25 calling hours ≈ 3.2 calling days: Mon–Thu
    expect(kstDateString(slots[299]!)).toBe('2026-03-12');
  });

  it('rejects a bad position or rate', () => {
    expect(() => pacedSlot(monday9, -1, 10)).toThrow(RangeError);
    expect(() => pacedSlot(monday9, 1, 0)).toThrow(RangeError);
  });
});
