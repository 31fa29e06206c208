/**
 * Korean phone numbers as written in district lists → E.164 and kind. The `max` metadata is needed so that
 * libphonenumber can tell a mobile (01X: gets the SMS pre-notice) from a fixed line or VoIP number (voice only).
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { PhoneKind } from './household.ts';

export type PhoneResult = { ok: true; e164: string; kind: PhoneKind } | { ok: false; reason: string };

// Dashes that NFKC leaves alone but people paste from word processors.
const DASHES = /[\u2010-\u2015\u2212\u30fc\ufe58\ufe63]/g;
const ALLOWED = /^\+?[\d\s().-]+$/;

function reject(reason: string): PhoneResult {
  return { ok: false, reason };
}

/**
 * Normalizes any common Korean way of writing a number — `010-1234-5678`, `01012345678`, `010 1234 5678`,
 * `+82 10-1234-5678`, `82-10-…`, `0082-10-…`, `02-123-4567`, `(031) 123-4567`, `070-…`, full-width digits,
 * dots — to E.164 with its kind: `MOBILE` (01X only) or `LANDLINE` (fixed line, 070 VoIP, 050X personal
 * numbers). Rejects, with a Korean reason, numbers that are invalid, not Korean, representative numbers
 * (15xx/16xx/18xx) and toll-free 080 numbers, none of which reach one household.
 */
export function normalizePhone(raw: string): PhoneResult {
  const text = raw.normalize('NFKC').replace(DASHES, '-').trim();
  if (text === '') return reject('전화번호가 비어 있습니다 (phone is empty)');
  if (!ALLOWED.test(text))
    return reject('전화번호에 숫자가 아닌 문자가 있습니다 (phone contains letters or symbols)');
  // Fast path for the common case (a million-row list spends most of its time here): 010 + 8 digits is a valid
  // mobile in libphonenumber's plan except 010-597x…599x, which take the full check below.
  const compact = text.replace(/[\s.-]/g, '');
  if (/^010(?!59[7-9])\d{8}$/.test(compact))
    return { ok: true, e164: `+82${compact.slice(1)}`, kind: 'MOBILE' };
  let candidate = text;
  const digits = text.replace(/\D/g, '');
  if (!text.startsWith('+')) {
    if (digits.startsWith('0082')) candidate = `+${digits.slice(2)}`;
    // "82-10-1234-5678" / "821012345678": a country code written without the plus.
    else if (digits.startsWith('82') && digits.length >= 10) candidate = `+${digits}`;
    else if (digits.startsWith('00')) return reject('국내 전화번호가 아닙니다 (not a Korean number)');
  }
  const parsed = parsePhoneNumberFromString(candidate, { defaultCountry: 'KR', extract: false });
  if (!parsed) return reject('전화번호 형식이 올바르지 않습니다 (invalid phone)');
  if (parsed.country !== 'KR' && parsed.countryCallingCode !== '82') {
    return reject('국내 전화번호가 아닙니다 (not a Korean number)');
  }
  if (!parsed.isValid()) return reject('전화번호 형식이 올바르지 않습니다 (invalid phone)');
  const type = parsed.getType();
  switch (type) {
    case 'MOBILE':
      // 010 numbers always have an 8-digit subscriber part; a 10-digit 010 number is a digit missing, not legacy.
      if (parsed.number.startsWith('+8210') && parsed.number.length !== 13) {
        return reject('전화번호 자릿수가 맞지 않습니다 (invalid phone: 010 needs 11 digits)');
      }
      return { ok: true, e164: parsed.number, kind: 'MOBILE' };
    case 'FIXED_LINE':
    case 'VOIP':
    case 'PERSONAL_NUMBER':
      return { ok: true, e164: parsed.number, kind: 'LANDLINE' };
    case 'UAN':
    case 'SHARED_COST':
    case 'PREMIUM_RATE':
      return reject(
        '대표번호(15xx·16xx·18xx)는 가구 연락처가 아닙니다 (representative number, not a household)',
      );
    case 'TOLL_FREE':
      return reject('수신자부담번호(080)는 가구 연락처가 아닙니다 (toll-free number, not a household)');
    default:
      return reject('전화번호 형식이 올바르지 않습니다 (invalid phone)');
  }
}

/** The kind of an E.164 Korean number already normalized: 01X is mobile, anything else a landline. */
export function phoneKindOf(e164: string): PhoneKind {
  return /^\+821\d/.test(e164) ? 'MOBILE' : 'LANDLINE';
}

/** Groups of a Korean number in national form, e.g. ['010', '1234', '5678'] or ['02', '123', '4567']. */
function nationalGroups(e164: string): string[] | undefined {
  const parsed = parsePhoneNumberFromString(e164, 'KR');
  if (parsed?.countryCallingCode !== '82') return undefined;
  const groups = parsed.formatNational().split(/[-\s]/).filter(Boolean);
  return groups.length >= 2 ? groups : undefined;
}

/**
 * Formats an E.164 Korean number the way Koreans write it: `010-1234-5678`, `02-123-4567`, `070-1234-5678`.
 * Returns the input unchanged when it is not a Korean number.
 */
export function formatKoreanPhone(e164: string): string {
  const groups = nationalGroups(e164);
  return groups ? groups.join('-') : e164;
}

/**
 * Masks the middle group of a Korean number for list views and logs: `+821012345678` → `010-****-5678`,
 * `+8221234567` → `02-***-4567`. Anything unparseable is fully masked except its last two digits.
 */
export function maskPhone(e164: string): string {
  const groups = nationalGroups(e164);
  if (groups && groups.length >= 3) {
    const [first, ...rest] = groups;
    const last = rest.pop()!;
    return [first, ...rest.map((g) => '*'.repeat(g.length)), last].join('-');
  }
  const digits = e164.replace(/\D/g, '');
  return `${'*'.repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
}
