/**
 * Character encoding of an uploaded household list (DESIGN §3.1): UTF-8 (with or without BOM) or CP949/EUC-KR,
 * detected from the bytes. Korean district offices export lists from Excel, which writes CP949 on Korean Windows
 * unless "CSV UTF-8" is chosen, so both must work without the caseworker knowing which one they have.
 */
import iconv from 'iconv-lite';

export type ListEncoding = 'utf-8' | 'cp949';

/** The list cannot be read at all (empty, binary, unknown encoding, missing columns): no row gets a disposition. */
export class UnreadableListError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableListError';
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** True when the bytes start with the UTF-8 byte order mark. */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

/** Removes a leading U+FEFF (the decoded BOM) from text. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Length of the longest prefix of `bytes` that may be valid UTF-8 once more bytes arrive, or -1 when the bytes
 * are definitely not UTF-8. `complete` says there are no more bytes: then a cut-off sequence at the end is invalid.
 */
function utf8ValidPrefix(bytes: Uint8Array, complete: boolean): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return -1;
    }
    if (i + need > bytes.length - 1) {
      // The sequence is cut off by the end of the sample.
      for (let k = i + 1; k < bytes.length; k++) if ((bytes[k]! & 0xc0) !== 0x80) return -1;
      return complete ? -1 : i;
    }
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return -1;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return -1;
    i += need + 1;
  }
  return i;
}

/**
 * Is this sample valid UTF-8? `complete` is false when the sample is only the start of a longer input, so a
 * multi-byte sequence cut at the end of the sample does not count against it.
 */
export function isValidUtf8(bytes: Uint8Array, complete = true): boolean {
  return utf8ValidPrefix(bytes, complete) >= 0;
}

function looksBinary(sample: Uint8Array): boolean {
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    // C0 controls other than tab, LF, CR, form feed; Excel never writes them in a CSV.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control += 1;
  }
  return control > Math.max(2, sample.length / 200);
}

/**
 * Decides the encoding of a list from a sample of its first bytes (the whole list, or at least its first few
 * kilobytes past the first non-ASCII byte). Throws `UnreadableListError` for empty or binary input, UTF-16 and
 * bytes that are neither UTF-8 nor CP949.
 *
 * @param sample the first bytes of the list
 * @param complete true when `sample` is the whole list
 */
export function detectListEncoding(sample: Uint8Array, complete = true): ListEncoding {
  const body = hasUtf8Bom(sample) ? sample.subarray(3) : sample;
  if (body.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) {
    throw new UnreadableListError('파일이 비어 있습니다 (the list is empty)');
  }
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) {
    throw new UnreadableListError(
      'UTF-16 파일은 읽을 수 없습니다. "CSV UTF-8" 또는 CSV로 다시 저장해 주세요 (UTF-16 is not supported: save as CSV UTF-8)',
    );
  }
  if (looksBinary(body)) {
    throw new UnreadableListError('CSV 텍스트 파일이 아닙니다 (the file is binary, not a CSV text file)');
  }
  if (hasUtf8Bom(sample) || isValidUtf8(body, complete)) return 'utf-8';
  const decoded = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'cp949');
  let replaced = 0;
  for (const ch of decoded) if (ch === '\ufffd') replaced += 1;
  // A cut-off double-byte character at the end of a partial sample decodes to one U+FFFD; allow a stray few.
  if (replaced > Math.max(complete ? 0 : 1, decoded.length / 1000)) {
    throw new UnreadableListError(
      '문자 인코딩을 알 수 없습니다. UTF-8 또는 CP949(EUC-KR)로 저장해 주세요 (encoding is neither UTF-8 nor CP949)',
    );
  }
  return 'cp949';
}

/** Decodes a whole list held in memory: detects the encoding and strips the BOM. */
export function decodeListBytes(bytes: Uint8Array): { text: string; encoding: ListEncoding } {
  const encoding = detectListEncoding(bytes, true);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = encoding === 'utf-8' ? buffer.toString('utf8') : iconv.decode(buffer, 'cp949');
  return { text: stripBom(text), encoding };
}

/** Bytes of non-ASCII text to look at before deciding, and the most we buffer while looking. */
const SNIFF_AFTER_NON_ASCII = 16 * 1024;
const SNIFF_MAX = 1024 * 1024;

/**
 * Decodes a stream of list bytes into a stream of text chunks without holding the list in memory. It buffers
 * only until it has seen enough non-ASCII bytes to tell UTF-8 from CP949 (at most 1 MiB; an all-ASCII prefix
 * reads the same in both), then decodes chunk by chunk. The BOM is dropped. Calls `onEncoding` once decided.
 */
export async function* decodeListStream(
  chunks: AsyncIterable<Uint8Array | string>,
  onEncoding?: (encoding: ListEncoding) => void,
): AsyncGenerator<string> {
  const iterator = chunks[Symbol.asyncIterator]();
  const pending: Buffer[] = [];
  let pendingLength = 0;
  let firstNonAscii = -1;
  let done = false;
  while (!done) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : Buffer.from(next.value);
    if (firstNonAscii < 0) {
      const index = chunk.findIndex((b) => b >= 0x80);
      if (index >= 0) firstNonAscii = pendingLength + index;
    }
    pending.push(chunk);
    pendingLength += chunk.length;
    if (pendingLength >= SNIFF_MAX) break;
    if (firstNonAscii >= 0 && pendingLength - firstNonAscii >= SNIFF_AFTER_NON_ASCII) break;
  }
  const head = Buffer.concat(pending, pendingLength);
  // A leading BOM is non-ASCII but says nothing about the rest; it is decisive on its own.
  const encoding = detectListEncoding(head, done);
  onEncoding?.(encoding);
  const decoder = iconv.getDecoder(encoding === 'utf-8' ? 'utf8' : 'cp949', { stripBOM: true });
  const first = decoder.write(head);
  if (first) yield first;
  while (!done) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : Buffer.from(next.value);
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}
