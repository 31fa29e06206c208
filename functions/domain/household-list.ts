/**
 * Intake of an uploaded household list (DESIGN §3.1): bytes in, one disposition per data row out — ACCEPTED
 * with a normalized `Household`, INVALID with the first bad field and a reason, or DUPLICATE. Streams, so the
 * ingest of a 1,000,000-row list holds one row (plus a Set-like index of accepted keys) at a time.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import type { AcceptedRow, DuplicateRow, Household, HouseholdField, InvalidRow } from './household.ts';
import { decodeListStream, type ListEncoding, UnreadableListError } from './list-encoding.ts';
import { normalizePhone } from './phone.ts';

export { UnreadableListError } from './list-encoding.ts';

/** Columns of the list, keyed by field, with every header spelling accepted (compared after `headerKey`). */
export const HEADER_ALIASES: Readonly<Record<Exclude<HouseholdField, 'row'>, readonly string[]>> = {
  householdId: ['household_id', 'householdid', '가구번호', '가구id'],
  name: ['name', '성명', '이름'],
  phone: ['phone', 'phone_number', '연락처', '전화번호', '휴대전화', '휴대전화번호', '휴대폰', '휴대폰번호'],
  districtCode: ['district_code', '시군구코드'],
  dong: ['dong', '읍면동'],
  riskFlags: ['risk_flags', '위기정보'],
  birthYear: ['birth_year', '출생연도', '출생년도'],
};

const REQUIRED_FIELDS = ['householdId', 'name', 'phone', 'districtCode'] as const;
type ColumnField = keyof typeof HEADER_ALIASES;

/** Korean column label for messages (the first Korean alias). */
const FIELD_LABEL: Record<ColumnField, string> = {
  householdId: '가구번호',
  name: '성명',
  phone: '연락처',
  districtCode: '시군구코드',
  dong: '읍면동',
  riskFlags: '위기정보',
  birthYear: '출생연도',
};

/**
 * Canonical form of a header for matching: NFKC (full-width letters), lower case, without spaces, `_`, `-`
 * or `.`, so `Household ID`, ` 가구 번호 `, `HOUSEHOLD_ID` and `가구ID` all match.
 */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_.-]/g, '');
}

const ALIAS_TO_FIELD = new Map<string, ColumnField>(
  (Object.entries(HEADER_ALIASES) as [ColumnField, readonly string[]][]).flatMap(([field, aliases]) =>
    aliases.map((alias) => [headerKey(alias), field] as const),
  ),
);

/** Maps each column index to its field; `undefined` for columns we do not use. */
type ColumnMap = { fields: (ColumnField | undefined)[]; index: Partial<Record<ColumnField, number>> };

function mapHeader(record: string[]): ColumnMap | { missing: ColumnField[] } | { repeated: string[] } {
  const fields = record.map((h) => ALIAS_TO_FIELD.get(headerKey(h)));
  const index: Partial<Record<ColumnField, number>> = {};
  for (const [i, field] of fields.entries()) {
    if (!field) continue;
    const earlier = index[field];
    if (earlier !== undefined) return { repeated: [record[earlier]!.trim(), record[i]!.trim()] };
    index[field] = i;
  }
  const missing = REQUIRED_FIELDS.filter((f) => index[f] === undefined);
  return missing.length > 0 ? { missing } : { fields, index };
}

/** One data row's disposition, in list order. */
export type RowDisposition =
  | ({ disposition: 'ACCEPTED' } & AcceptedRow)
  | ({ disposition: 'INVALID' } & InvalidRow)
  | ({ disposition: 'DUPLICATE' } & DuplicateRow & { districtCode: string });

export interface HouseholdListOptions {
  /**
   * Is this household already active from an earlier list (a case in progress)? Such rows become DUPLICATE
   * with `firstRow: 0`. Called only for rows that are otherwise acceptable.
   */
  isActive?: (districtCode: string, householdId: string) => boolean | Promise<boolean>;
  /** Clock for the birth-year upper bound. @default new Date() */
  now?: Date;
  /** Called once, when the encoding has been detected. */
  onEncoding?: (encoding: ListEncoding) => void;
}

/** A list as bytes in memory, text, or a stream of byte chunks (a Node `Readable`, an S3 object body …). */
export type HouseholdListInput = Uint8Array | string | AsyncIterable<Uint8Array | string>;

async function* asChunks(input: HouseholdListInput): AsyncGenerator<Uint8Array | string> {
  if (typeof input === 'string' || input instanceof Uint8Array) {
    yield input;
    return;
  }
  yield* input;
}

