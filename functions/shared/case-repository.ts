/**
 * The Cases and Control tables as the workflow sees them. Every function takes the document client as a defaulted
 * parameter, so tests and the local runtime pass their own (pointed at DynamoDB Local), never a fake.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { queueKeyFor, queueUrgency } from '../domain/case-queue.ts';
import type { CallAttempt, CaseRecord, CaseResult, Progress } from '../domain/case-record.ts';
import type { ConsultationSummary } from '../domain/consultation-summary.ts';
import type { Household } from '../domain/household.ts';
import { dynamoDb } from './clients.ts';
import { requireEnv } from './env.ts';

const casesTable = () => requireEnv('CASES_TABLE_NAME');
const controlTable = () => requireEnv('CONTROL_TABLE_NAME');

const activeKey = (districtCode: string, householdId: string) => `ACTIVE#${districtCode}#${householdId}`;
const optOutKey = (districtCode: string, householdId: string) => `OPTOUT#${districtCode}#${householdId}`;

export type Reservation = 'RESERVED' | 'ALREADY_RESERVED' | 'DUPLICATE' | 'OPTED_OUT';

export class CaseNotFoundError extends Error {
  constructor(caseId: string) {
    super(`Case ${caseId} does not exist`);
    this.name = 'CaseNotFoundError';
  }
}

const expiry = (now: Date, retentionDays: number) =>
  Math.floor(now.getTime() / 1000) + retentionDays * 86_400;

/**
 * Creates the case for (batch, household), at most once, and marks the household active so another list cannot
 * call it at the same time. A household that opted out gets a finished OPTED_OUT case instead.
 */
