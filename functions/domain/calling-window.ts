/**
 * When the AI may call a household: weekdays in office hours, Korea time (Asia/Seoul, UTC+9, no DST), never on
 * public holidays (incl. substitute holidays, 대체공휴일) or office closure days. Pure functions of an instant;
 * the holiday calendar is the gazette data of `@hyunbinseo/holidays-kr`, loaded synchronously.
 */
import * as holidayPresets from '@hyunbinseo/holidays-kr/all';

export type Weekday = 'SUN' | 'MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT';
const WEEKDAYS: readonly Weekday[] = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

export interface CallingWindowConfig {
  /** Days on which calls are allowed. @default ['MON','TUE','WED','THU','FRI'] */
  days?: readonly Weekday[];
  /** Korea wall time the window opens, `HH:MM`. @default '10:00' */
  start?: string;
  /** Korea wall time the window closes, `HH:MM` (exclusive). @default '18:00' */
  end?: string;
  /** Skip Korean public holidays, substitute holidays included. @default true */
  holidays?: boolean;
  /** More closed days, `YYYY-MM-DD` in Korea time (e.g. the district's own closure or 임시공휴일 not yet gazetted). */
  extraClosedDates?: readonly string[];
}

export const DEFAULT_CALLING_WINDOW: Required<CallingWindowConfig> = {
  days: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
  start: '10:00',
  end: '18:00',
  holidays: true,
  extraClosedDates: [],
};

export interface SlotOptions {
  /** The slot is at least this many minutes after `after`. @default 0 */
  minLeadMinutes?: number;
  /** A call must not START in the last N minutes of the window. @default 10 */
  latestStartBeforeEndMinutes?: number;
}

/** The holiday data does not cover the date, so we cannot tell whether calling is allowed. */
export class HolidayDataUnavailableError extends RangeError {
  constructor(date: string) {
    super(
      `No Korean holiday data for ${date} (covered: ${HOLIDAY_DATA_YEARS.first}–${HOLIDAY_DATA_YEARS.last}); update @hyunbinseo/holidays-kr or set holidays: false with extraClosedDates`,
    );
    this.name = 'HolidayDataUnavailableError';
  }
}

/** The calling window configuration is unusable (bad time, no day allowed, empty window). */
export class CallingWindowConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CallingWindowConfigError';
  }
}

const HOLIDAYS = new Map<string, readonly string[]>();
const holidayYears: number[] = [];
for (const [exportName, preset] of Object.entries(holidayPresets)) {
  const year = /^y(\d{4})$/.exec(exportName)?.[1];
  if (!year) continue;
  holidayYears.push(Number(year));
  for (const [date, names] of Object.entries(preset as Record<string, readonly string[]>))
    HOLIDAYS.set(date, names);
}

/** Years the holiday data covers (both inclusive); dates outside throw `HolidayDataUnavailableError`. */
export const HOLIDAY_DATA_YEARS = {
  first: Math.min(...holidayYears),
  last: Math.max(...holidayYears),
} as const;

const MINUTE = 60_000;
const DAY = 86_400_000;
const KST_OFFSET = 9 * 3_600_000;

