/**
 * Cloud intake of one uploaded list (`lists/<district>/<file>.csv`), with the same domain code as the local
 * `wfc validate`. Streams twice from S3 and never holds the list: the first pass hashes the bytes (the batch id
 * must be known before any case id), the second parses row by row into /tmp files, which are then uploaded beside
 * the list: `<file>.accepted.jsonl` (one `{ caseId, position, household }` per line, the Distributed Map's items)
 * and `<file>.report.json` (the `wfc validate --json` shape plus `batchId`).
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { caseIdFor } from '../domain/case-id.ts';
import { readHouseholdList, UnreadableListError } from '../domain/household-list.ts';

export interface ValidateListEvent {
  bucket: string;
  key: string;
  /** The S3 event's `detail.object`: its `version-id` pins the exact upload (the bucket is versioned). */
  object?: { 'version-id'?: string; size?: number };
}

export interface ValidateListResult {
  bucket: string;
  key: string;
  districtCode: string;
  /** Empty when the list is unreadable. */
  batchId: string;
  acceptedKey: string;
  reportKey: string;
  /** Where the Distributed Map writes its run results. */
  resultsPrefix: string;
  rows: number;
  accepted: number;
  invalid: number;
  duplicates: number;
  /** Set when the list as a whole cannot be read (no row got a disposition); the report carries the reason. */
  unreadable?: string;
}

const LIST_KEY = /^lists\/(\d{5})\/(.+)\.csv$/i;

/** The district folder and base name of a list key; throws `UnreadableListError` for any other key. */
export function parseListKey(key: string): { districtCode: string; base: string } {
  const match = LIST_KEY.exec(key);
  if (!match) {
    throw new UnreadableListError(
      `목록은 lists/<시군구코드 5자리>/<파일>.csv 에 올려야 합니다 (list key must be lists/<5-digit district>/<file>.csv, got ${key})`,
    );
  }
  return { districtCode: match[1] as string, base: key.slice(0, -'.csv'.length) };
}

/** Same formula as `batchIdFor` in functions/domain/case-id.ts, over a digest computed while streaming. */
export function batchIdFromDigest(districtCode: string, sha256Hex: string): string {
  return `${districtCode}-${sha256Hex.slice(0, 16)}`;
}

async function objectStream(s3: S3Client, event: ValidateListEvent): Promise<AsyncIterable<Uint8Array>> {
  const { Body } = await s3.send(
    new GetObjectCommand({ Bucket: event.bucket, Key: event.key, VersionId: event.object?.['version-id'] }),
  );
  if (!Body) throw new UnreadableListError(`빈 파일입니다 (empty object ${event.key})`);
  return Body as unknown as AsyncIterable<Uint8Array>;
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

/** Streams a local file to S3 with its exact length (single PUT: up to 5 GB, far above a 1,000,000-row list). */
async function upload(
  s3: S3Client,
  bucket: string,
  key: string,
  file: string,
  contentType: string,
): Promise<void> {
  const { size } = await stat(file);
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: createReadStream(file),
      ContentLength: size,
      ContentType: contentType,
      ServerSideEncryption: 'aws:kms',
    }),
  );
}

async function* concat(...parts: (string | { file: string })[]): AsyncGenerator<string | Buffer> {
  for (const part of parts) {
    if (typeof part === 'string') yield part;
    else yield* createReadStream(part.file) as AsyncIterable<Buffer>;
  }
}

async function writeFrom(file: string, parts: (string | { file: string })[]): Promise<void> {
  const out = createWriteStream(file);
  for await (const chunk of concat(...parts)) if (!out.write(chunk)) await once(out, 'drain');
  await close(out);
}

/**
 * Validates one list and writes the accepted rows and the report beside it. An unreadable list gets a report with
 * the reason and `unreadable` in the result (no accepted rows).
 */
