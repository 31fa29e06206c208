/**
 * Caseworker API (contract 3.6): one Lambda behind API Gateway (REST, Cognito user pool authorizer).
 * Middleware order: logger context → header normalizer → JSON body parser → validation (route + schemas) →
 * httpErrorHandler (last). Business code throws `ApiError`s; unexpected errors become a fixed 500 body.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import middy from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { dynamoDb } from '../shared/clients.ts';
import { CaseRepository } from './case-repository.ts';
import { type ApiConfig, configFromEnv } from './config.ts';
import { ApiError, INTERNAL_ERROR_BODY } from './errors.ts';
import { callerFromClaims } from './identity.ts';
import { type ApiEvent, jsonBodyParser, validateRequest } from './middleware.ts';
import { openApiDocument } from './openapi.ts';
import type { ListCasesQuery, UpdateCaseBody } from './routes.ts';
import { CaseworkerService } from './service.ts';

const logger = new Logger({ serviceName: 'caseworker-api' });

export interface HandlerOptions {
  client?: DynamoDBDocumentClient;
  /** @default read once from the environment (see config.ts) */
  config?: ApiConfig;
  now?: () => Date;
}

function json(statusCode: number, body: unknown): APIGatewayProxyResult {
  return {
    statusCode,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
    body: JSON.stringify(body),
  };
}

/** Logs failures without request data (no PII): the code for 4xx, the error for 5xx. */
function logFailure(error: unknown): void {
  if (error instanceof ApiError)
    logger.info('request refused', { status: error.statusCode, code: error.code });
  else logger.error('request failed', error as Error);
}

/** Builds the handler; tests and `wfc serve` pass their own client and configuration. */
export function createHandler(options: HandlerOptions = {}) {
  let service: CaseworkerService | undefined;
  const serviceOf = (): CaseworkerService => {
    if (service) return service;
    const config = options.config ?? configFromEnv();
    const client = options.client ?? dynamoDb;
    const repository = new CaseRepository(client, {
      cases: config.casesTable,
      transcripts: config.transcriptsTable,
      accessLog: config.accessLogTable,
    });
    service = new CaseworkerService({ repository, client, config, now: options.now ?? (() => new Date()) });
    return service;
  };

  const lambdaHandler = async (event: ApiEvent): Promise<APIGatewayProxyResult> => {
    const request = event.validated!;
    if (request.operationId === 'getOpenApi') return json(200, openApiDocument());
    const api = serviceOf();
    const caller = callerFromClaims(event.requestContext?.authorizer?.claims, api.config.supervisorDistricts);
    const id = request.params.caseId ?? request.params.batchId ?? '';
    switch (request.operationId) {
      case 'listCases':
        return json(200, await api.listCases(caller, request.query as ListCasesQuery));
      case 'getCase':
        return json(200, await api.getCase(caller, id, event.requestContext?.identity?.sourceIp));
      case 'claimCase':
        return json(200, await api.claimCase(caller, id));
      case 'updateCase':
        return json(200, await api.updateCase(caller, id, request.body as UpdateCaseBody));
      case 'getBatch':
        return json(200, await api.getBatch(caller, id));
    }
  };

  return middy<ApiEvent, APIGatewayProxyResult>()
    .use(injectLambdaContext(logger))
    .use(httpHeaderNormalizer())
    .use(jsonBodyParser())
    .use(validateRequest())
    .use(httpErrorHandler({ logger: logFailure, fallbackMessage: INTERNAL_ERROR_BODY }))
    .handler(lambdaHandler);
}

export const handler = createHandler();
