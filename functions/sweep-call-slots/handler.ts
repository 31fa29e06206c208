/**
 * Scheduled every few minutes: frees call slots held by household executions that are no longer RUNNING (timed
 * out, aborted or crashed between acquiring and releasing), so the semaphore cannot leak calls away.
 */
import { DescribeExecutionCommand, ExecutionDoesNotExist, type SFNClient } from '@aws-sdk/client-sfn';
import { sweepCallSlots } from '../shared/call-slots.ts';
import { sfn } from '../shared/clients.ts';
import { logger, workflowHandler } from '../shared/log.ts';

/** True while the execution (a slot holder: the household execution's ARN) is RUNNING. */
export async function isExecutionRunning(executionArn: string, client: SFNClient = sfn): Promise<boolean> {
  try {
    const { status } = await client.send(new DescribeExecutionCommand({ executionArn }));
    return status === 'RUNNING';
  } catch (error) {
    if (error instanceof ExecutionDoesNotExist) return false;
    throw error;
  }
}

export const handler = workflowHandler(async (): Promise<{ released: string[] }> => {
  const released = await sweepCallSlots((holder) => isExecutionRunning(holder));
  if (released.length > 0) logger.warn('released call slots of finished executions', { released });
  return { released };
});
