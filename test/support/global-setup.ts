import type { TestProject } from 'vitest/node';
import { type LocalDynamoDb, startLocalDynamoDb } from '../../local/dynamodb/local-dynamodb.ts';

let dynamoDb: LocalDynamoDb | undefined;

/** Starts one in-memory DynamoDB Local for the test run; tests read its endpoint from `inject('dynamoDbEndpoint')`. */
export async function setup(project: TestProject): Promise<void> {
  dynamoDb = await startLocalDynamoDb();
  project.provide('dynamoDbEndpoint', dynamoDb.endpoint);
}

export async function teardown(): Promise<void> {
  await dynamoDb?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
  }
}
