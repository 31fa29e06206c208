/**
 * EventBridge "Amazon Connect Contact Event" → how the consultation call ended → SendTaskSuccess to the waiting
 * household workflow. Only DISCONNECTED events of outbound API calls carry an answer; others are ignored.
 */
import { DescribeContactCommand, GetContactAttributesCommand } from '@aws-sdk/client-connect';
import { InvalidToken, SendTaskSuccessCommand, TaskDoesNotExist, TaskTimedOut } from '@aws-sdk/client-sfn';
import type { EventBridgeEvent } from 'aws-lambda';
import { type CallReport, classifyCall } from '../domain/call-outcome.ts';
import { ATTR } from '../domain/contact-attributes.ts';
import { connect, sfn } from '../shared/clients.ts';
import { logger, workflowHandler } from '../shared/log.ts';

export interface ContactEventDetail {
  eventType: string;
  contactId: string;
  initialContactId?: string;
  channel?: string;
  instanceArn: string;
  initiationMethod?: string;
}

export type ContactEvent = EventBridgeEvent<'Amazon Connect Contact Event', ContactEventDetail>;

/** The instance id is the last segment of the instance ARN (arn:aws:connect:…:instance/<id>). */
export function instanceIdOf(instanceArn: string): string {
  return instanceArn.split('/').pop() ?? instanceArn;
}

export async function handleContactEvent(
  event: ContactEvent,
  clients = { connect, sfn },
  now = new Date(),
): Promise<CallReport | undefined> {
  const detail = event.detail;
  if (detail.eventType !== 'DISCONNECTED') return undefined;
  const instanceId = instanceIdOf(detail.instanceArn);
  const { Attributes = {} } = await clients.connect.send(
    new GetContactAttributesCommand({
      InstanceId: instanceId,
      InitialContactId: detail.initialContactId ?? detail.contactId,
    }),
  );
  const taskToken = Attributes[ATTR.taskToken];
  if (!taskToken) {
    logger.info('contact is not a consultation call', { contactId: detail.contactId });
    return undefined;
  }
  const { Contact } = await clients.connect.send(
    new DescribeContactCommand({ InstanceId: instanceId, ContactId: detail.contactId }),
  );
  const report = classifyCall(
    detail.contactId,
    {
      connectedToSystemAt: Contact?.ConnectedToSystemTimestamp,
      initiatedAt: Contact?.InitiationTimestamp,
      disconnectedAt: Contact?.DisconnectTimestamp,
      disconnectReason: Contact?.DisconnectReason,
      noResponse: Attributes[ATTR.noResponse] === 'true',
    },
    now,
  );
  try {
    await clients.sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(report) }));
  } catch (error) {
    // The execution already moved on (timed out, aborted, or this event was delivered twice): nothing to report to.
    if (error instanceof TaskTimedOut || error instanceof TaskDoesNotExist || error instanceof InvalidToken) {
      logger.warn('task token no longer waiting', { contactId: detail.contactId, error: error.name });
      return report;
    }
    throw error;
  }
  logger.info('call ended', { contactId: detail.contactId, outcome: report.outcome });
  return report;
}

export const handler = workflowHandler((event: ContactEvent) => handleContactEvent(event));
