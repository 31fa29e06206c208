/**
 * DynamoDB access of the caseworker API: the district queue (Query on the sparse `districtQueue` index, never a
 * Scan), single cases, claim and review writes guarded by conditions, batch progress (Query on `batchCases`) and
 * the access log.
 */
import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { queueKeyBounds } from '../domain/case-queue.ts';
import type { CaseNote, CaseRecord, CaseResult, ReviewState } from '../domain/case-record.ts';
import type { Urgency } from '../domain/consultation-summary.ts';

export interface CaseTables {
  cases: string;
  transcripts: string;
  accessLog: string;
}

export interface QueueFilter {
  review?: ReviewState;
  result?: CaseResult;
  urgency?: Urgency;
}

/** A queue row as read from the index: only the attributes a list item needs. */
export type QueueRow = Pick<
  CaseRecord,
  | 'caseId'
  | 'batchId'
  | 'householdId'
  | 'districtCode'
  | 'name'
  | 'phone'
  | 'result'
  | 'review'
  | 'urgency'
  | 'crisisTypes'
  | 'followUp'
  | 'assignee'
  | 'updatedAt'
  | 'doneAt'
> & { queueKey: string };

const QUEUE_ATTRIBUTES = [
  'caseId',
  'batchId',
  'householdId',
  'districtCode',
  'name',
  'phone',
  'result',
  'review',
  'urgency',
  'crisisTypes',
  'followUp',
  'assignee',
  'updatedAt',
  'doneAt',
  'queueKey',
];

export interface AccessLogEntry {
  caseId: string;
  readerId: string;
  readerName: string;
  readerDistrict: string;
  caseDistrict: string;
  sourceIp?: string;
  at: string;
  expiresAt: number;
}

/** The write lost a race (the item changed between read and write). */
export class WriteConflictError extends Error {
  constructor() {
    super('The case changed while it was being updated');
    this.name = 'WriteConflictError';
  }
}

function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error instanceof Error && error.name === 'ConditionalCheckFailedException')
  );
}