export async function reserveCase(
  input: {
    caseId: string;
    batchId: string;
    household: Household;
    verificationCode: string;
    now: Date;
    retentionDays: number;
  },
  client: DynamoDBDocumentClient = dynamoDb,
): Promise<Reservation> {
  const { caseId, batchId, household, now } = input;
  const at = now.toISOString();
  const base: CaseRecord = {
    ...household,
    caseId,
    batchId,
    progress: 'SCHEDULED',
    attempts: [],
    verificationCode: input.verificationCode,
    createdAt: at,
    updatedAt: at,
    expiresAt: expiry(now, input.retentionDays),
  };
  if (await isOptedOut(household.districtCode, household.householdId, client)) {
    const finished: CaseRecord = {
      ...base,
      progress: 'DONE',
      result: 'OPTED_OUT',
      review: 'NEW',
      urgency: 'LOW',
      crisisTypes: [],
      followUp: 'NONE',
      doneAt: at,
      queueKey: queueKeyFor('LOW', at, caseId),
    };
    try {
      await client.send(
        new PutCommand({
          TableName: casesTable(),
          Item: finished,
          ConditionExpression: 'attribute_not_exists(caseId)',
        }),
      );
      return 'OPTED_OUT';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'ALREADY_RESERVED';
      throw error;
    }
  }
  // Two conditional writes rather than one transaction (the local engine has no TransactWriteItems): lock the
  // household for this case first, then create the case. A crash in between leaves only the lock, which a redrive
  // of the same execution passes (same caseId).
  try {
    await client.send(
      new PutCommand({
        TableName: controlTable(),
        Item: { pk: activeKey(household.districtCode, household.householdId), caseId, batchId, since: at },
        ConditionExpression: 'attribute_not_exists(pk) OR caseId = :caseId',
        ExpressionAttributeValues: { ':caseId': caseId },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    return (await caseExists(caseId, client)) ? 'ALREADY_RESERVED' : 'DUPLICATE';
  }
  try {
    await client.send(
      new PutCommand({
        TableName: casesTable(),
        Item: base,
        ConditionExpression: 'attribute_not_exists(caseId)',
      }),
    );
    return 'RESERVED';
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    // The same list again: the case exists. If it already finished, the lock just taken must not outlive it.
    const existing = await getCase(caseId, client);
    if (existing.progress === 'DONE')
      await releaseHousehold(household.districtCode, household.householdId, caseId, client);
    return 'ALREADY_RESERVED';
  }
}

async function caseExists(caseId: string, client: DynamoDBDocumentClient): Promise<boolean> {
  const { Item } = await client.send(
    new GetCommand({ TableName: casesTable(), Key: { caseId }, ProjectionExpression: 'caseId' }),
  );
  return Item !== undefined;
}

async function findCase(caseId: string, client: DynamoDBDocumentClient): Promise<CaseRecord | undefined> {
  const { Item } = await client.send(
    new GetCommand({ TableName: casesTable(), Key: { caseId }, ConsistentRead: true }),
  );
  return Item as CaseRecord | undefined;
}

async function createFinishedOrphan(
  input: FinishInput,
  values: Record<string, unknown>,
  client: DynamoDBDocumentClient,
): Promise<CaseRecord> {
  const orphan = input.orphan as NonNullable<FinishInput['orphan']>;
  const doneAt = values[':doneAt'] as string;
  const record: CaseRecord & { endReason: string } = {
    ...orphan.household,
    caseId: input.caseId,
    batchId: orphan.batchId,
    progress: 'DONE',
    result: input.result,
    review: 'NEW',
    urgency: values[':urgency'] as CaseRecord['urgency'],
    crisisTypes: values[':types'] as string[],
    followUp: values[':followUp'] as string,
    attempts: [],
    verificationCode: '',
    createdAt: doneAt,
    updatedAt: doneAt,
    doneAt,
    queueKey: values[':queueKey'] as string,
    endReason: input.reason,
    expiresAt: expiry(input.now, orphan.retentionDays),
    ...(input.summary ? { summary: input.summary } : {}),
  };
  try {
    await client.send(
      new PutCommand({
        TableName: casesTable(),
        Item: record,
        ConditionExpression: 'attribute_not_exists(caseId)',
      }),
    );
    return record;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    return getCase(input.caseId, client);
  }
}

/** Reads a case, or throws `CaseNotFoundError`. */
export async function getCase(
  caseId: string,
  client: DynamoDBDocumentClient = dynamoDb,
): Promise<CaseRecord> {
  const { Item } = await client.send(
    new GetCommand({ TableName: casesTable(), Key: { caseId }, ConsistentRead: true }),
  );
  if (!Item) throw new CaseNotFoundError(caseId);
  return Item as CaseRecord;
}

/** Sets the workflow progress of an unfinished case. */
export async function setProgress(
  caseId: string,
  progress: Progress,
  now: Date,
  client: DynamoDBDocumentClient = dynamoDb,
): Promise<void> {
  await client.send(
    new UpdateCommand({
      TableName: casesTable(),
      Key: { caseId },
      UpdateExpression: 'SET progress = :p, updatedAt = :t',
      ConditionExpression: 'attribute_exists(caseId) AND progress <> :done',
      ExpressionAttributeValues: { ':p': progress, ':t': now.toISOString(), ':done': 'DONE' },
    }),
  );
}

/**
 * Appends one call attempt (idempotent per contactId: a retried Lambda does not record the call twice) and sets
 * progress. Returns the case as stored afterwards.
 */
export async function recordAttempt(
  caseId: string,
  attempt: CallAttempt,
  progress: Progress,
  now: Date,
  client: DynamoDBDocumentClient = dynamoDb,
): Promise<CaseRecord> {
  // One conditional write; the set of recorded contact ids makes a retried invocation a no-op.
  const contactKey = attempt.contactId === 'none' ? `none@${now.toISOString()}` : attempt.contactId;
  try {
    const { Attributes } = await client.send(
      new UpdateCommand({
        TableName: casesTable(),
        Key: { caseId },
        UpdateExpression:
          'SET attempts = list_append(attempts, :a), progress = :p, updatedAt = :t ADD attemptContacts :contacts',
        ConditionExpression:
          'attribute_exists(caseId) AND progress <> :done AND NOT contains(attemptContacts, :contact)',
        ExpressionAttributeValues: {
          ':a': [attempt],
          ':p': progress,
          ':t': now.toISOString(),
          ':contacts': new Set([contactKey]),
          ':contact': contactKey,
          ':done': 'DONE',
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Attributes as CaseRecord;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const current = await getCase(caseId, client);
    if (current.attempts.some((a) => a.contactId === attempt.contactId)) return current;
    throw error;
  }
}

/** Marks an unfinished case CALLING and returns it (one write instead of a read and a write). */
export async function markCalling(
  caseId: string,
  now: Date,
  client: DynamoDBDocumentClient = dynamoDb,
): Promise<CaseRecord> {
  try {
    const { Attributes } = await client.send(
      new UpdateCommand({
        TableName: casesTable(),
        Key: { caseId },
        UpdateExpression: 'SET progress = :calling, updatedAt = :t',
        ConditionExpression: 'attribute_exists(caseId) AND progress <> :done',
        ExpressionAttributeValues: { ':calling': 'CALLING', ':t': now.toISOString(), ':done': 'DONE' },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Attributes as CaseRecord;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new CaseNotFoundError(caseId);
    throw error;
  }
}

/** Counts a callback the workflow is about to honour; returns the new count. */
export async function countCallback(
  caseId: string,
  now: Date,
  client: DynamoDBDocumentClient = dynamoDb,
): Promise<number> {
  const { Attributes } = await client.send(
    new UpdateCommand({
      TableName: casesTable(),
      Key: { caseId },
      UpdateExpression: 'ADD callbacks :one SET progress = :p, updatedAt = :t',
      ExpressionAttributeValues: { ':one': 1, ':p': 'RETRY_WAIT', ':t': now.toISOString() },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(Attributes?.callbacks ?? 1);
}

export interface FinishInput {
  caseId: string;
  result: CaseResult;
  summary?: ConsultationSummary;
  consultedContactId?: string;
  /** Why the case ended this way (kept for operators), e.g. "SYSTEM_ERROR: States.Timeout". */
  reason: string;
  now: Date;
  /**
   * The household as the workflow knows it, so a case that was never reserved (reservation failed for good) still
   * gets its terminal record: no household ends without one.
   */
  orphan?: { batchId: string; household: Household; retentionDays: number };
}

/**
 * Writes the terminal state of a case once: progress DONE, result, summary fields, the queue key, review NEW; and
 * frees the household for later lists. A second call returns the case as first finished.
 */
export async function finishCase(
  input: FinishInput,
  client: DynamoDBDocumentClient = dynamoDb,
): Promise<CaseRecord> {
  const doneAt = input.now.toISOString();
  const urgency = queueUrgency(input.result, input.summary?.urgency);
  const values: Record<string, unknown> = {
    ':done': 'DONE',
    ':result': input.result,
    ':review': 'NEW',
    ':urgency': urgency,
    ':types': input.summary?.crisisTypes ?? [],
    ':followUp': input.summary?.followUp ?? (input.result === 'UNREACHABLE' ? 'HOME_VISIT' : 'NONE'),
    ':doneAt': doneAt,
    ':queueKey': queueKeyFor(urgency, doneAt, input.caseId),
    ':reason': input.reason,
  };
  let update =
    'SET progress = :done, #result = :result, review = :review, urgency = :urgency, crisisTypes = :types, ' +
    'followUp = :followUp, doneAt = :doneAt, updatedAt = :doneAt, queueKey = :queueKey, endReason = :reason';
  if (input.summary) {
    update += ', summary = :summary';
    values[':summary'] = input.summary;
  }
  if (input.consultedContactId) {
    update += ', consultedContactId = :contactId';
    values[':contactId'] = input.consultedContactId;
  }
  let finished: CaseRecord;
  try {
    const { Attributes } = await client.send(
      new UpdateCommand({
        TableName: casesTable(),
        Key: { caseId: input.caseId },
        UpdateExpression: update,
        ConditionExpression: 'attribute_exists(caseId) AND progress <> :done',
        ExpressionAttributeNames: { '#result': 'result' },
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    finished = Attributes as CaseRecord;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const existing = await findCase(input.caseId, client);
    if (existing) {
      if (existing.progress !== 'DONE') throw error;
      finished = existing;
    } else if (input.orphan) {
      finished = await createFinishedOrphan(input, values, client);
    } else {
      throw new CaseNotFoundError(input.caseId);
    }
  }
  await releaseHousehold(finished.districtCode, finished.householdId, finished.caseId, client);
  return finished;
}

async function releaseHousehold(
  districtCode: string,
  householdId: string,
  caseId: string,
  client: DynamoDBDocumentClient,
): Promise<void> {
  try {
    await client.send(
      new DeleteCommand({
        TableName: controlTable(),
        Key: { pk: activeKey(districtCode, householdId) },
        ConditionExpression: 'caseId = :caseId',
        ExpressionAttributeValues: { ':caseId': caseId },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** True when the household asked never to be called again. */
export async function isOptedOut(
  districtCode: string,
  householdId: string,
  client: DynamoDBDocumentClient = dynamoDb,
): Promise<boolean> {
  const { Item } = await client.send(
    new GetCommand({
      TableName: controlTable(),
      Key: { pk: optOutKey(districtCode, householdId) },
      ConsistentRead: true,
    }),
  );
  return Item !== undefined;
}

/** Records "다시는 전화하지 마세요": no later list will call this household. */
export async function recordOptOut(
  input: { districtCode: string; householdId: string; caseId: string; now: Date },
  client: DynamoDBDocumentClient = dynamoDb,
): Promise<void> {
  await client.send(
    new PutCommand({
      TableName: controlTable(),
      Item: {
        pk: optOutKey(input.districtCode, input.householdId),
        caseId: input.caseId,
        at: input.now.toISOString(),
      },
    }),
  );
}

/** True when the household has an open case (from this or another list). */
export async function isHouseholdActive(
  districtCode: string,
  householdId: string,
  client: DynamoDBDocumentClient = dynamoDb,
): Promise<boolean> {
  const { Item } = await client.send(
    new GetCommand({ TableName: controlTable(), Key: { pk: activeKey(districtCode, householdId) } }),
  );
  return Item !== undefined;
}

/** The batch whose case currently holds the household, if any. */
export async function activeBatchOf(
  districtCode: string,
  householdId: string,
  client: DynamoDBDocumentClient = dynamoDb,
): Promise<string | undefined> {
  const { Item } = await client.send(
    new GetCommand({ TableName: controlTable(), Key: { pk: activeKey(districtCode, householdId) } }),
  );
  return Item?.batchId as string | undefined;
}
