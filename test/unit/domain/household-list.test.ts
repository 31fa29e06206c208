import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  headerKey,
  type RowDisposition,
  readHouseholdList,
  splitRiskFlags,
  UnreadableListError,
  validateHouseholdList,
} from '../../../functions/domain/household-list.ts';
import { generateHouseholdList } from '../../../local/samples/generate-samples.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'lists', name));
const sample = (name: string) => readFileSync(join(ROOT, 'samples', name));
const HEADER = '가구번호,성명,연락처,시군구코드,읍면동,위기정보,출생연도';
const NOW = new Date('2026-03-09T01:00:00Z');

describe('Function: headerKey', () => {
  it.each([
    ['Household ID', 'householdid'],
    ['household_id', 'householdid'],
    [' 가구 번호 ', '가구번호'],
    ['가구ＩＤ', '가구id'],
    ['DISTRICT-CODE', 'districtcode'],
  ])('reduces %j to %j', (header, key) => {
    expect(headerKey(header)).toBe(key);
  });
});

describe('Function: splitRiskFlags', () => {
  it('splits on ; and |, trims and drops empty and repeated flags', () => {
    expect(splitRiskFlags(' 단전 ;; 단수 | 건강보험료체납|단전 ')).toEqual([
      '단전',
      '단수',
      '건강보험료체납',
    ]);
    expect(splitRiskFlags('')).toEqual([]);
  });
});