export class CaseRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    readonly tables: CaseTables,
  ) {}

  /** One case by id (strongly consistent), or undefined. */
  async getCase(caseId: string): Promise<CaseRecord | undefined> {
    const out = await this.client.send(
      new GetCommand({ TableName: this.tables.cases, Key: { caseId }, ConsistentRead: true }),
    );
    return out.Item as CaseRecord | undefined;
  }

  /**
   * Up to `want` queue rows of one district after `afterKey`, in queue order, reading further pages while the
   * filters leave a page short. `urgency` narrows the key range; `review`/`result` are filter expressions.
   */
  async queryQueue(district: string, filter: QueueFilter, afterKey: string | undefined, want: number) {
    const names: Record<string, string> = { '#d': 'districtCode' };
    const values: Record<string, unknown> = { ':d': district };
    let keyCondition = '#d = :d';
    if (filter.urgency) {
      const { from, to } = queueKeyBounds(filter.urgency);
      values[':from'] = afterKey && afterKey > from ? afterKey : from;
      values[':to'] = to;
      names['#k'] = 'queueKey';
      keyCondition += ' AND #k BETWEEN :from AND :to';
    } else if (afterKey) {
      values[':after'] = afterKey;
      names['#k'] = 'queueKey';
      keyCondition += ' AND #k > :after';
    }
    const filters: string[] = [];
    if (filter.review) {
      names['#review'] = 'review';
      values[':review'] = filter.review;
      filters.push('#review = :review');
    }
    if (filter.result) {
      names['#result'] = 'result';
      values[':result'] = filter.result;
      filters.push('#result = :result');
    }
    const projection = QUEUE_ATTRIBUTES.map((attribute, i) => {
      names[`#p${i}`] = attribute;
      return `#p${i}`;
    }).join(', ');
    const rows: QueueRow[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const input: QueryCommandInput = {
        TableName: this.tables.cases,
        IndexName: 'districtQueue',
        KeyConditionExpression: keyCondition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ProjectionExpression: projection,
        ...(filters.length > 0 ? { FilterExpression: filters.join(' AND ') } : {}),
        Limit: Math.max(want - rows.length, 1),
        ExclusiveStartKey: startKey,
      };
      const page = await this.client.send(new QueryCommand(input));
      for (const item of page.Items ?? []) {
        // BETWEEN is inclusive: never repeat the cursor's own row.
        if (afterKey && item.queueKey === afterKey) continue;
        rows.push(item as QueueRow);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey && rows.length < want);
    return rows.slice(0, want);
  }

  /** Assigns the case to `assignee` if nobody holds it; NEW becomes ASSIGNED. */
  async claim(caseId: string, assignee: string, review: ReviewState, now: string): Promise<CaseRecord> {
    try {
      const out = await this.client.send(
        new UpdateCommand({
          TableName: this.tables.cases,
          Key: { caseId },
          UpdateExpression: 'SET #a = :a, #r = :r, #u = :u',
          ConditionExpression: 'attribute_exists(caseId) AND attribute_not_exists(#a) AND #r = :seen',
          ExpressionAttributeNames: { '#a': 'assignee', '#r': 'review', '#u': 'updatedAt' },
          ExpressionAttributeValues: {
            ':a': assignee,
            ':r': review === 'NEW' ? 'ASSIGNED' : review,
            ':seen': review,
            ':u': now,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return out.Attributes as CaseRecord;
    } catch (error) {
      if (isConditionFailure(error)) throw new WriteConflictError();
      throw error;
    }
  }

  /**
   * Moves the review from `seen` to `review` (when given) and appends `note` (when given), only if the review
   * and assignee are still what the caller decided on.
   */
  async updateReview(
    caseId: string,
    change: {
      seen: ReviewState;
      seenAssignee?: string;
      review?: ReviewState;
      assignee?: string;
      note?: CaseNote;
    },
    now: string,
  ): Promise<CaseRecord> {
    const names: Record<string, string> = { '#r': 'review', '#u': 'updatedAt', '#a': 'assignee' };
    const values: Record<string, unknown> = { ':seen': change.seen, ':u': now };
    const sets = ['#u = :u'];
    if (change.review) {
      sets.push('#r = :r');
      values[':r'] = change.review;
    }
    if (change.assignee) {
      sets.push('#a = :a');
      values[':a'] = change.assignee;
    }
    if (change.note) {
      names['#n'] = 'notes';
      values[':note'] = [change.note];
      values[':empty'] = [];
      sets.push('#n = list_append(if_not_exists(#n, :empty), :note)');
    }
    let condition = 'attribute_exists(caseId) AND #r = :seen AND ';
    if (change.seenAssignee) {
      values[':seenA'] = change.seenAssignee;
      condition += '#a = :seenA';
    } else {
      condition += 'attribute_not_exists(#a)';
    }
    try {
      const out = await this.client.send(
        new UpdateCommand({
          TableName: this.tables.cases,
          Key: { caseId },
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return out.Attributes as CaseRecord;
    } catch (error) {
      if (isConditionFailure(error)) throw new WriteConflictError();
      throw error;
    }
  }

  /** Every case of one batch (all pages of the `batchCases` index), with only the fields progress needs. */
  async batchCases(
    batchId: string,
  ): Promise<Pick<CaseRecord, 'districtCode' | 'progress' | 'result' | 'review'>[]> {
    const rows: Pick<CaseRecord, 'districtCode' | 'progress' | 'result' | 'review'>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tables.cases,
          IndexName: 'batchCases',
          KeyConditionExpression: '#b = :b',
          ExpressionAttributeNames: {
            '#b': 'batchId',
            '#d': 'districtCode',
            '#p': 'progress',
            '#r': 'result',
            '#v': 'review',
          },
          ExpressionAttributeValues: { ':b': batchId },
          ProjectionExpression: '#d, #p, #r, #v',
          ExclusiveStartKey: startKey,
        }),
      );
      rows.push(...((page.Items ?? []) as typeof rows));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return rows;
  }

  /** Records one full-case read. The sort key is the read time plus a random suffix, so reads never collide. */
  async logAccess(entry: AccessLogEntry): Promise<void> {
    const suffix = randomUUID().slice(0, 8);
    await this.client.send(
      new PutCommand({
        TableName: this.tables.accessLog,
        Item: { ...entry, readAt: `${entry.at}#${suffix}` },
      }),
    );
  }
}
