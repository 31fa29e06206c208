/**
 * Builds the API Gateway REST proxy event (v1) that the caseworker Lambda receives, from a plain HTTP request:
 * resource and path parameters from the route table, multi-value maps, and the authorizer claims.
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { matchRoute } from '../../functions/caseworker-api/routes.ts';

export interface RestRequest {
  method: string;
  /** Path with query string, e.g. `/cases?limit=5`. */
  url: string;
  headers?: Record<string, string | string[] | undefined>;
  body?: string;
  /** Claims of a verified token (all strings), as the Cognito authorizer passes them. */
  claims?: Record<string, string>;
  sourceIp?: string;
}

/** The REST proxy event API Gateway would send for `request`. */
export function buildRestEvent(request: RestRequest): APIGatewayProxyEvent {
  const url = new URL(request.url, 'http://localhost');
  const match = matchRoute(request.method, url.pathname);
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    headers[name] = values.join(',');
    multiValueHeaders[name] = values;
  }
  const query: Record<string, string> = {};
  const multiQuery: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) {
    query[name] = value;
    multiQuery[name] = [...(multiQuery[name] ?? []), value];
  }
  const hasQuery = Object.keys(query).length > 0;
  const resource = match.kind === 'match' ? match.route.path : '/{proxy+}';
  const pathParameters =
    match.kind === 'match'
      ? Object.keys(match.params).length > 0
        ? match.params
        : null
      : { proxy: url.pathname.slice(1) };
  const now = new Date();
  return {
    resource,
    path: url.pathname,
    httpMethod: request.method.toUpperCase(),
    headers,
    multiValueHeaders,
    queryStringParameters: hasQuery ? query : null,
    multiValueQueryStringParameters: hasQuery ? multiQuery : null,
    pathParameters,
    stageVariables: null,
    body: request.body && request.body.length > 0 ? request.body : null,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      resourceId: 'local',
      resourcePath: resource,
      httpMethod: request.method.toUpperCase(),
      path: `/local${url.pathname}`,
      stage: 'local',
      protocol: 'HTTP/1.1',
      requestId: randomUUID(),
      requestTimeEpoch: now.getTime(),
      authorizer: request.claims ? { claims: request.claims } : null,
      identity: {
        sourceIp: request.sourceIp ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? null,
      } as APIGatewayProxyEvent['requestContext']['identity'],
    } as APIGatewayProxyEvent['requestContext'],
  };
}
