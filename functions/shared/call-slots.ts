/**
 * The call-slot semaphore: one Control item `SLOTS#<pool>` holding `inUse` and a `holders` map
 * (execution id → acquired at). Acquire and release are single conditional updates, so concurrent executions never
 * hold more slots than the Connect quota; a sweeper frees slots whose execution died.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDb } from './clients.ts';
import { requireEnv } from './env.ts';

const controlTable = () => requireEnv('CONTROL_TABLE_NAME');
const slotsKey = (pool: string) => `SLOTS#${pool}`;

/** All call slots are taken: the state machine retries later (Retry on this error name). */
export class CallSlotsFullError extends Error {
  constructor(limit: number) {
    super(`All ${limit} call slots are in use`);
    this.name = 'CallSlotsFullError';
  }
}

async function ensureSemaphore(pool: string, client: DynamoDBDocumentClient): Promise<void> {
  try {
    await client.send(
      new PutCommand({
        TableName: controlTable(),
        Item: { pk: slotsKey(pool), inUse: 0, holders: {} },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** Takes one slot for `holder`; idempotent for a holder that already has one. Throws `CallSlotsFullError`. */
export async function acquireCallSlot(
  input: { holder: string; limit: number; now: Date; pool?: string },
  client: DynamoDBDocumentClient = dynamoDb,
): Promise<void> {
  const pool = input.pool ?? 'default';
  const command = new UpdateCommand({
    TableName: controlTable(),
    Key: { pk: slotsKey(pool) },
    UpdateExpression: 'SET holders.#holder = :at ADD inUse :one',
    ConditionExpression:
      'attribute_exists(holders) AND inUse < :limit AND attribute_not_exists(holders.#holder)',
    ExpressionAttributeNames: { '#holder': input.holder },
    ExpressionAttributeValues: { ':at': input.now.toISOString(), ':one': 1, ':limit': input.limit },
  });
  // A failed condition means one of: no semaphore item yet, this holder already has a slot, all slots taken, or
  // another caller changed the item between our read and write. Only "all taken" is reported as full.
  for (let round = 0; round < 5; round++) {
    try {
      await client.send(command);
      return;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const held = await holdersOf(pool, client);
      if (held === undefined) {
        await ensureSemaphore(pool, client);
        continue;
      }
      if (input.holder in held) return;
      if (Object.keys(held).length >= input.limit) throw new CallSlotsFullError(input.limit);
    }
  }
  throw new CallSlotsFullError(input.limit);
}

/** Gives the holder's slot back; a slot already released is fine. */
export async function releaseCallSlot(
  input: { holder: string; pool?: string },
  client: DynamoDBDocumentClient = dynamoDb,
): Promise<boolean> {
  try {
    await client.send(
      new UpdateCommand({
        TableName: controlTable(),
        Key: { pk: slotsKey(input.pool ?? 'default') },
        UpdateExpression: 'REMOVE holders.#holder ADD inUse :minusOne',
        ConditionExpression: 'attribute_exists(holders.#holder)',
        ExpressionAttributeNames: { '#holder': input.holder },
        ExpressionAttributeValues: { ':minusOne': -1 },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

async function holdersOf(
  pool: string,
  client: DynamoDBDocumentClient,
): Promise<Record<string, string> | undefined> {
  const { Item } = await client.send(
    new GetCommand({ TableName: controlTable(), Key: { pk: slotsKey(pool) }, ConsistentRead: true }),
  );
  return Item?.holders as Record<string, string> | undefined;
}

/** The current holders (execution id → acquired at). */
export async function listCallSlotHolders(
  pool = 'default',
  client: DynamoDBDocumentClient = dynamoDb,
): Promise<Record<string, string>> {
  return (await holdersOf(pool, client)) ?? {};
}

/**
 * Frees every slot whose holder is no longer running (an execution that timed out, was aborted or crashed
 * between acquire and release). Returns the holders released.
 */
export async function sweepCallSlots(
  isRunning: (holder: string) => Promise<boolean>,
  pool = 'default',
  client: DynamoDBDocumentClient = dynamoDb,
): Promise<string[]> {
  const released: string[] = [];
  for (const holder of Object.keys(await listCallSlotHolders(pool, client))) {
    if (!(await isRunning(holder)) && (await releaseCallSlot({ holder, pool }, client)))
      released.push(holder);
  }
  return released;
}