/** NFKC (full-width digits and letters → ASCII, U+3000 → space) then trim. */
function clean(value: string | undefined): string {
  return (value ?? '').normalize('NFKC').trim();
}

type FieldCheck<T> = { ok: true; value: T } | { ok: false; field: ColumnField; reason: string };

function kstYear(now: Date): number {
  return new Date(now.getTime() + 9 * 3_600_000).getUTCFullYear();
}

/** Splits 위기정보 on `;` or `|` (also `,` inside a quoted field), trimmed, empty items and repeats dropped. */
export function splitRiskFlags(value: string): string[] {
  const flags = value
    .normalize('NFKC')
    .split(/[;|,]/)
    .map((f) => f.trim().replace(/\s+/g, ' '))
    .filter((f) => f !== '');
  return [...new Set(flags)];
}

function toHousehold(record: string[], columns: ColumnMap, currentYear: number): FieldCheck<Household> {
  const at = (field: ColumnField) => {
    const i = columns.index[field];
    return i === undefined ? '' : clean(record[i]);
  };
  const householdId = at('householdId');
  if (householdId === '') {
    return { ok: false, field: 'householdId', reason: '가구번호가 비어 있습니다 (householdId is empty)' };
  }
  if (householdId.length > 64 || /[\p{Cc}]/u.test(householdId)) {
    return {
      ok: false,
      field: 'householdId',
      reason: '가구번호 형식이 올바르지 않습니다 (householdId too long or has control characters)',
    };
  }
  const name = at('name').replace(/\s+/g, ' ');
  if (name === '') return { ok: false, field: 'name', reason: '성명이 비어 있습니다 (name is empty)' };
  if (name.length > 50)
    return { ok: false, field: 'name', reason: '성명이 너무 깁니다 (name longer than 50)' };
  const phone = normalizePhone(at('phone'));
  if (!phone.ok) return { ok: false, field: 'phone', reason: phone.reason };
  const districtCode = at('districtCode');
  if (!/^\d{5}$/.test(districtCode)) {
    return {
      ok: false,
      field: 'districtCode',
      reason: '시군구코드는 숫자 5자리여야 합니다 (districtCode must be 5 digits)',
    };
  }
  const birthText = at('birthYear');
  let birthYear: number | undefined;
  if (birthText !== '') {
    const year = /^\d{4}$/.test(birthText) ? Number(birthText) : Number.NaN;
    if (!(year >= 1900 && year <= currentYear)) {
      return {
        ok: false,
        field: 'birthYear',
        reason: `출생연도는 1900~${currentYear} 사이의 4자리 숫자여야 합니다 (birthYear must be 1900..${currentYear})`,
      };
    }
    birthYear = year;
  }
  const dong = at('dong').replace(/\s+/g, ' ');
  if (dong.length > 50)
    return { ok: false, field: 'dong', reason: '읍면동이 너무 깁니다 (dong longer than 50)' };
  const household: Household = {
    householdId,
    name,
    phone: phone.e164,
    phoneKind: phone.kind,
    districtCode,
    riskFlags: splitRiskFlags(at('riskFlags')),
  };
  if (dong !== '') household.dong = dong;
  if (birthYear !== undefined) household.birthYear = birthYear;
  return { ok: true, value: household };
}

/** Records before the header that we tolerate (a title line such as "2026년 1차 위기가구 명단"). */
const MAX_TITLE_LINES = 5;

function isBlank(record: string[]): boolean {
  return record.every((v) => clean(v) === '');
}

/**
 * Reads a household list and yields one disposition per data row, in order, as it streams. Row numbers are
 * 1-based data rows: the header is not counted, nor are blank lines (all fields empty). A row whose column count
 * differs from the header's is INVALID on field `row`. A household (districtCode + householdId) already
 * accepted earlier in the list, or reported active by `options.isActive`, is DUPLICATE.
 *
 * Throws `UnreadableListError` when the list as a whole cannot be read: empty, binary, unknown encoding,
 * broken CSV quoting, or a required column (가구번호, 성명, 연락처, 시군구코드) missing from the header.
 */
