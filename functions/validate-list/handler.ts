/** First state of the ingest workflow: validate an uploaded list and write its accepted rows and report to S3. */
import { s3 } from '../shared/clients.ts';
import { logger, workflowHandler } from '../shared/log.ts';
import { runIntake, type ValidateListEvent, type ValidateListResult } from './intake.ts';

export const handler = workflowHandler(async (event: ValidateListEvent): Promise<ValidateListResult> => {
  const result = await runIntake(event, s3);
  const { rows, accepted, invalid, duplicates, batchId, unreadable } = result;
  logger.info('list validated', { key: event.key, batchId, rows, accepted, invalid, duplicates, unreadable });
  return result;
});
