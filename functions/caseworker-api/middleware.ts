/**
 * The two request middlewares of the caseworker API: JSON body parsing that answers 400 in the contract's error
 * shape, and validation that matches the route and parses its path parameters, query and body with zod.
 */
import type middy from '@middy/core';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { z } from 'zod';
import { ApiError, badRequest, notFound } from './errors.ts';
import { matchRoute, type OperationId } from './routes.ts';

export interface ValidatedRequest {
  operationId: OperationId;
  params: Record<string, string>;
  query: unknown;
  body: unknown;
}

/** An API Gateway REST proxy event after the middlewares ran. */
export type ApiEvent = APIGatewayProxyEvent & { validated?: ValidatedRequest };

type Middleware = middy.MiddlewareObj<ApiEvent, APIGatewayProxyResult>;

/** Parses a JSON body (when there is one); malformed JSON → 400 INVALID_JSON. */
export function jsonBodyParser(): Middleware {
  const parser = httpJsonBodyParser({ disableContentTypeError: true });
  return {
    before: async (request) => {
      const body = request.event.body;
      if (body === null || body === undefined || body === '') return;
      try {
        // biome-ignore lint/suspicious/noExplicitAny: middy's parser is typed for its own event shape.
        await parser.before!(request as any);
      } catch {
        throw badRequest('INVALID_JSON', 'The request body is not valid JSON');
      }
    },
  };
}

function parseWith(schema: z.ZodType | undefined, value: unknown, what: string): unknown {
  if (!schema) return value;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${what}.${issue.path.join('.')}` : what;
  throw badRequest('INVALID_REQUEST', `${where}: ${issue?.message ?? 'invalid'}`);
}

/**
 * Matches the route (404 unknown path, 405 wrong method) and validates its inputs (400), leaving the parsed
 * values on `event.validated`.
 */
export function validateRequest(): Middleware {
  return {
    before: async (request) => {
      const event = request.event;
      const match = matchRoute(event.httpMethod, event.path);
      if (match.kind === 'not-found') throw notFound('No such route');
      if (match.kind === 'method-not-allowed') {
        throw new ApiError(405, 'METHOD_NOT_ALLOWED', `Allowed: ${match.allowed.join(', ')}`);
      }
      const { route } = match;
      const params = { ...match.params, ...(event.pathParameters ?? {}) } as Record<string, string>;
      event.validated = {
        operationId: route.operationId,
        params: parseWith(route.params, params, 'path') as Record<string, string>,
        query: parseWith(route.query, event.queryStringParameters ?? {}, 'query'),
        body: route.body ? parseWith(route.body, event.body ?? undefined, 'body') : undefined,
      };
    },
  };
}
