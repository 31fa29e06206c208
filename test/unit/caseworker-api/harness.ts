/**
 * Invokes the caseworker handler in-process with API Gateway REST events, against the test file's own tables.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import type { ApiConfig } from '../../../functions/caseworker-api/config.ts';
import type { createHandler } from '../../../functions/caseworker-api/handler.ts';
import { LOCAL_AWS_CONFIG } from '../../../local/dynamodb/local-dynamodb.ts';
import { buildRestEvent } from '../../../local/serve/api-gateway-event.ts';

export function localClient(endpoint: string): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint, ...LOCAL_AWS_CONFIG }), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

export function configFor(tables: Record<string, string>, extra: Partial<ApiConfig> = {}): ApiConfig {
  return {
    casesTable: tables.CASES_TABLE_NAME!,
    transcriptsTable: tables.TRANSCRIPTS_TABLE_NAME!,
    accessLogTable: tables.ACCESS_LOG_TABLE_NAME!,
    cursorSecret: 'test-cursor-secret-0123456789',
    supervisorDistricts: { '11680': ['11680', '11650'] },
    accessLogRetentionDays: 30,
    ...extra,
  };
}

/** Claims as the REST Cognito authorizer passes them. */
export function claimsOf(
  district: string,
  role: 'caseworker' | 'supervisor' = 'caseworker',
  sub = `${role}-${district}`,
) {
  return {
    sub,
    'cognito:username': sub,
    email: `${sub}@gangnam.go.kr`,
    'custom:district': district,
    'cognito:groups': role,
  };
}

export const context = {
  functionName: 'caseworker-api-test',
  awsRequestId: 'req-1',
  getRemainingTimeInMillis: () => 1000,
} as unknown as Context;

// biome-ignore lint/suspicious/noExplicitAny: answers are asserted field by field in the tests.
type Json = any;

export type Invoke = (
  method: string,
  url: string,
  options?: { claims?: Record<string, string> | null; body?: unknown; rawBody?: string },
) => Promise<{ status: number; body: Json; headers: Record<string, unknown> }>;

/** A function that calls `handler` like API Gateway would and parses the JSON answer. */
export function invoker(handler: ReturnType<typeof createHandler>): Invoke {
  return async (method, url, options = {}) => {
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const event = buildRestEvent({
      method,
      url,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body }),
      ...(options.claims === null ? {} : { claims: options.claims ?? claimsOf('11680') }),
    });
    const result = await handler(event, context);
    return { status: result.statusCode, body: JSON.parse(result.body), headers: result.headers ?? {} };
  };
}
