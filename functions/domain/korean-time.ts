/**
 * Korean callback time expressions ("내일 오후 세 시", "저녁에", "다음 주 월요일 오전", "모레", "이따가")
 * resolved against the current time in Korea (Asia/Seoul, UTC+9, no DST), then moved inside calling hours
 * by the calling window (holidays skipped).
 */
import { type CallingWindowConfig, DEFAULT_CALLING_WINDOW, resolveCallbackTime } from './calling-window.ts';

const NATIVE: [string, number][] = [
  ['열두', 12],
  ['열한', 11],
  ['열하나', 11],
  ['열', 10],
  ['아홉', 9],
  ['여덟', 8],
  ['일곱', 7],
  ['여섯', 6],
  ['다섯', 5],
  ['네', 4],
  ['넷', 4],
  ['세', 3],
  ['셋', 3],
  ['석', 3],
  ['두', 2],
  ['둘', 2],
  ['한', 1],
  ['하나', 1],
];
const SINO: Record<string, number> = { 일: 1, 이: 2, 삼: 3, 사: 4, 오: 5, 육: 6, 륙: 6, 칠: 7, 팔: 8, 구: 9 };

/** "세" → 3, "열두" → 12, "오십팔" → 58, "15" → 15; undefined when it is not a number. */
export function parseKoreanNumber(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  for (const [native, value] of NATIVE) if (word === native) return value;
  if (!/^[일이삼사오육륙칠팔구십백]+$/.test(word)) return undefined;
  let total = 0;
  let digit = 0;
  for (const ch of word) {
    if (ch === '백') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === '십') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = SINO[ch] ?? 0;
  }
  return total + digit;
}

const HOUR = 3_600_000;
const DAY = 86_400_000;
const KST = 9 * HOUR;
const WEEKDAY_NAMES: Record<string, number> = { 일: 0, 월: 1, 화: 2, 수: 3, 목: 4, 금: 5, 토: 6 };

export interface RequestedTime {
  /** The instant the resident asked for, before calling hours are applied. */
  requested: Date;
  /** What was understood, in Korean (for the read-back). */
  label: string;
}

/** Korea wall-clock parts of an instant. */
function kstParts(instant: Date): { day: number; minutes: number; weekday: number } {
  const shifted = instant.getTime() + KST;
  const day = Math.floor(shifted / DAY);
  return {
    day,
    minutes: Math.floor((shifted - day * DAY) / 60_000),
    weekday: new Date(day * DAY).getUTCDay(),
  };
}

function atKst(day: number, minutes: number): Date {
  return new Date(day * DAY - KST + minutes * 60_000);
}

/**
 * Parses a Korean time expression relative to `now`. Returns undefined when the utterance names no time at
 * all. Day words: 오늘, 내일/낼, 모레, 글피, (다음 주|이번 주) X요일, X요일, 주말, 다음 주; parts of day:
 * 아침/오전 (10시), 점심 (12시), 낮/오후 (14시), 저녁 (18시), 밤 (20시); clock: "3시", "세 시 반", "15시", "10시 30분";
 * 이따가/있다가/조금 있다가 (+2h), 나중에/다음에 (next day). A bare hour 1–7 without 오전 is afternoon.
 */