describe('Function: validateHouseholdList', () => {
  it('reads the UTF-8 (BOM, CRLF) and CP949 samples to identical dispositions', async () => {
    // Act
    const utf8 = await validateHouseholdList(sample('households.csv'), { now: NOW });
    const cp949 = await validateHouseholdList(sample('households-cp949.csv'), { now: NOW });

    // Assess
    expect(utf8.encoding).toBe('utf-8');
    expect(cp949.encoding).toBe('cp949');
    expect(utf8.rows).toBe(200);
    expect(utf8.accepted).toHaveLength(194);
    expect(utf8.invalid.map((r) => r.field)).toEqual(['phone', 'name', 'districtCode', 'birthYear', 'phone']);
    expect(utf8.duplicates).toHaveLength(1);
    expect(utf8.rows).toBe(utf8.accepted.length + utf8.invalid.length + utf8.duplicates.length);
    expect({ ...cp949, encoding: 'x' }).toEqual({ ...utf8, encoding: 'x' });
  });

  it('normalizes the first sample row into a Household', async () => {
    // Act
    const report = await validateHouseholdList(sample('households.csv'), { now: NOW });

    // Assess
    expect(report.accepted[0]).toEqual({
      row: 1,
      household: {
        householdId: 'HH-0000001',
        name: '서동순',
        phone: '+821009522192',
        phoneKind: 'MOBILE',
        districtCode: '11680',
        dong: '삼성1동',
        riskFlags: ['금융연체', '고용위기'],
        birthYear: 1955,
      },
    });
  });

  it('reads English headers with LF line ends and reports toll-free, foreign and duplicate rows', async () => {
    // Act
    const report = await validateHouseholdList(fixture('english-lf.csv'), { now: NOW });

    // Assess
    expect(report.rows).toBe(8);
    expect(report.accepted.map((a) => [a.row, a.household.householdId, a.household.districtCode])).toEqual([
      [1, 'A-001', '11680'],
      [2, 'A-002', '11680'],
      [3, 'A-003', '11680'],
      [4, 'A-004', '11680'],
      [8, 'A-002', '26350'],
    ]);
    expect(report.accepted.map((a) => a.household.phoneKind)).toEqual([
      'MOBILE',
      'MOBILE',
      'LANDLINE',
      'LANDLINE',
      'MOBILE',
    ]);
    expect(report.accepted[3]?.household.riskFlags).toEqual(['통신비체납', '금융연체']);
    expect(report.invalid).toEqual([
      { row: 5, field: 'phone', reason: expect.stringContaining('080') },
      { row: 6, field: 'phone', reason: expect.stringContaining('not a Korean number') },
    ]);
    expect(report.duplicates).toEqual([{ row: 7, householdId: 'A-002', firstRow: 2 }]);
  });

  it('copes with odd header spacing, full-width digits, ideographic spaces and blank lines', async () => {
    // Act
    const report = await validateHouseholdList(fixture('odd-spacing.csv'), { now: NOW });

    // Assess: 2 blank/whitespace-only lines are skipped and not counted
    expect(report.rows).toBe(6);
    expect(report.accepted[0]).toEqual({
      row: 1,
      household: {
        householdId: 'B-01',
        name: '김 민수',
        phone: '+821023456789',
        phoneKind: 'MOBILE',
        districtCode: '11680',
        dong: '역삼1동',
        riskFlags: ['단전', '단수'],
        birthYear: 1958,
      },
    });
    expect(report.accepted.map((a) => [a.row, a.household.name, a.household.phone])).toEqual([
      [1, '김 민수', '+821023456789'],
      [2, '이 수', '+821023456780'],
      [3, '박민지', '+821023456781'],
      [6, '서은영', '+8223456789'],
    ]);
    expect(report.invalid).toEqual([
      { row: 4, field: 'row', reason: expect.stringContaining('expected 8 columns, got 7') },
      { row: 5, field: 'row', reason: expect.stringContaining('expected 8 columns, got 9') },
    ]);
  });

  it('reads a CP949 list with broken rows, naming the first bad field of each', async () => {
    // Act
    const report = await validateHouseholdList(fixture('cp949-broken.csv'), { now: NOW });

    // Assess
    expect(report.encoding).toBe('cp949');
    expect(report.accepted.map((a) => a.household.name)).toEqual(['김말순', '이춘봉', '윤봉덕']);
    expect(report.accepted[1]?.household).toMatchObject({ phone: '+82612345678', phoneKind: 'LANDLINE' });
    expect(report.invalid.map((r) => [r.row, r.field])).toEqual([
      [3, 'name'],
      [4, 'phone'],
      [5, 'districtCode'],
      [6, 'phone'],
      [7, 'birthYear'],
    ]);
    expect(report.invalid[0]?.reason).toBe('성명이 비어 있습니다 (name is empty)');
    expect(report.duplicates).toEqual([{ row: 8, householdId: 'C-1', firstRow: 1 }]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', async () => {
    // Act
    const report = await validateHouseholdList(fixture('quoted-commas.csv'), { now: NOW });

    // Assess
    expect(report.rows).toBe(5);
    expect(report.accepted.map((a) => a.household.name)).toEqual([
      '김, 민수',
      '이 "영희"',
      '박서준',
      '최 수아',
      '정하늘',
    ]);
    expect(report.accepted[0]?.household.riskFlags).toEqual(['단전', '단수']);
    expect(report.accepted[4]?.household.dong).toBe('반여1동, 3통');
  });

  it('reads a header-only list as zero rows', async () => {
    expect(await validateHouseholdList(fixture('header-only.csv'))).toEqual({
      rows: 0,
      accepted: [],
      invalid: [],
      duplicates: [],
      encoding: 'utf-8',
    });
  });

  it.each([
    ['missing-column.csv', '연락처'],
    ['empty.csv', '비어'],
    ['binary-garbage.csv', 'binary'],
  ])('throws UnreadableListError for %s', async (name, messagePart) => {
    // Act
    const act = validateHouseholdList(fixture(name));

    // Assess
    await expect(act).rejects.toThrow(UnreadableListError);
    await expect(validateHouseholdList(fixture(name))).rejects.toThrow(messagePart);
  });

  it('names every missing required column', async () => {
    await expect(validateHouseholdList('이름,주소\n김민수,서울\n')).rejects.toThrow(
      'missing required column: householdId, phone, districtCode',
    );
  });

  it('refuses a list with two columns for the same field', async () => {
    await expect(
      validateHouseholdList(
        '가구번호,성명,연락처,휴대전화,시군구코드\n1,김민수,02-123-4567,010-1234-5678,11680\n',
      ),
    ).rejects.toThrow('duplicate column: 연락처, 휴대전화');
  });

  it('refuses a list with an unclosed quote', async () => {
    await expect(validateHouseholdList(`${HEADER}\n1,"김민수,010-1234-5678,11680,,,\n`)).rejects.toThrow(
      UnreadableListError,
    );
  });

  it('skips a title line above the header', async () => {
    // Act
    const report = await validateHouseholdList(
      `2026년 1차 위기가구 명단,,,,,,\n\n${HEADER}\nT1,한가람,010-2222-3333,11680,,,\n`,
    );

    // Assess
    expect(report.rows).toBe(1);
    expect(report.accepted[0]?.household.name).toBe('한가람');
  });

  it('checks the birth year against the current year in Korea', async () => {
    // Prepare: 2026-12-31T15:30Z is already 2027-01-01 in Korea
    const list = `${HEADER}\n1,김영아,010-2222-3333,11680,,,2027\n2,김영순,010-2222-3334,11680,,,1899\n3,김영자,010-2222-3335,11680,,,1900\n`;

    // Act
    const report = await validateHouseholdList(list, { now: new Date('2026-12-31T15:30:00Z') });

    // Assess
    expect(report.accepted.map((a) => a.household.birthYear)).toEqual([2027, 1900]);
    expect(report.invalid).toEqual([
      { row: 2, field: 'birthYear', reason: expect.stringContaining('1900..2027') },
    ]);
  });

  it('accepts a household again after its first row was invalid', async () => {
    // Act
    const report = await validateHouseholdList(
      `${HEADER}\nD1,,010-2222-3333,11680,,,\nD1,문수진,010-2222-3333,11680,,,\n`,
    );

    // Assess
    expect(report.invalid.map((r) => r.row)).toEqual([1]);
    expect(report.accepted.map((a) => a.row)).toEqual([2]);
    expect(report.duplicates).toEqual([]);
  });

  it('marks households already active from an earlier list as DUPLICATE with firstRow 0', async () => {
    // Prepare
    const asked: string[] = [];
    const isActive = async (districtCode: string, householdId: string) => {
      asked.push(`${districtCode}/${householdId}`);
      return householdId === 'E2';
    };
    const list = `${HEADER}\nE1,윤하나,010-2222-3333,11680,,,\nE2,윤두리,010-2222-3334,11680,,,\nE3,,010-2222-3335,11680,,,\nE1,윤하나,010-2222-3333,11680,,,\n`;

    // Act
    const report = await validateHouseholdList(list, { isActive });

    // Assess: invalid and in-list duplicate rows are not looked up
    expect(asked).toEqual(['11680/E1', '11680/E2']);
    expect(report.accepted.map((a) => a.household.householdId)).toEqual(['E1']);
    expect(report.duplicates).toEqual([
      { row: 2, householdId: 'E2', firstRow: 0 },
      { row: 4, householdId: 'E1', firstRow: 1 },
    ]);
  });
});

describe('Function: readHouseholdList', () => {
  it('streams a CP949 Readable in small chunks, in row order', async () => {
    // Prepare
    const bytes = iconv.encode(generateHouseholdList({ count: 500, seed: 7, brokenRows: 6 }), 'cp949');
    const chunks = Array.from({ length: Math.ceil(bytes.length / 333) }, (_, i) =>
      bytes.subarray(i * 333, (i + 1) * 333),
    );
    const expected = await validateHouseholdList(bytes);

    // Act
    const rows: RowDisposition[] = [];
    for await (const result of readHouseholdList(Readable.from(chunks))) rows.push(result);

    // Assess
    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(rows.filter((r) => r.disposition === 'ACCEPTED')).toHaveLength(expected.accepted.length);
    expect(rows.filter((r) => r.disposition === 'INVALID')).toHaveLength(5);
    expect(rows.find((r) => r.disposition === 'DUPLICATE')).toMatchObject({
      districtCode: expect.any(String),
    });
  });

  it('lets the consumer stop early without reading the rest of a large list', async () => {
    // Prepare: a source that counts how many chunks were pulled
    let pulled = 0;
    async function* source() {
      yield `${HEADER}\n`;
      for (let i = 0; i < 100_000; i++) {
        pulled += 1;
        yield `L${i},김하나,010-2222-${String(i % 10_000).padStart(4, '0')},11680,,,\n`;
      }
    }

    // Act
    const first: RowDisposition[] = [];
    for await (const result of readHouseholdList(source())) {
      first.push(result);
      if (first.length === 3) break;
    }

    // Assess
    expect(first.map((r) => r.disposition)).toEqual(['ACCEPTED', 'ACCEPTED', 'ACCEPTED']);
    expect(pulled).toBeLessThan(10_000);
  });
});
