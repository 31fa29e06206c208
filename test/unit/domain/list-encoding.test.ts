import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  decodeListBytes,
  decodeListStream,
  detectListEncoding,
  isValidUtf8,
  stripBom,
  UnreadableListError,
} from '../../../functions/domain/list-encoding.ts';

const KOREAN = '가구번호,성명,연락처\r\n1,김민수,010-1234-5678\r\n2,이 영희 ,02-123-4567\r\n';

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

async function* byteChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('Function: detectListEncoding', () => {
  it('detects UTF-8 without BOM', () => {
    expect(detectListEncoding(Buffer.from(KOREAN, 'utf8'))).toBe('utf-8');
  });

  it('detects UTF-8 with BOM', () => {
    expect(detectListEncoding(Buffer.from(`\ufeff${KOREAN}`, 'utf8'))).toBe('utf-8');
  });

  it('detects CP949 (EUC-KR as Excel writes it on Korean Windows)', () => {
    expect(detectListEncoding(iconv.encode(KOREAN, 'cp949'))).toBe('cp949');
  });

  it('treats plain ASCII as UTF-8', () => {
    expect(detectListEncoding(Buffer.from('household_id,name\n1,Kim\n'))).toBe('utf-8');
  });

  it('does not hold a multi-byte character cut at the end of a partial sample against UTF-8', () => {
    // Prepare: '김' is 3 bytes in UTF-8; cut after its first byte
    const bytes = Buffer.from('성명\n김', 'utf8');
    const cut = bytes.subarray(0, bytes.length - 2);

    // Act + Assess
    expect(isValidUtf8(cut, false)).toBe(true);
    expect(isValidUtf8(cut, true)).toBe(false);
    expect(detectListEncoding(cut, false)).toBe('utf-8');
  });

  it.each([
    ['empty', Buffer.alloc(0), '비어'],
    ['only a BOM and blank lines', Buffer.from('\ufeff\r\n\r\n', 'utf8'), '비어'],
    ['binary with NUL bytes', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]), 'binary'],
    ['UTF-16 with BOM', Buffer.from([0xff, 0xfe, 0x00, 0xac, 0x2c, 0x00]), 'UTF-16'],
    ['neither UTF-8 nor CP949', Buffer.from([0x41, 0x2c, 0xff, 0xff, 0xff, 0x80, 0xff, 0x0a]), 'encoding'],
  ])('rejects %s input with UnreadableListError', (_label, bytes, messagePart) => {
    // Act
    const act = () => detectListEncoding(bytes);

    // Assess
    expect(act).toThrow(UnreadableListError);
    expect(act).toThrow(messagePart);
  });
});

describe('Function: decodeListBytes', () => {
  it('decodes CP949 and UTF-8 (BOM stripped) to the same text', () => {
    // Act
    const fromCp949 = decodeListBytes(iconv.encode(KOREAN, 'cp949'));
    const fromUtf8 = decodeListBytes(Buffer.from(`\ufeff${KOREAN}`, 'utf8'));

    // Assess
    expect(fromCp949).toEqual({ text: KOREAN, encoding: 'cp949' });
    expect(fromUtf8).toEqual({ text: KOREAN, encoding: 'utf-8' });
  });
});

describe('Function: stripBom', () => {
  it('removes only a leading U+FEFF', () => {
    expect(stripBom('\ufeff성명')).toBe('성명');
    expect(stripBom('성명\ufeff')).toBe('성명\ufeff');
  });
});

describe('Function: decodeListStream', () => {
  it.each([1, 2, 3, 7])(
    'decodes CP949 split into %i-byte chunks without breaking characters',
    async (size) => {
      // Prepare
      const bytes = iconv.encode(KOREAN, 'cp949');
      const seen: string[] = [];

      // Act
      const text = await collect(decodeListStream(byteChunks(bytes, size), (e) => seen.push(e)));

      // Assess
      expect(text).toBe(KOREAN);
      expect(seen).toEqual(['cp949']);
    },
  );

  it('decodes UTF-8 with BOM split into 1-byte chunks and drops the BOM', async () => {
    // Prepare
    const bytes = Buffer.from(`\ufeff${KOREAN}`, 'utf8');

    // Act
    const text = await collect(decodeListStream(byteChunks(bytes, 1)));

    // Assess
    expect(text).toBe(KOREAN);
  });

  it('decides on CP949 even when the first non-ASCII byte comes after a long ASCII prefix', async () => {
    // Prepare: 200 KB of ASCII rows, then Korean in CP949
    const ascii = 'household_id,name,phone\n'.concat('1,Kim,010-1234-5678\n'.repeat(10_000));
    const bytes = Buffer.concat([Buffer.from(ascii), iconv.encode('2,김민수,010-1234-5678\n', 'cp949')]);

    // Act
    const text = await collect(decodeListStream(byteChunks(bytes, 64 * 1024)));

    // Assess
    expect(text.endsWith('2,김민수,010-1234-5678\n')).toBe(true);
    expect(text.length).toBe(ascii.length + '2,김민수,010-1234-5678\n'.length);
  });
});
