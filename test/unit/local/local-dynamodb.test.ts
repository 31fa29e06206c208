import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ensureTables,
  LOCAL_AWS_CONFIG,
  type LocalDynamoDb,
  startLocalDynamoDb,
  useRequestHandler,
} from '../../../local/dynamodb/local-dynamodb.ts';

const dirs: string[] = [];
const servers: LocalDynamoDb[] = [];

async function start(dataDir?: string) {
  const db = await startLocalDynamoDb(dataDir ? { dataDir } : {});
  servers.push(db);
  const tables = await ensureTables(db.endpoint, 'snap');
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ ...LOCAL_AWS_CONFIG, endpoint: db.endpoint }),
  );
  useRequestHandler(client, db.requestHandler);
  return { db, tables, client };
}

afterEach(async () => {
  for (const db of servers.splice(0)) await db.stop().catch(() => undefined);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('Function: startLocalDynamoDb', () => {
  it('keeps items, tables and indexes across a stop and a new start on the same folder', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'wfc-snapshot-'));
    dirs.push(dir);
    const first = await start(dir);
    await first.client.send(
      new PutCommand({
        TableName: first.tables.CASES_TABLE_NAME,
        Item: {
          caseId: 'c-1',
          batchId: 'b-1',
          householdId: 'HH-1',
          name: '김순자',
          districtCode: '11680',
          queueKey: 'x',
        },
      }),
    );
    await first.db.stop();
    servers.pop();

    // Act
    const second = await start(dir);
    const { Item } = await second.client.send(
      new GetCommand({ TableName: second.tables.CASES_TABLE_NAME, Key: { caseId: 'c-1' } }),
    );
    const { Items } = await second.client.send(
      new QueryCommand({
        TableName: second.tables.CASES_TABLE_NAME,
        IndexName: 'batchCases',
        KeyConditionExpression: 'batchId = :b',
        ExpressionAttributeValues: { ':b': 'b-1' },
      }),
    );

    // Assess
    expect(Item?.name).toBe('김순자');
    expect(Items?.map((i) => i.caseId)).toEqual(['c-1']);
    expect(statSync(join(dir, 'tables.v8')).size).toBeGreaterThan(0);
  });

  it('writes the snapshot shortly after the last write, without waiting for stop', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'wfc-snapshot-'));
    dirs.push(dir);
    const { client, tables } = await start(dir);

    // Act
    await client.send(new PutCommand({ TableName: tables.CONTROL_TABLE_NAME, Item: { pk: 'OPTOUT#x' } }));
    await new Promise((done) => setTimeout(done, 2600));

    // Assess
    expect(statSync(join(dir, 'tables.v8')).size).toBeGreaterThan(0);
  });

  it('keeps nothing on disk without a folder', async () => {
    // Prepare
    const { client, tables, db } = await start();
    await client.send(new PutCommand({ TableName: tables.CONTROL_TABLE_NAME, Item: { pk: 'OPTOUT#y' } }));
    await db.stop();
    servers.pop();

    // Act
    const again = await start();
    const { Item } = await again.client.send(
      new GetCommand({ TableName: again.tables.CONTROL_TABLE_NAME, Key: { pk: 'OPTOUT#y' } }),
    );

    // Assess
    expect(Item).toBeUndefined();
  });
});
