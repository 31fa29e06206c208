import { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { batchIdFor, caseIdFor } from '../../functions/domain/case-id.ts';
import { runIntake } from '../../functions/validate-list/intake.ts';

const LIST = [
  '가구번호,성명,연락처,시군구코드,위기정보',
  'H-001,김영수,010-1234-5678,11680,단전;건강보험료체납',
  'H-002,박 순 자,02 3423 5000,11680,',
  'H-003,이철민,전화없음,11680,',
  'H-001,김영수,010-1234-5678,11680,',
].join('\r\n');

const s3Mock = mockClient(S3Client);
const uploads = new Map<string, string>();

async function text(body: unknown): Promise<string> {
  if (typeof body === 'string') return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

beforeEach(() => {
  s3Mock.reset();
  uploads.clear();
  s3Mock.on(GetObjectCommand).callsFake(() => ({
    // Two small chunks, split inside a Korean character, like a real stream.
    Body: Readable.from([Buffer.from(LIST).subarray(0, 50), Buffer.from(LIST).subarray(50)]),
  }));
  s3Mock.on(PutObjectCommand).callsFake(async (input: { Key: string; Body: unknown }) => {
    uploads.set(input.Key, await text(input.Body));
    return {};
  });
});

describe('Function: runIntake', () => {
  it('writes accepted rows with their case ids and the validate --json report beside the list', async () => {
    // Act
    const result = await runIntake(
      { bucket: 'lists', key: 'lists/11680/2025-03 위기가구.csv', object: { 'version-id': 'v1' } },
      new S3Client({}),
    );

    // Assess
    const batchId = batchIdFor('11680', Buffer.from(LIST));
    expect(result).toMatchObject({ batchId, rows: 4, accepted: 2, invalid: 1, duplicates: 1 });
    expect(result.acceptedKey).toBe('lists/11680/2025-03 위기가구.accepted.jsonl');
    const lines = uploads
      .get(result.acceptedKey)!
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.caseId, l.position, l.household.householdId])).toEqual([
      [caseIdFor(batchId, 'H-001'), 0, 'H-001'],
      [caseIdFor(batchId, 'H-002'), 1, 'H-002'],
    ]);
    expect(lines[0].household).toMatchObject({ phone: '+821012345678', phoneKind: 'MOBILE' });
    const report = JSON.parse(uploads.get('lists/11680/2025-03 위기가구.report.json')!);
    expect(report).toMatchObject({ batchId, rows: 4, accepted: 2 });
    expect(report.invalid).toEqual([expect.objectContaining({ row: 3, field: 'phone' })]);
    expect(report.duplicates).toEqual([{ row: 4, householdId: 'H-001', firstRow: 1 }]);
    expect(s3Mock.commandCalls(GetObjectCommand)[0]!.args[0].input.VersionId).toBe('v1');
  });

  it('reports an unreadable list beside it and uploads no rows', async () => {
    // Prepare
    s3Mock
      .on(GetObjectCommand)
      .callsFake(() => ({ Body: Readable.from([Buffer.from('이름,나이\n홍길동,40\n')]) }));

    // Act
    const result = await runIntake({ bucket: 'lists', key: 'lists/11680/bad.csv' }, new S3Client({}));

    // Assess
    expect(result.unreadable).toMatch(/필수 열이 없습니다/);
    expect([...uploads.keys()]).toEqual(['lists/11680/bad.report.json']);
    expect(JSON.parse(uploads.get('lists/11680/bad.report.json')!).error.code).toBe('UNREADABLE_LIST');
  });

  it('refuses a key outside lists/<5-digit district>/', async () => {
    // Act
    const result = await runIntake({ bucket: 'lists', key: 'lists/gangnam/a.csv' }, new S3Client({}));

    // Assess
    expect(result.unreadable).toMatch(/lists\/<시군구코드 5자리>/);
    expect(s3Mock.commandCalls(GetObjectCommand)).toHaveLength(0);
  });
});