export async function* readHouseholdList(
  input: HouseholdListInput,
  options: HouseholdListOptions = {},
): AsyncGenerator<RowDisposition> {
  const currentYear = kstYear(options.now ?? new Date());
  const parser = parse({ relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
  const feeding = pipeline(Readable.from(decodeListStream(asChunks(input), options.onEncoding)), parser);
  // Errors surface through the parser's iterator; keep the promise from being reported as unhandled.
  feeding.catch(() => undefined);

  let columns: ColumnMap | undefined;
  let titleLines = 0;
  let row = 0;
  const firstRowOf = new Map<string, number>();
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (isBlank(record)) continue;
      if (!columns) {
        const mapped = mapHeader(record);
        if ('fields' in mapped) {
          columns = mapped;
          continue;
        }
        if ('repeated' in mapped) {
          throw new UnreadableListError(
            `같은 항목의 열이 두 번 있습니다: ${mapped.repeated.join(', ')} (duplicate column: ${mapped.repeated.join(', ')})`,
          );
        }
        // A short title line before the header is common in exported lists; anything else is a bad header.
        titleLines += 1;
        if (record.filter((v) => clean(v) !== '').length <= 1 && titleLines <= MAX_TITLE_LINES) continue;
        const labels = mapped.missing.map((f) => FIELD_LABEL[f]).join(', ');
        throw new UnreadableListError(
          `필수 열이 없습니다: ${labels} (missing required column: ${mapped.missing.join(', ')})`,
        );
      }
      row += 1;
      if (record.length !== columns.fields.length) {
        yield {
          disposition: 'INVALID',
          row,
          field: 'row',
          reason: `열 개수가 맞지 않습니다: ${columns.fields.length}개여야 하는데 ${record.length}개입니다 (expected ${columns.fields.length} columns, got ${record.length})`,
        };
        continue;
      }
      const checked = toHousehold(record, columns, currentYear);
      if (!checked.ok) {
        yield { disposition: 'INVALID', row, field: checked.field, reason: checked.reason };
        continue;
      }
      const household = checked.value;
      const key = `${household.districtCode}\u0000${household.householdId}`;
      const firstRow = firstRowOf.get(key);
      if (firstRow !== undefined) {
        yield {
          disposition: 'DUPLICATE',
          row,
          householdId: household.householdId,
          districtCode: household.districtCode,
          firstRow,
        };
        continue;
      }
      firstRowOf.set(key, row);
      if (options.isActive && (await options.isActive(household.districtCode, household.householdId))) {
        yield {
          disposition: 'DUPLICATE',
          row,
          householdId: household.householdId,
          districtCode: household.districtCode,
          firstRow: 0,
        };
        continue;
      }
      yield { disposition: 'ACCEPTED', row, household };
    }
  } catch (error) {
    throw asUnreadable(error);
  } finally {
    parser.destroy();
  }
  if (!columns) {
    throw new UnreadableListError(
      '머리글(열 이름) 줄을 찾을 수 없습니다 (no header row with 가구번호, 성명, 연락처, 시군구코드)',
    );
  }
}

function asUnreadable(error: unknown): unknown {
  if (error instanceof UnreadableListError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('CSV_')) {
    const line = (error as { lines?: number }).lines;
    return new UnreadableListError(
      `CSV 형식이 올바르지 않습니다${line ? ` (${line}번째 줄 근처)` : ''} (malformed CSV${line ? ` near line ${line}` : ''}: ${(error as Error).message})`,
    );
  }
  return error;
}

/** Every row's disposition of one list, collected. */
export interface HouseholdListReport {
  /** Data rows read (header and blank lines not counted) = accepted + invalid + duplicates. */
  rows: number;
  accepted: AcceptedRow[];
  invalid: InvalidRow[];
  duplicates: DuplicateRow[];
  encoding: ListEncoding;
}

/**
 * Reads a whole list and collects the dispositions (for the CLI, tests and small lists; the ingest of large
 * lists should iterate `readHouseholdList` instead). Throws `UnreadableListError` like `readHouseholdList`.
 */
export async function validateHouseholdList(
  input: HouseholdListInput,
  options: HouseholdListOptions = {},
): Promise<HouseholdListReport> {
  let encoding: ListEncoding = 'utf-8';
  const report: HouseholdListReport = { rows: 0, accepted: [], invalid: [], duplicates: [], encoding };
  const onEncoding = (detected: ListEncoding) => {
    encoding = detected;
    options.onEncoding?.(detected);
  };
  for await (const result of readHouseholdList(input, { ...options, onEncoding })) {
    report.rows += 1;
    if (result.disposition === 'ACCEPTED')
      report.accepted.push({ row: result.row, household: result.household });
    else if (result.disposition === 'INVALID') {
      report.invalid.push({ row: result.row, field: result.field, reason: result.reason });
    } else
      report.duplicates.push({ row: result.row, householdId: result.householdId, firstRow: result.firstRow });
  }
  report.encoding = encoding;
  return report;
}