export function parseKoreanTime(utterance: string, now: Date): RequestedTime | undefined {
  const text = utterance.replace(/\s+/g, '');
  const today = kstParts(now);
  let day: number | undefined;
  let dayLabel = '';
  if (/모레|모래/.test(text) && !/글피/.test(text)) [day, dayLabel] = [today.day + 2, '모레'];
  else if (/글피/.test(text)) [day, dayLabel] = [today.day + 3, '글피'];
  else if (/내일|낼|내일모|명일/.test(text)) [day, dayLabel] = [today.day + 1, '내일'];
  else if (/오늘|이따|있다가|조금있다|좀있다/.test(text)) [day, dayLabel] = [today.day, '오늘'];
  const weekdayMatch = text.match(/(다음주|담주|다음쭈|이번주|돌아오는)?([월화수목금토일])요일/);
  if (weekdayMatch?.[2]) {
    const target = WEEKDAY_NAMES[weekdayMatch[2]] ?? 1;
    const next = Boolean(weekdayMatch[1]) && weekdayMatch[1] !== '이번주';
    const startOfWeek = today.day - ((today.weekday + 6) % 7); // Monday of this week
    let candidate = startOfWeek + ((target + 6) % 7) + (next ? 7 : 0);
    if (candidate <= today.day) candidate += 7;
    [day, dayLabel] = [candidate, `${next ? '다음 주 ' : ''}${weekdayMatch[2]}요일`];
  } else if (/다음주|담주/.test(text)) {
    [day, dayLabel] = [today.day - ((today.weekday + 6) % 7) + 7, '다음 주 월요일'];
  } else if (/주말/.test(text)) {
    [day, dayLabel] = [today.day + ((6 - today.weekday + 7) % 7 || 7), '주말'];
  }

  let minutes: number | undefined;
  let part: 'AM' | 'PM' | undefined;
  let partLabel = '';
  if (/오전|아침/.test(text)) [minutes, part, partLabel] = [10 * 60, 'AM', '오전'];
  else if (/점심/.test(text)) [minutes, part, partLabel] = [12 * 60, 'PM', '점심'];
  else if (/오후|낮에|낮시간|낮/.test(text)) [minutes, part, partLabel] = [14 * 60, 'PM', '오후'];
  else if (/저녁|퇴근/.test(text)) [minutes, part, partLabel] = [18 * 60, 'PM', '저녁'];
  else if (/밤/.test(text)) [minutes, part, partLabel] = [20 * 60, 'PM', '밤'];

  const clock = text.match(
    /(\d{1,2}|열두|열한|열|아홉|여덟|일곱|여섯|다섯|네|세|두|한)시(?!간)(반|(\d{1,2})분)?/,
  );
  let clockLabel = '';
  if (clock?.[1]) {
    let hour = parseKoreanNumber(clock[1]) ?? 0;
    if (hour <= 12 && (part === 'PM' || (part === undefined && hour >= 1 && hour <= 7)) && hour !== 12)
      hour += 12;
    const min = clock[2] === '반' ? 30 : clock[3] ? Number(clock[3]) : 0;
    minutes = hour * 60 + min;
    clockLabel = `${hour > 12 ? hour - 12 : hour}시${min ? ` ${min}분` : ''}`;
    if (!partLabel) partLabel = hour >= 12 ? '오후' : '오전';
  }

  const relative = text.match(
    /(\d+|한|두|세|네|다섯|반)시간(쯤|정도)?(뒤|후|있다)|(\d+|삼십|십|이십|사십|오십)분(쯤|정도)?(뒤|후|있다)/,
  );
  if (relative) {
    const hours = relative[1] ? (relative[1] === '반' ? 0.5 : (parseKoreanNumber(relative[1]) ?? 1)) : 0;
    const mins = relative[4] ? (parseKoreanNumber(relative[4]) ?? 30) : 0;
    return { requested: new Date(now.getTime() + hours * HOUR + mins * 60_000), label: relative[0] };
  }
  const later = /이따|있다가|조금있다|좀있다/.test(text);
  if (day === undefined && minutes === undefined && !later && !/나중에|다음에/.test(text)) return undefined;
  if (later && minutes === undefined) {
    const at = new Date(now.getTime() + 2 * HOUR);
    return { requested: at, label: '이따가' };
  }
  if (day === undefined) {
    day = today.day;
    dayLabel = '오늘';
    // A part of day already past today means the next day.
    if (minutes !== undefined && minutes <= today.minutes) [day, dayLabel] = [today.day + 1, '내일'];
    if (minutes === undefined) [day, dayLabel] = [today.day + 1, '내일'];
  }
  const label = [dayLabel, partLabel, clockLabel].filter(Boolean).join(' ');
  return { requested: atKst(day, minutes ?? 10 * 60), label };
}

export interface CallbackTime {
  /** ISO instant inside calling hours. */
  at: string;
  /** What the resident asked for, in Korean. */
  requestedLabel: string;
  /** True when the requested time was outside calling hours and was moved. */
  moved: boolean;
}

/**
 * Resolves a callback request into a time inside calling hours (holidays skipped). Returns undefined when
 * the utterance names no time.
 */
export function resolveKoreanCallback(
  utterance: string,
  now: Date,
  cfg: CallingWindowConfig = DEFAULT_CALLING_WINDOW,
): CallbackTime | undefined {
  const parsed = parseKoreanTime(utterance, now);
  if (!parsed) return undefined;
  const requested = parsed.requested.getTime() < now.getTime() ? now : parsed.requested;
  const at = resolveCallbackTime(requested, cfg);
  return { at: at.toISOString(), requestedLabel: parsed.label, moved: at.getTime() !== requested.getTime() };
}

/** Korean reading of an instant in Korea time, e.g. "3월 4일(화) 오후 3시". */
export function formatKoreanTime(iso: string): string {
  const { day, minutes, weekday } = kstParts(new Date(iso));
  const date = new Date(day * DAY);
  const hour = Math.floor(minutes / 60);
  const min = minutes % 60;
  const h12 = hour > 12 ? hour - 12 : hour;
  return `${date.getUTCMonth() + 1}월 ${date.getUTCDate()}일(${'일월화수목금토'[weekday]}) ${hour < 12 ? '오전' : '오후'} ${h12}시${min ? ` ${min}분` : ''}`;
}
