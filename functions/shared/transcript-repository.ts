/**
 * Transcripts table access (DESIGN §3.2): one item per turn, keyed by `contactId` + `seq`, written as the call
 * goes so a caseworker (or the emergency alert) can see what was said before the call ends.
 */
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Transcript, TranscriptTurn } from '../domain/transcript.ts';
import { dynamoDb } from './clients.ts';
import { intEnv, requireEnv } from './env.ts';
import { TRANSCRIPTS_TABLE } from './table-design.ts';

/** Default retention of transcript turns (PII) before DynamoDB TTL removes them. */
export const DEFAULT_TRANSCRIPT_RETENTION_DAYS = 365;

export interface TranscriptRepositoryOptions {
  client?: DynamoDBDocumentClient;
  /** @default process.env.TRANSCRIPTS_TABLE_NAME */
  tableName?: string;
  /** @default process.env.TRANSCRIPT_RETENTION_DAYS or 365 */
  retentionDays?: number;
}

export interface TurnRecord {
  contactId: string;
  /** Position of the turn in the call, starting at 0; turns are read back ordered by it. */
  seq: number;
  speaker: TranscriptTurn['speaker'];
  text: string;
  /** ISO time the turn was spoken. */
  at: string;
  caseId?: string;
}

function tableNameOf(options: TranscriptRepositoryOptions): string {
  return options.tableName ?? requireEnv(TRANSCRIPTS_TABLE.envVar);
}

/**
 * Stores one turn. Writing the same (contactId, seq) twice overwrites it, so a retried Lambda invocation does
 * not duplicate turns. `expiresAt` (epoch seconds) is `at` + retention.
 */
export async function appendTurn(turn: TurnRecord, options: TranscriptRepositoryOptions = {}): Promise<void> {
  const client = options.client ?? dynamoDb;
  await client.send(new PutCommand({ TableName: tableNameOf(options), Item: turnItem(turn, options) }));
}

/**
 * Stores the turns of a call in batches of 25 (BatchWriteItem), retrying unprocessed items. Used where a whole call
 * is known at once (the local phone network writes after the call; it raises alerts mid-call separately).
 */
export async function appendTurns(
  turns: TurnRecord[],
  options: TranscriptRepositoryOptions = {},
): Promise<void> {
  const client = options.client ?? dynamoDb;
  const tableName = tableNameOf(options);
  for (let start = 0; start < turns.length; start += 25) {
    let requests: NonNullable<BatchWriteCommandInput['RequestItems']>[string] = turns
      .slice(start, start + 25)
      .map((turn) => ({ PutRequest: { Item: turnItem(turn, options) } }));
    for (let round = 0; requests.length > 0; round++) {
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** round)));
      if (round > 8) throw new Error(`could not store ${requests.length} transcript turns after retries`);
      const { UnprocessedItems } = await client.send(
        new BatchWriteCommand({ RequestItems: { [tableName]: requests } }),
      );
      requests = UnprocessedItems?.[tableName] ?? [];
    }
  }
}

function turnItem(turn: TurnRecord, options: TranscriptRepositoryOptions): Record<string, unknown> {
  const retentionDays =
    options.retentionDays ?? intEnv('TRANSCRIPT_RETENTION_DAYS', DEFAULT_TRANSCRIPT_RETENTION_DAYS);
  const spokenAt = Date.parse(turn.at);
  const base = Number.isNaN(spokenAt) ? Date.now() : spokenAt;
  return {
    contactId: turn.contactId,
    seq: turn.seq,
    speaker: turn.speaker,
    text: turn.text,
    at: turn.at,
    ...(turn.caseId ? { caseId: turn.caseId } : {}),
    expiresAt: Math.floor(base / 1000) + retentionDays * 86_400,
  };
}

/**
 * Reads every turn of one contact, ordered by `seq` (all pages). An unknown contact gives an empty transcript.
 */
export async function loadTranscript(
  contactId: string,
  options: TranscriptRepositoryOptions = {},
): Promise<Transcript> {
  const client = options.client ?? dynamoDb;
  const turns: TranscriptTurn[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableNameOf(options),
        KeyConditionExpression: 'contactId = :c',
        ExpressionAttributeValues: { ':c': contactId },
        ScanIndexForward: true,
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const speaker = item.speaker === 'bot' ? 'bot' : 'resident';
      turns.push({
        speaker,
        text: String(item.text ?? ''),
        ...(typeof item.at === 'string' ? { at: item.at } : {}),
      });
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return { contactId, locale: 'ko-KR', turns };
}