/** Days since 1970-01-01 in Korea time. */
function kstDay(ms: number): number {
  return Math.floor((ms + KST_OFFSET) / DAY);
}
/** The instant of 00:00 Korea time on a Korea day. */
function dayStart(day: number): number {
  return day * DAY - KST_OFFSET;
}
function dayString(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` of an instant in Korea time. */
export function kstDateString(instant: Date): string {
  return dayString(kstDay(instant.getTime()));
}

/** Names of the public holiday(s) on a Korea date `YYYY-MM-DD`, or undefined; throws outside the data's years. */
export function holidayNamesOn(date: string): readonly string[] | undefined {
  const year = Number(date.slice(0, 4));
  if (!(year >= HOLIDAY_DATA_YEARS.first && year <= HOLIDAY_DATA_YEARS.last)) {
    throw new HolidayDataUnavailableError(date);
  }
  return HOLIDAYS.get(date);
}

interface ResolvedWindow {
  days: boolean[];
  startMin: number;
  endMin: number;
  holidays: boolean;
  closed: Set<string>;
}

function parseClock(value: string, name: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!match || Number(match[2]) > 59 || !(minutes >= 0 && minutes <= 24 * 60)) {
    throw new CallingWindowConfigError(`${name} must be HH:MM, got "${value}"`);
  }
  return minutes;
}

const resolvedCache = new WeakMap<CallingWindowConfig, ResolvedWindow>();

function resolve(cfg: CallingWindowConfig): ResolvedWindow {
  const cached = resolvedCache.get(cfg);
  if (cached) return cached;
  const merged = { ...DEFAULT_CALLING_WINDOW, ...cfg };
  const startMin = parseClock(merged.start, 'start');
  const endMin = parseClock(merged.end, 'end');
  if (endMin <= startMin)
    throw new CallingWindowConfigError(`end ${merged.end} must be after start ${merged.start}`);
  const days = WEEKDAYS.map((d) => merged.days.includes(d));
  if (!days.some(Boolean)) throw new CallingWindowConfigError('days must allow at least one weekday');
  const resolved = {
    days,
    startMin,
    endMin,
    holidays: merged.holidays,
    closed: new Set(merged.extraClosedDates),
  };
  resolvedCache.set(cfg, resolved);
  return resolved;
}

function isOpenDay(day: number, w: ResolvedWindow): boolean {
  const date = dayString(day);
  if (w.holidays && holidayNamesOn(date)) return false;
  if (!w.days[new Date(day * DAY).getUTCDay()]) return false;
  return !w.closed.has(date);
}

/** Is calling allowed on this Korea date (`YYYY-MM-DD`, or the Korea date of an instant)? */
export function isCallingDay(
  date: string | Date,
  cfg: CallingWindowConfig = DEFAULT_CALLING_WINDOW,
): boolean {
  const day =
    typeof date === 'string' ? Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY) : kstDay(date.getTime());
  if (Number.isNaN(day)) throw new RangeError(`Not a date: ${String(date)}`);
  return isOpenDay(day, resolve(cfg));
}

/** Is the instant inside calling hours on a calling day (start inclusive, end exclusive, Korea time)? */
export function isInsideCallingWindow(
  instant: Date,
  cfg: CallingWindowConfig = DEFAULT_CALLING_WINDOW,
): boolean {
  const w = resolve(cfg);
  const ms = instant.getTime();
  const day = kstDay(ms);
  const minuteOfDay = (ms - dayStart(day)) / MINUTE;
  return minuteOfDay >= w.startMin && minuteOfDay < w.endMin && isOpenDay(day, w);
}

const SEARCH_DAYS = 400;

/** Last minute-of-day at which a call may still start. */
function lastStartMin(w: ResolvedWindow, options: SlotOptions): number {
  const last = w.endMin - (options.latestStartBeforeEndMinutes ?? 10);
  if (last <= w.startMin)
    throw new CallingWindowConfigError('latestStartBeforeEndMinutes leaves no time to call');
  return last;
}

/** Earliest instant ≥ `from` that is on an open day within [fromMin, toMin) minute-of-day. */
function firstInRange(from: number, fromMin: number, toMin: number, w: ResolvedWindow): number {
  const firstDay = kstDay(from);
  for (let day = firstDay; day < firstDay + SEARCH_DAYS; day++) {
    if (!isOpenDay(day, w)) continue;
    const candidate = Math.max(dayStart(day) + fromMin * MINUTE, from);
    if (candidate < dayStart(day) + toMin * MINUTE) return candidate;
  }
  throw new CallingWindowConfigError(
    `no calling time within ${SEARCH_DAYS} days of ${new Date(from).toISOString()}`,
  );
}

/**
 * The earliest instant at or after `after` (+ `minLeadMinutes`) at which a call may start: on a calling day,
 * at or after the window's start and before its end minus `latestStartBeforeEndMinutes`. An instant already
 * inside is returned as is; otherwise the next calling day's opening time (Friday 17:55 → Monday 10:00).
 * Throws `HolidayDataUnavailableError` when it would have to look at a date the holiday data does not cover.
 */
export function nextCallingSlot(
  after: Date,
  cfg: CallingWindowConfig = DEFAULT_CALLING_WINDOW,
  options: SlotOptions = {},
): Date {
  const w = resolve(cfg);
  const from = after.getTime() + (options.minLeadMinutes ?? 0) * MINUTE;
  return new Date(firstInRange(from, w.startMin, lastStartMin(w, options), w));
}

/**
 * A requested callback time ("내일 오후 3시에 다시 전화 주세요"): the requested instant when a call may start
 * then, otherwise the next calling slot after it.
 */
export function resolveCallbackTime(
  requested: Date,
  cfg: CallingWindowConfig = DEFAULT_CALLING_WINDOW,
): Date {
  return nextCallingSlot(requested, cfg);
}

export type DayPart = 'MORNING' | 'MIDDAY' | 'LATE';
const DAY_PARTS: readonly DayPart[] = ['MORNING', 'MIDDAY', 'LATE'];

function partBounds(w: ResolvedWindow, part: number): [number, number] {
  const length = (w.endMin - w.startMin) / 3;
  return [w.startMin + part * length, w.startMin + (part + 1) * length];
}

function partIndexOf(ms: number, w: ResolvedWindow): number {
  const minuteOfDay = (ms - dayStart(kstDay(ms))) / MINUTE;
  const length = (w.endMin - w.startMin) / 3;
  return Math.min(2, Math.max(0, Math.floor((minuteOfDay - w.startMin) / length)));
}

/**
 * Part of the calling day an instant falls in: the window split in three (10:00–18:00 → MORNING until 12:40,
 * MIDDAY until 15:20, LATE after). Instants before the window count as MORNING, after it as LATE.
 */
export function dayPartOf(instant: Date, cfg: CallingWindowConfig = DEFAULT_CALLING_WINDOW): DayPart {
  return DAY_PARTS[partIndexOf(instant.getTime(), resolve(cfg))]!;
}

export interface RetryOptions extends SlotOptions {
  /** Minimum time between the previous attempt and the retry. @default 120 */
  minGapMinutes?: number;
}

/**
 * When to try a household again after an unanswered call at `after`. People who miss a morning call are often
 * out every morning, so each retry moves to the next part of the day (MORNING → MIDDAY → LATE → MORNING …),
 * at least `minGapMinutes` (2 h) later, and attempts 3, 5, … start on a later calling day so nobody gets more
 * than two calls a day. E.g. Mon 10:30 → Mon 12:40 → Tue 15:20 → Wed 10:00.
 *
 * @param after when the previous attempt was made
 * @param attemptNumber the attempt being scheduled (2 for the first retry)
 */
export function retrySlot(
  after: Date,
  attemptNumber: number,
  cfg: CallingWindowConfig = DEFAULT_CALLING_WINDOW,
  options: RetryOptions = {},
): Date {
  const w = resolve(cfg);
  const previous = after.getTime();
  let earliest = previous + (options.minGapMinutes ?? 120) * MINUTE;
  if (attemptNumber >= 3 && attemptNumber % 2 === 1)
    earliest = Math.max(earliest, dayStart(kstDay(previous) + 1));
  const target = (partIndexOf(previous, w) + 1) % 3;
  const [fromMin, partEnd] = partBounds(w, target);
  return new Date(firstInRange(earliest, fromMin, Math.min(partEnd, lastStartMin(w, options)), w));
}

/** Deterministic fraction in [0, 1) from an integer (Knuth multiplicative hash). */
function jitterFraction(position: number): number {
  return (Math.imul(position, 2654435761) >>> 0) / 2 ** 32;
}

/**
 * Spreads a batch over calling hours so a district's list does not ring 2,000 phones at 10:00. Position `n`
 * (0-based) goes to calling-hour `floor(n / callsPerHour)` counted from the first calling slot at or after
 * `after`, where hours are counted only inside calling time (evenings, weekends and holidays skipped); within
 * its hour it gets slot `n % callsPerHour` plus a minute jitter derived from `n`. Deterministic.
 */
export function pacedSlot(
  after: Date,
  position: number,
  callsPerHour: number,
  cfg: CallingWindowConfig = DEFAULT_CALLING_WINDOW,
  options: SlotOptions = {},
): Date {
  if (!Number.isInteger(position) || position < 0) throw new RangeError('position must be an integer ≥ 0');
  if (!(callsPerHour > 0)) throw new RangeError('callsPerHour must be > 0');
  const w = resolve(cfg);
  const lastMin = lastStartMin(w, options);
  const spacing = 60 / callsPerHour;
  const hour = Math.floor(position / callsPerHour);
  const offsetMinutes = hour * 60 + ((position % callsPerHour) + jitterFraction(position)) * spacing;
  let remaining = Math.floor(offsetMinutes * 60) * 1000;
  let cursor = nextCallingSlot(after, cfg, options).getTime();
  for (let i = 0; i < SEARCH_DAYS * 10; i++) {
    const dayEnd = dayStart(kstDay(cursor)) + lastMin * MINUTE;
    if (cursor + remaining < dayEnd) return new Date(cursor + remaining);
    remaining -= dayEnd - cursor;
    cursor = firstInRange(dayEnd, w.startMin, lastMin, w);
  }
  throw new CallingWindowConfigError('position is too far in the future to place');
}
