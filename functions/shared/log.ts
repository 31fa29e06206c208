/**
 * One structured logger (Powertools) for every Lambda. Log identifiers (caseId, contactId), never names, phone
 * numbers or transcript text.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';

export const logger = new Logger({ serviceName: 'welfare-first-call' });

/** Wraps a workflow step (invoked by Step Functions or EventBridge) with the logger context. */
export function workflowHandler<TEvent, TResult>(fn: (event: TEvent) => Promise<TResult>) {
  return middy<TEvent, TResult>().use(injectLambdaContext(logger)).handler(fn);
}