export async function runIntake(
  event: ValidateListEvent,
  s3: S3Client,
  options: { workDir?: string; now?: Date } = {},
): Promise<ValidateListResult> {
  const work = await mkdtemp(join(options.workDir ?? tmpdir(), 'intake-'));
  let districtCode = '';
  let base = event.key;
  try {
    ({ districtCode, base } = parseListKey(event.key));
    const reportKey = `${base}.report.json`;
    const acceptedKey = `${base}.accepted.jsonl`;
    const result: ValidateListResult = {
      bucket: event.bucket,
      key: event.key,
      districtCode,
      batchId: '',
      acceptedKey,
      reportKey,
      resultsPrefix: '',
      rows: 0,
      accepted: 0,
      invalid: 0,
      duplicates: 0,
    };
    try {
      const hash = createHash('sha256');
      for await (const chunk of await objectStream(s3, event)) hash.update(chunk);
      const batchId = batchIdFromDigest(districtCode, hash.digest('hex'));
      result.batchId = batchId;
      result.resultsPrefix = `intake-results/${districtCode}/${batchId}`;

      const files = {
        accepted: join(work, 'accepted.jsonl'),
        invalid: join(work, 'invalid.part'),
        duplicates: join(work, 'duplicates.part'),
        report: join(work, 'report.json'),
      };
      const accepted = createWriteStream(files.accepted);
      const invalid = createWriteStream(files.invalid);
      const duplicates = createWriteStream(files.duplicates);
      try {
        for await (const row of readHouseholdList(await objectStream(s3, event), { now: options.now })) {
          result.rows += 1;
          if (row.disposition === 'ACCEPTED') {
            const caseId = caseIdFor(batchId, row.household.householdId);
            await write(
              accepted,
              `${JSON.stringify({ caseId, position: result.accepted, household: row.household })}\n`,
            );
            result.accepted += 1;
          } else if (row.disposition === 'INVALID') {
            const entry = JSON.stringify({ row: row.row, field: row.field, reason: row.reason });
            await write(invalid, `${result.invalid > 0 ? ',' : ''}${entry}`);
            result.invalid += 1;
          } else {
            const entry = JSON.stringify({
              row: row.row,
              householdId: row.householdId,
              firstRow: row.firstRow,
            });
            await write(duplicates, `${result.duplicates > 0 ? ',' : ''}${entry}`);
            result.duplicates += 1;
          }
        }
      } finally {
        await Promise.all([close(accepted), close(invalid), close(duplicates)]);
      }
      await writeFrom(files.report, [
        JSON.stringify({ batchId, key: event.key, rows: result.rows, accepted: result.accepted }).slice(
          0,
          -1,
        ),
        ',"invalid":[',
        { file: files.invalid },
        '],"duplicates":[',
        { file: files.duplicates },
        ']}',
      ]);
      if (result.accepted > 0) {
        await upload(s3, event.bucket, acceptedKey, files.accepted, 'application/x-ndjson');
      }
      await upload(s3, event.bucket, reportKey, files.report, 'application/json; charset=utf-8');
      return result;
    } catch (error) {
      if (!(error instanceof UnreadableListError)) throw error;
      await putUnreadableReport(s3, event, reportKey, error.message);
      return { ...result, rows: 0, accepted: 0, invalid: 0, duplicates: 0, unreadable: error.message };
    }
  } catch (error) {
    if (!(error instanceof UnreadableListError)) throw error;
    // The key itself is wrong (not lists/<district>/<file>.csv): report beside it all the same.
    const reportKey = `${base}.report.json`;
    await putUnreadableReport(s3, event, reportKey, error.message);
    return {
      bucket: event.bucket,
      key: event.key,
      districtCode,
      batchId: '',
      acceptedKey: '',
      reportKey,
      resultsPrefix: '',
      rows: 0,
      accepted: 0,
      invalid: 0,
      duplicates: 0,
      unreadable: error.message,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function putUnreadableReport(s3: S3Client, event: ValidateListEvent, key: string, message: string) {
  const body = JSON.stringify({ key: event.key, error: { code: 'UNREADABLE_LIST', message } });
  await s3.send(
    new PutObjectCommand({
      Bucket: event.bucket,
      Key: key,
      Body: body,
      ContentType: 'application/json; charset=utf-8',
      ServerSideEncryption: 'aws:kms',
    }),
  );
}
