/**
 * Deterministic synthetic household lists (DESIGN §3.1) for demos, tests and benchmarks. Names are built from
 * surname + given-name syllables, never taken from real people; phone numbers use exchange groups that are not
 * issued to subscribers (mobile 010-0xxx, landline exchanges 13x–19x) so a sample can never ring a real
 * household even if uploaded to a deployed stack.
 *
 * Run `npx tsx local/samples/generate-samples.ts` to rewrite samples/households.csv (UTF-8 with BOM, CRLF) and
 * samples/households-cp949.csv (the same rows in CP949).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { seededRandom } from '../seeded-random.ts';

export interface SampleDistrict {
  code: string;
  name: string;
  /** 읍면동 of the district */
  dongs: readonly string[];
  /** Landline area code, e.g. '02' */
  areaCode: string;
}

export const SAMPLE_DISTRICTS: readonly SampleDistrict[] = [
  {
    code: '11680',
    name: '서울특별시 강남구',
    dongs: ['역삼1동', '개포4동', '대치2동', '삼성1동', '논현1동', '일원본동', '수서동', '세곡동'],
    areaCode: '02',
  },
  {
    code: '26350',
    name: '부산광역시 해운대구',
    dongs: ['우1동', '중2동', '좌2동', '송정동', '반여1동', '반송2동', '재송1동'],
    areaCode: '051',
  },
  {
    code: '46130',
    name: '전라남도 여수시',
    dongs: ['돌산읍', '소라면', '율촌면', '화양면', '문수동', '여서동', '미평동', '만덕동'],
    areaCode: '061',
  },
];

export const RISK_FLAGS = [
  '단전',
  '단수',
  '단가스',
  '건강보험료체납',
  '국민연금체납',
  '통신비체납',
  '금융연체',
  '주거위기',
  '고용위기',
  '의료위기',
] as const;

/** Kinds of broken row, in the order they are used. */
export const BROKEN_ROW_KINDS = [
  'bad-phone',
  'missing-name',
  'district-4-digits',
  'bad-birth-year',
  'duplicate-household',
  'representative-number',
] as const;
export type BrokenRowKind = (typeof BROKEN_ROW_KINDS)[number];

export interface GenerateOptions {
  /** Data rows (broken ones included). */
  count: number;
  /** PRNG seed: same seed, same list. @default 1 */
  seed?: number;
  /** @default SAMPLE_DISTRICTS */
  districts?: readonly SampleDistrict[];
  /** How many rows to break, spread evenly, kinds cycling through BROKEN_ROW_KINDS. @default 0 */
  brokenRows?: number;
  /** Header language. @default 'ko' */
  headers?: 'ko' | 'en';
  /** @default '\r\n' (what Excel writes) */
  lineEnding?: '\r\n' | '\n';
  /** Prefix U+FEFF (Excel's "CSV UTF-8"). @default false */
  bom?: boolean;
}

const HEADERS = {
  ko: ['가구번호', '성명', '연락처', '시군구코드', '읍면동', '위기정보', '출생연도'],
  en: ['household_id', 'name', 'phone', 'district_code', 'dong', 'risk_flags', 'birth_year'],
} as const;

const SURNAMES = [
  '김',
  '이',
  '박',
  '최',
  '정',
  '강',
  '조',
  '윤',
  '장',
  '임',
  '한',
  '오',
  '서',
  '신',
  '권',
  '황',
];
const RARE_SURNAMES = [
  '안',
  '송',
  '류',
  '전',
  '홍',
  '고',
  '문',
  '양',
  '손',
  '배',
  '백',
  '허',
  '남궁',
  '제갈',
  '선우',
];
const GIVEN = [
  '민',
  '서',
  '지',
  '현',
  '수',
  '영',
  '준',
  '우',
  '은',
  '진',
  '정',
  '미',
  '숙',
  '자',
  '순',
  '희',
  '경',
  '철',
  '호',
  '동',
  '상',
  '성',
  '혜',
  '연',
  '옥',
  '춘',
  '봉',
  '덕',
  '길',
  '남',
  '태',
  '용',
  '재',
  '하',
  '윤',
  '아',
];

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const digits = (rand: () => number, n: number) =>
  Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');

