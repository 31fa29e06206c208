import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { ensureTables, useLocalDynamoDbEnvironment } from '../../local/dynamodb/local-dynamodb.ts';

/**
 * Creates a fresh set of project tables (unique prefix) on the test run's DynamoDB Local and points the
 * process environment at them. Call in `beforeAll` before importing handlers that read table names.
 */
export async function useFreshLocalTables(): Promise<{ endpoint: string; tables: Record<string, string> }> {
  const endpoint = inject('dynamoDbEndpoint');
  const tables = await ensureTables(endpoint, `t${randomUUID().slice(0, 8)}-`);
  useLocalDynamoDbEnvironment(endpoint, tables);
  return { endpoint, tables };
}