/**
 * Yields the list's lines (header first), without line endings, so a 1,000,000-row list can be streamed to a
 * file. Deterministic for a given seed.
 */
export function* householdListLines(options: GenerateOptions): Generator<string> {
  const { count, seed = 1, districts = SAMPLE_DISTRICTS, brokenRows = 0, headers = 'ko' } = options;
  if (districts.length === 0) throw new RangeError('districts must not be empty');
  const rand = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const broken = new Map<number, BrokenRowKind>();
  const nBroken = Math.min(brokenRows, count);
  for (let k = 0; k < nBroken; k++) {
    broken.set(Math.floor(((k + 0.5) * count) / nBroken), BROKEN_ROW_KINDS[k % BROKEN_ROW_KINDS.length]!);
  }
  yield HEADERS[headers].join(',');
  let previous: { id: string; district: string } | undefined;
  for (let i = 0; i < count; i++) {
    const district = districts[i % districts.length]!;
    let id = `HH-${String(i + 1).padStart(7, '0')}`;
    const surname = rand() < 0.9 ? pick(SURNAMES) : pick(RARE_SURNAMES);
    const givenLength = rand() < 0.08 ? 1 : 2;
    let name = surname + Array.from({ length: givenLength }, () => pick(GIVEN)).join('');
    let phone: string;
    if (rand() < 0.85) {
      const middle = `0${digits(rand, 3)}`;
      const last = digits(rand, 4);
      const style = rand();
      phone =
        style < 0.7 ? `010-${middle}-${last}` : style < 0.9 ? `010${middle}${last}` : `010 ${middle} ${last}`;
    } else {
      phone = `${district.areaCode}-1${3 + Math.floor(rand() * 7)}${digits(rand, 1)}-${digits(rand, 4)}`;
    }
    let districtCode = district.code;
    const dong = pick(district.dongs);
    const flagCount = 1 + Math.floor(rand() * 3);
    const flags = new Set<string>();
    while (flags.size < flagCount) flags.add(pick(RISK_FLAGS));
    const riskFlags = [...flags].join(rand() < 0.9 ? ';' : '|');
    let birthYear = rand() < 0.1 ? '' : String(1935 + Math.floor(rand() * 66));
    switch (broken.get(i)) {
      case 'bad-phone':
        phone = `010-${digits(rand, 3)}-${digits(rand, 2)}`;
        break;
      case 'missing-name':
        name = '';
        break;
      case 'district-4-digits':
        districtCode = districtCode.slice(0, 4);
        break;
      case 'bad-birth-year':
        birthYear = `19${digits(rand, 3)}`;
        break;
      case 'duplicate-household':
        if (previous) {
          id = previous.id;
          districtCode = previous.district;
        }
        break;
      case 'representative-number':
        phone = `1588-${digits(rand, 4)}`;
        break;
      default:
        break;
    }
    previous = { id, district: districtCode };
    yield [id, name, phone, districtCode, dong, riskFlags, birthYear].map(csvField).join(',');
  }
}

/** A whole synthetic list as CSV text (see `householdListLines`), ending with a line break. */
export function generateHouseholdList(options: GenerateOptions): string {
  const eol = options.lineEnding ?? '\r\n';
  const parts: string[] = [];
  for (const line of householdListLines(options)) parts.push(line, eol);
  return (options.bom ? '\ufeff' : '') + parts.join('');
}

/** The committed samples: 200 rows over three districts, 6 of them broken (5 invalid, 1 duplicate). */
export const SAMPLE_OPTIONS: GenerateOptions = { count: 200, seed: 20260301, brokenRows: 6 };

function writeSamples(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const text = generateHouseholdList(SAMPLE_OPTIONS);
  writeFileSync(join(root, 'samples', 'households.csv'), `\ufeff${text}`, 'utf8');
  writeFileSync(join(root, 'samples', 'households-cp949.csv'), iconv.encode(text, 'cp949'));
  process.stdout.write('wrote samples/households.csv and samples/households-cp949.csv\n');
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) writeSamples();
